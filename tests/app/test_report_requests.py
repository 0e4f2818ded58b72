"""Requests for information or advice in the annual report: counted apart from cases, protected by the
same disclosure machinery (unit "requests"), in every output, the .vstat, the combination and the ledger."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import openpyxl
import pypdf
import pytest

from app.exchange import combine
from app.exchange import publish as vstat_publish
from app.exchange import vstat as exchange
from app.reporting import aggregate, excel, html, ledger, report
from app.reporting import pdf as report_pdf
from models.entities import Request
from tests.app.test_report import ORG, YEAR, fill
from tests.conftest import build_template, open_copy

OTHER = "Andere Org"
# 2025, Testorg: 6 managers asking advice (10 min each), 5 employees asking about the procedure (6 min),
# 1 employee asking advice (15 min): 12 requests, 105 minutes = 1.75 hours. Not counted: one of 2024.
REQUESTS = ([("advies_leidinggevende", "leidinggevende", 10, "pesten")] * 6
            + [("informatie_procedure", "medewerker", 6, None)] * 5
            + [("advies_medewerker", "medewerker", 15, "werkdruk")])


def _fill(repo) -> None:
    fill(repo)
    for i, (kind, asker, minutes, topic) in enumerate(REQUESTS):
        repo.add_request(Request(organisation=ORG, date=date(2025, 2, 1 + i), kind=kind, asker=asker,
                                 minutes=minutes, topic=topic))
    repo.add_request(Request(organisation=ORG, date=date(2024, 12, 31), kind="overig", asker="hr", minutes=5))
    repo.add_organisation(OTHER)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return build_template(tmp_path_factory.mktemp("requests"), _fill)


@pytest.fixture
def repo_r(template, vault_path):
    with open_copy(template, vault_path) as repo:
        yield repo


def _prep(repo, lang="nl", org=ORG, year=YEAR, **kw):
    return report.prepare(repo, report.resolve(repo, org, year, lang=lang), **kw)


def _table(rep: dict, tid: str) -> dict:
    return next(t for t in rep["tables"] if t["id"] == tid)


def test_requests_are_counted_apart_from_cases(repo_r):
    agg = aggregate.aggregate_year(repo_r, repo_r.organisation(ORG).id, YEAR)
    assert agg.totals["cases"] == 26 and agg.totals["contacts"] == 26   # as without requests
    assert agg.totals["requests"] == 12
    kind = agg.table("request_kind")
    assert dict(zip(kind.rows, (c[0] for c in kind.cells), strict=True)) == {
        "informatie_procedure": 5, "advies_leidinggevende": 6, "advies_medewerker": 1,
        "voorlichting_vraag": 0, "overig": 0}
    asker = agg.table("request_asker")
    assert {r: c[0] for r, c in zip(asker.rows, asker.cells, strict=True) if c[0]} == {
        "leidinggevende": 6, "medewerker": 6}
    assert kind.unit == asker.unit == "requests"
    hours = agg.table("hours")
    assert hours.rows[-1] == aggregate.REQUEST_WORK and hours.cells[-1] == [1.75]
    assert agg.totals["hours"] == 37.75 and agg.request_hours == 1.75


def test_report_protects_the_request_tables(repo_r):
    prep = _prep(repo_r)
    assert prep.protection.audit.ok
    rep = prep.report
    assert rep["totals"] == {"cases": 26, "contacts": 26, "hours": 37.75, "requests": 12}
    kind = _table(rep, "request_kind")
    cells = dict(zip(kind["rows"], (c[0] for c in kind["cells"]), strict=True))
    assert cells["advies_medewerker"] is None            # one request: hidden
    assert sum(1 for v in cells.values() if v is None) >= 2   # and one more, so it cannot be worked back
    assert kind["total"] == 12
    hours = _table(rep, "hours")
    assert hours["cells"][hours["rows"].index("vragen")] == [1.75]


def test_a_year_without_requests_keeps_its_figures_exactly(repo_r):
    oid = repo_r.organisation(ORG).id
    agg = aggregate.aggregate_year(repo_r, oid, YEAR - 2)
    assert "requests" not in agg.totals
    assert agg.table("request_kind") is None and "vragen" not in agg.table("hours").rows
    for r in repo_r.list_requests(organisation=ORG, year=YEAR):
        repo_r.delete_request(r.id)
    rep = _prep(repo_r).report
    assert "requests" not in rep["totals"]
    assert {t["unit"] for t in rep["tables"]} == {"cases", "contacts", "activities", "hours"}


def test_too_few_requests_keep_only_their_total_and_hours(repo_r):
    for r in repo_r.list_requests(organisation=ORG, year=YEAR)[2:]:
        repo_r.delete_request(r.id)
    prep = _prep(repo_r)
    assert prep.protection.audit.ok
    assert "too_few_requests" in prep.notes
    assert prep.report["totals"]["requests"] == 2
    assert not [t for t in prep.report["tables"] if t["unit"] == "requests"]
    assert "vragen" in _table(prep.report, "hours")["rows"]


@pytest.mark.parametrize(("lang", "title", "apart", "kind_label"), [
    ("nl", "Vragen om informatie of advies", "apart van de casussen", "Advies aan een leidinggevende over een situatie"),
    ("en", "Requests for information or advice", "counted apart from cases", "Advice to a manager on handling a situation"),
])
def test_pdf_read_back_has_the_requests_section(repo_r, lang, title, apart, kind_label):
    prep = _prep(repo_r, lang)
    data = report_pdf.render(prep, made=date(2026, 2, 3))
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    flat = " ".join(text.split())
    assert title in text and apart in flat
    assert kind_label in flat
    lines = [ln.strip() for ln in text.splitlines()]
    start = lines.index(report.table_title("request_asker", lang))
    assert lines[lines.index("Leidinggevende" if lang == "nl" else "Manager", start) + 1] == "6"
    assert "1,75" in text if lang == "nl" else "1.75" in text    # the hours of requests in the summary


def test_csv_json_excel_html_and_vstat_take_the_tables(repo_r, tmp_path):
    req = report.resolve(repo_r, ORG, YEAR)
    paths = {fmt: report.export_report(repo_r, req, fmt=fmt, out=tmp_path / f"r.{fmt}") for fmt in ("json", "csv")}
    rep = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert rep["totals"]["requests"] == 12 and _table(rep, "request_asker")["total"] == 12
    rows = list(csv.DictReader(io.StringIO(paths["csv"].read_text(encoding="utf-8-sig"))))
    assert {"table": "totals", "unit": "requests", "row": "requests", "col": "", "value": "12",
            "row_label": "Vragen om informatie of advies (geen casussen)", "col_label": ""} in rows
    kind = _table(rep, "request_kind")
    for code, (v,) in zip(kind["rows"], kind["cells"], strict=True):
        assert {"table": "request_kind", "unit": "requests", "row": code, "col": "",
                "value": "" if v is None else str(v)}.items() <= next(
            r for r in rows if r["table"] == "request_kind" and r["row"] == code).items()
    prep = _prep(repo_r)
    book = openpyxl.load_workbook(io.BytesIO(excel.report_xlsx(prep)))
    assert "Vragen naar soort" in book.sheetnames and "Vragen naar wie ze stelde" in book.sheetnames
    summary = [tuple(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert ("Vragen om informatie of advies (geen casussen)", 12) in summary
    page = html.preview_html(prep, "")
    assert "Vragen om informatie of advies" in page and "apart van de casussen" in page
    path = vstat_publish.export_vstat(repo_r, req, out=tmp_path / "r.vstat")
    vs = exchange.read_vstat(path.read_bytes())
    assert vs.totals["requests"] == 12 and vs.table("request_kind").unit == "requests"
    assert [t.to_dict() for t in vs.tables] == rep["tables"]


def test_files_without_requests_still_read_and_combine(repo_r, tmp_path):
    with_requests = exchange.read_vstat(vstat_publish.export_vstat(
        repo_r, report.resolve(repo_r, ORG, YEAR), out=tmp_path / "a.vstat").read_bytes())
    for r in repo_r.list_requests():
        repo_r.delete_request(r.id)
    without = exchange.read_vstat(vstat_publish.export_vstat(
        repo_r, report.resolve(repo_r, ORG, YEAR - 1), out=tmp_path / "b.vstat").read_bytes())
    assert "requests" not in without.totals
    merged = combine.merge([with_requests, without], by="all")
    group = merged.groups[0]
    assert group.totals["requests"] == 12
    kinds = next(t for t in group.tables if t.id == "request_kind")
    assert kinds.total == 12
    assert not [n for n in merged.notes if "request" in str(n)]
    from app.exchange import render
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(
        render.pdf_bytes(merged, lang="nl"))).pages).split())
    assert "apart van de casussen: 12 vragen om informatie of advies" in text
    assert "Vragen naar soort" in text
    lines = render.csv_text(merged, "en").splitlines()
    assert "All files,request_asker,requests,total,,,,,12,published" in lines


def test_ledger_republish_and_all_organisations_with_requests(repo_r, tmp_path):
    req = report.resolve(repo_r, ORG, YEAR)
    report.export_report(repo_r, req, fmt="json", out=tmp_path / "first.json")
    repo_r.add_request(Request(organisation=ORG, date=date(2025, 12, 1), kind="informatie_procedure",
                               asker="medewerker", minutes=5))
    first = json.loads((tmp_path / "first.json").read_text(encoding="utf-8"))["tables"]
    again = _prep(repo_r)
    assert again.republish_needed
    # beside the first version, the plain new figures would show what the added request was
    assert ledger.changed_case_revealed(again.report["tables"], first, 1, 0, "requests")
    redone = _prep(repo_r, republish=True)
    assert redone.protection.audit.ok and redone.report["totals"]["requests"] == 13
    assert ledger.changed_case_revealed(redone.report["tables"], first, 1, 0, "requests") == []
    everyone = report.prepare(repo_r, report.resolve(repo_r, None, YEAR))
    assert everyone.protection.audit.ok
    assert everyone.report["totals"]["requests"] == 13
