"""The command line speaks Dutch by default; these tests read its English (VERTROUWD_LANG=en), except
where a test says otherwise (tests/cli/test_cli_language.py)."""
from __future__ import annotations

import io

import pytest

from app import cli, texts
from tests.cli.test_cli import Run
from tests.conftest import PASSPHRASE


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    monkeypatch.setenv(texts.ENV_LANGUAGE, "en")


@pytest.fixture
def vt(tmp_path, monkeypatch):
    """`vertrouwd ARGS` on a fresh vault (tmp_path/cli/v.vault) with one organisation."""
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)

    def _run(*argv: str) -> Run:
        out, err = io.StringIO(), io.StringIO()
        code = cli.main(["--vault", str(tmp_path / "cli" / "v.vault"), *argv], out, err)
        return Run(code, out.getvalue(), err.getvalue())
    assert _run("init").code == 0 and _run("org", "add", "Gemeente Voorbeeld").code == 0
    return _run
