"""Auto-lock after a period without keyboard or mouse activity.

An application-wide event filter notes the time of the last input; a single-shot timer fires at the
moment the idle period would end and checks the clock (injectable, so tests use a fake clock).
"""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import SLOT, QEvent, QObject, QTimer, Signal, Slot

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


class PlatformLockWatcher(QObject):
    """Tells when the screen locks or the machine goes to sleep, where the platform says so."""

    locked = Signal()

    def __init__(self, parent=None, *, system_bus=None, session_bus=None):
        super().__init__(parent)
        self.connected: list[str] = []
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # pragma: no cover
            return
        system = system_bus if system_bus is not None else QDBusConnection.systemBus()
        session = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        for bus, service, path, iface, name in (
            (system, "org.freedesktop.login1", "/org/freedesktop/login1",
             "org.freedesktop.login1.Manager", "PrepareForSleep"),
            (session, "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
             "org.freedesktop.ScreenSaver", "ActiveChanged"),
            (session, "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver",
             "org.gnome.ScreenSaver", "ActiveChanged"),
        ):
            try:
                if bus.isConnected() and bus.connect(service, path, iface, name, self,
                                                     SLOT("_on_signal(bool)")):
                    self.connected.append(name)
            except (RuntimeError, TypeError):  # pragma: no cover - depends on the desktop
                continue

    @Slot(bool)
    def _on_signal(self, active: bool) -> None:
        if active:
            self.locked.emit()
