"""More of the command line, in-process through app.cli.main(argv, out, err): output streams, the
passphrase file, --year, supervisor keys for verify/merge/keygen, report --allow-flagged, the
checklist commands; plus the foundation fixes behind them (strict dates, notes, vanished records).
"""
from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import cli, paths
from app import keys as exkeys
from app.errors import UserError
from app.store import vault as vault_mod
from app.store.repository import Repository
from models.entities import Activity, parse_date
from tests.app.test_report import ORG, YEAR, fill
from tests.conftest import PASSPHRASE

SUP_PASS = "supervisor sentence here"


class Run:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err


def call(*argv: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out, err)
    return Run(code, out.getvalue(), err.getvalue())


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal(monkeypatch):
    """Pretend stdin is a terminal; getpass answers from the list `answers` (in order)."""
    answers: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin", Tty(""))

    def fake_getpass(prompt: str = "") -> str:
        asked.append(prompt)
        return answers.pop(0)
    monkeypatch.setattr(cli.getpass, "getpass", fake_getpass)
    return answers, asked


@pytest.fixture
def no_terminal(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


@pytest.fixture
def vpath(tmp_path, monkeypatch) -> str:
    """An initialised vault with one organisation; the passphrase in the environment."""
    path = str(tmp_path / "cli" / "v.vault")
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)
    assert call("--vault", path, "init").code == 0
    assert call("--vault", path, "org", "add", "Gemeente Voorbeeld").code == 0
    return path


# -- argparse output goes to the streams given to main() ---------------------------------------------
@pytest.mark.parametrize("argv", [["frobnicate"], ["org"], ["case", "list", "--year", "x"],
                                  ["checklist", "export", "intake"], ["stats", "merge", "a.vstat"]])
def test_usage_errors_go_to_err(argv, capsys):
    r = call(*argv)
    assert r.code == 2
    assert "error" in one_line(r.err) and "--help" in r.err and r.out == ""
    assert capsys.readouterr() == ("", "")  # nothing on the real stdout/stderr


def test_help_and_version_go_to_out(capsys):
    r = call("--help")
    assert r.code == 0 and "COMMAND" in r.out and "checklist" in r.out and r.err == ""
    r = call("--version")
    assert r.code == 0 and r.out.startswith("vertrouwd ")
    r = call("stats", "merge", "--help")
    assert r.code == 0 and "--key" in r.out and "--trust" in r.out and "VERTROUWD_SUPERVISOR_PASSPHRASE" in r.out
    r = call("report", "--help")
    assert r.code == 0 and "--allow-flagged" in r.out
    assert capsys.readouterr() == ("", "")


def test_help_says_the_passphrase_file_wins():
    text = " ".join(call("--help").out.split())
    assert "wins over $VERTROUWD_PASSPHRASE" in text


# -- --passphrase-file wins over the environment -----------------------------------------------------
def test_passphrase_file_wins_over_environment(vpath, tmp_path, monkeypatch):
    good = tmp_path / "good.txt"
    good.write_text(PASSPHRASE + "\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("not the passphrase at all\n", encoding="utf-8")
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", "not the passphrase at all")
    r = call("--vault", vpath, "--passphrase-file", str(good), "org", "list")
    assert r.code == 0, r.err
    assert "Gemeente Voorbeeld" in r.out
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)
    r = call("--vault", vpath, "--passphrase-file", str(bad), "org", "list")
    assert r.code == 3 and "Wrong passphrase" in one_line(r.err)
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("wachtwoord \xe9\xe9n\n".encode("latin-1"))
    r = call("--vault", vpath, "--passphrase-file", str(latin), "org", "list")
    assert r.code == 1 and "not UTF-8" in one_line(r.err)


def test_without_file_the_environment_is_used(vpath, no_terminal):
    assert call("--vault", vpath, "org", "list").code == 0


# -- --year ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("year", ["0", "-1", "-2026", "1899", "3000", "20260"])
def test_case_list_year_out_of_range_is_a_usage_error(vpath, year):
    r = call("--vault", vpath, "case", "list", "--year", year)
    assert r.code == 2
    assert "--year" in one_line(r.err) and "1900" in r.err and "2999" in r.err


def test_year_bounds_are_accepted(vpath):
    for year in ("1900", "2999", "2026"):
        r = call("--vault", vpath, "case", "list", "--year", year)
        assert r.code == 0, r.err


