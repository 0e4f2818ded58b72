"""Auto-lock after a period without keyboard or mouse activity.

An application-wide event filter notes the time of the last input; a single-shot timer fires at the
moment the idle period would end and checks the clock (injectable, so tests use a fake clock).
Locking when the screen locks or the machine sleeps is ui/screenlock.py.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

ACTIVITY_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                   QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.InputMethod}


class IdleLock(QObject):
    idle = Signal()

    def __init__(self, minutes: float = 5, clock: Callable[[], float] = time.monotonic, parent=None):
        super().__init__(parent)
        self.clock = clock
        self.seconds = minutes * 60
        self.last = clock()
        self.active = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)

    def set_minutes(self, minutes: float) -> None:
        self.seconds = minutes * 60
        self.poke()

    def start(self) -> None:
        self.active = True
        self.poke()

    def stop(self) -> None:
        self.active = False
        self.timer.stop()

    def poke(self) -> None:
        self.last = self.clock()
        if self.active and not self.timer.isActive():
            self.timer.start(int(self.seconds * 1000))

    def check(self) -> None:
        if not self.active:
            return
        remaining = self.seconds - (self.clock() - self.last)
        if remaining <= 0:
            self.stop()
            self.idle.emit()
        else:
            self.timer.start(max(100, int(remaining * 1000)))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if self.active and event.type() in ACTIVITY_EVENTS:
            self.last = self.clock()
        return False
