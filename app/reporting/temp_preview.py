"""A PDF preview for an outside viewer, without asking where to save it.

The file lives in a private folder (owner only) made for it, is overwritten and removed once the
viewer has had time to load it, and at the latest when the program locks or quits: no readable copy
of a report that was never exported stays on disk.
"""
from __future__ import annotations

import atexit
import contextlib
import os
import tempfile
from pathlib import Path

from app.fsutil import FILE_MODE


class TempPreviews:
    """The preview files written in this run; `remove_all` wipes them."""

    def __init__(self) -> None:
        self.paths: list[Path] = []
        atexit.register(self.remove_all)

    def write(self, data: bytes, name: str = "voorbeeld.pdf") -> Path:
        folder = Path(tempfile.mkdtemp(prefix="vertrouwd-"))  # mode 0700
        path = folder / name
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        self.paths.append(path)
        return path

    def remove(self, path: Path) -> None:
        """Overwrite the file with zeros, then remove it and its folder."""
        with contextlib.suppress(OSError):
            size = path.stat().st_size
            with open(path, "r+b") as f:
                f.write(b"\0" * size)
                f.flush()
                os.fsync(f.fileno())
        with contextlib.suppress(OSError):
            path.unlink()
        with contextlib.suppress(OSError):
            path.parent.rmdir()
        if path in self.paths:
            self.paths.remove(path)

    def remove_all(self) -> None:
        for path in list(self.paths):
            self.remove(path)
