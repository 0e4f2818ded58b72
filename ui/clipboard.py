"""Copying note text: concealed from clipboard managers and cleared after 30 seconds."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 30_000


class SecureClipboard(QObject):
    def __init__(self, parent=None, clear_after_ms: int = CLEAR_AFTER_MS):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(clear_after_ms)
        self.timer.timeout.connect(self.clear)
        self._text: str | None = None

    def copy(self, text: str) -> None:
        mime = QMimeData()
        mime.setText(text)
        # Hints that password managers use so clipboard managers and history skip this content.
        mime.setData("x-kde-passwordManagerHint", b"secret")
        mime.setData("ExcludeClipboardContentFromMonitorProcessing", b"1")
        mime.setData("CanIncludeInClipboardHistory", b"\x00\x00\x00\x00")
        mime.setData("CanUploadToCloudClipboard", b"\x00\x00\x00\x00")
        QGuiApplication.clipboard().setMimeData(mime)
        self._text = text
        self.timer.start()

    def clear(self) -> None:
        cb = QGuiApplication.clipboard()
        if self._text is not None and cb.text() == self._text:
            cb.clear()
        self._text = None
        self.timer.stop()
