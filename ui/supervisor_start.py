"""Supervisor mode: open (or create) the supervisor's own encrypted store, then the supervisor window."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import VertrouwdError
from ui import theme


class SupervisorStart(QMainWindow):
    def __init__(self, store_path: str | Path, parent=None, **window_kwargs):
        super().__init__(parent)
        self.store_path = Path(store_path)
        self.window_kwargs = window_kwargs
        self.setWindowTitle(self.tr("Vertrouwd – supervisor mode"))
        self.resize(1100, 720)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addStretch(1)
        title = QLabel(self.tr("Supervisor mode"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        lay.addWidget(title)
        self.is_new = not self.store_path.exists()
        intro = QLabel(self.tr(
            "Here you receive signed statistics from advisers, check where they came from, and combine "
            "them. Your list of trusted advisers and the received files are kept encrypted.")
            + "\n\n" + (self.tr("Choose a passphrase for your supervisor store.") if self.is_new
                        else self.tr("Enter the passphrase of your supervisor store.")))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        if self.is_new:
            form.addRow(self.tr("Repeat passphrase"), self.repeat)
        lay.addLayout(form)
        self.message = QLabel()
        theme.style(self.message, "error")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self.button = QPushButton(self.tr("Create store") if self.is_new else self.tr("Open"))
        self.button.setDefault(True)
        lay.addWidget(self.button)
        lay.addStretch(2)
        self.stack.addWidget(page)
        self.button.clicked.connect(self.open_store)
        self.passphrase.returnPressed.connect(self.open_store)
        self.supervisor = None

    def open_store(self) -> None:
        from app.exchange.supervisor import SupervisorStore
        from ui.supervisor_window import SupervisorWindow
        p = self.passphrase.text()
        try:
            if self.is_new:
                if len(p) < 8:
                    self.message.setText(self.tr("The passphrase is too short: use at least 8 characters."))
                    return
                if p != self.repeat.text():
                    self.message.setText(self.tr("The two passphrases differ. Type them again."))
                    return
                store = SupervisorStore.create(self.store_path, p)
            else:
                store = SupervisorStore.open(self.store_path, p)
        except VertrouwdError as exc:
            self.message.setText(exc.message)
            return
        self.passphrase.clear()
        self.repeat.clear()
        self.supervisor = SupervisorWindow(store, **self.window_kwargs)
        self.stack.addWidget(self.supervisor)
        self.stack.setCurrentWidget(self.supervisor)
