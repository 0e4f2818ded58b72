"""Import and export of vertrouwd-data/1: all or nothing, errors naming the record and the field."""
from __future__ import annotations

import copy
import hashlib
import json
from datetime import date

import pytest

from app import interchange
from app.errors import UserError, ValidationError
from app.store.repository import Repository


def _valid() -> dict:
    contact = {"date": "2026-02-01", "minutes": 45, "channel": "persoonlijk", "kind": "intake",
               "notes": "Kennismaking, rol uitgelegd."}
    cases = []
    for i, beh in enumerate(["pesten", "werkdruk", "intimidatie", "discriminatie"], start=1):
        cases.append({"code": f"2026-{i:03d}", "organisation": "Gemeente Voorbeeld", "opened": "2026-02-01",
                      "closed": "2026-03-01" if i % 2 else None, "reporter_role": "medewerker",
                      "behaviour": beh, "extra_behaviours": ["intimidatie"] if i == 1 else [],
                      "accused_relation": "collega",
                      "follow_up": "opvang_advies" if i % 2 else "lopend", "extra_follow_ups": [],
                      "unit": "ICT" if i == 1 else None,
                      "contacts": [dict(contact), dict(contact, date="2026-02-10", kind="vervolg", minutes=30)]})
    return {"format": "vertrouwd-data/1",
            "organisations": [{"name": "Gemeente Voorbeeld", "units": ["ICT", "Burgerzaken"]},
                              {"name": "Zorggroep"}],
            "cases": cases,
            "activities": [{"organisation": "Zorggroep", "date": "2026-04-01", "kind": "voorlichting",
                            "hours": 2}]}


def _state(repo: Repository) -> tuple:
    """Counts plus a checksum of every listed case and every table: what 'unchanged' means."""
    rows = repr(repo.list_cases()).encode()
    dump = repr([repo.conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
                 for t in ("organisations", "units", "cases", "contacts", "activities", "audit_log")]).encode()
    return repo.counts(), hashlib.sha256(rows).hexdigest(), hashlib.sha256(dump).hexdigest()


@pytest.fixture
def seeded(repo):
    """A vault with some data already in it, so 'unchanged' is not trivially 'empty'."""
    repo.add_organisation("Bestaande Organisatie", ["Team 1"])
    interchange.import_data(repo, {"format": "vertrouwd-data/1", "cases": [
        {"code": "2025-001", "organisation": "Bestaande Organisatie", "opened": "2025-05-05",
         "reporter_role": "omstander", "behaviour": "agressie_geweld", "accused_relation": "derde",
         "follow_up": "aangifte", "contacts": [{"date": "2025-05-05", "minutes": 60, "channel": "video",
                                                "kind": "intake"}]}]})
    return repo


def test_import_valid_file(seeded):
    counts = interchange.import_data(seeded, _valid())
    assert counts == {"organisations": 2, "cases": 4, "activities": 1, "contacts": 8}
    assert seeded.counts() == {"organisations": 3, "cases": 5, "contacts": 9, "activities": 1}
    case = seeded.get_case(seeded.case_id_by_code("2026-001"))
    assert (case.unit, case.closed, case.extra_behaviours) == ("ICT", date(2026, 3, 1), ["intimidatie"])
    assert case.contacts[0].notes == "Kennismaking, rol uitgelegd."
    assert [r.code for r in seeded.list_cases(status="open", year=2026)] == ["2026-004", "2026-002"]
    assert seeded.organisation("Gemeente Voorbeeld").units == ["Burgerzaken", "ICT"]
    assert seeded.audit_log()[0][1] == "import"


def test_import_adds_units_to_an_existing_organisation(seeded):
    data = {"format": "vertrouwd-data/1",
            "organisations": [{"name": "bestaande organisatie", "units": ["Team 1", "Team 2"]}]}
    interchange.import_data(seeded, data)
    assert seeded.organisation("Bestaande Organisatie").units == ["Team 1", "Team 2"]
    assert seeded.counts()["organisations"] == 1


def test_export_then_import_reproduces_the_data(seeded, tmp_path, vault_path):
    from app.store.vault import Vault
    interchange.import_data(seeded, _valid())
    out = tmp_path / "export.json"
    interchange.export_data(seeded, out)
    data = interchange.load_file(out)
    other = Repository(Vault.create(tmp_path / "other" / "o.vault", "another passphrase"))
    try:
        interchange.import_data(other, data)
        strip = lambda rows: [r.__dict__ | {"id": 0} for r in rows]  # noqa: E731
        assert strip(other.list_cases()) == strip(seeded.list_cases())
        assert [(a.organisation, a.date, a.kind, a.hours) for a in other.list_activities()] == \
               [(a.organisation, a.date, a.kind, a.hours) for a in seeded.list_activities()]
        interchange.export_data(seeded, tmp_path / "bare.json", include_notes=False)
        bare = json.loads((tmp_path / "bare.json").read_text("utf-8"))
        assert all(k["notes"] == "" for c in bare["cases"] for k in c["contacts"])
    finally:
        other.vault.close()


def _broken(mutate) -> dict:
    data = copy.deepcopy(_valid())
    mutate(data)
    return data


def _set(path, value):
    def mutate(data):
        obj = data
        for key in path[:-1]:
            obj = obj[key]
        obj[path[-1]] = value
    return mutate


