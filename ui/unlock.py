"""First start (create the vault) and the unlock screen."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.store.passphrase import strength


def _fit(label: QLabel, width: int) -> QLabel:
    """A wrapped label in a centred card gets its sizeHint height, not its height for the width."""
    label.setWordWrap(True)
    label.setMinimumHeight(label.heightForWidth(width))
    return label


def _card(parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
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


def _supervisor_link(page: QWidget, lay: QVBoxLayout) -> QPushButton:
    button = QPushButton(QCoreApplication.translate("StartPage",
                                                    "Supervisor mode: receive and combine statistics…"))
    button.setFlat(True)
    button.setStyleSheet("color: palette(link); text-align: left;")
    lay.addWidget(button)
    return button


class WelcomePage(QWidget):
    """Create a new vault: passphrase twice, a strength indication and a plain warning."""

    create_requested = Signal(str)
    supervisor_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        _card_, lay = _card(self)
        title = QLabel(self.tr("Welcome to Vertrouwd"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        lay.addWidget(title)
        intro = QLabel(self.tr(
            "Vertrouwd keeps your cases and conversations in an encrypted file on this computer. "
            "Choose a passphrase to protect it. A sentence of several words is strong and easy to "
            "remember."))
        lay.addWidget(_fit(intro, 464))
        form = QFormLayout()
        self.pass1 = QLineEdit()
        self.pass1.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass2 = QLineEdit()
        self.pass2.setEchoMode(QLineEdit.EchoMode.Password)
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
        wl.addWidget(_fit(warn, 440))
        lay.addWidget(warn_box)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        lay.addWidget(self.message)
        self.create_button = QPushButton(self.tr("Create vault"))
        self.create_button.setDefault(True)
        lay.addWidget(self.create_button)
        self.supervisor_button = _supervisor_link(self, lay)
        self.supervisor_button.clicked.connect(self.supervisor_requested)
        self.pass1.textChanged.connect(self._update_meter)
        self.create_button.clicked.connect(self._create)
        self.pass2.returnPressed.connect(self._create)
        self._update_meter("")

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
        _card_, lay = _card(self)
        title = QLabel(self.tr("Vertrouwd is locked"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        lay.addWidget(title)
        hint = QLabel(self.tr("Enter your passphrase to open your records."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        lay.addWidget(self.passphrase)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        lay.addWidget(self.message)
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
        if self._wait_left > 0 or not self.passphrase.text():
            return
        self.unlock_requested.emit(self.passphrase.text())

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
