"""One PDF style for the annual report, the handout and the supervisor's combinations, read back with pypdf:
the shipped fonts are embedded (and nothing else), every page has the footer, and the fonts are found in
resources/fonts/ with their licence rather than in reportlab's own folder."""
from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest
from reportlab.pdfbase import pdfmetrics

from app import keys, pdfstyle
from app.exchange import combine
from app.exchange import render as stats_render
from app.exchange import vstat as ex
from app.guidance.decide import decide
from app.guidance.handout import render_handout_bytes
from app.reporting import pdf as report_pdf
from app.reporting import report
from app.resources import font_path
from tests.app.test_exchange import report as vstat_report
from tests.app.test_handout import KLACHT
from tests.app.test_report import ORG, YEAR, fill


def _fonts(reader: pypdf.PdfReader) -> dict[str, bool]:
    """Every font the pages use -> whether its file is embedded."""
    out: dict[str, bool] = {}
    for page in reader.pages:
        for ref in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            out[str(font.get("/BaseFont"))] = embedded
    return out


def _report_pdf(repo, lang: str = "nl") -> bytes:
    fill(repo)
    resolve = getattr(report, "resolve", None)   # main resolves a ReportRequest first; this branch did not yet
    prep = report.prepare(repo, resolve(repo, ORG, YEAR, lang=lang)) if resolve else \
        report.prepare(repo, ORG, YEAR, lang=lang)
    return report_pdf.render(prep, narrative="Werkdruk in Łódź en Çanakkale.", made=date(2026, 2, 3))


def _combined_pdf(lang: str = "nl") -> bytes:
    key = keys.generate_signing_key()
    files = [ex.read_vstat(ex.make_vstat(vstat_report("Gemeente Łódź", year=y), key, program_version="0.1.0"))
             for y in (2025, 2026)]
    return stats_render.pdf_bytes(combine.merge(files, "organisation"), lang=lang, program_version="0.1.0")


@pytest.fixture
def three_pdfs(repo) -> dict[str, bytes]:
    return {"report": _report_pdf(repo), "handout": render_handout_bytes(decide(KLACHT), "nl", case_code="2026-014"),
            "combined": _combined_pdf()}


def test_every_pdf_embeds_only_the_shipped_fonts(three_pdfs):
    for name, data in three_pdfs.items():
        fonts = _fonts(pypdf.PdfReader(io.BytesIO(data)))
        assert fonts, name
        families = {f.split("+", 1)[-1] for f in fonts}
        assert families <= {"DejaVuSans", "DejaVuSans-Bold"}, (name, fonts)
        assert all(fonts.values()), (name, fonts)   # every font file is inside the PDF


def test_every_page_has_the_footer_with_program_and_page_numbers(three_pdfs):
    for name, data in three_pdfs.items():
        reader = pypdf.PdfReader(io.BytesIO(data))
        total = len(reader.pages)
        first = 2 if name == "report" else 1     # the report's cover has no footer
        for n in range(first, total + 1):
            text = reader.pages[n - 1].extract_text()
            assert f"Pagina {n} van {total}" in text, (name, n)
            assert "Vertrouwd" in text, (name, n)
        if name == "report":
            assert "Pagina 1 van" not in reader.pages[0].extract_text()


def test_english_footer():
    reader = pypdf.PdfReader(io.BytesIO(_combined_pdf("en")))
    assert f"Page 1 of {len(reader.pages)}" in reader.pages[0].extract_text()


def test_letters_beyond_latin_1_print(three_pdfs):
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(three_pdfs["report"])).pages)
    assert "Łódź" in text and "Çanakkale" in text
    combined = pypdf.PdfReader(io.BytesIO(three_pdfs["combined"])).pages[0].extract_text()
    assert "Gemeente Łódź" in combined


def test_fonts_come_from_resources_with_their_licence():
    pdfstyle.register_fonts()
    for name, file in pdfstyle.FONT_FILES.items():
        path = font_path(file)
        assert path.is_file() and path.parent.name == "fonts" and path.parent.parent.name == "resources"
        assert pdfmetrics.getFont(name).face.filename == str(path)
    licence = font_path("LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream" in licence and "Arev" in licence
    shipped = {p.name for p in font_path("x").parent.glob("*.ttf")}
    assert shipped == set(pdfstyle.FONT_FILES.values())   # only the fonts the PDFs use


def test_a_missing_font_file_is_a_clear_error(monkeypatch, tmp_path):
    from app.errors import UserError

    monkeypatch.setattr(pdfstyle, "font_path", lambda name: tmp_path / name)
    monkeypatch.setattr(pdfstyle, "FONT_FILES", {"VertrouwdTestFont": "absent.ttf"})
    pdfstyle.register_fonts.cache_clear()
    try:
        with pytest.raises(UserError, match="Reinstall"):
            pdfstyle.register_fonts()
    finally:
        pdfstyle.register_fonts.cache_clear()