def test_report_and_stats_year_are_checked_too(tmp_path):
    out = str(tmp_path / "r.json")
    assert call("report", "--org", "X", "--year", "0", "--format", "json", "--out", out).code == 2
    assert call("stats", "export", "--org", "X", "--year", "-5", "--out", out).code == 2
    assert not Path(out).exists()


# -- stats keygen ------------------------------------------------------------------------------------
def test_keygen_with_passphrase_from_environment(tmp_path, monkeypatch, no_terminal):
    monkeypatch.setenv("VERTROUWD_SUPERVISOR_PASSPHRASE", SUP_PASS)
    r = call("stats", "keygen", "--out", str(tmp_path / "sup"))
    assert r.code == 0, r.err
    assert "warning" not in r.err
    pem = (tmp_path / "sup" / "supervisor.key").read_bytes()
    assert b"ENCRYPTED PRIVATE KEY" in pem
    priv = exkeys.load_supervisor_key(tmp_path / "sup" / "supervisor.key", SUP_PASS)
    pub = exkeys.parse_supervisor_pub((tmp_path / "sup" / "supervisor.pub").read_text())
    assert exkeys.supervisor_public_key(priv) == pub
    assert exkeys.fingerprint(pub) in r.out


def test_keygen_without_passphrase_and_terminal_warns(tmp_path, no_terminal):
    r = call("stats", "keygen", "--out", str(tmp_path / "sup"))
    assert r.code == 0
    assert "WITHOUT a passphrase" in one_line(r.err) and "VERTROUWD_SUPERVISOR_PASSPHRASE" in r.err
    pem = (tmp_path / "sup" / "supervisor.key").read_bytes()
    assert b"ENCRYPTED" not in pem
    exkeys.load_supervisor_key(tmp_path / "sup" / "supervisor.key")


def test_keygen_asks_in_a_terminal(tmp_path, terminal):
    answers, asked = terminal
    answers += [SUP_PASS, SUP_PASS]
    r = call("stats", "keygen", "--out", str(tmp_path / "sup"))
    assert r.code == 0, r.err
    assert len(asked) == 2 and "empty" in asked[0]
    exkeys.load_supervisor_key(tmp_path / "sup" / "supervisor.key", SUP_PASS)
    # an empty answer in the terminal: no passphrase, with the warning
    answers += [""]
    r = call("stats", "keygen", "--out", str(tmp_path / "sup2"))
    assert r.code == 0 and "WITHOUT" in r.err
    # two different answers: nothing made
    answers += [SUP_PASS, SUP_PASS + "x"]
    r = call("stats", "keygen", "--out", str(tmp_path / "sup3"))
    assert r.code == 1 and "differ" in one_line(r.err)
    assert not (tmp_path / "sup3").exists()


def test_keygen_short_passphrase_makes_nothing(tmp_path, monkeypatch, no_terminal):
    monkeypatch.setenv("VERTROUWD_SUPERVISOR_PASSPHRASE", "short")
    r = call("stats", "keygen", "--out", str(tmp_path / "sup"))
    assert r.code == 1 and "too short" in one_line(r.err)
    assert not (tmp_path / "sup").exists()


# -- stats verify / merge with a supervisor key and --trust ------------------------------------------
@pytest.fixture
def delivered(vault, vault_path, tmp_path, monkeypatch):
    """Two files from one adviser: one plain, one encrypted to an encrypted supervisor key."""
    repo = Repository(vault)
    fill(repo)
    adviser_fp = exkeys.fingerprint(exkeys.public_key(repo.signing_key()))
    vault.close()
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)
    sup = tmp_path / "sup"
    exkeys.generate_supervisor_keypair(sup, passphrase=SUP_PASS)
    plain, enc = tmp_path / "plain.vstat", tmp_path / "enc.vstat"
    for target, extra in ((plain, []), (enc, ["--to", str(sup / "supervisor.pub")])):
        r = call("--vault", str(vault_path), "stats", "export", "--org", ORG, "--year", str(YEAR),
                 "--out", str(target), *extra)
        assert r.code == 0, r.err
    monkeypatch.delenv("VERTROUWD_PASSPHRASE")
    return {"plain": str(plain), "enc": str(enc), "key": str(sup / "supervisor.key"), "fp": adviser_fp,
            "tmp": tmp_path}


