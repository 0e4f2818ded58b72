"""What the privacy guard found in a text, before saving: replace each with a placeholder or keep it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)


class FindingsDialog(QDialog):
    def __init__(self, findings, lang: str, parent=None):
        super().__init__(parent)
        from app.privacy import guard as privacy
        self.findings = list(findings)
        self.setWindowTitle(self.tr("Possible identifiers"))
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "These parts of the text may identify a person. Ticked items are replaced by a placeholder "
            "such as [naam]. Untick what you deliberately keep; the conversation is then marked until "
            "it is cleaned."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Possible identifiers"))
        self.list.setWordWrap(True)   # long findings wrap; nothing is cut off
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(560)
        for f in self.findings:
            it = QListWidgetItem(f"{privacy.kind_label(f.kind, lang)}: {f.text}  →  {f.placeholder}")
            it.setToolTip(it.text())
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(it)
        lay.addWidget(self.list)
        buttons = QDialogButtonBox()
        self.replace_button = QPushButton(self.tr("Replace ticked items and save"))
        self.replace_button.setDefault(True)
        buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.AcceptRole)
        back = buttons.addButton(self.tr("Back to editing"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        back.clicked.connect(self.reject)
        lay.addWidget(buttons)

    def to_replace(self) -> list:
        return [f for i, f in enumerate(self.findings)
                if self.list.item(i).checkState() == Qt.CheckState.Checked]
