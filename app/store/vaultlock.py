"""Inter-process locks on a vault: one process changes a vault at a time.

`<vault>.lock` (empty) is locked by the operating system, so a lock dies with the process that held
it: a killed program never leaves the vault locked.

- An open vault holds a SHARED lock for as long as it is open (POSIX). Several processes may read and
  write the vault through SQLite at the same time; SQLite serialises their transactions.
- A passphrase change, restore, migration, purge and creation take it EXCLUSIVELY: they run only when
  no other process has the vault open, and nothing else opens it while they run.
- `<vault>.unlock.lock` serialises unlock attempts, so that parallel wrong guesses each wait their turn
  and each is counted before the next one is tried.

On Windows `msvcrt.locking` knows only exclusive locks on byte ranges, so the same rules are built
from ranges of `<vault>.lock` (RANGES): byte 0 is a gate and bytes 1..SLOTS are one slot per open vault.
Opening passes the gate (held only for that moment) and takes a free slot for as long as the vault is
open; an exclusive user takes the gate and every other slot at once, so it runs only when no other
process holds a slot, and nobody passes the gate while it runs. A re-key also checks that the key file
is still the one it opened with (see vault.py). tests/winlocks.py runs the same scheme on Linux with
open-file-description locks, which conflict per open file like Windows' locks do.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.errors import UserError

POSIX = sys.platform != "win32"
if POSIX:
    import fcntl
else:  # pragma: no cover - Windows
    import msvcrt

IN_USE = "vaultlock.in_use"  # message codes (resources/messages.json)
OPEN_ELSEWHERE = "vaultlock.open_elsewhere"
POLL = 0.05
SHARED_WAIT = 5.0  # seconds an open waits for another process's passphrase change or restore to end
RANGES = not POSIX  # shared locks built from byte ranges (Windows); tests switch it on to simulate that
SLOTS = 64          # open vaults at once on one file in RANGES mode (byte 0 is the gate)


class VaultBusy(UserError):
    """Another process holds the lock (exit code 1; nothing was changed)."""


def lock_path(vault: Path) -> Path:
    return vault.with_name(vault.name + ".lock")


def unlock_lock_path(vault: Path) -> Path:
    return vault.with_name(vault.name + ".unlock.lock")


def _open_lockfile(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except IsADirectoryError:
        raise UserError("vaultlock.folder_in_the_way", path=path) from None


def _try_lock(fd: int, exclusive: bool) -> bool:
    """flock (POSIX): one attempt, never waiting. True when the lock is held."""
    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except (BlockingIOError, PermissionError):
        return False
    return True


def _unlock(fd: int) -> None:
    fcntl.flock(fd, fcntl.LOCK_UN)


def _range(fd: int, start: int, length: int, lock: bool) -> bool:
    """Lock (or unlock) `length` bytes from `start`, never waiting: False when another holds any of them.
    Windows' msvcrt; tests/winlocks.py puts a Linux equivalent in its place."""
    os.lseek(fd, start, os.SEEK_SET)
    try:
        msvcrt.locking(fd, msvcrt.LK_NBLCK if lock else msvcrt.LK_UNLCK, length)  # pragma: no cover
    except OSError as exc:  # pragma: no cover - Windows reports a held lock as EACCES / EDEADLOCK
        if lock and exc.errno in (13, 35, 36):
            return False
        raise
    return True  # pragma: no cover


def _others(own: int | None) -> list[tuple[int, int]]:
    """The slot ranges other than `own`, as (start, length)."""
    if own is None:
        return [(1, SLOTS)]
    return [(start, n) for start, n in ((1, own - 1), (own + 1, SLOTS - own)) if n > 0]


def _take_slot(fd: int) -> int | None:
    """RANGES: pass the gate and take a free slot; None while an exclusive user holds the gate."""
    if not _range(fd, 0, 1, True):
        return None
    try:
        return next((slot for slot in range(1, SLOTS + 1) if _range(fd, slot, 1, True)), None)
    finally:
        _range(fd, 0, 1, False)


def _take_all(fd: int, own: int | None) -> bool:
    """RANGES: the gate and every slot but `own` (this process's own open vault), or nothing at all."""
    if not _range(fd, 0, 1, True):
        return False
    taken: list[tuple[int, int]] = []
    for start, n in _others(own):
        if not _range(fd, start, n, True):
            for s0, m in taken:
                _range(fd, s0, m, False)
            _range(fd, 0, 1, False)
            return False
        taken.append((start, n))
    return True


