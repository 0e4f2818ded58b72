"""Retention, purge and removal of cases (app/privacy/retention.py).

How "the removed text is nowhere in the vault" is tested
--------------------------------------------------------
The vault is SQLCipher 4, so the raw file never shows a plaintext marker, purged or not: searching
the encrypted bytes proves nothing. `sqlcipher_export` to a plain copy proves little either, since it
copies live rows only and never the freed pages or the free space inside pages where old text lingers.

SQLCipher 4's page format is documented and simple, so the test decrypts every page itself:
with a raw key (`PRAGMA key = "x'...'"`) the 32-byte key is the AES-256 key; each 4096-byte page
ends with an 80-byte reserve (16-byte IV, 64-byte HMAC-SHA512); the bytes before the reserve are
AES-256-CBC ciphertext, except the first 16 bytes of page 1, which are the salt (the plaintext there is
the fixed "SQLite format 3\\0"). `decrypted_image()` does this for the whole file and checks itself:
the rebuilt image must carry a valid SQLite header and open with the plain `sqlite3` module with
`integrity_check` = ok. So the search covers every byte SQLCipher stores: live rows, freed pages, the
unused space within pages and overflow pages.

That the check can fail is shown twice: before the purge the marker IS found in the decrypted image,
and a control test removes rows the naive way (secure_delete off, no VACUUM) and finds the marker in
the freed space although no live row holds it.
"""
from __future__ import annotations

import importlib
import io
import json
import sqlite3
from collections import Counter
from datetime import date

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from app.errors import UserError
from app.privacy import retention
from models.entities import Case, Contact

PAGE = 4096
RESERVE = 80  # IV (16) + HMAC-SHA512 (64)
MARKER = "ZQX-VERWIJDER-MIJ-7731"
LONG_MARKER = "LANGMERK-4410"


