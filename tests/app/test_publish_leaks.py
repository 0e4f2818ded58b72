"""Leaks an attacker holding every published figure found (issue 12), each reproduced here.

Every test builds a real vault, publishes through ``app.reporting.report`` and reads the figures
back the way a reader would.
"""
from __future__ import annotations

import io
import json
from datetime import date

from pypdf import PdfReader

from app.reporting import aggregate, report
from models.entities import Activity, Case, Contact

BEHAVIOURS = ["pesten", "intimidatie", "werkdruk", "arbeidsconflict", "agressie_geweld"]


def _org(repo, name: str, profiles: list[tuple[str, str, str, str]], year: int = 2025,
         closed: bool = True, first: int = 1) -> None:
    repo.add_organisation(name)
    for i, (beh, rel, role, fu) in enumerate(profiles):
        opened = date(year, 1 + i % 12, 1 + i % 27)
        repo.add_case(Case(code=f"{year}-{first + i:03d}", organisation=name, opened=opened,
                           closed=date(year, 12, 30) if closed else None, reporter_role=role,
                           behaviour=beh, accused_relation=rel, follow_up=fu,
                           contacts=[Contact(opened, 60, "persoonlijk", "intake")]))


def _tables(rep: dict) -> dict[str, dict]:
    return {t["id"]: t for t in rep["tables"]}


def test_no_hours_per_activity_kind_when_the_activity_counts_are_dropped(repo):
    _org(repo, "Uren", [("pesten", "collega", "betrokkene", "opvang_advies")] * 12)
    repo.add_activity(Activity(organisation="Uren", date=date(2025, 3, 1), kind="voorlichting", hours=2.0))
    repo.add_activity(Activity(organisation="Uren", date=date(2025, 4, 1), kind="training", hours=3.5))
    prep = report.prepare(repo, report.resolve(repo, "Uren", 2025))
    assert "too_few_activities" in prep.notes
    tabs = _tables(prep.report)
    assert "activities" not in tabs
    hours = tabs["hours"]
    assert "voorlichting" not in hours["rows"] and "training" not in hours["rows"]
    assert hours["total"] == 17.5
    assert prep.protection.audit.ok


def test_one_way_table_where_everyone_shares_a_category_does_not_say_so(repo):
    # 14 cases, all about a manager: the relation table must not print "leidinggevende 14"
    profiles = [(BEHAVIOURS[i % 2], "leidinggevende", "betrokkene", "opvang_advies") for i in range(14)]
    _org(repo, "Lijn", profiles)
    prep = report.prepare(repo, report.resolve(repo, "Lijn", 2025))
    rel = _tables(prep.report)["relation"]
    row = rel["rows"].index("leidinggevende")
    assert rel["cells"][row][0] is None
    others = [r[0] for i, r in enumerate(rel["cells"]) if i != row]
    assert None in others, "one x beside printed zeros says the same"
    assert prep.protection.audit.ok


def test_merged_categories_are_never_named_or_implied(repo):
    # only categories of 1..k-1 cases were ever merged, so a named merged category is known to be
    # small and not zero: "overig = 6" holding werkdruk and arbeidsconflict puts each in [2, 4]
    profiles = [("pesten", ["collega", "derde"][i % 2], "betrokkene", "opvang_advies") for i in range(7)] + \
               [("intimidatie", ["collega", "derde"][i % 2], "betrokkene", "opvang_advies") for i in range(7)] + \
               [("werkdruk", "collega", "betrokkene", "opvang_advies")] * 3 + \
               [("arbeidsconflict", "derde", "betrokkene", "opvang_advies")] * 3
    _org(repo, "Twintig", profiles)
    prep = report.prepare(repo, report.resolve(repo, "Twintig", 2025, recode=False))
    assert prep.protection.merged == {}
    beh = _tables(prep.report)["behaviour"]
    for code in ("werkdruk", "arbeidsconflict"):
        assert code in beh["rows"] and beh["cells"][beh["rows"].index(code)][0] is None


def test_a_five_case_organisation_gets_a_publishable_pdf(repo, tmp_path):
    profiles = [("seksuele_intimidatie", "leidinggevende", "betrokkene", "klacht")] + \
               [("pesten", "collega", "betrokkene", "opvang_advies")] * 4
    _org(repo, "Vijf", profiles)
    path = report.export_report(repo, report.resolve(repo, "Vijf", 2025), fmt="pdf", out=tmp_path / "v.pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)
    assert "5" in text
    assert "Niet elke uitsplitsing" in text
    data = json.loads(report.export_report(repo, report.resolve(repo, "Vijf", 2025), fmt="json",
                                           out=tmp_path / "v.json").read_text(encoding="utf-8"))
    assert data["totals"]["cases"] == 5
    for t in data["tables"]:
        for row in t["cells"]:
            assert all(v is None or v == 0 or v >= 5 for v in row)


def test_status_and_origin_are_not_hidden_for_being_uniform(repo):
    # "all 22 cases are closed" says nothing about a person: the group rule is for attributes
    profiles = [(BEHAVIOURS[i % 5], ["collega", "leidinggevende", "derde"][i % 3], "betrokkene",
                 "opvang_advies") for i in range(22)]
    _org(repo, "Dicht", profiles)
    prep = report.prepare(repo, report.resolve(repo, "Dicht", 2025))
    status = _tables(prep.report)["status"]
    assert status["cells"][status["rows"].index(aggregate.STATUS_CLOSED)][0] == 22
    # nor "the outcome of all 22 was not recorded" (every case of a vault from before schema 5)
    outcome = _tables(prep.report)["outcome"]
    assert outcome["cells"][outcome["rows"].index(aggregate.UNKNOWN)][0] == 22