def _drop_all(fd: int, own: int | None) -> None:
    for start, n in _others(own):
        _range(fd, start, n, False)
    _range(fd, 0, 1, False)


def _acquire(fd: int, exclusive: bool, wait: float) -> bool:
    deadline = time.monotonic() + max(0.0, wait)
    while True:
        if (_take_all(fd, None) if RANGES and exclusive else _try_lock(fd, exclusive)):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(POLL)


class VaultLock:
    """The lock a Vault object holds for its life (shared) and raises to exclusive when needed."""

    def __init__(self, vault: Path):
        self.path = lock_path(vault)
        self._fd: int | None = None
        self._slot: int | None = None  # RANGES: the slot this open vault holds
        self.exclusive_held = False

    def hold_shared(self, wait: float | None = None) -> None:
        """Take the life-time shared lock; raises VaultBusy while another process changes the vault."""
        fd = _open_lockfile(self.path)
        wait = SHARED_WAIT if wait is None else wait
        if RANGES:
            slot = _take_slot(fd)
            deadline = time.monotonic() + max(0.0, wait)
            while slot is None and time.monotonic() < deadline:
                time.sleep(POLL)
                slot = _take_slot(fd)
            if slot is None:
                os.close(fd)
                raise VaultBusy(IN_USE)
            self._fd, self._slot = fd, slot
            return
        if not _acquire(fd, False, wait):
            os.close(fd)
            raise VaultBusy(IN_USE)
        self._fd = fd

    def try_exclusive(self) -> bool:
        """Raise the lock to exclusive without waiting: True when no other process has the vault open."""
        fd = self._fd if self._fd is not None else _open_lockfile(self.path)
        if RANGES:
            if _take_all(fd, self._slot):
                self._fd, self.exclusive_held = fd, True
                return True
            if self._fd is None:
                os.close(fd)
            return False
        if _try_lock(fd, True):
            self._fd, self.exclusive_held = fd, True
            return True
        if self._fd is None:
            os.close(fd)
        elif not _acquire(fd, False, SHARED_WAIT):  # a failed conversion may drop the shared lock
            self.release()
            raise VaultBusy(IN_USE)
        return False

    def downgrade(self) -> None:
        if not self.exclusive_held or self._fd is None:
            return
        if RANGES:
            _drop_all(self._fd, self._slot)
            if self._slot is None:  # exclusive without an open vault's slot: nothing left to hold
                os.close(self._fd)
                self._fd = None
        else:
            fcntl.flock(self._fd, fcntl.LOCK_SH)
        self.exclusive_held = False

    @contextmanager
    def exclusive(self, message: str = OPEN_ELSEWHERE) -> Iterator[None]:
        """Exclusive for the duration of the block; VaultBusy(message) when another process holds it."""
        if self.exclusive_held:
            yield
            return
        if not self.try_exclusive():
            raise VaultBusy(message)
        try:
            yield
        finally:
            self.downgrade()

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            held, self.exclusive_held = self.exclusive_held, False
            slot, self._slot = self._slot, None
            try:
                if not RANGES:
                    _unlock(fd)
                else:
                    if held:
                        _drop_all(fd, slot)
                    if slot is not None:
                        _range(fd, slot, 1, False)
            finally:
                os.close(fd)


@contextmanager
def exclusive(vault: Path, message: str = IN_USE, wait: float = 0.0) -> Iterator[None]:
    """An exclusive lock on `vault` for a block, without an open Vault (create, restore)."""
    with _held(lock_path(vault), message, wait):
        yield


@contextmanager
def unlock_turn(vault: Path, wait: float = 120.0) -> Iterator[None]:
    """Serialise unlock attempts on one vault (each waits for the one before it)."""
    with _held(unlock_lock_path(vault), "vaultlock.unlock_running", wait):
        yield


@contextmanager
def _held(path: Path, message: str, wait: float) -> Iterator[None]:
    """The lock file `path` held exclusively for a block; VaultBusy(message) when it cannot be had in time."""
    fd = _open_lockfile(path)
    try:
        if not _acquire(fd, True, wait):
            raise VaultBusy(message)
        try:
            yield
        finally:
            if RANGES:
                _drop_all(fd, None)
            else:
                _unlock(fd)
    finally:
        os.close(fd)
