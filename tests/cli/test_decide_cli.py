"""`vertrouwd decide`: JSON on stdout, exit codes for bad facts."""
from __future__ import annotations

import io
import json

from app.cli import main


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_decide_prints_route_json(tmp_path):
    facts = tmp_path / "f.json"
    facts.write_text(json.dumps({"subject": "ongewenst_gedrag", "acute_danger": False,
                                 "possible_crime": False, "needs_care": False, "role_in_case": "omstander",
                                 "wants_anonymity": True}), "utf-8")
    code, out, err = run("decide", "--facts", str(facts), "--lang", "en")
    assert code == 0, err
    result = json.loads(out)
    for key in ("route", "also", "warnings", "requirements", "terms_days", "reasons", "tree_version"):
        assert key in result
    assert result["route"] != "klacht"
    assert "omstander_geen_klacht" in result["warnings"] or "anoniem_geen_klacht" in result["warnings"]


def test_decide_acute_danger_first(tmp_path):
    facts = tmp_path / "f.json"
    facts.write_text(json.dumps({"subject": "integriteit", "acute_danger": True}), "utf-8")
    code, out, _ = run("decide", "--facts", str(facts))
    assert code == 0 and json.loads(out)["route"] == "veiligheid_eerst"


def test_decide_bad_input_exit_1_one_line(tmp_path):
    facts = tmp_path / "f.json"
    facts.write_text(json.dumps({"subject": "ongewenst_gedrag", "shoe_size": 42}), "utf-8")
    code, out, err = run("decide", "--facts", str(facts))
    assert code == 1 and out == ""
    assert "shoe_size" in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    code, _, err = run("decide", "--facts", str(tmp_path / "missing.json"))
    assert code == 1 and err.strip()
    code, _, _ = run("decide")
    assert code == 2
