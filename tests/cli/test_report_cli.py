"""`vertrouwd report` and `vertrouwd stats export`, run in-process on a real (test) vault."""
from __future__ import annotations

import io
import json

import pytest

from app import cli
from app import keys as exkeys
from app.exchange import vstat as exchange
from tests.app.test_report import CANARY, ORG, YEAR, fill
from tests.conftest import PASSPHRASE, build_template, copy_vault


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return build_template(tmp_path_factory.mktemp("filled"), fill)


@pytest.fixture
def filled_path(template, vault_path, monkeypatch):
    """A copy of a vault filled once per module."""
    copy_vault(template, vault_path)
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)
    return str(vault_path)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_report_json_csv_pdf(filled_path, tmp_path):
    for fmt in ("json", "csv", "pdf"):
        target = tmp_path / f"jaarverslag.{fmt}"
        code, out, err = run("--vault", filled_path, "report", "--org", ORG, "--year", str(YEAR),
                             "--format", fmt, "--out", str(target))
        assert code == 0, err
        assert str(target) in out and target.exists()
        assert CANARY.encode() not in target.read_bytes()
    rep = json.loads((tmp_path / "jaarverslag.json").read_text(encoding="utf-8"))
    assert rep["totals"] == {"cases": 26, "contacts": 26, "hours": 36}
    csv_text = (tmp_path / "jaarverslag.csv").read_text(encoding="utf-8-sig")
    assert "totals,cases,cases,,26," in csv_text


def test_report_errors_are_one_line(filled_path, tmp_path):
    code, _out, err = run("--vault", filled_path, "report", "--org", "Onbekend BV", "--year", str(YEAR),
                          "--format", "json", "--out", str(tmp_path / "r.json"))
    assert code == 1 and "Unknown organisation" in err and "Traceback" not in err
    code, _out, err = run("--vault", filled_path, "report", "--org", ORG, "--year", str(YEAR),
                          "--format", "json", "--out", str(tmp_path / "r.json"), "--threshold", "2")
    assert code == 1 and "use 3 or more" in err
    assert not (tmp_path / "r.json").exists()


def test_report_in_english_with_threshold(filled_path, tmp_path):
    target = tmp_path / "report.json"
    code, _out, err = run("--vault", filled_path, "report", "--org", ORG, "--year", str(YEAR), "--format",
                          "json", "--out", str(target), "--threshold", "6", "--lang", "en")
    assert code == 0, err
    rep = json.loads(target.read_text(encoding="utf-8"))
    assert rep["threshold"] == 6 and rep["method"].startswith("To keep people")


def test_stats_export_signed_and_for_a_supervisor(filled_path, tmp_path):
    target = tmp_path / "testorg.vstat"
    code, out, err = run("--vault", filled_path, "stats", "export", "--org", ORG, "--year", str(YEAR),
                         "--out", str(target))
    assert code == 0, err
    assert "Signed statistics" in out
    vs = exchange.read_vstat(target.read_bytes())
    assert vs.organisation == ORG and vs.year == YEAR and vs.totals["cases"] == 26
    pub = exkeys.generate_supervisor_keypair(tmp_path / "sup")
    enc = tmp_path / "enc.vstat"
    code, _out, err = run("--vault", filled_path, "stats", "export", "--org", ORG, "--year", str(YEAR),
                          "--out", str(enc), "--to", str(tmp_path / "sup" / "supervisor.pub"))
    assert code == 0, err
    assert json.loads(enc.read_bytes())["format"] == exchange.ENCRYPTED_FORMAT
    priv = exkeys.load_supervisor_key(tmp_path / "sup" / "supervisor.key")
    assert exkeys.supervisor_public_key(priv) == pub
    assert exchange.read_vstat(enc.read_bytes(), supervisor_key=priv).totals["cases"] == 26
    code, _out, err = run("--vault", filled_path, "stats", "export", "--org", ORG, "--year", str(YEAR),
                          "--out", str(tmp_path / "x.vstat"), "--to", str(tmp_path / "missing.pub"))
    assert code == 1 and "supervisor" in err


def test_republish_flag(filled_path, tmp_path):
    base = ("--vault", filled_path, "report", "--org", ORG, "--year", str(YEAR), "--format", "json")
    assert run(*base, "--out", str(tmp_path / "a.json"))[0] == 0
    code, _out, err = run(*base, "--out", str(tmp_path / "b.json"), "--threshold", "3")
    assert code != 0 and "--republish" in err and not (tmp_path / "b.json").exists()
    code, out, err = run(*base, "--out", str(tmp_path / "b.json"), "--threshold", "3", "--republish")
    assert code == 0, err
    code, _out, err = run("--vault", filled_path, "stats", "export", "--org", ORG, "--year", str(YEAR),
                          "--out", str(tmp_path / "s.vstat"), "--threshold", "4", "--republish")
    assert code == 0, err
    assert (tmp_path / "s.vstat").exists()


def test_report_of_all_organisations_from_the_command_line(filled_path, tmp_path):
    target = tmp_path / "alle.json"
    code, out, err = run("--vault", filled_path, "report", "--all-orgs", "--year", str(YEAR),
                         "--format", "json", "--out", str(target))
    assert code == 0, err
    rep = json.loads(target.read_text(encoding="utf-8"))
    assert rep["organisation"] != ORG
    assert rep["totals"]["cases"] >= 26
    code, _out, err = run("--vault", filled_path, "report", "--all-orgs", "--org", ORG, "--year", str(YEAR),
                          "--format", "json", "--out", str(tmp_path / "twee.json"))
    assert code == 2 and "not allowed with" in err and not (tmp_path / "twee.json").exists()
    code, _out, err = run("--vault", filled_path, "report", "--year", str(YEAR), "--format", "json",
                          "--out", str(tmp_path / "geen.json"))
    assert code == 2 and "--org" in err and "--all-orgs" in err
