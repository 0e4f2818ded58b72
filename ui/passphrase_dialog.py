"""Change the passphrase: the current one, then the new one twice, with the strength shown."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QProgressBar

from app.store.passphrase import strength


class ChangePassphraseDialog(QDialog):
    chosen = Signal(str, str)  # current passphrase, new passphrase

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change passphrase"))
        form = QFormLayout(self)
        intro = QLabel(self.tr("The vault is encrypted again with the new passphrase. Backups you made "
                               "earlier still open with the old one."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setAccessibleName(self.tr("Current passphrase"))
        self.new1 = QLineEdit()
        self.new1.setEchoMode(QLineEdit.EchoMode.Password)
        self.new2 = QLineEdit()
        self.new2.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        form.addRow(self.tr("Current passphrase"), self.current)
        form.addRow(self.tr("New passphrase"), self.new1)
        form.addRow(self.tr("Repeat new passphrase"), self.new2)
        form.addRow(self.tr("Strength"), self.meter)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.new1.textChanged.connect(lambda t: self.meter.setValue(strength(t)))

    def check(self) -> None:
        p1, p2 = self.new1.text(), self.new2.text()
        if not self.current.text():
            self.message.setText(self.tr("Type your current passphrase first."))
        elif len(p1) < 8:
            self.message.setText(self.tr("The passphrase is too short: use at least 8 characters."))
        elif p1 != p2:
            self.message.setText(self.tr("The two passphrases differ. Type them again."))
        elif strength(p1) < 2:
            self.message.setText(self.tr("This passphrase is too easy to guess. Add a few words."))
        else:
            current = self.current.text()
            for field in (self.current, self.new1, self.new2):
                field.clear()
            self.chosen.emit(current, p1)
            self.accept()
