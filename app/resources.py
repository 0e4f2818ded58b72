"""Finding the program's own files (resources/, translations/) and loading data from them.

The folders stay at the top of the source tree. pyproject maps them to two small top-level packages,
`vertrouwd_resources` and `vertrouwd_translations` (setuptools `package-dir`), so a wheel, a normal
`pip install .`, an editable install and a PyInstaller build (packaging/vertrouwd.spec) all carry them
as package data and `importlib.resources` finds them. One exception: code running from a source checkout
(this file sits in `<checkout>/app/` beside pyproject.toml) reads that checkout's folders, so a second
checkout or worktree never mixes its own code with another tree's data.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources as _importlib_resources
from pathlib import Path

from models.vocab import Vocabularies

_CHECKOUT = Path(__file__).resolve().parent.parent
PACKAGES = {"resources": "vertrouwd_resources", "translations": "vertrouwd_translations"}


def data_folder(name: str) -> Path:
    """The folder `resources` or `translations` as a real directory on disk."""
    if (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / name).is_dir():
        return _CHECKOUT / name
    try:
        found = _importlib_resources.files(PACKAGES[name])
    except ModuleNotFoundError as exc:
        raise RuntimeError(f"Vertrouwd is installed without its {name} (package {PACKAGES[name]} is "
                           "missing); reinstall the program.") from exc
    if not isinstance(found, Path) or not found.is_dir():
        raise RuntimeError(f"Vertrouwd's {name} are not a folder on disk ({found}); install the program "
                           "unzipped (pip and the installers do).")
    return found


RESOURCES = data_folder("resources")
TRANSLATIONS = data_folder("translations")


def resource_path(*parts: str) -> Path:
    """A file in resources/, e.g. resource_path("fonts", "DejaVuSans.ttf")."""
    return RESOURCES.joinpath(*parts)


@lru_cache(maxsize=1)
def vocabularies() -> Vocabularies:
    with open(resource_path("vocabularies.json"), encoding="utf-8") as fh:
        return Vocabularies.from_dict(json.load(fh))


def font_path(name: str) -> Path:
    """A font file shipped in resources/fonts/ (the PDFs embed these; see resources/fonts/README.md)."""
    return resource_path("fonts", name)