# -- helpers --------------------------------------------------------------------------------------
def decrypted_image(vault) -> bytes:
    """Every page of the vault file, decrypted (see the module docstring). Verified before use."""
    key = bytes(vault._key)
    raw = vault.path.read_bytes()
    assert len(raw) % PAGE == 0, "the vault file is not a whole number of pages"
    pages = []
    for n in range(len(raw) // PAGE):
        page = raw[n * PAGE:(n + 1) * PAGE]
        start = 16 if n == 0 else 0
        iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
        dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        plain = dec.update(page[start:PAGE - RESERVE]) + dec.finalize()
        if n == 0:
            plain = b"SQLite format 3\x00" + plain
        pages.append(plain + bytes(RESERVE))
    image = b"".join(pages)
    # self-check: page size 4096 and 80 reserved bytes in the header, and SQLite accepts the image
    assert image[16:18] == b"\x10\x00" and image[20] == RESERVE
    return image


def assert_image_opens(image: bytes, tmp_path) -> None:
    plain = tmp_path / "decrypted-check.db"
    plain.write_bytes(image)
    con = sqlite3.connect(plain)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM cases").fetchone()[0] >= 0
    finally:
        con.close()
        plain.unlink()


def add_org(repo, name="Stichting Proef"):
    repo.add_organisation(name, ["Zorg", "ICT"])
    return name


def make_case(repo, code, opened, closed=None, *, org="Stichting Proef", notes=("",), flagged=False,
              checklist=None, behaviour="pesten", channel="persoonlijk", unit=None) -> int:
    contacts = []
    for i, text in enumerate(notes):
        contacts.append(Contact(date=opened, minutes=30 + 15 * i, channel=channel if i == 0 else "telefonisch",
                                kind="intake" if i == 0 else "vervolg", notes=text,
                                checklist=checklist if i == 0 else None, flagged=flagged and i == 0))
    case = Case(code=code, organisation=org, opened=opened, closed=closed, reporter_role="betrokkene",
                behaviour=behaviour, accused_relation="leidinggevende", follow_up="informele_oplossing",
                extra_behaviours=["intimidatie"], extra_follow_ups=["doorverwijzing"], unit=unit,
                contacts=contacts)
    return repo.add_case(case)


def contact_figures(repo):
    return Counter(tuple(r) for r in repo.conn.execute(
        "SELECT case_id, date, minutes, channel, kind FROM contacts"))


def grouped(repo):
    return {
        "channel": repo.conn.execute("SELECT channel, count(*), sum(minutes) FROM contacts GROUP BY 1 "
                                     "ORDER BY 1").fetchall(),
        "kind": repo.conn.execute("SELECT kind, count(*), sum(minutes) FROM contacts GROUP BY 1 "
                                  "ORDER BY 1").fetchall(),
        "extra": repo.conn.execute("SELECT 'b', case_id, code FROM case_extra_behaviours UNION ALL "
                                   "SELECT 'f', case_id, code FROM case_extra_follow_ups ORDER BY 1, 2, 3"
                                   ).fetchall(),
    }


def all_text(repo) -> str:
    """Every value of every live row of every table, as one string."""
    parts = []
    tables = [r[0] for r in repo.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for t in tables:
        for row in repo.conn.execute(f"SELECT * FROM {t}"):
            parts.extend(str(v) for v in row)
    return "\n".join(parts)


@pytest.fixture
def filled(repo):
    """Three cases: one closed long ago with details, one closed recently, one open."""
    add_org(repo)
    add_org(repo, "Gemeente Elders")
    old = make_case(repo, "2024-001", date(2024, 1, 10), date(2024, 1, 31), unit="Zorg",
                    notes=(f"Eerste gesprek {MARKER}", "Vervolg " + (LONG_MARKER + " ") * 700, ""),
                    flagged=True, checklist={"uitleg_rol": True, "wens": f"antwoord {MARKER}"})
    recent = make_case(repo, "2024-002", date(2024, 9, 1), date(2024, 11, 30), org="Gemeente Elders",
                       notes=("Nog bewaren",), behaviour="werkdruk", channel="video")
    still_open = make_case(repo, "2025-001", date(2025, 1, 5), notes=("Loopt nog",))
    repo.save_decision(old, {"tree_version": "2026.1", "lang": "nl", "facts": {"note": MARKER},
                             "result": {"route": "informeel", "reasons": [f"omdat {MARKER}"]}})
    repo.add_reminder(old, date(2024, 2, 7), "ontvangstbevestiging", f"contact {MARKER}")
    repo.save_draft(f"case:{old}", {"notes": MARKER})
    repo.save_draft(f"contact:{old}:new", {"notes": MARKER})
    repo.save_draft("intake-concept", {"case_id": old, "notes": MARKER})
    repo.save_draft(f"case:{recent}", {"notes": "ander concept"})
    repo.save_draft(f"case:{old}0", {"notes": "not this case"})  # key prefix must not match case 1 -> 10
    return {"old": old, "recent": recent, "open": still_open}


# -- policy -----------------------------------------------------------------------------------------
def test_policy_default_bounds_and_audit(repo):
    assert retention.policy_months(repo) == 12
    assert retention.set_policy_months(repo, 0) == 0
    assert retention.policy_months(repo) == 0
    assert retention.set_policy_months(repo, "60") == 60
    assert retention.policy_months(repo) == 60
    for bad in (-1, 61, "abc", "", True, 1.5, None, "12 maanden"):
        with pytest.raises(UserError) as exc:
            retention.set_policy_months(repo, bad)
        assert "0" in exc.value.message and "60" in exc.value.message
        assert exc.value.field == "retention_months"
    assert retention.policy_months(repo) == 60  # a refused value changes nothing
    actions = [(e.action, e.object) for e in retention.audit_entries(repo)]
    assert (retention.ACTION_POLICY, "maanden=60") in actions
    assert (retention.ACTION_POLICY, "maanden=0") in actions


def test_damaged_setting_falls_back_to_default(repo):
    repo.set_setting(retention.SETTING, "twaalf")
    assert retention.policy_months(repo) == retention.DEFAULT_MONTHS
    repo.set_setting(retention.SETTING, "999")
    assert retention.policy_months(repo) == retention.DEFAULT_MONTHS


@pytest.mark.parametrize("start, months, expected", [
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2023, 1, 31), 1, date(2023, 2, 28)),
    (date(2024, 12, 15), 1, date(2025, 1, 15)),
    (date(2024, 5, 20), 0, date(2024, 5, 20)),
    (date(2024, 2, 29), 12, date(2025, 2, 28)),
    (date(2020, 3, 31), 60, date(2025, 3, 31)),
])
def test_add_months(start, months, expected):
    assert retention.add_months(start, months) == expected


