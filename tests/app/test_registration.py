"""The registration of issue 13 (schema 5): position apart from the role in the case, the integrity
subtype, the Wbk misstand, the outcome, and sector presets per organisation - from the model through the
repository, case work, interchange, spreadsheet import and the report's true figures."""
from __future__ import annotations

import csv
import json
from datetime import date

import pytest

from app import casework, interchange
from app.errors import ValidationError
from app.reporting.aggregate import (
    KIND_NOT_RECORDED,
    NOT_INTEGRITY,
    STILL_OPEN,
    TABLE_VOCABS,
    aggregate_year,
)
from app.reporting.content import texts as report_texts
from app.resources import vocabularies
from app.sheets import mapping as M
from app.sheets import plan as P
from app.sheets import values as SV
from app.sheets.read import read_sheet
from models import vocab as V
from models.entities import LEGACY_ROLES, Case, Contact, split_role, validate_case


def _case(code: str, **kw) -> Case:
    base = dict(code=code, organisation="Org A", opened=date(2026, 3, 2), reporter_role="betrokkene",
                position="medewerker", behaviour="pesten", accused_relation="collega", follow_up="lopend")
    base.update(kw)
    return Case(**base)


def _problems(case: Case) -> set[tuple[str, str]]:
    return {(p.field, p.code) for p in validate_case(case, vocabularies())}


# -- the one mapping of old role codes -------------------------------------------------------------
@pytest.mark.parametrize("old, position, role", [
    ("medewerker", "medewerker", "betrokkene"), ("leidinggevende", "leidinggevende", "betrokkene"),
    ("stagiair", "stagiair", "betrokkene"), ("flexkracht", "uitzend_flexkracht", "betrokkene"),
    ("vrijwilliger", "vrijwilliger", "betrokkene"), ("oud_medewerker", "oud_medewerker", "betrokkene"),
    ("omstander", "onbekend", "omstander"), ("overig", "overig", "betrokkene")])
def test_every_old_role_code_is_split_into_a_valid_position_and_role(old, position, role):
    assert split_role(old) == (position, role) == LEGACY_ROLES[old]
    vocabs = vocabularies()
    assert position in vocabs[V.POSITION] and role in vocabs[V.REPORTER_ROLE]
    assert old not in vocabs[V.REPORTER_ROLE] or old in ("omstander", "overig")


def test_codes_of_today_are_read_as_they_are_outside_the_old_formats():
    vocabs = vocabularies()
    assert split_role("overig", vocabs, legacy=False) == (None, "overig")
    assert split_role("beschuldigde", vocabs, legacy=False) == (None, "beschuldigde")
    assert split_role("sollicitant", vocabs, legacy=False) == ("sollicitant", "betrokkene")
    assert split_role("flexkracht", vocabs, legacy=False) == ("uitzend_flexkracht", "betrokkene")
    assert split_role("baas", vocabs, legacy=False) == (None, "baas")    # refused later by validation


def test_every_new_code_has_dutch_and_english_labels():
    vocabs = vocabularies()
    for name in (V.POSITION, V.REPORTER_ROLE, V.INTEGRITY_KIND, V.OUTCOME, V.SECTOR):
        for code in vocabs[name].codes:
            assert vocabs[name].label_of(code, "nl") != code or code == "sport"
            assert vocabs[name].labels[code]["en"]
    assert vocabs.label(V.BEHAVIOUR, "misstand_wbk", "nl").startswith("Vermoeden van een misstand")
    assert set(vocabs[V.INTEGRITY_KIND].codes) >= {
        "corruptie", "fraude_diefstal", "belangenverstrengeling", "misbruik_bevoegdheden", "misbruik_informatie",
        "misdragingen_prive", "geschenken_uitnodigingen", "verspilling_misbruik_middelen", "overig"}


# -- validation ----------------------------------------------------------------------------------
def test_integrity_kind_only_for_an_integrity_case():
    assert ("integrity_kind", "integrity_kind_without_integrity") in _problems(
        _case("2026-001", integrity_kind="fraude_diefstal"))
    assert not _problems(_case("2026-001", behaviour="integriteit", integrity_kind="fraude_diefstal"))
    assert not _problems(_case("2026-001", extra_behaviours=["integriteit"], integrity_kind="corruptie"))
    assert ("integrity_kind", "unknown_code") in _problems(_case("2026-001", behaviour="integriteit",
                                                                 integrity_kind="omkoping"))
    # the Wbk misstand is its own behaviour: no integrity kind with it
    assert ("integrity_kind", "integrity_kind_without_integrity") in _problems(
        _case("2026-001", behaviour="misstand_wbk", integrity_kind="corruptie"))
    assert not _problems(_case("2026-001", behaviour="misstand_wbk"))


