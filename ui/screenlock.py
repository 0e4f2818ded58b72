"""Lock the vault when the screen locks or the machine goes to sleep, on every platform.

One small interface, `ScreenLockListener`: a `locked` signal, `listening` (what it listens to) and
`unavailable` (why not, when it cannot). `lock_listener(window)` picks the one for this platform:

- Linux and other Unix desktops: D-Bus (logind's PrepareForSleep, the freedesktop and GNOME screen savers).
- Windows: session-change and power messages in a native event filter on the main window
  (WTSRegisterSessionNotification: WM_WTSSESSION_CHANGE with WTS_SESSION_LOCK or a disconnect;
  WM_POWERBROADCAST with PBT_APMSUSPEND, and the lid switch through RegisterPowerSettingNotification),
  as KeePassXC does.
- macOS: NSWorkspace notifications (screens sleep, the machine will sleep, the session is switched away)
  and the distributed "com.apple.screenIsLocked", observed through the Objective-C runtime with ctypes.

The Windows and macOS parts load their system libraries only on their own platform; elsewhere they say
so in `unavailable`. The parsing of Windows messages is a plain function, tested here with made-up MSG
structures.
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import sys
import weakref
from collections.abc import Callable

from PySide6.QtCore import SLOT, QAbstractNativeEventFilter, QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget


class ScreenLockListener(QObject):
    """Emits `locked` when the screen locks or the machine goes to sleep, where the platform tells."""

    locked = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.listening: list[str] = []
        self.unavailable = ""

    @property
    def available(self) -> bool:
        return bool(self.listening)


# ------------------------------------------------------------------------------------------------ Linux
class DBusLockListener(ScreenLockListener):
    """The screen saver's ActiveChanged(true) and logind's PrepareForSleep(true) on D-Bus."""

    SIGNALS = (
        ("system", "org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
         "PrepareForSleep"),
        ("session", "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver",
         "ActiveChanged"),
        ("session", "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged"),
    )

    def __init__(self, parent: QObject | None = None, *, system_bus=None, session_bus=None):
        super().__init__(parent)
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # pragma: no cover - a Qt build without D-Bus
            self.unavailable = "Qt has no D-Bus module here"
            return
        buses = {"system": system_bus if system_bus is not None else QDBusConnection.systemBus(),
                 "session": session_bus if session_bus is not None else QDBusConnection.sessionBus()}
        for which, service, path, iface, name in self.SIGNALS:
            bus = buses[which]
            try:
                if bus.isConnected() and bus.connect(service, path, iface, name, self, SLOT("_on_signal(bool)")):
                    self.listening.append(f"{iface}.{name}")
            except (RuntimeError, TypeError):  # pragma: no cover - depends on the desktop
                continue
        if not self.listening:
            self.unavailable = "no D-Bus session or system bus to listen on"

    @Slot(bool)
    def _on_signal(self, active: bool) -> None:
        if active:
            self.locked.emit()


# ---------------------------------------------------------------------------------------------- Windows
WM_WTSSESSION_CHANGE = 0x02B1
WM_POWERBROADCAST = 0x0218
WTS_CONSOLE_DISCONNECT = 0x2
WTS_REMOTE_DISCONNECT = 0x4
WTS_SESSION_LOCK = 0x7
PBT_APMSUSPEND = 0x0004
PBT_POWERSETTINGCHANGE = 0x8013
NOTIFY_FOR_THIS_SESSION = 0
DEVICE_NOTIFY_WINDOW_HANDLE = 0
WINDOWS_EVENT_TYPES = (b"windows_generic_MSG", b"windows_dispatcher_MSG")


class GUID(ctypes.Structure):
    _fields_ = [("Data1", ctypes.c_uint32), ("Data2", ctypes.c_uint16), ("Data3", ctypes.c_uint16),
                ("Data4", ctypes.c_ubyte * 8)]

    @classmethod
    def from_text(cls, text: str) -> GUID:
        h = text.strip("{}").replace("-", "")
        tail = bytes.fromhex(h[16:])
        return cls(int(h[:8], 16), int(h[8:12], 16), int(h[12:16], 16), (ctypes.c_ubyte * 8)(*tail))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GUID) and bytes(self) == bytes(other)

    __hash__ = None  # type: ignore[assignment]


GUID_LIDSWITCH_STATE_CHANGE = GUID.from_text("{BA3E0F4D-B817-4094-A2D1-D56379E6A0F3}")


class MSG(ctypes.Structure):
    """winuser.h MSG, with fixed-size fields so it has the Windows layout on any platform."""

    _fields_ = [("hwnd", ctypes.c_void_p), ("message", ctypes.c_uint32), ("wParam", ctypes.c_size_t),
                ("lParam", ctypes.c_ssize_t), ("time", ctypes.c_uint32), ("pt_x", ctypes.c_int32),
                ("pt_y", ctypes.c_int32)]


class POWERBROADCAST_SETTING(ctypes.Structure):  # noqa: N801 (the Windows name)
    _fields_ = [("PowerSetting", GUID), ("DataLength", ctypes.c_uint32), ("Data", ctypes.c_ubyte * 4)]


def windows_lock_reason(event_type: bytes, message: int) -> str | None:
    """Why a native Windows message (the address of a MSG) means "lock now", or None.

    "session_lock" (Win+L, or the session was switched away), "disconnect" (console or remote session
    disconnected), "suspend" (the machine goes to sleep), "lid_closed" (the laptop's lid was shut)."""
    if event_type not in WINDOWS_EVENT_TYPES or not message:
        return None
    msg = MSG.from_address(message)
    if msg.message == WM_WTSSESSION_CHANGE:
        if msg.wParam == WTS_SESSION_LOCK:
            return "session_lock"
        if msg.wParam in (WTS_CONSOLE_DISCONNECT, WTS_REMOTE_DISCONNECT):
            return "disconnect"
    elif msg.message == WM_POWERBROADCAST:
        if msg.wParam == PBT_APMSUSPEND:
            return "suspend"
        if msg.wParam == PBT_POWERSETTINGCHANGE and msg.lParam:
            setting = POWERBROADCAST_SETTING.from_address(msg.lParam)
            if setting.PowerSetting == GUID_LIDSWITCH_STATE_CHANGE and setting.DataLength >= 1 \
                    and setting.Data[0] == 0:
                return "lid_closed"
    return None


class _NativeFilter(QAbstractNativeEventFilter):
    def __init__(self, on_reason: Callable[[str], None]):
        super().__init__()
        self.on_reason = on_reason

    def nativeEventFilter(self, event_type, message):  # noqa: N802 (Qt's name)
        try:
            address = int(message or 0)
        except (TypeError, ValueError):
            return False, 0
        reason = windows_lock_reason(bytes(event_type), address)
        if reason is not None:
            self.on_reason(reason)
        return False, 0   # never swallow the message: Windows and Qt handle it as usual


class WindowsApi:
    """The Win32 calls that ask for session and power messages for one window (ctypes)."""

    def __init__(self):
        self.wtsapi32 = ctypes.WinDLL("wtsapi32")   # AttributeError off Windows
        self.user32 = ctypes.WinDLL("user32")
        self.user32.RegisterPowerSettingNotification.restype = ctypes.c_void_p
        self.user32.RegisterPowerSettingNotification.argtypes = [ctypes.c_void_p, ctypes.POINTER(GUID),
                                                                 ctypes.c_uint32]
        self.user32.UnregisterPowerSettingNotification.argtypes = [ctypes.c_void_p]
        self.wtsapi32.WTSRegisterSessionNotification.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
        self.wtsapi32.WTSUnRegisterSessionNotification.argtypes = [ctypes.c_void_p]

    def register(self, hwnd: int) -> list[str]:
        done = []
        if self.wtsapi32.WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION):
            done.append("WM_WTSSESSION_CHANGE")
        self.power = self.user32.RegisterPowerSettingNotification(hwnd, ctypes.byref(GUID_LIDSWITCH_STATE_CHANGE),
                                                                  DEVICE_NOTIFY_WINDOW_HANDLE)
        done.append("WM_POWERBROADCAST" + (" (with the lid switch)" if self.power else ""))
        return done

    def unregister(self, hwnd: int) -> None:
        self.wtsapi32.WTSUnRegisterSessionNotification(hwnd)
        if getattr(self, "power", None):
            self.user32.UnregisterPowerSettingNotification(self.power)
            self.power = None