# -- due ----------------------------------------------------------------------------------------------
def test_due_with_fixed_today(repo, filled):
    # policy 12: 2024-001 closed 2024-01-31 falls due 2025-01-31; 2024-002 on 2025-11-30
    assert retention.due(repo, date(2025, 1, 30)) == []
    rows = retention.due(repo, date(2025, 1, 31))
    assert [(d.code, d.organisation, d.closed, d.due, d.contacts, d.contacts_with_notes) for d in rows] == [
        ("2024-001", "Stichting Proef", date(2024, 1, 31), date(2025, 1, 31), 3, 2)]
    assert rows[0].case_id == filled["old"]
    later = retention.due(repo, date(2026, 6, 1))
    assert [d.code for d in later] == ["2024-001", "2024-002"]  # the open case never falls due
    retention.set_policy_months(repo, 0)
    assert [d.code for d in retention.due(repo, date(2024, 11, 30))] == ["2024-001", "2024-002"]
    assert [d.code for d in retention.due(repo, date(2024, 1, 31), months=0)] == ["2024-001"]


def test_purged_case_no_longer_due(repo, filled):
    retention.purge(repo, [filled["old"]], date(2025, 2, 1))
    assert [d.code for d in retention.due(repo, date(2026, 6, 1))] == ["2024-002"]


# -- purge ----------------------------------------------------------------------------------------------
def test_purge_keeps_every_figure(repo, filled):
    cases_before = repo.list_cases()
    contacts_before = contact_figures(repo)
    grouped_before = grouped(repo)
    old_before = repo.get_case(filled["old"])
    report_before = _report_or_none(repo)

    result = retention.purge(repo, [filled["old"]], date(2025, 2, 1))
    assert result.cases == 1

    assert repo.list_cases() == cases_before
    assert contact_figures(repo) == contacts_before
    assert grouped(repo) == grouped_before
    old_after = repo.get_case(filled["old"])
    for name in ("code", "organisation", "opened", "closed", "reporter_role", "behaviour", "accused_relation",
                 "follow_up", "extra_behaviours", "extra_follow_ups", "unit"):
        assert getattr(old_after, name) == getattr(old_before, name), name
    assert [(c.date, c.minutes, c.channel, c.kind) for c in old_after.contacts] == \
        [(c.date, c.minutes, c.channel, c.kind) for c in old_before.contacts]
    if report_before is not None:
        assert _report_or_none(repo) == report_before
        assert "2024" in json.dumps(report_before)


def _report_or_none(repo):
    """The annual report's JSON for 2024 if app.reporting.report.build_report exists (another engineer's module)."""
    try:
        report = importlib.import_module("app.reporting.report")
    except ModuleNotFoundError:
        return None
    data = report.build_report(repo, report.resolve(repo, "Stichting Proef", 2024))
    assert data, "the report of a year with cases is not empty"
    return json.loads(json.dumps(data, sort_keys=True, default=str))


def test_purge_removes_the_details(repo, filled):
    old, recent = filled["old"], filled["recent"]
    result = retention.purge(repo, [old], date(2025, 2, 1))
    assert (result.cases, result.already_purged, result.contacts, result.decisions, result.reminders,
            result.drafts) == (1, 0, 2, 1, 1, 3)
    case = repo.get_case(old)
    assert case.details_purged == date(2025, 2, 1)
    assert [(c.notes, c.checklist, c.flagged) for c in case.contacts] == [("", None, False)] * 3
    assert repo.decisions(old)[0][2] == {"purged": True, "route": "informeel"}
    assert repo.reminders(case_id=old) == []
    assert repo.conn.execute("SELECT count(*) FROM reminders WHERE case_id = ?", (old,)).fetchone()[0] == 0
    assert set(repo.drafts()) == {f"case:{recent}", f"case:{old}0"}
    # the other cases keep everything
    assert repo.get_case(recent).contacts[0].notes == "Nog bewaren"
    assert repo.get_case(filled["open"]).contacts[0].notes == "Loopt nog"
    assert repo.get_case(recent).details_purged is None
    assert result.size_after <= result.size_before
    assert "1 case(s)" in result.summary()


def test_purge_again_is_harmless(repo, filled):
    retention.purge(repo, [filled["old"]], date(2025, 2, 1))
    again = retention.purge(repo, [filled["old"]], date(2025, 3, 1))
    assert (again.cases, again.already_purged, again.contacts) == (0, 1, 0)
    assert repo.get_case(filled["old"]).details_purged == date(2025, 2, 1)  # first date kept


def test_purge_refuses_open_and_unknown_cases_and_changes_nothing(repo, filled):
    snapshot = all_text(repo)
    with pytest.raises(UserError, match="2025-001 are still open"):
        retention.purge(repo, [filled["old"], filled["open"]], date(2025, 2, 1))
    with pytest.raises(UserError, match="does not exist"):
        retention.purge(repo, [filled["old"], 9999], date(2025, 2, 1))
    assert all_text(repo) == snapshot
    assert MARKER in all_text(repo)
    empty = retention.purge(repo, [], date(2025, 2, 1))
    assert empty.cases == 0 and empty.size_after == empty.size_before