def test_position_and_outcome_are_checked_codes():
    assert ("position", "unknown_code") in _problems(_case("2026-001", position="omstander"))
    assert ("reporter_role", "unknown_code") in _problems(_case("2026-001", reporter_role="medewerker"))
    assert ("outcome", "unknown_code") in _problems(_case("2026-001", outcome="prima"))


# -- sectors ------------------------------------------------------------------------------------------
def test_sector_codes_are_offered_only_to_their_sector():
    rel = vocabularies()[V.ACCUSED_RELATION]
    assert "leerling" not in rel.offered("algemeen") and "client" not in rel.offered("onderwijs")
    assert {"leerling", "ouder"} <= set(rel.offered("onderwijs"))
    assert {"client", "familie_client"} <= set(rel.offered("zorg"))
    assert {"sporter", "trainer"} <= set(rel.offered("sport"))
    assert "sporter" in vocabularies()[V.POSITION].offered("sport")
    assert "leerling" in rel.offered("algemeen", keep="leerling")


def test_a_code_of_another_sector_is_refused_but_a_stored_one_stays(repo):
    repo.add_organisation("Org A", sector="onderwijs")
    cid = repo.add_case(_case("2026-001", accused_relation="leerling"))
    org = repo.organisation("Org A")
    repo.update_organisation(org.id, org.name, org.units, "zorg")
    case = repo.get_case(cid)
    case.follow_up = "opvang_advies"
    repo.update_case(case)      # the stored pupil stays valid after the sector changed
    assert repo.get_case(cid).accused_relation == "leerling"
    with pytest.raises(ValidationError) as info:
        repo.add_case(_case("2026-002", accused_relation="leerling"))
    assert info.value.field == "accused_relation" and info.value.code == "problem.code_of_other_sector"
    assert "sector" in info.value.text("nl")
    case.accused_relation = "client"
    repo.update_case(case)
    case.accused_relation = "leerling"   # once changed, the old sector's code is gone for this case too
    with pytest.raises(ValidationError):
        repo.update_case(case)


def test_an_unknown_sector_is_refused(repo):
    with pytest.raises(ValidationError) as info:
        repo.add_organisation("Org B", sector="defensie")
    assert info.value.field == "sector"
    assert [o.name for o in repo.list_organisations()] == []


# -- closing: the outcome ---------------------------------------------------------------------------
def test_closing_sets_the_outcome(repo):
    repo.add_organisation("Org A")
    chosen = repo.add_case(_case("2026-001"))
    collected = repo.add_case(_case("2026-002"))
    unknown = repo.add_case(_case("2026-003"))
    # the closing checklist fills the outcome before the case closes
    saved = casework.save_conversation(
        repo, collected, Contact(date=date(2026, 4, 1), minutes=30, channel="video", kind="nazorg",
                                 checklist={"template": "afsluiting", "version": 1,
                                            "answers": {"situation_now": "slechter"}}))
    assert saved.case_fields.get("outcome") == "slechter"
    assert casework.close_case(repo, chosen, date(2026, 5, 1), outcome="opgelost").outcome == "opgelost"
    assert casework.close_case(repo, collected, date(2026, 5, 1)).outcome == "slechter"
    assert casework.close_case(repo, unknown, date(2026, 5, 1)).outcome == "onbekend"
    again = casework.reopen_case(repo, chosen)
    assert again.closed is None and again.outcome == "opgelost"   # offered again when it closes anew


def test_a_checklist_answer_of_another_sector_stays_an_answer_only(repo):
    repo.add_organisation("Org A")
    cid = repo.add_case(_case("2026-001"))
    saved = casework.save_conversation(
        repo, cid, Contact(date=date(2026, 3, 2), minutes=30, channel="video", kind="intake",
                           checklist={"template": "intake", "version": 1,
                                      "answers": {"accused_relation": "leerling", "behaviour": "werkdruk"}}))
    assert saved.case_fields == {"behaviour": "werkdruk"}
    case = repo.get_case(cid)
    assert (case.accused_relation, case.behaviour) == ("collega", "werkdruk")
    assert case.contacts[0].checklist["answers"]["accused_relation"] == "leerling"


