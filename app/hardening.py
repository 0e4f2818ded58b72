"""Process hardening at start: a crash must not leave a core file holding keys, passphrases or notes."""
from __future__ import annotations

import ctypes
import sys

PR_SET_DUMPABLE = 4
SEM_FAILCRITICALERRORS, SEM_NOGPFAULTERRORBOX = 0x0001, 0x0002


def disable_core_dumps() -> bool:
    """Switch off core dumps for this process (as KeePassXC does). True when it took effect.

    POSIX: the core size limit is set to 0 (soft and hard), and on Linux the process is marked not
    dumpable, which also stops core handlers that ignore the limit and other programs of the same user
    from reading its memory. Windows: no crash dialog that offers to save a dump."""
    if sys.platform == "win32":  # pragma: no cover - Windows
        with_ok = ctypes.windll.kernel32.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
        return with_ok is not None
    import resource
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        return False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no prctl
            pass
    return True
