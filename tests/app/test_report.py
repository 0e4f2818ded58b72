"""The annual report: aggregation against hand-built data, protection, JSON/CSV/PDF agreement."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pypdf
import pytest

from app import keys as exkeys
from app.errors import UserError
from app.exchange import publish as vstat_publish
from app.exchange import vstat as exchange
from app.reporting import aggregate, content, disclosure, report
from models.entities import Activity, Case, Contact
from tests.conftest import build_template, open_copy

# Hand-built data (every figure is known in advance):
# Organisation "Testorg" (units ICT and Zorg), year 2025:
# * 6 carried-over cases (opened 2024-10-01, 2 closed 2025-03-01, 4 still open), each with one contact
#   in 2024 (not counted) and one 30-minute contact in 2025 (by phone);
# * 20 new cases: 10 opened in January (unit Zorg, in person, closed in 2025), 10 in August (no unit,
#   video, closed in 2026), each with one 60-minute contact on the opening day;
# * excluded: a case closed in 2024 and a case opened in 2026;
# * activities in 2025: 5 x voorlichting (2 h) and 1 x training (3 h); one voorlichting in 2024.
# So 26 cases (6 carried over, 20 new, 12 closed), 26 contacts, 23 + 13 = 36 hours.
CANARY = "CANARY-Zebra-7781"
ORG = "Testorg"
YEAR = 2025

# behaviour, relation, role, follow-up of the 26 cases of 2025, in the order they are added
_PROFILE = (
    [("pesten", "collega", "betrokkene", "opvang_advies")] * 8
    + [("pesten", "leidinggevende", "betrokkene", "opvang_advies")] * 4
    + [("intimidatie", "leidinggevende", "betrokkene", "doorverwijzing")] * 6
    + [("werkdruk", "leidinggevende", "betrokkene", "lopend")] * 5
    + [("seksuele_intimidatie", "collega", "omstander", "klacht")] * 2
    + [("agressie_geweld", "derde", "betrokkene", "lopend")] * 1
)


def fill(repo) -> None:
    repo.add_organisation(ORG, ["ICT", "Zorg"])
    n = 0

    def add(opened, closed, profile, contacts, unit=None):
        nonlocal n
        n += 1
        b, rel, role, fu = profile
        repo.add_case(Case(code=f"{opened.year}-{n:03d}", organisation=ORG, opened=opened, closed=closed,
                           reporter_role=role, behaviour=b, accused_relation=rel, follow_up=fu, unit=unit,
                           contacts=contacts))

    profiles = iter(_PROFILE)
    for i in range(6):
        closed = date(2025, 3, 1) if i < 2 else None
        add(date(2024, 10, 1), closed, next(profiles),
            [Contact(date(2024, 10, 1), 45, "persoonlijk", "intake", notes=f"{CANARY} eerste gesprek"),
             Contact(date(2025, 2, 1), 30, "telefonisch", "vervolg", notes=CANARY)], unit="ICT")
    for i in range(10):
        add(date(2025, 1, 10 + i), date(2025, 6, 1), next(profiles),
            [Contact(date(2025, 1, 10 + i), 60, "persoonlijk", "intake", notes=CANARY)], unit="Zorg")
    for i in range(10):
        add(date(2025, 8, 1 + i), date(2026, 1, 15), next(profiles),
            [Contact(date(2025, 8, 1 + i), 60, "video", "intake", notes=CANARY)])
    add(date(2024, 1, 5), date(2024, 12, 31), ("pesten", "collega", "betrokkene", "opvang_advies"),
        [Contact(date(2024, 1, 5), 60, "persoonlijk", "intake")])
    add(date(2026, 1, 2), None, ("pesten", "collega", "betrokkene", "lopend"),
        [Contact(date(2026, 1, 2), 60, "persoonlijk", "intake")])
    for i in range(5):
        repo.add_activity(Activity(organisation=ORG, date=date(2025, 3, 1 + i), kind="voorlichting", hours=2.0))
    repo.add_activity(Activity(organisation=ORG, date=date(2025, 9, 1), kind="training", hours=3.0))
    repo.add_activity(Activity(organisation=ORG, date=date(2024, 9, 1), kind="voorlichting", hours=2.0))


# -- fixtures ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def filled_template(tmp_path_factory):
    return build_template(tmp_path_factory.mktemp("filled"), fill)


@pytest.fixture
def filled(filled_template, vault_path):
    """A copy of a vault filled once per module (fill): the same data as filling it in each test."""
    with open_copy(filled_template, vault_path) as repo:
        yield repo


def _prot_counts(report: dict):
    for t in report["tables"]:
        if t["unit"] == "hours":
            continue
        for row in t["cells"]:
            yield from (v for v in row)
        yield from t["row_totals"]
        yield from t["col_totals"]


# -- aggregation ---------------------------------------------------------------------------------
def test_aggregation_counts_the_cases_of_the_year(filled):
    agg = aggregate.aggregate_year(filled, filled.organisation(ORG).id, YEAR)
    assert agg.totals == {"cases": 26, "contacts": 26, "hours": 36.0}
    assert (agg.new, agg.carried_over, agg.closed) == (20, 6, 12)
    assert agg.contact_hours == 23.0 and agg.activity_hours == 13.0
    origin = agg.table("origin")
    assert origin.rows == ["overgenomen", "nieuw_h1", "nieuw_h2"]
    assert origin.cells == [[6], [10], [10]]
    assert agg.table("status").cells == [[12], [14]]
    beh = agg.table("behaviour")
    assert dict(zip(beh.rows, (r[0] for r in beh.cells), strict=True))["pesten"] == 12
    assert beh.sensitive_rows["seksuele_intimidatie"] > 5
    cross = agg.table("behaviour_relation")
    assert cross.cells[cross.rows.index("pesten")][cross.cols.index("collega")] == 8
    channel = dict(zip(agg.table("channel").rows, (r[0] for r in agg.table("channel").cells), strict=True))
    assert channel == {"persoonlijk": 10, "telefonisch": 6, "video": 10, "schriftelijk": 0}
    acts = agg.table("activities")
    assert acts.cells[acts.rows.index("voorlichting")] == [5]
    hours = agg.table("hours")
    assert hours.rows[0] == "casuswerk" and hours.cells[0] == [23.0]


def test_every_case_table_shares_one_total(filled):
    agg = aggregate.aggregate_year(filled, filled.organisation(ORG).id, YEAR)
    for t in agg.tables:
        total = sum(v for r in t.cells for v in r)
        expected = {"cases": 26, "contacts": 26, "hours": 36.0, "activities": 6}[t.unit]
        assert total == pytest.approx(expected), t.id


def test_unit_breakdown_only_when_every_cell_passes(filled):
    agg = aggregate.aggregate_year(filled, filled.organisation(ORG).id, YEAR)
    unit = agg.table("unit")
    assert unit is not None
    assert dict(zip(unit.rows, (r[0] for r in unit.cells), strict=True)) == {
        "ict": 6, "zorg": 10, "geen_afdeling": 10}
    assert agg.units == {"ict": "ICT", "zorg": "Zorg"}
    strict = aggregate.aggregate_year(filled, filled.organisation(ORG).id, YEAR, k=7)  # 6 ICT cases < 7
    assert strict.table("unit") is None and "unit_omitted" in strict.notes
    everyone = aggregate.aggregate_year(filled, None, YEAR)
    assert everyone.table("unit") is None and "unit_not_for_all" in everyone.notes


def test_half_year_split_falls_back_when_a_half_is_small(filled):
    agg = aggregate.aggregate_year(filled, filled.organisation(ORG).id, YEAR, k=11)
    assert agg.table("origin").rows == ["overgenomen", "nieuw"]
    assert "half_year_omitted" in agg.notes
    first = aggregate.aggregate(filled, filled.organisation(ORG).id, date(2025, 1, 1), date(2025, 7, 1), split_half=False)
    assert first.totals["cases"] == 16 and first.carried_over == 6
    assert aggregate.aggregate_half_year(filled, filled.organisation(ORG).id, YEAR, 1) is None  # e.g. 4 cases of intimidation


def test_half_year_figures_when_every_cell_passes(repo):
    half_id = repo.add_organisation("Half")
    for i in range(6):
        repo.add_case(Case(code=f"2025-{i + 1:03d}", organisation="Half", opened=date(2025, 3, 1 + i),
                           reporter_role="betrokkene", behaviour="pesten", accused_relation="collega",
                           follow_up="lopend",
                           contacts=[Contact(date(2025, 3, 1 + i), 45, "persoonlijk", "intake")]))
    half = aggregate.aggregate_half_year(repo, half_id, 2025, 1)
    assert half is not None and half.totals == {"cases": 6, "contacts": 6, "hours": 4.5}
    assert aggregate.aggregate_half_year(repo, half_id, 2025, 2).totals["cases"] == 6
    with pytest.raises(ValueError):
        aggregate.aggregate_half_year(repo, half_id, 2025, 3)


def test_unknown_organisation_is_a_user_error(filled):
    with pytest.raises(UserError, match="org list"):
        report.resolve(filled, "Nope BV", YEAR)


# -- the report JSON -------------------------------------------------------------------------------
def test_report_json_shape_and_protection(filled):
    rep = report.build_report(filled, report.resolve(filled, ORG, YEAR))
    assert list(rep) == ["format", "organisation", "year", "threshold", "method", "totals", "levels", "tables"]
    assert rep["format"] == "vertrouwd-report/1" and rep["organisation"] == ORG and rep["year"] == YEAR
    assert rep["threshold"] == 5 and "5" in rep["method"]
    assert rep["totals"] == {"cases": 26, "contacts": 26, "hours": 36}
    ids = [t["id"] for t in rep["tables"]]
    assert ids[:7] == ["origin", "status", "behaviour", "relation", "role", "follow_up", "behaviour_relation"]
    assert {"channel", "activities", "hours"} <= set(ids)
    for t in rep["tables"]:
        assert set(t) == {"id", "unit", "rows", "cols", "cells", "row_totals", "col_totals", "total"}
        assert t["unit"] in ("cases", "contacts", "activities", "hours")
        if t["cols"] is None:
            assert all(len(r) == 1 for r in t["cells"])
        if t["unit"] in ("cases", "contacts", "hours"):
            assert t["total"] == rep["totals"][t["unit"]], t["id"]
    for v in _prot_counts(rep):
        assert v is None or v == 0 or v >= 5
    beh = next(t for t in rep["tables"] if t["id"] == "behaviour")
    # the two cases of sexual harassment are never published
    if "seksuele_intimidatie" in beh["rows"]:
        assert beh["cells"][beh["rows"].index("seksuele_intimidatie")] == [None]
    json.dumps(rep, allow_nan=False)


def test_threshold_rules(filled):
    with pytest.raises(UserError, match="3 or more|use 3"):
        report.build_report(filled, report.resolve(filled, ORG, YEAR, threshold=2))
    filled.set_setting("report_threshold", "7")
    rep = report.build_report(filled, report.resolve(filled, ORG, YEAR))
    assert rep["threshold"] == 7
    for v in _prot_counts(rep):
        assert v is None or v == 0 or v >= 7
    filled.set_setting("report_threshold", "vijf")
    with pytest.raises(UserError, match="whole number"):
        report.build_report(filled, report.resolve(filled, ORG, YEAR))


def test_too_few_cases_gives_totals_only(repo):
    repo.add_organisation("Klein")
    for i in range(3):
        repo.add_case(Case(code=f"2025-{i + 1:03d}", organisation="Klein", opened=date(2025, 5, 1 + i),
                           reporter_role="betrokkene", behaviour="pesten", accused_relation="collega",
                           follow_up="lopend",
                           contacts=[Contact(date(2025, 5, 1 + i), 60, "persoonlijk", "intake")]))
    prep = report.prepare(repo, report.resolve(repo, "Klein", 2025))
    assert prep.report["totals"]["cases"] == 3
    assert {t["unit"] for t in prep.report["tables"]} == {"activities", "hours"}
    assert {"too_few_cases", "too_few_contacts"} <= set(prep.notes)
    assert prep.protection.audit.ok


# -- exports -------------------------------------------------------------------------------------
def _csv_rows(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)


def test_outputs_agree_and_never_hold_notes(filled, tmp_path):
    filled.set_report_text(filled.organisation(ORG).id, YEAR, "Signalen: werkdruk speelt in meerdere teams.")
    paths = {fmt: report.export_report(filled, report.resolve(filled, ORG, YEAR), fmt=fmt, out=tmp_path / f"r.{fmt}")
             for fmt in ("json", "csv", "pdf")}
    rep = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert rep == report.build_report(filled, report.resolve(filled, ORG, YEAR))
    rows = _csv_rows(paths["csv"])
    assert list(rows[0]) == report.CSV_HEADER
    by_key = {(r["table"], r["row"], r["col"]): r["value"] for r in rows}
    for t in rep["tables"]:
        cols = t["cols"] or [""]
        for i, code in enumerate(t["rows"]):
            for j, col in enumerate(cols):
                v = t["cells"][i][j]
                got = by_key[(t["id"], code, col)]
                assert got == ("" if v is None else content._csv_value(v, t["unit"])), (t["id"], code, col)
        assert float(by_key[(t["id"], "", "")]) == pytest.approx(t["total"])
    assert float(by_key[("totals", "hours", "")]) == 36
    text = _pdf_text(paths["pdf"])
    lines = [ln.strip() for ln in text.splitlines()]
    beh = next(t for t in rep["tables"] if t["id"] == "behaviour")
    start = lines.index("Soort ongewenst gedrag")
    for i, code in enumerate(beh["rows"]):
        where = lines.index(content.code_label("behaviour", "rows", code, "nl"), start)
        v = beh["cells"][i][0]
        assert lines[where + 1] == ("x" if v is None else str(v)), code
    assert "werkdruk speelt in meerdere teams" in text
    for path in paths.values():
        data = path.read_bytes()
        assert CANARY.encode() not in data
    assert CANARY not in text
    assert filled.published_report(filled.organisation(ORG).id, YEAR) == rep


def test_audit_failure_refuses_export(filled, tmp_path, monkeypatch):
    real = disclosure.protect

    def weak(tables, k=5, **kw):
        prot = real(tables, k, **kw)
        prot.audit = disclosure.AuditResult(False, {}, ["behaviour/pesten: can be narrowed to [8, 9]"])
        return prot

    monkeypatch.setattr(disclosure, "protect", weak)
    out = tmp_path / "r.json"
    with pytest.raises(UserError, match="nothing was written"):
        report.export_report(filled, report.resolve(filled, ORG, YEAR), fmt="json", out=out)
    assert not out.exists()
    assert filled.published_report(filled.organisation(ORG).id, YEAR) is None
    with pytest.raises(UserError, match="nothing was written"):
        vstat_publish.export_vstat(filled, report.resolve(filled, ORG, YEAR), out=tmp_path / "r.vstat")


def test_previous_year_is_used_and_compared(filled, tmp_path):
    oid = filled.organisation(ORG).id
    prev = report.build_report(filled, report.resolve(filled, ORG, YEAR - 1))
    filled.save_published_report(oid, YEAR - 1, prev)
    prep = report.prepare(filled, report.resolve(filled, ORG, YEAR))
    assert prep.previous == prev
    assert prep.protection.audit.ok


def test_export_errors_are_clear(filled, tmp_path):
    with pytest.raises(UserError, match="pdf, csv, json, xlsx, csv-excel"):
        report.export_report(filled, report.resolve(filled, ORG, YEAR), fmt="ods", out=tmp_path / "r.ods")
    with pytest.raises(UserError, match="does not exist"):
        report.export_report(filled, report.resolve(filled, ORG, YEAR), fmt="json", out=tmp_path / "nope" / "r.json")
    path = report.export_report(filled, report.resolve(filled, ORG, YEAR), fmt="json", out=tmp_path)
    assert path.name == "jaarverslag-testorg-2025.json"
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_flagged_narrative_blocks_the_pdf(filled, tmp_path):
    filled.set_report_text(filled.organisation(ORG).id, YEAR, "Mail mij op iemand@example.org")
    with pytest.raises(UserError, match="privacy check found e-mail"):
        report.export_report(filled, report.resolve(filled, ORG, YEAR), fmt="pdf", out=tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()
    path = report.export_report(filled, report.resolve(filled, ORG, YEAR), fmt="pdf", out=tmp_path / "r.pdf", allow_flagged=True)
    assert path.exists()


def test_vstat_export_signed_and_encrypted(filled, tmp_path):
    path = vstat_publish.export_vstat(filled, report.resolve(filled, ORG, YEAR), out=tmp_path / "r.vstat")
    vs = exchange.read_vstat(path.read_bytes())
    rep = report.build_report(filled, report.resolve(filled, ORG, YEAR))
    assert vs.totals == rep["totals"] and [t.to_dict() for t in vs.tables] == rep["tables"]
    assert vs.adviser_key == exkeys.public_key(filled.signing_key())
    pub = exkeys.generate_supervisor_keypair(tmp_path / "sup")
    enc = vstat_publish.export_vstat(filled, report.resolve(filled, ORG, YEAR), out=tmp_path / "e.vstat", to=tmp_path / "sup" / "supervisor.pub")
    priv = exkeys.load_supervisor_key(tmp_path / "sup" / "supervisor.key")
    assert exkeys.supervisor_public_key(priv) == pub
    assert exchange.read_vstat(enc.read_bytes(), supervisor_key=priv).totals == rep["totals"]
    with pytest.raises(UserError, match="supervisor"):
        vstat_publish.export_vstat(filled, report.resolve(filled, ORG, YEAR), out=tmp_path / "x.vstat", to=tmp_path / "missing.pub")


def test_activity_hours_follow_the_activity_counts(filled):
    # 5 x voorlichting and 1 x training: training's count is hidden, so are its hours
    for i in range(2):
        filled.add_activity(Activity(organisation=ORG, date=date(2025, 5, 1 + i), kind="overleg", hours=1.5))
    prep = report.prepare(filled, report.resolve(filled, ORG, YEAR))
    tabs = {t["id"]: t for t in prep.report["tables"]}
    act, hours = tabs["activities"], tabs["hours"]
    assert hours["rows"] == [aggregate.CASE_WORK, *act["rows"]]
    assert prep.protection.merged.get("hours") == prep.protection.merged.get("activities")
    for i, code in enumerate(act["rows"]):
        if act["cells"][i][0] is None:
            assert hours["cells"][hours["rows"].index(code)][0] is None, code
    assert act["total"] == 8
    assert hours["total"] == 39
    assert prep.protection.audit.ok
