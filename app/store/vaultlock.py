"""Inter-process locks on a vault: one process changes a vault at a time.

`<vault>.lock` (empty) is locked by the operating system, so a lock dies with the process that held
it: a killed program never leaves the vault locked.

- An open vault holds a SHARED lock for as long as it is open (POSIX). Several processes may read and
  write the vault through SQLite at the same time; SQLite serialises their transactions.
- A passphrase change, restore, migration, purge and creation take it EXCLUSIVELY: they run only when
  no other process has the vault open, and nothing else opens it while they run.
- `<vault>.unlock.lock` serialises unlock attempts, so that parallel wrong guesses each wait their turn
  and each is counted before the next one is tried.

On Windows `msvcrt.locking` knows no shared locks: there an open vault holds no lock, and the
exclusive operations (and backups) lock each other out; a re-key checks that the key file is still
the one it opened with (see vault.py), which guards the rest.
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
    """One attempt, never waiting. True when the lock is held."""
    try:
        if POSIX:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        else:  # pragma: no cover - Windows: byte 0, always exclusive
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except (BlockingIOError, PermissionError):
        return False
    except OSError as exc:  # Windows reports a held lock as EDEADLOCK / EACCES
        if exc.errno in (13, 35, 36):
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    if POSIX:
        fcntl.flock(fd, fcntl.LOCK_UN)
    else:  # pragma: no cover
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def _acquire(fd: int, exclusive: bool, wait: float) -> bool:
    deadline = time.monotonic() + max(0.0, wait)
    while True:
        if _try_lock(fd, exclusive):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(POLL)


class VaultLock:
    """The lock a Vault object holds for its life (shared) and raises to exclusive when needed."""

    def __init__(self, vault: Path):
        self.path = lock_path(vault)
        self._fd: int | None = None
        self.exclusive_held = False

    def hold_shared(self, wait: float | None = None) -> None:
        """Take the life-time shared lock (POSIX only); raises VaultBusy while another changes the vault."""
        if not POSIX:  # pragma: no cover
            return
        fd = _open_lockfile(self.path)
        if not _acquire(fd, False, SHARED_WAIT if wait is None else wait):
            os.close(fd)
            raise VaultBusy(IN_USE)
        self._fd = fd

    def try_exclusive(self) -> bool:
        """Raise the lock to exclusive without waiting: True when no other process has the vault open."""
        fd = self._fd if self._fd is not None else _open_lockfile(self.path)
        if _try_lock(fd, True):
            self._fd, self.exclusive_held = fd, True
            return True
        if self._fd is None:
            os.close(fd)
        elif POSIX and not _acquire(fd, False, SHARED_WAIT):  # a failed conversion may drop the shared lock
            self.release()
            raise VaultBusy(IN_USE)
        return False

    def downgrade(self) -> None:
        if not self.exclusive_held or self._fd is None:
            return
        if POSIX:
            fcntl.flock(self._fd, fcntl.LOCK_SH)
        else:  # pragma: no cover
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None
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
            self.exclusive_held = False
            try:
                _unlock(fd)
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
            _unlock(fd)
    finally:
        os.close(fd)