class WindowsLockListener(ScreenLockListener):
    """Session-change and power messages of `window`, read by a native event filter on the application.

    `api` makes the Win32 registration calls (a stand-in in tests); without it the real one is loaded,
    which fails off Windows (then `unavailable` says so and nothing is installed)."""

    def __init__(self, window: QWidget, *, api=None):
        super().__init__(window)
        self.reasons: list[str] = []
        if api is None:
            try:
                api = WindowsApi()
            except (AttributeError, OSError) as exc:
                self.unavailable = f"the Windows session API cannot be loaded ({exc})"
                return
        hwnd = int(window.winId())
        self.listening = api.register(hwnd)
        self.filter = _NativeFilter(self._on_reason)
        app = QCoreApplication.instance()
        app.installNativeEventFilter(self.filter)
        native_filter = self.filter

        def tidy(_obj=None, app=app, api=api, hwnd=hwnd) -> None:
            with contextlib.suppress(RuntimeError, OSError):   # the application may be going away too
                app.removeNativeEventFilter(native_filter)
                api.unregister(hwnd)
        window.destroyed.connect(tidy)

    def _on_reason(self, reason: str) -> None:
        self.reasons.append(reason)
        self.locked.emit()


# ------------------------------------------------------------------------------------------------ macOS
MAC_NOTIFICATIONS = ("NSWorkspaceScreensDidSleepNotification", "NSWorkspaceWillSleepNotification",
                     "NSWorkspaceSessionDidResignActiveNotification")
MAC_SCREEN_LOCKED = "com.apple.screenIsLocked"
_MAC_LISTENERS: weakref.WeakSet = weakref.WeakSet()
_MAC_KEEP: list = []   # the Objective-C method's C callback must live as long as the process


