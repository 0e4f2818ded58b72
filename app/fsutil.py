"""Atomic, permission-safe file writes that also hold on Windows and macOS.

Every file the program writes goes through here: a temporary file in the same folder (so the final
rename stays on one file system), written, flushed and fsync'ed, made readable by its owner only, then
moved over the target. A failure at any point leaves the old file as it was and removes the temporary.

Permissions. On POSIX (Linux, macOS) the file gets mode 0600 before any byte is written (os.fchmod on the
open descriptor). Windows has no os.fchmod before Python 3.13 and its os.chmod only sets the read-only
flag, so there the program relies on the folder's inherited ACL: the default vault folder is under the
user's profile (%LOCALAPPDATA%\\Vertrouwd, from platformdirs), whose ACL gives access to that user, SYSTEM
and Administrators only, and a new file inherits it. A file saved elsewhere (a USB stick, a shared
folder the adviser chooses) gets that folder's ACL; the vault, its backups and .vstat deliveries are
encrypted, and reports hold only published, disclosure-controlled figures.

Replacing. On Windows a virus scanner, the search indexer or OneDrive may hold the target open for a
moment; os.replace then fails with winerror 5 (access denied), 32 (sharing violation) or 33 (lock
violation). The move is retried with a short backoff (at most REPLACE_DELAYS, about 0.3 s in all) before
FileInUse says so in words. Long paths (260 characters and more) get the \\\\?\\ prefix on Windows.
"""
from __future__ import annotations

import contextlib
import errno
import ntpath
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from app import texts

FILE_MODE = 0o600
REPLACE_DELAYS = (0.01, 0.02, 0.04, 0.08, 0.16)  # seconds between attempts: 0.31 s at most in all
TRANSIENT_WINERRORS = frozenset({5, 32, 33})
WINDOWS_MAX_PATH = 260
_TMP_STEM = 40  # characters of the target's name kept in the temporary's name (names stay < 255)
_sleep = time.sleep  # tests replace it to see the delays without waiting


class FileInUse(PermissionError):
    """The target stayed locked by another program through every retry; the old file is unchanged."""


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder for fsync; NTFS journals the rename
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - a folder we may list but not open
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def long_path(path: str | os.PathLike[str]) -> str:
    """On Windows, an absolute path of 260 characters or more in the \\\\?\\ form that has no length limit."""
    text = os.fspath(path)
    if os.name != "nt" or len(text) < WINDOWS_MAX_PATH - 12 or text.startswith("\\\\?\\"):
        return text
    return windows_extended(text)


def windows_extended(text: str) -> str:
    """`C:\\a\\b` -> `\\\\?\\C:\\a\\b`, `\\\\server\\share\\x` -> `\\\\?\\UNC\\server\\share\\x` (pure string work)."""
    full = ntpath.normpath(text)
    if full.startswith("\\\\"):
        return "\\\\?\\UNC\\" + full[2:]
    return "\\\\?\\" + full


def restrict(fd: int, path: str | os.PathLike[str]) -> None:
    """Owner-only access: fchmod where it exists, else chmod on the path (see the module's note on ACLs)."""
    if hasattr(os, "fchmod"):
        os.fchmod(fd, FILE_MODE)
    else:
        os.chmod(path, FILE_MODE)


def _transient(exc: OSError) -> bool:
    return isinstance(exc, PermissionError) or getattr(exc, "winerror", None) in TRANSIENT_WINERRORS


def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
    """os.replace, retried briefly while another program holds `dst` (or `src`) open."""
    for delay in (*REPLACE_DELAYS, None):
        try:
            os.replace(src, dst)
            return
        except OSError as exc:
            if not _transient(exc):
                raise
            if delay is None:
                raise FileInUse(errno.EACCES, texts.Sentence("fsutil.file_in_use", path=os.fspath(dst)),
                                os.fspath(dst)) from exc
            _sleep(delay)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Yield a binary file object; on clean exit it replaces `path` atomically."""
    target = Path(long_path(path))
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name[:_TMP_STEM]}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        try:
            restrict(fd, tmp)
            fh = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            raise
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        replace(tmp, target)
        _fsync_dir(folder)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_writer(path) as fh:
        fh.write(data)


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def replace_file(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
    """Move a finished file over `dst` (same folder), fsync'ing the folder afterwards."""
    os.chmod(src, FILE_MODE)
    replace(src, dst)
    _fsync_dir(Path(dst).parent)


def secure_unlink(path: str | os.PathLike[str]) -> None:
    """Remove a file if it exists. (Content is encrypted; this only tidies up.)"""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
