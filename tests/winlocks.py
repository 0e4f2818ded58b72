"""Windows' file locks on Linux, for tests: byte-range locks that conflict per open file.

`msvcrt.locking` locks a byte range of a file handle; another handle, in this process or another, cannot
lock any byte of it until it is unlocked. Linux's open-file-description locks (F_OFD_SETLK) behave the
same way, where POSIX record locks (lockf) would not (they belong to the process). `install()` puts
them in `app.store.vaultlock._range` and switches the vault lock to its Windows scheme (RANGES).
"""
from __future__ import annotations

import errno
import fcntl
import struct

from app.store import vaultlock

# struct flock on Linux x86-64 / aarch64: short l_type, short l_whence, off_t l_start, off_t l_len,
# pid_t l_pid (0 for OFD locks), padded to 32 bytes
_FLOCK = "hhqqi4x"
F_OFD_SETLK = getattr(fcntl, "F_OFD_SETLK", 37)


def ofd_range(fd: int, start: int, length: int, lock: bool) -> bool:
    """The contract of vaultlock._range, with Linux open-file-description locks."""
    kind = fcntl.F_WRLCK if lock else fcntl.F_UNLCK
    try:
        fcntl.fcntl(fd, F_OFD_SETLK, struct.pack(_FLOCK, kind, 0, start, length, 0))
    except OSError as exc:
        if lock and exc.errno in (errno.EACCES, errno.EAGAIN):
            return False
        raise
    return True


def install(monkeypatch=None) -> None:
    """Simulate Windows' locks in this process (with pytest's monkeypatch, only for one test)."""
    if monkeypatch is None:
        vaultlock.RANGES, vaultlock._range = True, ofd_range
    else:
        monkeypatch.setattr(vaultlock, "RANGES", True)
        monkeypatch.setattr(vaultlock, "_range", ofd_range)