def _mac_notified(_self, _cmd, notification) -> None:
    name = _ObjC.shared().notification_name(notification)
    for listener in list(_MAC_LISTENERS):
        listener.on_notification(name)


class _ObjC:
    """Just enough of the Objective-C runtime (libobjc through ctypes) to observe notifications."""

    _instance: _ObjC | None = None

    def __init__(self):
        if sys.platform != "darwin":
            raise OSError("not macOS")
        self.lib = ctypes.cdll.LoadLibrary(ctypes.util.find_library("objc"))
        self.appkit = ctypes.cdll.LoadLibrary(ctypes.util.find_library("AppKit"))
        for name, res, args in (("objc_getClass", ctypes.c_void_p, [ctypes.c_char_p]),
                                ("sel_registerName", ctypes.c_void_p, [ctypes.c_char_p]),
                                ("objc_allocateClassPair", ctypes.c_void_p,
                                 [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]),
                                ("class_addMethod", ctypes.c_bool,
                                 [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p]),
                                ("objc_registerClassPair", None, [ctypes.c_void_p])):
            fn = getattr(self.lib, name)
            fn.restype, fn.argtypes = res, args

    @classmethod
    def shared(cls) -> _ObjC:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def send(self, restype, obj, selector: str, *args: tuple):
        """objc_msgSend with a typed prototype; `args` are (ctype, value) pairs."""
        proto = ctypes.CFUNCTYPE(restype, ctypes.c_void_p, ctypes.c_void_p, *[t for t, _v in args])
        fn = proto(("objc_msgSend", self.lib))
        return fn(obj, self.lib.sel_registerName(selector.encode()), *[v for _t, v in args])

    def cls(self, name: str) -> int:
        return self.lib.objc_getClass(name.encode())

    def string(self, text: str) -> int:
        return self.send(ctypes.c_void_p, self.cls("NSString"), "stringWithUTF8String:",
                         (ctypes.c_char_p, text.encode()))

    def notification_name(self, notification) -> str:
        name = self.send(ctypes.c_void_p, notification, "name")
        raw = self.send(ctypes.c_char_p, name, "UTF8String") if name else None
        return raw.decode("utf-8", "replace") if raw else ""

    def observer(self) -> int:
        """One instance of a small class whose `lockNotification:` calls `_mac_notified`."""
        klass = self.cls("VertrouwdLockObserver")
        if not klass:
            klass = self.lib.objc_allocateClassPair(self.cls("NSObject"), b"VertrouwdLockObserver", 0)
            imp = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)(_mac_notified)
            _MAC_KEEP.append(imp)
            self.lib.class_addMethod(klass, self.lib.sel_registerName(b"lockNotification:"),
                                     ctypes.cast(imp, ctypes.c_void_p), b"v@:@")
            self.lib.objc_registerClassPair(klass)
        return self.send(ctypes.c_void_p, klass, "new")

    def observe(self, center: int, observer: int, name: int) -> None:
        self.send(None, center, "addObserver:selector:name:object:", (ctypes.c_void_p, observer),
                  (ctypes.c_void_p, self.lib.sel_registerName(b"lockNotification:")),
                  (ctypes.c_void_p, name), (ctypes.c_void_p, None))


class MacLockListener(ScreenLockListener):
    """NSWorkspace's sleep and session notifications and the distributed screen-lock notification."""

    NAMES = frozenset(MAC_NOTIFICATIONS + (MAC_SCREEN_LOCKED,))

    def __init__(self, parent: QObject | None = None, *, runtime: Callable[[], _ObjC] = _ObjC.shared):
        super().__init__(parent)
        try:
            objc = runtime()
            observer = objc.observer()
            workspace = objc.send(ctypes.c_void_p, objc.cls("NSWorkspace"), "sharedWorkspace")
            center = objc.send(ctypes.c_void_p, workspace, "notificationCenter")
            for name in MAC_NOTIFICATIONS:
                objc.observe(center, observer, ctypes.c_void_p.in_dll(objc.appkit, name).value)
                self.listening.append(name)
            distributed = objc.send(ctypes.c_void_p, objc.cls("NSDistributedNotificationCenter"), "defaultCenter")
            objc.observe(distributed, observer, objc.string(MAC_SCREEN_LOCKED))
            self.listening.append(MAC_SCREEN_LOCKED)
        except (OSError, AttributeError, ValueError, TypeError, ctypes.ArgumentError) as exc:
            self.unavailable = f"the macOS notifications cannot be observed ({exc})"
            return
        _MAC_LISTENERS.add(self)

    def on_notification(self, name: str) -> None:
        if name in self.NAMES:
            self.locked.emit()


# -------------------------------------------------------------------------------------------- selection
def lock_listener(window: QWidget, platform: str | None = None) -> ScreenLockListener:
    """The listener for this platform (`platform` as in sys.platform; tests pass another one)."""
    platform = platform or sys.platform
    if platform == "win32":
        return WindowsLockListener(window)
    if platform == "darwin":
        return MacLockListener(window)
    return DBusLockListener(window)
