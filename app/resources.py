"""Loading data from resources/ (vocabularies, checklists, decision tree, name lists)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from app import RESOURCES
from models.vocab import Vocabularies


@lru_cache(maxsize=1)
def vocabularies() -> Vocabularies:
    with open(RESOURCES / "vocabularies.json", encoding="utf-8") as fh:
        return Vocabularies.from_dict(json.load(fh))


def font_path(name: str) -> Path:
    """A font file shipped in resources/fonts/ (the PDFs embed these; see resources/fonts/README.md)."""
    return RESOURCES / "fonts" / name
