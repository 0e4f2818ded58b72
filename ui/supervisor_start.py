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
    QWidget,
)

from app.errors import VertrouwdError
from ui import theme
from ui.i18n import error_text
from ui.unlock import BusyRow, FitLabel, card, fit
from ui.worker import Job, run_in_thread


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
        _card_, lay = card(page)     # the same centred card as the adviser's start pages
        title = QLabel(self.tr("Supervisor mode"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        lay.addWidget(title)
        self.is_new = not self.store_path.exists()
        intro = QLabel(self.tr(
            "Here you receive signed statistics from advisers, check where they came from, and combine "
            "them. Your list of trusted advisers and the received files are kept encrypted.")
            + "\n\n" + (self.tr("Choose a passphrase for your supervisor store.") if self.is_new
                        else self.tr("Enter the passphrase of your supervisor store.")))
        lay.addWidget(fit(intro, 464))
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        if self.is_new:
            form.addRow(self.tr("Repeat passphrase"), self.repeat)
        lay.addLayout(form)
        self.message = FitLabel()
        theme.style(self.message, "error")
        lay.addWidget(self.message)
        self.busy = BusyRow()
        lay.addWidget(self.busy)
        self.button = QPushButton(self.tr("Create store") if self.is_new else self.tr("Open"))
        self.button.setDefault(True)
        lay.addWidget(self.button)
        self.stack.addWidget(page)
        self.button.clicked.connect(self.open_store)
        self.passphrase.returnPressed.connect(self.open_store)
        self.supervisor = None

    def open_store(self) -> Job | None:
        """Open (or create) the store on a worker thread: deriving its key takes seconds."""
        from app.exchange.supervisor import SupervisorStore
        p = self.passphrase.text()
        if self.is_new:
            if len(p) < 8:
                self.message.setText(self.tr("The passphrase is too short: use at least 8 characters."))
                return None
            if p != self.repeat.text():
                self.message.setText(self.tr("The two passphrases differ. Type them again."))
                return None
        self._set_busy(True)
        path, new = self.store_path, self.is_new

        def work(_report):
            return SupervisorStore.create(path, p) if new else SupervisorStore.open(path, p)
        return run_in_thread(self, work, on_done=self._opened, on_error=self._failed)

    def _set_busy(self, busy: bool) -> None:
        for w in (self.passphrase, self.repeat, self.button):
            w.setEnabled(not busy)
        if busy:
            self.message.clear()
            self.busy.start(self.tr("Opening the supervisor store…"))
        else:
            self.busy.stop()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, VertrouwdError):
            raise exc
        self.message.setText(error_text(exc))
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _opened(self, store) -> None:
        from ui.supervisor_window import SupervisorWindow
        self._set_busy(False)
        self.passphrase.clear()
        self.repeat.clear()
        self.supervisor = SupervisorWindow(store, **self.window_kwargs)
        self.stack.addWidget(self.supervisor)
        self.stack.setCurrentWidget(self.supervisor)