# -- interchange ------------------------------------------------------------------------------------
def test_an_old_interchange_file_is_read_with_the_one_mapping(repo):
    data = {"format": "vertrouwd-data/1", "organisations": [{"name": "Org A"}], "cases": [
        {"code": f"2025-00{i}", "organisation": "Org A", "opened": "2025-02-01", "reporter_role": role,
         "behaviour": "pesten", "accused_relation": "collega", "follow_up": "lopend"}
        for i, role in enumerate(("flexkracht", "omstander", "overig"), start=1)]}
    interchange.import_data(repo, data)
    got = {c.code: (c.position, c.reporter_role) for c in map(repo.get_case, (r.id for r in repo.list_cases()))}
    assert got == {"2025-001": ("uitzend_flexkracht", "betrokkene"), "2025-002": ("onbekend", "omstander"),
                   "2025-003": ("overig", "betrokkene")}


def test_an_old_file_cannot_carry_the_new_fields(repo):
    data = {"format": "vertrouwd-data/1", "organisations": [{"name": "Org A", "sector": "zorg"}]}
    with pytest.raises(ValidationError) as info:
        interchange.parse(data)
    assert info.value.field == "sector"


def test_export_and_import_keep_the_new_fields(repo, tmp_path):
    repo.add_organisation("Org A", ["ICT"], sector="zorg")
    repo.add_case(_case("2026-001", behaviour="integriteit", integrity_kind="misbruik_informatie",
                        accused_relation="familie_client", position="zzp", reporter_role="beschuldigde",
                        closed=date(2026, 6, 1), outcome="vertrokken", follow_up="doorverwijzing"))
    out = tmp_path / "all.json"
    interchange.export_data(repo, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "vertrouwd-data/2" and data["organisations"][0]["sector"] == "zorg"
    orgs, cases, _acts = interchange.parse(data)
    assert orgs[0].sector == "zorg"
    case = cases[0][1]
    assert (case.position, case.reporter_role, case.integrity_kind, case.outcome, case.accused_relation) == (
        "zzp", "beschuldigde", "misbruik_informatie", "vertrokken", "familie_client")


# -- spreadsheet import ------------------------------------------------------------------------------
def test_a_sheet_with_positions_in_its_role_column_is_split(tmp_path):
    path = tmp_path / "rollen.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["Organisatie", "Datum", "Gedrag", "Relatie", "Rol", "Minuten"])
        for i, role in enumerate(("Uitzendkracht", "Getuige", "Sollicitant", "Medewerker", "Beschuldigde die advies vraagt")):
            w.writerow(["Gemeente Voorbeeld", f"{i + 1}-3-2025", "Pesten", "Collega", role, "45"])
    sheet, vocabs = read_sheet(path), vocabularies()
    mapping, _ = M.propose(sheet, vocabs)
    mapping.rows = "case"
    plan = P.build(sheet, mapping, vocabs, [])
    assert [(c.position, c.reporter_role) for c in plan.cases] == [
        ("uitzend_flexkracht", "betrokkene"), ("onbekend", "omstander"), ("sollicitant", "betrokkene"),
        ("medewerker", "betrokkene"), ("onbekend", "beschuldigde")]
    assert not plan.refused_rows


def test_a_sheet_word_for_a_sector_code_is_asked_about_not_guessed():
    vocabs = vocabularies()
    assert SV.lookup(vocabs, "accused_relation", "Leerling") is None      # no sector on an imported organisation
    assert SV.lookup(vocabs, "accused_relation", "Cliënt") == "derde"    # a known word for an outsider
    assert SV.lookup(vocabs, "reporter_role", "Sporter") is None


# -- the report's true figures ----------------------------------------------------------------------
def _fill(repo) -> None:
    repo.add_organisation("Org A")
    repo.add_organisation("School", sector="onderwijs")
    specs = [("integriteit", [], "fraude_diefstal", None), ("integriteit", [], None, None),
             ("pesten", ["integriteit"], "corruptie", "opgelost"), ("misstand_wbk", [], None, "beter"),
             ("pesten", [], None, None), ("bedreiging", [], None, "onbekend")]
    for i, (beh, extra, kind, outcome) in enumerate(specs, start=1):
        repo.add_case(_case(f"2026-00{i}", behaviour=beh, extra_behaviours=extra, integrity_kind=kind,
                            outcome=outcome, closed=date(2026, 9, 1) if outcome else None,
                            follow_up="opvang_advies" if outcome else "lopend"))


def _table(agg, tid: str) -> dict[str, int]:
    t = agg.table(tid)
    return {code: row[0] for code, row in zip(t.rows, t.cells, strict=True)}


def test_report_tables_of_integrity_kind_outcome_and_position(repo):
    _fill(repo)
    org = repo.organisation("Org A").id
    agg = aggregate_year(repo, org, 2026)
    integrity = _table(agg, "integrity_kind")
    assert (integrity["fraude_diefstal"], integrity["corruptie"], integrity[KIND_NOT_RECORDED],
            integrity[NOT_INTEGRITY]) == (1, 0, 1, 4)   # integrity as the main behaviour only
    # ... so its integrity cases are exactly the behaviour table's (a link the protection states)
    assert agg.totals["cases"] - integrity[NOT_INTEGRITY] == _table(agg, "behaviour")["integriteit"]
    outcome = _table(agg, "outcome")
    assert (outcome["opgelost"], outcome["beter"], outcome["onbekend"], outcome[STILL_OPEN]) == (1, 1, 1, 3)
    assert _table(agg, "position")["medewerker"] == 6
    assert _table(agg, "behaviour")["misstand_wbk"] == 1 and _table(agg, "behaviour")["integriteit"] == 2
    for tid in ("integrity_kind", "outcome", "position", "role", "behaviour"):
        assert sum(_table(agg, tid).values()) == agg.totals["cases"] == 6   # one population, one total


def test_sector_rows_are_listed_by_the_sector_or_by_use_never_by_this_years_count(repo):
    _fill(repo)
    rel = lambda org: agg_rows(repo, org, "relation")  # noqa: E731
    assert "leerling" not in rel("Org A") and "leerling" in rel("School") and "client" not in rel("School")
    assert {"leerling", "ouder"} <= set(agg_rows(repo, None, "relation"))   # all: every organisation's sector
    org = repo.organisation("Org A")
    repo.update_organisation(org.id, org.name, [], "zorg")
    repo.add_case(_case("2020-001", opened=date(2020, 1, 5), accused_relation="client"))
    repo.update_organisation(org.id, org.name, [], "algemeen")
    assert "client" in rel("Org A")      # used once (in 2020), so listed in 2026 too, as a zero


def agg_rows(repo, name: str | None, tid: str) -> list[str]:
    org = repo.organisation(name).id if name else None
    return aggregate_year(repo, org, 2026).table(tid).rows


def test_every_table_has_a_title_and_every_own_row_a_label():
    for lang in ("nl", "en"):
        texts = report_texts(lang)
        assert set(TABLE_VOCABS) <= set(texts["tables"])
        assert {NOT_INTEGRITY, KIND_NOT_RECORDED, STILL_OPEN} <= set(texts["codes"])


def test_demo_cases_carry_the_new_fields_and_are_valid(repo):
    from app import demo
    demo.generate(repo, 80, orgs=2, years=1, seed=4, today=date(2026, 6, 1))
    cases = [repo.get_case(r.id) for r in repo.list_cases()]
    assert all(not validate_case(c, vocabularies()) for c in cases)
    assert {c.outcome is not None for c in cases if c.closed} == {True}
    assert all(c.integrity_kind for c in cases if c.behaviour == "integriteit")
    assert {c.reporter_role for c in cases} <= {"betrokkene", "omstander"}


def test_position_and_integrity_kind_link_neighbouring_years_but_the_outcome_does_not():
    from app.reporting import ledger
    assert {"position", "integrity_kind", "role"} <= set(ledger.YEAR_LINKED)
    assert "outcome" not in ledger.YEAR_LINKED     # a carried-over case gets its outcome when it closes


def test_every_sector_a_code_names_is_a_sector_code():
    vocabs = vocabularies()
    named = {s for v in vocabs.by_name.values() for only in v.sectors.values() for s in only}
    assert named and named <= set(vocabs[V.SECTOR].codes) - {V.DEFAULT_SECTOR}


def test_a_malformed_sectors_list_is_refused():
    data = {"vocabularies": {"x": {"codes": {"a": {"nl": "A", "en": "A", "sectors": []}}}}}
    with pytest.raises(ValueError, match="sectors"):
        V.Vocabularies.from_dict(data)


def _random_year(repo, seed: int) -> None:
    """One organisation's year of 12-40 cases, a random share closed (the leak search that found the
    links between tables: seeds 5, 26, 28, 34 and 39 of 40 leaked before aggregate.SAME_FIGURES)."""
    import random
    rnd = random.Random(seed)
    repo.add_organisation("Org A")
    n = rnd.randint(12, 40)
    for i in range(1, n + 1):
        closed = rnd.random() < rnd.choice([0.15, 0.5, 0.85])
        beh = rnd.choice(["pesten", "werkdruk", "integriteit", "intimidatie", "arbeidsconflict"])
        repo.add_case(_case(f"2026-{i:03d}", opened=date(2026, 1 + i % 10, 1), behaviour=beh,
                            accused_relation=rnd.choice(["collega", "leidinggevende"]),
                            follow_up="opvang_advies" if closed else "lopend",
                            closed=date(2026, 11, 20) if closed else None,
                            outcome=rnd.choice(["opgelost", "beter", "onveranderd"]) if closed else None,
                            integrity_kind=rnd.choice(["fraude_diefstal", None]) if beh == "integriteit" else None))


@pytest.mark.parametrize("seed", [5, 39])
def test_a_number_two_tables_share_is_protected_as_one(repo, seed):
    """Outcome's "not closed yet" is status's "open", and the integrity table's "other behaviour" is the
    total minus behaviour's "integriteit": a reader who knows these links narrowed hidden figures to a
    single value (intimidatie = 2, nog_open = 8) before the report protected them as one number."""
    from app.reporting import report
    from app.reporting.aggregate import same_figures
    from app.reporting.disclosure import audit
    _random_year(repo, seed)
    prep = report.prepare(repo, report.resolve(repo, "Org A", 2026, recode=False))
    assert prep.protection.audit.ok
    tables = prep.report["tables"]
    links = same_figures(tables)
    assert len(links) == 2
    assert audit(tables, prep.protection.k, extra_equations=links).ok
    renamed = [dict(t, id=f"2026v1/{t['id']}") for t in tables]   # the links hold inside another release too
    assert len(same_figures(tables + renamed)) == 4


def test_a_release_from_before_schema_5_keeps_its_hidden_role_figures_hidden_as_positions(repo):
    """A report published by the previous program had one "role" table of positions. Its figures are
    today's position table: a correction after the upgrade keeps what it hid hidden there."""
    from app.reporting import ledger, report
    from app.reporting.aggregate import upgrade_tables
    repo.add_organisation("Org A")
    positions = ["medewerker"] * 24 + ["leidinggevende"] * 3 + ["stagiair"] * 3
    for i, pos in enumerate(positions, start=1):
        repo.add_case(_case(f"2026-{i:03d}", position=pos, behaviour=["pesten", "werkdruk"][i % 2]))
    org = repo.organisation("Org A").id
    prep = report.prepare(repo, report.resolve(repo, "Org A", 2026, recode=False))
    legacy = ["medewerker", "leidinggevende", "omstander", "oud_medewerker", "stagiair", "flexkracht",
              "vrijwilliger", "overig"]
    role = {"id": "role", "unit": "cases", "rows": legacy, "cols": None, "total": 30,
            "cells": [[None], [None], [0], [0], [None], [0], [0], [0]]}
    old = dict(prep.report, tables=[role if t["id"] == "role" else t for t in prep.report["tables"]
                                    if t["id"] not in ("position", "integrity_kind", "outcome")])
    assert [t["id"] for t in upgrade_tables(old["tables"]) if t["id"] == "position"] == ["position"]
    ledger.record(repo, org, old, "pdf")
    repo.save_published_report(org, 2026, old)
    new = report.prepare(repo, report.resolve(repo, "Org A", 2026, recode=False), republish=True)
    pos = next(t for t in new.report["tables"] if t["id"] == "position")
    assert pos["cells"][pos["rows"].index("medewerker")][0] is None   # hidden before, hidden now
