"""Some of these tests run the command line (which speaks Dutch by default) and read its English
(VERTROUWD_LANG=en), as tests/cli/conftest.py does; tests/app/test_texts.py sets the language itself."""
from __future__ import annotations

import pytest

from app import texts


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    monkeypatch.setenv(texts.ENV_LANGUAGE, "en")
