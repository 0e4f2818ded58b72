"""No leaks from the window: clipboard hints and clearing, file dialog history, settings content."""
from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from ui.clipboard import SecureClipboard
from ui.idle import IdleLock
from ui.seams import Dialogs, scrub_file_dialog_history


def test_clipboard_concealed_and_cleared(qtbot):
    clip = SecureClipboard(clear_after_ms=30_000)
    clip.copy("Notitie met inhoud")
    mime = QGuiApplication.clipboard().mimeData()
    assert QGuiApplication.clipboard().text() == "Notitie met inhoud"
    assert bytes(mime.data("x-kde-passwordManagerHint")) == b"secret"
    assert clip.timer.isActive() and clip.timer.interval() == 30_000
    clip.timer.timeout.emit()  # the 30 seconds pass
    assert QGuiApplication.clipboard().text() == ""


def test_clipboard_not_cleared_when_user_copied_something_else(qtbot):
    clip = SecureClipboard()
    clip.copy("geheim")
    QGuiApplication.clipboard().setText("iets anders")
    clip.clear()
    assert QGuiApplication.clipboard().text() == "iets anders"


def test_idle_lock_uses_clock_and_activity(qtbot):
    now = [0.0]
    idle = IdleLock(5, clock=lambda: now[0])
    fired = []
    idle.idle.connect(lambda: fired.append(True))
    idle.start()
    now[0] = 200
    idle.check()
    assert not fired
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    idle.eventFilter(None, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier))
    now[0] = 200 + 299
    idle.check()
    assert not fired
    now[0] = 200 + 301
    idle.check()
    assert fired == [True]


def test_file_dialog_leaves_no_path_in_settings(qtbot, tmp_path):
    secret_dir = tmp_path / "Clienten-dossier-map"
    secret_dir.mkdir()
    target = secret_dir / "backup.vbak"
    dialogs = Dialogs()

    def accept_dialog():
        from PySide6.QtWidgets import QApplication
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QFileDialog) and w.isVisible():
                w.selectFile(str(target))
                w.accept()
                return
        QTimer.singleShot(20, accept_dialog)

    QTimer.singleShot(20, accept_dialog)
    chosen = dialogs.save_path(None, "Back-up", "*.vbak", str(target))
    assert chosen == str(target)
    s = QSettings(QSettings.Scope.UserScope, "QtProject")
    s.sync()
    dump = " ".join(str(s.value(k)) for k in s.allKeys())
    assert "Clienten-dossier-map" not in dump
    scrub_file_dialog_history()
