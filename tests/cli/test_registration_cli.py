"""The command line of issue 13: an organisation's sector (org add/edit --sector), the outcome when a
case closes (case close --outcome), and the position beside the role in case list."""
from __future__ import annotations

import io
import json

import pytest

from app import cli
from tests.cli.test_cli import Run, _case, _import_file
from tests.conftest import PASSPHRASE


@pytest.fixture
def ready(tmp_path, monkeypatch):
    """`vertrouwd ARGS` on a fresh vault with one organisation."""
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)

    def _run(*argv: str) -> Run:
        out, err = io.StringIO(), io.StringIO()
        code = cli.main(["--vault", str(tmp_path / "cli" / "v.vault"), *argv], out, err)
        return Run(code, out.getvalue(), err.getvalue())
    assert _run("init").code == 0 and _run("org", "add", "Gemeente Voorbeeld").code == 0
    return _run


def test_org_sector_is_set_on_add_and_changed_with_edit(ready):
    assert ready("org", "add", "Basisschool De Linde", "--sector", "onderwijs").code == 0
    rows = {o["name"]: o["sector"] for o in json.loads(ready("org", "list", "--json").out)}
    assert rows == {"Gemeente Voorbeeld": "algemeen", "Basisschool De Linde": "onderwijs"}
    assert "Basisschool De Linde  [Education]" in ready("org", "list").out
    r = ready("org", "edit", "basisschool de linde", "--sector", "zorg")
    assert r.code == 0 and "Care" in r.out and "keep" in r.out
    r = ready("org", "edit", "Basisschool De Linde", "--sector", "defensie")
    assert r.code != 0 and "invalid choice" in r.err


def test_case_close_records_the_outcome(ready, tmp_path):
    f = _import_file(tmp_path, [_case("2026-001"), _case("2026-002", reporter_role="flexkracht")])
    assert ready("import", str(f)).code == 0
    r = ready("case", "close", "2026-001", "--outcome", "opgelost")
    assert r.code == 0 and "Outcome: Resolved." in r.out
    r = ready("case", "close", "2026-002")
    assert r.code == 0 and "Outcome: Unknown." in r.out
    rows = {x["code"]: (x["position"], x["reporter_role"]) for x in json.loads(ready("case", "list", "--json").out)}
    assert rows == {"2026-001": ("medewerker", "betrokkene"), "2026-002": ("uitzend_flexkracht", "betrokkene")}
    out = tmp_path / "out.json"
    assert ready("export", str(out)).code == 0
    assert [c["outcome"] for c in json.loads(out.read_text(encoding="utf-8"))["cases"]] == ["opgelost", "onbekend"]
