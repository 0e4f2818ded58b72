"""Loading data from resources/ (vocabularies, checklists, decision tree, name lists)."""
from __future__ import annotations

import json
from functools import lru_cache

from app import RESOURCES
from models.vocab import Vocabularies


@lru_cache(maxsize=1)
def vocabularies() -> Vocabularies:
    with open(RESOURCES / "vocabularies.json", encoding="utf-8") as fh:
        return Vocabularies.from_dict(json.load(fh))
