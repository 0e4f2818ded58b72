"""Locking on screen lock and sleep behind one interface: the Windows message parsing fed with made-up MSG
structures, the listener chosen per platform, and the window locking when any listener reports.
(The D-Bus listener receives a real signal in test_platform_lock.py.)"""
from __future__ import annotations

import ctypes

import pytest
from PySide6.QtWidgets import QWidget

from ui import screenlock as SL


def _msg(message: int, wparam: int, lparam: int = 0) -> SL.MSG:
    return SL.MSG(hwnd=None, message=message, wParam=wparam, lParam=lparam)


def _lid(state: int, guid: SL.GUID = SL.GUID_LIDSWITCH_STATE_CHANGE) -> SL.POWERBROADCAST_SETTING:
    setting = SL.POWERBROADCAST_SETTING(PowerSetting=guid, DataLength=4)
    setting.Data[0] = state
    return setting


@pytest.mark.parametrize("message, wparam, reason", [
    (SL.WM_WTSSESSION_CHANGE, SL.WTS_SESSION_LOCK, "session_lock"),
    (SL.WM_WTSSESSION_CHANGE, SL.WTS_CONSOLE_DISCONNECT, "disconnect"),
    (SL.WM_WTSSESSION_CHANGE, SL.WTS_REMOTE_DISCONNECT, "disconnect"),
    (SL.WM_WTSSESSION_CHANGE, 0x8, None),                   # WTS_SESSION_UNLOCK
    (SL.WM_WTSSESSION_CHANGE, 0x1, None),                   # WTS_CONSOLE_CONNECT
    (SL.WM_POWERBROADCAST, SL.PBT_APMSUSPEND, "suspend"),
    (SL.WM_POWERBROADCAST, 0x0012, None),                   # PBT_APMRESUMEAUTOMATIC
    (0x0100, SL.WTS_SESSION_LOCK, None),                    # WM_KEYDOWN with the same number
])
def test_windows_messages(message, wparam, reason):
    msg = _msg(message, wparam)
    assert SL.windows_lock_reason(b"windows_generic_MSG", ctypes.addressof(msg)) == reason
    assert SL.windows_lock_reason(b"windows_dispatcher_MSG", ctypes.addressof(msg)) == reason


def test_windows_lid_switch():
    closed, opened = _lid(0), _lid(1)
    other = _lid(0, SL.GUID.from_text("{02731015-4510-4526-99E6-E5A17EBD1AEA}"))  # GUID_MONITOR_POWER_ON
    for setting, reason in ((closed, "lid_closed"), (opened, None), (other, None)):
        msg = _msg(SL.WM_POWERBROADCAST, SL.PBT_POWERSETTINGCHANGE, ctypes.addressof(setting))
        assert SL.windows_lock_reason(b"windows_generic_MSG", ctypes.addressof(msg)) == reason
    no_setting = _msg(SL.WM_POWERBROADCAST, SL.PBT_POWERSETTINGCHANGE, 0)
    assert SL.windows_lock_reason(b"windows_generic_MSG", ctypes.addressof(no_setting)) is None


def test_other_event_types_and_null_are_ignored():
    msg = _msg(SL.WM_WTSSESSION_CHANGE, SL.WTS_SESSION_LOCK)
    assert SL.windows_lock_reason(b"xcb_generic_event_t", ctypes.addressof(msg)) is None
    assert SL.windows_lock_reason(b"windows_generic_MSG", 0) is None


def test_guid_text_matches_the_windows_layout():
    g = SL.GUID_LIDSWITCH_STATE_CHANGE
    assert (g.Data1, g.Data2, g.Data3) == (0xBA3E0F4D, 0xB817, 0x4094)
    assert bytes(g.Data4) == bytes.fromhex("A2D1D56379E6A0F3")
    assert ctypes.sizeof(SL.GUID) == 16


class FakeWindowsApi:
    def __init__(self):
        self.calls: list[tuple[str, int]] = []

    def register(self, hwnd: int) -> list[str]:
        self.calls.append(("register", hwnd))
        return ["WM_WTSSESSION_CHANGE", "WM_POWERBROADCAST"]

    def unregister(self, hwnd: int) -> None:
        self.calls.append(("unregister", hwnd))


def test_windows_listener_filter_emits_locked(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    api = FakeWindowsApi()
    listener = SL.WindowsLockListener(window, api=api)
    assert listener.available and api.calls == [("register", int(window.winId()))]
    lock = _msg(SL.WM_WTSSESSION_CHANGE, SL.WTS_SESSION_LOCK)
    with qtbot.waitSignal(listener.locked, timeout=1000):
        handled = listener.filter.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(lock))
    assert handled == (False, 0)        # the message still reaches Windows' own handling
    unlock = _msg(SL.WM_WTSSESSION_CHANGE, 0x8)
    listener.filter.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(unlock))
    assert listener.reasons == ["session_lock"]


def test_windows_listener_unregisters_with_its_window(qtbot):
    window = QWidget()
    api = FakeWindowsApi()
    SL.WindowsLockListener(window, api=api)
    hwnd = int(window.winId())
    window.deleteLater()
    qtbot.waitUntil(lambda: api.calls[-1] == ("unregister", hwnd), timeout=1000)


def test_windows_listener_off_windows_says_why(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    listener = SL.WindowsLockListener(window)
    assert not listener.available and "Windows" in listener.unavailable


def test_mac_listener_off_macos_says_why_and_reacts_to_the_names(qtbot):
    listener = SL.MacLockListener()
    assert not listener.available and "macOS" in listener.unavailable
    fired = []
    listener.locked.connect(lambda: fired.append(True))
    listener.on_notification("NSWorkspaceDidWakeNotification")
    assert not fired
    for name in (*SL.MAC_NOTIFICATIONS, SL.MAC_SCREEN_LOCKED):
        listener.on_notification(name)
    assert len(fired) == 4


@pytest.mark.parametrize("platform, cls", [("win32", SL.WindowsLockListener), ("darwin", SL.MacLockListener),
                                           ("linux", SL.DBusLockListener), ("freebsd14", SL.DBusLockListener)])
def test_listener_per_platform(qtbot, platform, cls):
    window = QWidget()
    qtbot.addWidget(window)
    listener = SL.lock_listener(window, platform)
    assert type(listener) is cls and isinstance(listener, SL.ScreenLockListener)
    assert listener.available or listener.unavailable     # it either listens or says why not


def test_any_listener_locks_the_window(window, qtbot):
    from tests.ui.test_main_window import create

    create(window, qtbot)
    assert isinstance(window.platform, SL.ScreenLockListener)
    with qtbot.waitSignal(window.locked, timeout=1000):
        window.platform.locked.emit()
    assert not window.session.is_open and window.workspace is None