def test_marker_gone_from_every_decrypted_page(repo, vault, filled, tmp_path):
    before = decrypted_image(vault)
    assert_image_opens(before, tmp_path)
    assert MARKER.encode() in before and LONG_MARKER.encode() in before  # the check can fail
    assert MARKER.encode() not in vault.path.read_bytes()  # (the raw file is encrypted all along)

    retention.purge(repo, [filled["old"]], date(2025, 2, 1))

    assert MARKER not in all_text(repo) and LONG_MARKER not in all_text(repo)  # no live row
    assert repo.conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    after = decrypted_image(vault)
    assert_image_opens(after, tmp_path)
    assert MARKER.encode() not in after and LONG_MARKER.encode() not in after  # no freed space either
    assert b"Nog bewaren" in after  # ... while the kept details are still there (decryption works)
    for suffix in ("-journal", "-wal"):
        leftover = vault.path.with_name(vault.path.name + suffix)
        assert not leftover.exists() or leftover.stat().st_size == 0


def test_control_naive_removal_leaves_text_in_freed_pages(repo, vault, filled, tmp_path):
    """Without secure_delete and VACUUM the removed text stays in the file: the check sees it."""
    vault.conn.execute("PRAGMA secure_delete = OFF")
    try:
        with vault.transaction() as conn:
            conn.execute("DELETE FROM contacts WHERE case_id = ?", (filled["old"],))
            conn.execute("DELETE FROM decisions")
            conn.execute("DELETE FROM reminders")
            conn.execute("DELETE FROM drafts")
            conn.execute("DELETE FROM audit_log")
    finally:
        vault.conn.execute("PRAGMA secure_delete = ON")
    assert LONG_MARKER not in all_text(repo) and MARKER not in all_text(repo)
    image = decrypted_image(vault)
    assert_image_opens(image, tmp_path)
    assert LONG_MARKER.encode() in image


# -- removing a case entirely ------------------------------------------------------------------------
def test_delete_case_entirely(repo, vault, filled):
    others_before = [r for r in repo.list_cases() if r.id != filled["old"]]
    result = retention.delete_case_entirely(repo, filled["old"])
    assert result.contacts == 3
    assert [r.id for r in repo.list_cases()] == [r.id for r in others_before]
    assert repo.list_cases() == others_before
    for table in ("contacts", "decisions", "reminders", "case_extra_behaviours", "case_extra_follow_ups"):
        n = repo.conn.execute(f"SELECT count(*) FROM {table} WHERE case_id = ?", (filled["old"],)).fetchone()[0]
        assert n == 0, table
    assert set(repo.drafts()) == {f"case:{filled['recent']}", f"case:{filled['old']}0"}
    assert MARKER.encode() not in decrypted_image(vault)
    assert LONG_MARKER.encode() not in decrypted_image(vault)
    assert retention.audit_entries(repo)[0].action == retention.ACTION_DELETE
    with pytest.raises(UserError, match="does not exist"):
        retention.delete_case_entirely(repo, filled["old"])


def test_consent_withdrawn_removes_an_open_case(repo, filled):
    result = retention.delete_case_entirely(repo, filled["open"], consent_withdrawn=True)
    assert result.contacts == 1
    assert "2025-001" not in [r.code for r in repo.list_cases()]
    entry = retention.audit_entries(repo)[0]
    assert (entry.action, entry.object) == (retention.ACTION_CONSENT, "casussen=1 contacten=1")


def test_audit_log_records_counts_but_no_content(repo, filled):
    retention.purge(repo, [filled["old"], filled["recent"]], date(2026, 1, 1))
    retention.delete_case_entirely(repo, filled["open"], consent_withdrawn=True)
    entries = retention.audit_entries(repo)
    purge_entries = [e for e in entries if e.action == retention.ACTION_PURGE]
    assert len(purge_entries) == 1
    assert purge_entries[0].object == "casussen=2 contacten=3 beslishulp=1 herinneringen=1 concepten=4"
    assert purge_entries[0].at[:4].isdigit() and "T" in purge_entries[0].at
    log_text = "\n".join(f"{e.at} {e.action} {e.object}" for e in entries)
    for secret in (MARKER, LONG_MARKER, "Nog bewaren", "Loopt nog", "2024-001", "2024-002", "2025-001"):
        assert secret not in log_text
    assert len(retention.audit_entries(repo, limit=2)) == 2


