"""Every modal question the program asks goes through one object, so tests can replace it.

Dialogs are opened with open() and answered through callbacks, never with exec(), except in this
production implementation where a blocking question is what the adviser expects (and tests use
`ScriptedDialogs` instead).
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget


def scrub_file_dialog_history() -> None:
    """Qt's own file dialog remembers folders in QSettings ('QtProject'); remove that record."""
    s = QSettings(QSettings.Scope.UserScope, "QtProject")
    s.remove("FileDialog")
    s.remove("Qt/filedialog")
    s.sync()


class Dialogs:
    """Production dialogs."""

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def run(self, dialog: QDialog) -> bool:
        """Show a dialog of the program's own (closing a case, ...); True when accepted."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def _file(self, parent, title: str, filter_: str, save: bool, suggested: str = "") -> str | None:
        dlg = QFileDialog(parent, title, suggested, filter_)
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
        dlg.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
        return self._run_file_dialog(dlg)

    @staticmethod
    def _run_file_dialog(dlg: QFileDialog) -> str | None:
        """Run a file dialog and forget where it looked: no history in Qt's settings afterwards."""
        dlg.setHistory([])
        try:
            ok = dlg.exec() == QFileDialog.DialogCode.Accepted
            files = dlg.selectedFiles()
        finally:
            dlg.setHistory([])
            dlg.deleteLater()
            QCoreApplication.sendPostedEvents(None, 0)
            scrub_file_dialog_history()
        return files[0] if ok and files else None

    def open_path(self, parent, title: str, filter_: str) -> str | None:
        return self._file(parent, title, filter_, save=False)

    def ask_passphrase(self, parent, title: str, text: str) -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit
        value, ok = QInputDialog.getText(parent, title, text, QLineEdit.EchoMode.Password)
        return value if ok and value else None

    def save_path(self, parent, title: str, filter_: str, suggested: str = "") -> str | None:
        return self._file(parent, title, filter_, save=True, suggested=suggested)

    def choose_folder(self, parent, title: str, start: str = "") -> str | None:
        """A folder (to put the vault in); None when the adviser cancels."""
        dlg = QFileDialog(parent, title, start)
        dlg.setFileMode(QFileDialog.FileMode.Directory)
        dlg.setOption(QFileDialog.Option.ShowDirsOnly, True)
        return self._run_file_dialog(dlg)


class ScriptedDialogs(Dialogs):
    """For tests: answers come from queues; every question is recorded."""

    def __init__(self, confirm: bool = True, paths: list[str] | None = None,
                 passphrases: list[str] | None = None):
        self.confirm_answer = confirm
        self.paths = list(paths or [])
        self.passphrases = list(passphrases or [])
        self.asked: list[tuple[str, str]] = []
        self.on_confirm: Callable[[str], bool] | None = None
        self.on_dialog: Callable[[QDialog], object] | None = None
        self.dialogs_run: list[QDialog] = []

    def confirm(self, parent, title, text) -> bool:
        self.asked.append(("confirm", text))
        return self.on_confirm(text) if self.on_confirm else self.confirm_answer

    def run(self, dialog) -> bool:
        """The dialog is built (and can be looked at); `on_dialog` may fill it in first."""
        self.asked.append(("dialog", dialog.windowTitle()))
        self.dialogs_run.append(dialog)
        if self.on_dialog is not None:
            self.on_dialog(dialog)
        return self.confirm_answer

    def info(self, parent, title, text) -> None:
        self.asked.append(("info", text))

    def error(self, parent, title, text) -> None:
        self.asked.append(("error", text))

    def open_path(self, parent, title, filter_):
        self.asked.append(("open", title))
        return self.paths.pop(0) if self.paths else None

    def save_path(self, parent, title, filter_, suggested=""):
        self.asked.append(("save", title))
        return self.paths.pop(0) if self.paths else None

    def choose_folder(self, parent, title, start=""):
        self.asked.append(("folder", title))
        return self.paths.pop(0) if self.paths else None

    def ask_passphrase(self, parent, title, text):
        self.asked.append(("passphrase", text))
        return self.passphrases.pop(0) if self.passphrases else None
