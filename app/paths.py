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