def test_verify_encrypted_file_with_key(delivered, monkeypatch, no_terminal):
    d = delivered
    monkeypatch.setenv("VERTROUWD_SUPERVISOR_PASSPHRASE", SUP_PASS)
    r = call("stats", "verify", d["enc"], d["plain"], "--key", d["key"], "--trust", d["fp"])
    assert r.code == 0, r.out + r.err
    lines = r.out.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("OK ") and d["fp"] in line for line in lines)
    # without the key the encrypted file fails (the plain one still verifies)
    r = call("stats", "verify", d["enc"], d["plain"], "--trust", d["fp"])
    assert r.code == 1 and f"FAILED {d['enc']}" in r.out and f"OK {d['plain']}" in r.out
    # without --trust the signature's key is not trusted
    r = call("stats", "verify", d["plain"], "--key", d["key"])
    assert r.code == 1 and "untrusted" in r.out


def test_supervisor_key_passphrase_problems(delivered, monkeypatch, no_terminal):
    d = delivered
    r = call("stats", "verify", d["enc"], "--key", d["key"], "--trust", d["fp"])
    assert r.code == 1
    assert "VERTROUWD_SUPERVISOR_PASSPHRASE" in one_line(r.err) and "terminal" in r.err
    monkeypatch.setenv("VERTROUWD_SUPERVISOR_PASSPHRASE", "a wrong supervisor passphrase")
    r = call("stats", "verify", d["enc"], "--key", d["key"], "--trust", d["fp"])
    assert r.code == 3 and "passphrase" in one_line(r.err)
    r = call("stats", "verify", d["enc"], "--key", str(d["tmp"] / "missing.key"), "--trust", d["fp"])
    assert r.code == 1 and "cannot read the supervisor key" in one_line(r.err)
    r = call("stats", "verify", d["enc"], "--key", d["plain"], "--trust", d["fp"])
    assert r.code == 1 and "not a supervisor key" in one_line(r.err)


def test_supervisor_key_passphrase_prompt(delivered, terminal):
    answers, asked = terminal
    answers.append(SUP_PASS)
    r = call("stats", "verify", delivered["enc"], "--key", delivered["key"], "--trust", delivered["fp"])
    assert r.code == 0, r.out + r.err
    assert asked == ["Passphrase of the supervisor key: "]


def test_an_unencrypted_supervisor_key_needs_no_passphrase(delivered, monkeypatch, no_terminal):
    d = delivered
    plain_key_dir = d["tmp"] / "plainkey"
    exkeys.generate_supervisor_keypair(plain_key_dir)
    # even with the variable set (e.g. for keygen) an unencrypted key just opens
    monkeypatch.setenv("VERTROUWD_SUPERVISOR_PASSPHRASE", SUP_PASS)
    r = call("stats", "verify", d["plain"], "--key", str(plain_key_dir / "supervisor.key"), "--trust", d["fp"])
    assert r.code == 0, r.out + r.err
    # but it cannot open a file made for the other supervisor
    r = call("stats", "verify", d["enc"], "--key", str(plain_key_dir / "supervisor.key"), "--trust", d["fp"])
    assert r.code == 1 and "another supervisor" in r.out


def test_merge_with_key_and_trust(delivered, monkeypatch, no_terminal):
    d = delivered
    monkeypatch.setenv("VERTROUWD_SUPERVISOR_PASSPHRASE", SUP_PASS)
    out = d["tmp"] / "combined.json"
    r = call("stats", "merge", d["enc"], "--key", d["key"], "--trust", d["fp"].replace(" ", "").lower(),
             "--trust", "0000 0000 0000 0000 0000 0000 0000 0000", "--out", str(out), "--by", "all")
    assert r.code == 0, r.out + r.err
    assert "written" in r.out and json.loads(out.read_text(encoding="utf-8"))
    # a --trust list that does not name the adviser: nothing written
    out2 = d["tmp"] / "refused.json"
    r = call("stats", "merge", d["enc"], "--key", d["key"], "--trust", "0000 0000 0000 0000 0000 0000 0000 0000",
             "--out", str(out2))
    assert r.code == 1 and "untrusted" in r.err and "nothing written" in r.err
    assert not out2.exists()
    # no --trust at all: refused (a valid signature alone proves nothing about the sender) ...
    out3 = d["tmp"] / "open.csv"
    r = call("stats", "merge", d["plain"], "--out", str(out3))
    assert r.code == 1 and "--trust" in r.err and not out3.exists()
    # ... unless the supervisor explicitly allows unchecked senders
    r = call("stats", "merge", d["plain"], "--out", str(out3), "--allow-untrusted")
    assert r.code == 0 and out3.exists()
    # the encrypted file without --key: refused, nothing written
    out4 = d["tmp"] / "nokey.json"
    r = call("stats", "merge", d["enc"], "--out", str(out4), "--allow-untrusted")
    assert r.code == 1 and not out4.exists()


