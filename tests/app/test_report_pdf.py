"""The annual report's PDF, read back with pypdf: figures, hidden values, languages, metadata."""
from __future__ import annotations

import io
import re
from datetime import date

import pypdf
import pytest

from app.reporting import pdf as report_pdf
from app.reporting import report
from models.entities import Activity
from tests.app.test_report import CANARY, ORG, YEAR, fill
from tests.conftest import build_template, open_copy

MADE = date(2026, 2, 3)


def _fill(repo) -> None:
    fill(repo)
    # large hours, so the thousands separator and the decimal sign show: 36 + 8 * 150 + 2.5 = 1238.5
    for i in range(8):
        repo.add_activity(Activity(organisation=ORG, date=date(2025, 10, 1 + i), kind="beleidsadvies", hours=150.0))
    repo.add_activity(Activity(organisation=ORG, date=date(2025, 11, 1), kind="overleg", hours=2.5))


@pytest.fixture(scope="module")
def prepared_template(tmp_path_factory):
    return build_template(tmp_path_factory.mktemp("prepared"), _fill)


@pytest.fixture
def prepared(prepared_template, vault_path):
    """A copy of a vault filled once per module."""
    with open_copy(prepared_template, vault_path) as repo:
        yield repo


def _render(repo, lang: str, narrative: str = "") -> tuple[report.Prepared, str, pypdf.PdfReader]:
    prep = report.prepare(repo, report.resolve(repo, ORG, YEAR, lang=lang, recode=False))
    assert prep.protection.audit.ok
    data = report_pdf.render(prep, narrative=narrative, practice="Praktijk Zonnig Advies",
                             fingerprint="ABCD 1234 ABCD 1234 ABCD 1234 ABCD 1234", made=MADE)
    assert data.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(p.extract_text() for p in reader.pages)
    return prep, text, reader


def test_number_formats_follow_the_language():
    assert report_pdf.fmt_number(1234.5, "nl", hours=True) == "1.234,5"
    assert report_pdf.fmt_number(1234.5, "en", hours=True) == "1,234.5"
    assert report_pdf.fmt_number(1234, "nl") == "1.234"
    assert report_pdf.fmt_change(-3, "en") == "\u22123" and report_pdf.fmt_change(2.5, "nl", True) == "+2,5"
    assert report_pdf.fmt_date(date(2026, 3, 1), "nl") == "1 maart 2026"
    assert report_pdf.fmt_date(date(2026, 3, 1), "en") == "1 March 2026"


@pytest.mark.parametrize("lang, hours, made, title", [
    ("nl", "1.238,5", "3 februari 2026", "Soort ongewenst gedrag"),
    ("en", "1,238.5", "3 February 2026", "Kind of undesired behaviour"),
])
def test_pdf_in_both_languages(prepared, lang, hours, made, title):
    prep, text, reader = _render(prepared, lang, narrative="Werkdruk is het terugkerende thema.")
    assert prep.report["totals"]["hours"] == 1238.5
    assert hours in text and made in text and title in text
    assert "Praktijk Zonnig Advies" in text and "ABCD 1234 ABCD 1234" in text
    assert "Werkdruk is het terugkerende thema." in text
    assert ORG in text
    meta = reader.metadata
    assert meta.title.endswith(f"{ORG} {YEAR}") and meta.author == "Vertrouwd"
    assert "Zonnig" not in (meta.author or "") + (meta.subject or "")
    fonts = set()
    for page in reader.pages:
        for f in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            fonts.add(str(f.get_object().get("/BaseFont")))
    assert any("DejaVuSans" in f for f in fonts), fonts
    assert not any(f.endswith("Helvetica") for f in fonts)


def test_published_figures_present_hidden_values_absent(prepared):
    prep, text, reader = _render(prepared, "nl")
    lines = [ln.strip() for ln in text.splitlines()]
    tokens = set(re.findall(r"(?<![\d.,])\d+(?![\d.,])", text))
    published, hidden = set(), []
    truth = {t.id: t for t in prep.aggregation.tables}
    for t in prep.report["tables"]:
        for i, row in enumerate(t["cells"]):
            for j, v in enumerate(row):
                if v is not None:
                    published.add(report_pdf.fmt_number(v, "nl", t["unit"] == "hours"))
                elif t["rows"][i] in truth[t["id"]].rows:
                    hidden.append(int(truth[t["id"]].cells[truth[t["id"]].rows.index(t["rows"][i])][j]))
        published.update(report_pdf.fmt_number(v, "nl", t["unit"] == "hours")
                         for v in t["row_totals"] + t["col_totals"] + [t["total"]] if v is not None)
    for figure in ("26", "1.238,5", "23"):
        assert figure in tokens or figure in text
    # the behaviour table prints marks, never the hidden numbers
    start = lines.index("Soort ongewenst gedrag")
    si = lines.index("Seksuele intimidatie", start)
    assert lines[si + 1] == "x"
    # a hidden true value that is not also some other printed figure must not appear at all
    others = published | {str(n) for n in range(1, len(reader.pages) + 1)} | {"1", "3", "4", "5", "7", "2025",
                                                                               "2026", "2024"}
    unique = [v for v in hidden if str(v) not in others]
    assert unique, "the test data should have a hidden value that is unique"
    for v in unique:
        assert str(v) not in tokens, v
    assert CANARY not in text


def test_year_on_year_comparison_and_trend(prepared):
    oid = prepared.organisation(ORG).id
    for y in (YEAR - 2, YEAR - 1):
        prepared.save_published_report(oid, y, report.build_report(prepared, report.resolve(prepared, ORG, y)))
    prep, text, _reader = _render(prepared, "en")
    assert set(prep.history) == {YEAR - 2, YEAR - 1}
    assert "Last year" in text and "Change" in text
    assert "Development over the years" in text and str(YEAR - 2) in text
    assert "No report for" not in text
    alone = report.prepare(prepared, report.resolve(prepared, ORG, YEAR - 2, lang="en"))
    first = report_pdf.render(alone, made=MADE)
    first_text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(first)).pages)
    assert "No report for 2022 has been recorded" in first_text


@pytest.mark.parametrize("practice, shown", [("", False), ("   ", False), ("Praktijk Zonnig Advies", True)])
def test_cover_leaves_out_the_practice_row_when_not_set(prepared, practice, shown):
    prep = report.prepare(prepared, report.resolve(prepared, ORG, YEAR, lang="nl"))
    data = report_pdf.render(prep, practice=practice, made=MADE)
    cover = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert ("Opgesteld door" in cover) is shown
    assert "niet ingesteld" not in cover
    assert ("Praktijk Zonnig Advies" in cover) is shown
    assert "3 februari 2026" in cover  # the other rows stay


def test_method_text_explains_the_x_mark(prepared):
    _prep, text, _reader = _render(prepared, "nl")
    flat = " ".join(text.split())
    assert "Een x betekent dus 'niet getoond'" in flat
    assert "leeg vak betekent" not in flat
