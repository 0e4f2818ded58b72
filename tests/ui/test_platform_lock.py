"""The screen-lock watcher really receives the desktop's D-Bus signal, on a private bus the test starts
(skipped where the machine has no dbus-daemon)."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage

from ui.screenlock import DBusLockListener


@pytest.fixture
def private_bus():
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("no dbus-daemon on this machine")
    proc = subprocess.Popen([daemon, "--session", "--nofork", "--print-address=1"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        address = proc.stdout.readline().strip()
        if not address:
            pytest.skip("dbus-daemon did not start")
        bus = QDBusConnection.connectToBus(address, "vertrouwd-test-bus")
        if not bus.isConnected():
            pytest.skip("could not connect to the private bus")
        yield bus
        QDBusConnection.disconnectFromBus("vertrouwd-test-bus")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_screensaver_signal_reaches_the_watcher(qtbot, private_bus):
    assert private_bus.registerService("org.freedesktop.ScreenSaver")
    watcher = DBusLockListener(system_bus=private_bus, session_bus=private_bus)
    assert "org.freedesktop.ScreenSaver.ActiveChanged" in watcher.listening
    msg = QDBusMessage.createSignal("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver",
                                    "ActiveChanged")
    msg.setArguments([True])
    with qtbot.waitSignal(watcher.locked, timeout=5000):
        private_bus.send(msg)


def test_screensaver_deactivating_does_not_lock(qtbot, private_bus):
    assert private_bus.registerService("org.freedesktop.ScreenSaver")
    watcher = DBusLockListener(system_bus=private_bus, session_bus=private_bus)
    fired = []
    watcher.locked.connect(lambda: fired.append(True))
    msg = QDBusMessage.createSignal("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver",
                                    "ActiveChanged")
    msg.setArguments([False])
    private_bus.send(msg)
    on = QDBusMessage.createSignal("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver",
                                   "ActiveChanged")
    on.setArguments([True])
    with qtbot.waitSignal(watcher.locked, timeout=5000):
        private_bus.send(on)
    assert fired == [True]  # only the "active" signal locked
