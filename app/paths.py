"""Where the program keeps its files by default (platformdirs)."""
from __future__ import annotations

from pathlib import Path

import platformdirs

APP = "Vertrouwd"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def default_vault() -> Path:
    return data_dir() / "vertrouwd.vault"


def templates_dir() -> Path:
    """Checklist templates the adviser imported (not secret: no case data)."""
    return data_dir() / "checklists"


def supervisor_store() -> Path:
    return data_dir() / "supervisor.store"


def location_file() -> Path:
    """Where the window notes a vault the adviser placed outside the default folder (a path, no secret)."""
    return data_dir() / "vault-location.txt"


def remembered_vault() -> Path | None:
    """The vault location the adviser chose on the welcome page, if she chose one."""
    try:
        text = location_file().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return Path(text) if text else None


def current_vault() -> Path:
    """The vault the program opens without `--vault`: the place the adviser chose, else the default."""
    return remembered_vault() or default_vault()


def remember_vault(path: str | Path) -> None:
    """Note the adviser's chosen vault location for the next start (window and command line alike)."""
    from app.fsutil import secure_unlink, write_text_atomic

    path = Path(path).resolve()
    if path == default_vault().resolve():
        secure_unlink(location_file())
        return
    location_file().parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(location_file(), str(path) + "\n")
