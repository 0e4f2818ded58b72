"""First start (create the vault, and where) and the unlock screen.

Deriving the key takes seconds, so the window does it on a worker thread; meanwhile the page shows a
busy bar and takes no input (`set_busy`).
"""
from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import LockedOut, VertrouwdError, WrongPassphrase
from app.paths import remember_vault, remembered_vault
from app.store.passphrase import strength
from app.store.session import Session
from ui.i18n import error_text
from ui.worker import Job, run_in_thread

VAULT_NAME = "vertrouwd.vault"


def fit(label: QLabel, width: int) -> QLabel:
    """A wrapped label in a centred card gets its sizeHint height, not its height for the width."""
    label.setWordWrap(True)
    label.setMinimumHeight(label.heightForWidth(width))
    return label


class FitLabel(QLabel):
    """A wrapped label whose text changes (errors, progress): it asks for the height its text needs at
    the card's width, so the card grows instead of clipping it or its neighbours."""

    def __init__(self, width: int = 464, parent=None):
        super().__init__(parent)
        self.fit_width = width
        self.setWordWrap(True)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self.setMinimumHeight(self.heightForWidth(self.fit_width) if text else 0)

    def clear(self) -> None:
        self.setText("")


def card(parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    outer = QVBoxLayout(parent)
    outer.addStretch(1)
    card = QFrame(parent)
    card.setObjectName("card")
    card.setFixedWidth(520)
    card.setStyleSheet("#card { background: palette(base); border: 1px solid palette(mid); "
                       "border-radius: 8px; }")
    lay = QVBoxLayout(card)
    lay.setContentsMargins(28, 24, 28, 24)
    lay.setSpacing(12)
    row = QVBoxLayout()
    row.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
    outer.addLayout(row)
    outer.addStretch(2)
    return card, lay


class BusyRow(QWidget):
    """An indeterminate bar with a sentence under it, hidden until work runs."""

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.setAccessibleName(QCoreApplication.translate("StartPage", "Busy"))
        self.label = FitLabel()
        lay.addWidget(self.bar)
        lay.addWidget(self.label)
        self.hide()

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def stop(self) -> None:
        self.hide()


def _supervisor_link(page: QWidget, lay: QVBoxLayout) -> QPushButton:
    button = QPushButton(QCoreApplication.translate("StartPage",
                                                    "Supervisor mode: receive and combine statistics…"))
    button.setFlat(True)
    button.setStyleSheet("color: palette(link); text-align: left;")
    lay.addWidget(button)
    return button


class WelcomePage(QWidget):
    """Create a new vault: where it goes, passphrase twice, a strength indication and a plain warning."""

    create_requested = Signal(str)
    supervisor_requested = Signal()
    location_chosen = Signal(str)   # the full path of the vault file in the folder the adviser chose

    def __init__(self, dialogs=None, parent=None):
        super().__init__(parent)
        self.dialogs = dialogs
        self.location = Path()
        _card_, lay = card(self)
        title = QLabel(self.tr("Welcome to Vertrouwd"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        lay.addWidget(title)
        intro = QLabel(self.tr(
            "Vertrouwd keeps your cases and conversations in an encrypted file on this computer. "
            "Choose a passphrase to protect it. A sentence of several words is strong and easy to "
            "remember."))
        lay.addWidget(fit(intro, 464))
        lay.addLayout(self._location_row())
        form = QFormLayout()
        self.pass1 = QLineEdit()
        self.pass1.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass1.setAccessibleName(self.tr("Passphrase"))
        self.pass2 = QLineEdit()
        self.pass2.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass2.setAccessibleName(self.tr("Repeat passphrase"))
        form.addRow(self.tr("Passphrase"), self.pass1)
        form.addRow(self.tr("Repeat passphrase"), self.pass2)
        lay.addLayout(form)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.meter_label = QLabel()
        lay.addWidget(self.meter)
        lay.addWidget(self.meter_label)
        lay.addWidget(self._warning())
        self.message = FitLabel()
        self.message.setStyleSheet("color: #b00020;")
        lay.addWidget(self.message)
        self.busy = BusyRow()
        lay.addWidget(self.busy)
        self.create_button = QPushButton(self.tr("Create vault"))
        self.create_button.setDefault(True)
        lay.addWidget(self.create_button)
        self.supervisor_button = _supervisor_link(self, lay)
        self.supervisor_button.clicked.connect(self.supervisor_requested)
        self.pass1.textChanged.connect(self._update_meter)
        self.create_button.clicked.connect(self._create)
        self.pass2.returnPressed.connect(self._create)
        self._update_meter("")

    def _location_row(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(QLabel(self.tr("Your vault will be stored in this folder:")))
        row = QHBoxLayout()
        self.location_label = QLabel()
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location_label.setStyleSheet("font-family: monospace;")
        self.choose_button = QPushButton(self.tr("Choose another folder…"))
        self.choose_button.setAccessibleName(self.tr("Choose another folder for the vault"))
        self.choose_button.clicked.connect(self._choose_folder)
        row.addWidget(self.location_label, 1)
        row.addWidget(self.choose_button)
        box.addLayout(row)
        return box

    def _warning(self) -> QFrame:
        warn = QLabel(self.tr(
            "<b>Important:</b> nobody can recover a lost passphrase, not even the makers of this "
            "program. Without it your records are lost. Write it down somewhere safe, and make a "
            "backup regularly (File → Make backup)."))
        warn.setWordWrap(True)
        warn.setStyleSheet("color: #5c3b00;")
        warn_box = QFrame()
        warn_box.setObjectName("warn")
        warn_box.setStyleSheet("#warn { background: #fff4e5; border-radius: 4px; }")
        wl = QVBoxLayout(warn_box)
        wl.setContentsMargins(10, 8, 10, 8)
        wl.addWidget(fit(warn, 440))
        return warn_box

    def set_location(self, vault: str | os.PathLike[str]) -> None:
        """Show the folder the vault file will be made in (the middle of a long path is elided)."""
        self.location = Path(vault)
        folder = str(self.location.parent)
        metrics = self.location_label.fontMetrics()
        self.location_label.setText(metrics.elidedText(folder, Qt.TextElideMode.ElideMiddle, 300))
        self.location_label.setToolTip(str(self.location))
        self.location_label.setAccessibleName(self.tr("Vault folder: {folder}").format(folder=folder))
        if self.location == remembered_vault() and not self.location.parent.is_dir():
            self.message.setText(self.tr("The folder {folder} cannot be found. If your vault is on a drive, "
                                         "connect it and start the program again; or choose another folder.")
                                 .format(folder=folder))

    def _choose_folder(self) -> None:
        if self.dialogs is None:
            return
        start = str(self.location.parent) if self.location.parent.is_dir() else ""
        folder = self.dialogs.choose_folder(self, self.tr("Folder for your vault"), start)
        if not folder:
            return
        if not os.access(folder, os.W_OK):
            self.message.setText(self.tr("You cannot save files in {folder}. Choose another folder.")
                                 .format(folder=folder))
            return
        self.message.clear()
        vault = Path(folder) / VAULT_NAME
        self.set_location(vault)
        self.location_chosen.emit(str(vault))

    def set_busy(self, busy: bool) -> None:
        """While the vault is made: no input, a moving bar and a sentence that says why."""
        for w in (self.pass1, self.pass2, self.create_button, self.choose_button, self.supervisor_button):
            w.setEnabled(not busy)
        if busy:
            self.message.clear()
            self.busy.start(self.tr("Creating your vault. Protecting it with your passphrase takes a few "
                                    "seconds…"))
        else:
            self.busy.stop()

    def _update_meter(self, text: str) -> None:
        score = strength(text)
        self.meter.setValue(score)
        names = [self.tr("very weak"), self.tr("weak"), self.tr("fair"), self.tr("strong"),
                 self.tr("very strong")]
        self.meter_label.setText(self.tr("Strength: {level}").format(level=names[score]) if text else "")
        colours = ["#b00020", "#d35400", "#c9a000", "#2e7d32", "#1b5e20"]
        self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {colours[score]}; }}")

    def _create(self) -> None:
        p1, p2 = self.pass1.text(), self.pass2.text()
        if len(p1) < 8:
            self.message.setText(self.tr("The passphrase is too short: use at least 8 characters."))
            return
        if p1 != p2:
            self.message.setText(self.tr("The two passphrases differ. Type them again."))
            return
        if strength(p1) < 2:
            self.message.setText(self.tr("This passphrase is too easy to guess. Add a few words."))
            return
        self.message.clear()
        self.create_requested.emit(p1)

    def clear(self) -> None:
        self.pass1.clear()
        self.pass2.clear()
        self.message.clear()


class UnlockPage(QWidget):
    unlock_requested = Signal(str)
    supervisor_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        _card_, lay = card(self)
        title = QLabel(self.tr("Vertrouwd is locked"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        lay.addWidget(title)
        hint = QLabel(self.tr("Enter your passphrase to open your records."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        lay.addWidget(self.passphrase)
        self.message = FitLabel()
        self.message.setStyleSheet("color: #b00020;")
        lay.addWidget(self.message)
        self.busy = BusyRow()
        lay.addWidget(self.busy)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        lay.addWidget(self.unlock_button)
        self.supervisor_button = _supervisor_link(self, lay)
        self.supervisor_button.clicked.connect(self.supervisor_requested)
        self.unlock_button.clicked.connect(self._unlock)
        self.passphrase.returnPressed.connect(self._unlock)
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(self._tick)
        self._wait_left = 0

    def _unlock(self) -> None:
        if self._wait_left > 0 or not self.passphrase.text() or not self.unlock_button.isEnabled():
            return
        self.unlock_requested.emit(self.passphrase.text())

    def set_busy(self, busy: bool) -> None:
        """While the key is derived: no input, a moving bar and a sentence that says why."""
        for w in (self.passphrase, self.unlock_button, self.supervisor_button):
            w.setEnabled(not busy)
        if busy:
            self.message.clear()
            self.busy.start(self.tr("Opening your vault…"))
        else:
            self.busy.stop()
            self.passphrase.setFocus()

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def start_wait(self, seconds: float) -> None:
        self._wait_left = int(seconds + 0.999)
        if self._wait_left > 0:
            self.unlock_button.setEnabled(False)
            self._tick_text()
            self._wait_timer.start()

    def _tick_text(self) -> None:
        self.unlock_button.setText(self.tr("Wait {n} s").format(n=self._wait_left))

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._wait_timer.stop()
            self.unlock_button.setEnabled(True)
            self.unlock_button.setText(self.tr("Unlock"))
        else:
            self._tick_text()

    def clear(self) -> None:
        self.passphrase.clear()


class VaultOpener(QObject):
    """Creates or opens the session's vault on a worker thread, with the page busy meanwhile.

    The key derivation (seconds) never runs on the GUI thread. The opened vault is handed to the session
    in the GUI thread (`opened`); if the screen locked meanwhile (`stay_locked`), it is closed at once
    instead (`stayed_locked`). Errors land on the page that asked, as a sentence.
    """

    opened = Signal()
    stayed_locked = Signal()

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.busy = False
        self.remember_location = False   # the adviser chose the folder: note it for the next start
        self._stay_locked = False

    def create(self, page: WelcomePage, passphrase: str) -> Job:
        page.set_busy(True)
        return self._run(self.session.create_vault, passphrase, page, self._create_failed)

    def unlock(self, page: UnlockPage, passphrase: str) -> Job:
        page.set_busy(True)
        return self._run(self.session.open_vault, passphrase, page, self._unlock_failed)

    def stay_locked(self) -> None:
        """A lock came while a vault is being opened: close it as soon as it is open."""
        if self.busy:
            self._stay_locked = True

    def _run(self, fn, passphrase: str, page, on_error) -> Job:
        self.busy, self._stay_locked = True, False
        return run_in_thread(self, lambda _report: fn(passphrase),
                             on_done=lambda vault: self._ready(page, vault),
                             on_error=lambda exc: self._failed(page, exc, on_error))

    def _ended(self, page) -> None:
        self.busy = False
        try:
            page.set_busy(False)
        except RuntimeError:  # the page was rebuilt (language change) meanwhile
            pass

    def _ready(self, page, vault) -> None:
        self._ended(page)
        if self._stay_locked:
            vault.close()
            self.stayed_locked.emit()
            return
        self.session.attach(vault)
        if self.remember_location:
            try:
                remember_vault(self.session.path)
            except OSError:  # the next start then asks for the folder again; the vault itself is fine
                pass
        self.opened.emit()

    def _failed(self, page, exc: BaseException, handler) -> None:
        self._ended(page)
        if not handler(page, exc):   # a fault of the program, not of the adviser: say so, keep the details
            traceback.print_exception(exc, file=sys.stderr)
            page.message.setText(self.tr("Something went wrong in the program ({error}). Nothing was changed; "
                                         "try again, and report this if it happens again.").format(
                                             error=type(exc).__name__))

    def _create_failed(self, page: WelcomePage, exc: BaseException) -> bool:
        if isinstance(exc, VertrouwdError):
            page.message.setText(error_text(exc))
        elif isinstance(exc, OSError):
            page.message.setText(self.tr(
                "The vault could not be made in {folder} ({reason}). Choose another folder.").format(
                    folder=self.session.path.parent, reason=exc.strerror or exc))
        else:
            return False
        return True

    def _unlock_failed(self, page: UnlockPage, exc: BaseException) -> bool:
        if isinstance(exc, LockedOut):
            page.show_error(self.tr("Too many wrong passphrases in a row. Wait a moment and try again."))
        elif isinstance(exc, WrongPassphrase):
            page.show_error(self.tr("Wrong passphrase. Check Caps Lock and the keyboard layout, then try again."))
        elif isinstance(exc, VertrouwdError | OSError):
            page.show_error(error_text(exc))
            return True
        else:
            return False
        page.start_wait(self.session.wait_seconds())
        return True