def test_copies_beside_the_vault_are_reported(repo, vault, filled):
    copy = vault.path.with_name(vault.path.name + ".pre-v2.bak")
    copy.write_bytes(b"old encrypted copy")
    result = retention.purge(repo, [filled["old"]], date(2025, 2, 1))
    assert result.copies == [copy]
    assert "older copy" in result.summary()


# -- command line ---------------------------------------------------------------------------------------
def run(repo, action, yes=False, **kw):
    out, err = io.StringIO(), io.StringIO()
    code = retention.cmd_retention(repo, action, yes, out, err, today=kw.pop("today", date(2025, 2, 1)), **kw)
    return code, out.getvalue(), err.getvalue()


def test_cli_speaks_dutch_by_default(repo, filled, monkeypatch):
    monkeypatch.delenv("VERTROUWD_LANG", raising=False)
    out, err = io.StringIO(), io.StringIO()
    assert retention.cmd_retention(repo, "show", False, out, err, today=date(2025, 2, 1)) == 0
    text = out.getvalue()
    assert "Bewaartermijn: 12 maand(en)" in text and "Casus" in text and "Organisatie" in text
    assert "Retention" not in text and "case(s)" not in text
    out = io.StringIO()
    assert retention.cmd_retention(repo, "purge", False, out, err, today=date(2025, 2, 1), interactive=False) == 1
    assert "voeg --yes toe" in err.getvalue().lower()


def test_cli_show_lists_what_falls_due(repo, filled):
    code, out, err = run(repo, "show")
    assert code == 0 and err == ""
    assert "12 month(s)" in out
    lines = out.splitlines()
    assert lines[1].split()[:2] == ["Case", "Organisation"]
    assert "2024-001" in out and "31-01-2025" in out and "2024-002" not in out
    assert "1 case(s) fall due" in out
    code, out, _ = run(repo, "show", today=date(2024, 6, 1))
    assert code == 0 and "Nothing falls due" in out


def test_cli_purge_needs_yes_without_a_terminal(repo, filled):
    code, out, err = run(repo, "purge", interactive=False)
    assert code == 1 and "add --yes" in err
    assert repo.get_case(filled["old"]).details_purged is None
    code, out, err = run(repo, "purge", yes=True)
    assert code == 0, err
    assert "Details removed from 1 case(s): 2 contact(s)" in out
    assert repo.get_case(filled["old"]).details_purged == date(2025, 2, 1)
    code, out, _ = run(repo, "purge", yes=True)
    assert code == 0 and "Nothing falls due" in out


def test_cli_purge_asks_on_a_terminal(repo, filled):
    questions = []
    code, out, _ = run(repo, "purge", interactive=True, ask=lambda q: questions.append(q) or "n")
    assert code == 0 and "Nothing was removed" in out and "1 case(s)" in questions[0]
    assert repo.get_case(filled["old"]).details_purged is None
    code, out, _ = run(repo, "purge", interactive=True, ask=lambda q: "ja")
    assert code == 0 and repo.get_case(filled["old"]).details_purged == date(2025, 2, 1)


def test_cli_main_wiring(vault_path, monkeypatch):
    """`vertrouwd retention show` through the real command line (the lead's glue)."""
    from app import cli
    from app.store.repository import Repository
    from app.store.vault import Vault
    from tests.conftest import PASSPHRASE
    v = Vault.create(vault_path, PASSPHRASE)
    repo = Repository(v)
    add_org(repo)
    make_case(repo, "2020-001", date(2020, 1, 6), date(2020, 2, 3), notes=("oud",))
    v.close()
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["--vault", str(vault_path), "retention", "show"], out, err) == 0, err.getvalue()
    assert "2020-001" in out.getvalue()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["--vault", str(vault_path), "retention", "purge"], out, err) == 1
    assert "add --yes" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["--vault", str(vault_path), "retention", "purge", "--yes"], out, err) == 0
    assert "Details removed from 1 case(s)" in out.getvalue()


def test_remove_copies_deletes_older_vault_copies(repo, vault_path):
    from app.privacy import retention as R
    copy = vault_path.with_name(vault_path.name + ".pre-v2.bak")
    copy.write_bytes(b"encrypted old copy")
    copy.with_name(copy.name + ".key.json").write_text("{}")
    assert R.copies_beside(vault_path) == [copy]
    assert R.remove_copies(vault_path) == 1
    assert not copy.exists() and not copy.with_name(copy.name + ".key.json").exists()
    assert R.copies_beside(vault_path) == []