# -- report --allow-flagged --------------------------------------------------------------------------
def test_report_allow_flagged(vault, vault_path, tmp_path, monkeypatch):
    repo = Repository(vault)
    fill(repo)
    repo.set_report_text(repo.organisation(ORG).id, YEAR, "Mail mij op iemand@example.org")
    vault.close()
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)
    base = ["--vault", str(vault_path), "report", "--org", ORG, "--year", str(YEAR), "--format", "pdf"]
    refused = tmp_path / "refused.pdf"
    r = call(*base, "--out", str(refused))
    assert r.code == 1 and "privacy check" in one_line(r.err)
    assert not refused.exists()
    allowed = tmp_path / "allowed.pdf"
    r = call(*base, "--out", str(allowed), "--allow-flagged")
    assert r.code == 0, r.err
    assert allowed.read_bytes().startswith(b"%PDF")


# -- checklist commands (no vault, no passphrase) ----------------------------------------------------
def _bump(text: str, version: int) -> str:
    assert "\nversion = 1\n" in text
    return text.replace("\nversion = 1\n", f"\nversion = {version}\n", 1)


def test_checklist_list_needs_no_vault(no_terminal, tmp_path):
    r = call("--vault", str(tmp_path / "none.vault"), "checklist", "list")
    assert r.code == 0, r.err
    rows = [line.split("\t") for line in r.out.strip().splitlines()]
    assert ["intake", "1", "Intakegesprek"] in rows
    assert {row[0] for row in rows} >= {"intake", "vervolg", "afsluiting", "melding_klacht"}
    assert not (tmp_path / "none.vault").exists()
    r = call("checklist", "list", "--lang", "en")
    assert any(line.startswith("vervolg\t1\t") and "Follow-up" in line for line in r.out.splitlines())


def test_checklist_export_import_round_trip(tmp_path, no_terminal):
    out = tmp_path / "vervolg.toml"
    r = call("checklist", "export", "vervolg", str(out))
    assert r.code == 0, r.err
    text = out.read_text(encoding="utf-8")
    assert 'id = "vervolg"' in text
    newer = tmp_path / "vervolg-v2.toml"
    newer.write_text(_bump(text, 2), encoding="utf-8")
    r = call("checklist", "import", str(newer))
    assert r.code == 0, r.err
    assert "vervolg version 2" in r.out
    stored = paths.templates_dir() / "vervolg-v2.toml"
    assert stored.read_text(encoding="utf-8") == newer.read_text(encoding="utf-8")
    rows = [line.split("\t")[:2] for line in call("checklist", "list").out.splitlines()]
    assert ["vervolg", "1"] in rows and ["vervolg", "2"] in rows
    # export the newest (imported) one, or an older one by --version
    again = tmp_path / "again.toml"
    assert call("checklist", "export", "vervolg", str(again)).code == 0
    assert again.read_text(encoding="utf-8") == newer.read_text(encoding="utf-8")
    assert call("checklist", "export", "vervolg", str(again), "--version", "1").code == 0
    assert again.read_text(encoding="utf-8") == text


def test_checklist_export_errors(tmp_path):
    r = call("checklist", "export", "no_such_list", str(tmp_path / "x.toml"))
    assert r.code == 1 and "no_such_list" in one_line(r.err)
    r = call("checklist", "export", "intake", str(tmp_path / "x.toml"), "--version", "7")
    assert r.code == 1 and "no version 7" in one_line(r.err)
    assert not (tmp_path / "x.toml").exists()