BAD = [
    ("unknown case field", _set(["cases", 1, "naam"], "Jan"), "cases[1] (2026-002)", "naam"),
    ("unknown contact field", _set(["cases", 0, "contacts", 1, "email"], "x@y.nl"),
     "cases[0] (2026-001) contacts[1]", "email"),
    ("bad code in 3rd case", _set(["cases", 2, "behaviour"], "geroddel"), "cases[2] (2026-003)", "behaviour"),
    ("bad extra code", _set(["cases", 3, "extra_follow_ups"], ["ergens"]), "cases[3] (2026-004)",
     "extra_follow_ups"),
    ("bad opened date", _set(["cases", 2, "opened"], "2026-02-30"), "cases[2] (2026-003)", "opened"),
    ("bad closed date", _set(["cases", 1, "closed"], "1 maart"), "cases[1] (2026-002)", "closed"),
    ("bad contact date", _set(["cases", 3, "contacts", 0, "date"], 20260201), "cases[3] (2026-004) contacts[0]",
     "date"),
    ("closed before opened", _set(["cases", 0, "closed"], "2026-01-01"), "cases[0] (2026-001)", "closed"),
    ("negative minutes", _set(["cases", 2, "contacts", 1, "minutes"], -10), "cases[2] (2026-003) contacts[1]",
     "minutes"),
    ("minutes as text", _set(["cases", 2, "contacts", 0, "minutes"], "45"), "cases[2] (2026-003) contacts[0]",
     "minutes"),
    ("unknown organisation", _set(["cases", 3, "organisation"], "Onbekend BV"), "cases[3] (2026-004)",
     "organisation"),
    ("unknown unit", _set(["cases", 1, "unit"], "Kantine"), "cases[1] (2026-002)", "unit"),
    ("duplicate code in file", _set(["cases", 3, "code"], "2026-001"), "cases[3] (2026-001)", "code"),
    ("code already in vault", _set(["cases", 2, "code"], "2025-001"), "cases[2] (2025-001)", "code"),
    ("missing field", lambda d: d["cases"][1].pop("follow_up"), "cases[1] (2026-002)", "follow_up"),
    ("contact before opening", _set(["cases", 1, "contacts", 1, "date"], "2026-01-15"),
     "cases[1] (2026-002) contacts[1]", "date"),
    ("activity negative hours", _set(["activities", 0, "hours"], -1), "activities[0]", "hours"),
    ("activity unknown org", _set(["activities", 0, "organisation"], "Niemand"), "activities[0]",
     "organisation"),
    ("activity bad kind", _set(["activities", 0, "kind"], "borrel"), "activities[0]", "kind"),
    ("organisation units not a list", _set(["organisations", 1, "units"], "ICT"), "organisations[1]", "units"),
    ("organisation without name", _set(["organisations", 0], {"units": []}), "organisations[0]", "name"),
    ("case not an object", _set(["cases", 2], ["2026-003"]), "cases[2]", "-"),
]


@pytest.mark.parametrize("name, mutate, record, field", BAD, ids=[b[0] for b in BAD])
def test_bad_input_names_record_and_field_and_changes_nothing(seeded, name, mutate, record, field):
    before = _state(seeded)
    with pytest.raises(ValidationError) as info:
        interchange.import_data(seeded, _broken(mutate))
    exc = info.value
    assert exc.record == record
    assert exc.field == field
    assert exc.message.startswith(f"{record}: ")
    assert _state(seeded) == before
    assert seeded.vault.conn.in_transaction is False


@pytest.mark.parametrize("data, words", [
    ([], "JSON object"),
    ({"format": "vertrouwd-data/3"}, "Unknown format"),
    ({"cases": []}, "Unknown format"),
    ({"format": "vertrouwd-data/1", "people": []}, "people"),
])
def test_bad_top_level_is_refused(seeded, data, words):
    before = _state(seeded)
    with pytest.raises(UserError) as info:
        interchange.import_data(seeded, data)
    assert words in info.value.message
    assert _state(seeded) == before


def test_bad_json_names_the_line(tmp_path):
    path = tmp_path / "data.json"
    text = json.dumps(_valid(), indent=1).splitlines()
    text[6] = text[6] + " oops"
    path.write_text("\n".join(text), encoding="utf-8")
    with pytest.raises(UserError) as info:
        interchange.load_file(path)
    assert "line 7" in info.value.message and "not valid JSON" in info.value.message


def test_unreadable_files(tmp_path):
    with pytest.raises(UserError) as info:
        interchange.load_file(tmp_path / "missing.json")
    assert "does not exist" in info.value.message
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"format": "café"}'.encode("latin-1"))
    with pytest.raises(UserError) as info:
        interchange.load_file(latin)
    assert "UTF-8" in info.value.message
    with pytest.raises(UserError) as info:
        interchange.load_file(tmp_path)
    assert "cannot be read" in info.value.message


def test_failure_in_the_last_record_rolls_back_everything(seeded):
    """The checks that need the database (unknown organisation) run inside the one transaction."""
    data = _valid()
    data["activities"].append({"organisation": "Bestaat Niet", "date": "2026-05-01", "kind": "overleg",
                               "hours": 1})
    before = _state(seeded)
    with pytest.raises(ValidationError) as info:
        interchange.import_data(seeded, data)
    assert info.value.record == "activities[1]"
    assert _state(seeded) == before
    assert [o.name for o in seeded.list_organisations()] == ["Bestaande Organisatie"]
