"""The command line of issue 13: an organisation's sector (org add/edit --sector), the outcome when a
case closes (case close --outcome), and the position beside the role in case list."""
from __future__ import annotations

import json

from tests.cli.test_cli import _case, _import_file


def test_org_sector_is_set_on_add_and_changed_with_edit(vt):
    assert vt("org", "add", "Basisschool De Linde", "--sector", "onderwijs").code == 0
    rows = {o["name"]: o["sector"] for o in json.loads(vt("org", "list", "--json").out)}
    assert rows == {"Gemeente Voorbeeld": "algemeen", "Basisschool De Linde": "onderwijs"}
    assert "Basisschool De Linde  [Education]" in vt("org", "list").out
    r = vt("org", "edit", "basisschool de linde", "--sector", "zorg")
    assert r.code == 0 and "Care" in r.out and "keep" in r.out
    r = vt("org", "edit", "Basisschool De Linde", "--sector", "defensie")
    assert r.code != 0 and "invalid choice" in r.err


def test_case_close_records_the_outcome(vt, tmp_path):
    f = _import_file(tmp_path, [_case("2026-001"), _case("2026-002", reporter_role="flexkracht")])
    assert vt("import", str(f)).code == 0
    r = vt("case", "close", "2026-001", "--outcome", "opgelost")
    assert r.code == 0 and "Outcome: Resolved." in r.out
    r = vt("case", "close", "2026-002")
    assert r.code == 0 and "Outcome: Unknown." in r.out
    rows = {x["code"]: (x["position"], x["reporter_role"]) for x in json.loads(vt("case", "list", "--json").out)}
    assert rows == {"2026-001": ("medewerker", "betrokkene"), "2026-002": ("uitzend_flexkracht", "betrokkene")}
    out = tmp_path / "out.json"
    assert vt("export", str(out)).code == 0
    assert [c["outcome"] for c in json.loads(out.read_text(encoding="utf-8"))["cases"]] == ["opgelost", "onbekend"]
