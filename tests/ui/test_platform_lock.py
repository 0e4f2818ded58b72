"""The screen-lock watcher really receives the desktop's D-Bus signal (skipped without a session bus)."""
from __future__ import annotations

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage

from ui.idle import PlatformLockWatcher


def test_screensaver_signal_reaches_the_watcher(qtbot):
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        pytest.skip("no D-Bus session bus here (run under dbus-run-session to include this test)")
    if not bus.registerService("org.freedesktop.ScreenSaver"):
        pytest.skip("a real screensaver owns the name on this bus")
    try:
        watcher = PlatformLockWatcher()
        assert "ActiveChanged" in watcher.connected
        msg = QDBusMessage.createSignal("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver",
                                        "ActiveChanged")
        msg.setArguments([True])
        with qtbot.waitSignal(watcher.locked, timeout=5000):
            bus.send(msg)
    finally:
        bus.unregisterService("org.freedesktop.ScreenSaver")
