"""The command line speaks Dutch by default; these tests read its English (VERTROUWD_LANG=en), except
where a test says otherwise (tests/cli/test_cli_language.py)."""
from __future__ import annotations

import pytest

from app import texts


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    monkeypatch.setenv(texts.ENV_LANGUAGE, "en")