def test_checklist_import_invalid_names_the_line_and_writes_nothing(tmp_path):
    out = tmp_path / "intake.toml"
    assert call("checklist", "export", "intake", str(out)).code == 0
    text = _bump(out.read_text(encoding="utf-8"), 2)
    lines = text.splitlines()
    target = next(i for i, line in enumerate(lines) if line.startswith("kind = "))
    lines[target] = 'kind = "dropdown"'
    bad = tmp_path / "mine.toml"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = call("checklist", "import", str(bad))
    assert r.code == 1
    assert f"mine.toml, line {target + 1}:" in one_line(r.err) and "kind" in r.err
    assert not paths.templates_dir().exists() or not list(paths.templates_dir().iterdir())
    broken = tmp_path / "broken.toml"
    broken.write_text('id = "x"\nversion = \n', encoding="utf-8")
    r = call("checklist", "import", str(broken))
    assert r.code == 1 and "line 2" in one_line(r.err)
    # the same version as the built-in one cannot replace it
    r = call("checklist", "import", str(out))
    assert r.code == 1 and "built-in version 1" in one_line(r.err)
    r = call("checklist", "import", str(tmp_path / "missing.toml"))
    assert r.code == 1 and "not found" in one_line(r.err)
    assert not paths.templates_dir().exists() or not list(paths.templates_dir().iterdir())


def test_checklist_list_warns_about_a_damaged_imported_file():
    store = paths.templates_dir()
    store.mkdir(parents=True)
    (store / "kapot-v2.toml").write_text("this is = = not toml\n", encoding="utf-8")
    r = call("checklist", "list")
    assert r.code == 0 and "intake\t1\t" in r.out
    assert "kapot-v2.toml" in one_line(r.err) and "skipped" in r.err


# -- passwd when the change cannot be completed ------------------------------------------------------
def test_passwd_reports_an_incomplete_change_in_one_line(vpath, monkeypatch):
    monkeypatch.setenv("VERTROUWD_NEW_PASSPHRASE", "a brand new passphrase")
    real_replace = vault_mod.os.replace

    def failing(src, dst, *a, **k):
        if str(src).endswith(".key.json.pending"):
            raise OSError(13, "Permission denied")
        return real_replace(src, dst, *a, **k)

    monkeypatch.setattr(vault_mod.os, "replace", failing)
    r = call("--vault", vpath, "passwd")
    monkeypatch.setattr(vault_mod.os, "replace", real_replace)
    assert r.code == 1
    assert "Permission denied" in one_line(r.err) and "NEW passphrase" in r.err
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", "a brand new passphrase")
    assert call("--vault", vpath, "org", "list").code == 0


# -- strict dates and notes in imports ---------------------------------------------------------------
def _import(tmp_path: Path, cases: list[dict]) -> Path:
    p = tmp_path / "import.json"
    p.write_text(json.dumps({"format": "vertrouwd-data/1", "cases": cases}), encoding="utf-8")
    return p


def _case(code: str = "2026-001", opened: str = "2026-02-02", **contact) -> dict:
    k = {"date": "2026-02-02", "minutes": 30, "channel": "video", "kind": "intake"}
    k.update(contact)
    return {"code": code, "organisation": "Gemeente Voorbeeld", "opened": opened, "reporter_role": "medewerker",
            "behaviour": "pesten", "accused_relation": "collega", "follow_up": "lopend", "contacts": [k]}


@pytest.mark.parametrize("text", ["2026-W05-1", "20260202", "2026-2-2", "2026-02-02T10:00", " 2026-02-02",
                                  "2026-02-02\n", "2026-02-30", "\uff12\uff10\uff12\uff16-02-02", "2026-033"])
def test_import_accepts_only_yyyy_mm_dd(vpath, tmp_path, text):
    r = call("--vault", vpath, "import", str(_import(tmp_path, [_case(opened=text)])))
    assert r.code == 1
    assert "cases[0] (2026-001): opened:" in one_line(r.err) and "YYYY-MM-DD" in r.err
    r = call("--vault", vpath, "import", str(_import(tmp_path, [_case(date=text)])))
    assert r.code == 1 and "contacts[0]: date:" in one_line(r.err)
    assert json.loads(call("--vault", vpath, "case", "list", "--json").out) == []


def test_import_notes_must_be_text(vpath, tmp_path):
    for bad in (0, 12, False, ["a"], {"x": 1}):
        r = call("--vault", vpath, "import", str(_import(tmp_path, [_case(notes=bad)])))
        assert r.code == 1
        assert "cases[0] (2026-001) contacts[0]: notes:" in one_line(r.err) and "text" in r.err
    assert json.loads(call("--vault", vpath, "case", "list", "--json").out) == []
    r = call("--vault", vpath, "import", str(_import(tmp_path, [_case(notes=None), _case("2026-002", notes="ok")])))
    assert r.code == 0, r.err


def test_parse_date_examples():
    assert parse_date("2026-02-02", "opened") == (date(2026, 2, 2), None)
    assert parse_date(date(2026, 2, 2), "opened") == (date(2026, 2, 2), None)
    for bad in ("2026-W05-1", "20260202", "2026-02-29", None, 20260202):
        value, problem = parse_date(bad, "closed")
        assert value is None and problem.field == "closed" and problem.code == "bad_date"
    assert "existing date" in parse_date("2026-02-29", "x")[1].message


@settings(max_examples=60, deadline=None)
@given(st.dates())
def test_parse_date_round_trips_every_date(d):
    assert parse_date(d.isoformat(), "date") == (d, None)


# -- updates of records that vanished ----------------------------------------------------------------
def test_update_of_a_removed_activity_or_organisation(repo):
    repo.add_organisation("Org A", ["ICT"])
    oid = repo.organisation("Org A").id
    act = Activity(organisation="Org A", date=date(2026, 3, 1), kind="voorlichting", hours=2.0)
    aid = repo.add_activity(act)
    repo.delete_activity(aid)
    audit_before = repo.audit_log()
    with pytest.raises(UserError, match="no longer exists"):
        repo.update_activity(Activity(organisation="Org A", date=date(2026, 3, 2), kind="training", hours=1.0,
                                      id=aid))
    assert repo.list_activities() == []
    repo.delete_organisation(oid)
    with pytest.raises(UserError, match="no longer exists"):
        repo.update_organisation(oid, "Org B", ["Zorg"])
    assert repo.list_organisations() == []
    after = repo.audit_log()
    assert after[1:] == audit_before  # one new line only: the removal of the organisation
    assert after[0][1] == "organisatie_verwijderd"
    assert repo.conn.execute("SELECT count(*) FROM units").fetchone()[0] == 0
    with pytest.raises(ValueError):
        repo.update_activity(Activity(organisation="Org A", date=date(2026, 3, 2), kind="training", hours=1.0))


def test_update_of_existing_records_still_works(repo):
    repo.add_organisation("Org A", ["ICT"])
    oid = repo.organisation("Org A").id
    aid = repo.add_activity(Activity(organisation="Org A", date=date(2026, 3, 1), kind="voorlichting", hours=2))
    repo.update_activity(Activity(organisation="Org A", date=date(2026, 3, 2), kind="training", hours=1.5, id=aid))
    assert [(a.kind, a.hours) for a in repo.list_activities()] == [("training", 1.5)]
    repo.update_organisation(oid, "Org B", ["ICT", "Zorg"])
    assert [(o.name, o.units) for o in repo.list_organisations()] == [("Org B", ["ICT", "Zorg"])]
    assert [a for _, a, _ in repo.audit_log()][:2] == ["organisatie_gewijzigd", "activiteit_gewijzigd"]


# -- review findings: damaged vault and deeply nested input give a message, not a traceback ----------
def test_damaged_vault_and_deep_nesting_are_messages(vault, vault_path, tmp_path, monkeypatch):
    import io

    from app import cli
    from app.store.repository import Repository
    from tests.conftest import PASSPHRASE
    repo = Repository(vault)
    repo.add_organisation("Org")
    from app import demo
    demo.generate(repo, 300, orgs=2, years=2, seed=1)
    vault.close()
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)
    raw = bytearray(vault_path.read_bytes())
    for page in range(5, len(raw) // 4096 - 1, 3):
        raw[page * 4096 + 100: page * 4096 + 200] = bytes(100)
    vault_path.write_bytes(bytes(raw))
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--vault", str(vault_path), "case", "list"], out, err)
    assert code == 1 and "Traceback" not in err.getvalue() and "check" in err.getvalue()
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000, "utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["decide", "--facts", str(deep)], out, err)
    assert code == 1 and "Traceback" not in err.getvalue()
