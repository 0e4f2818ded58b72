"""One look for every PDF the program makes: the annual report, the handout for the person and the
supervisor's combined figures.

The fonts (DejaVu Sans, regular and bold) come from resources/fonts/ and are embedded as subsets, so
a PDF looks the same on every computer and a frozen build needs nothing from reportlab's own folder.
Colours, paragraph styles, the table grid and the page template (a header line with the document's
name, a footer with the program's name and "Pagina 3 van 12") are defined here once; the builders
only decide what goes on the page.
"""
from __future__ import annotations

import functools
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageTemplate, Table, TableStyle
from reportlab.platypus.doctemplate import BaseDocTemplate
from reportlab.platypus.frames import Frame

from app import __version__
from app.errors import UserError
from app.resources import font_path

PROGRAM = "Vertrouwd"
FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}

NAVY = colors.HexColor("#1F3A5F")
TEAL = colors.HexColor("#2A7F8E")
SAND = colors.HexColor("#E9C46A")
LIGHT = colors.HexColor("#EEF3F7")
GRID = colors.HexColor("#C9D3DD")
MUTED = colors.HexColor("#5B6B7B")
WARN = colors.HexColor("#7A4B00")
WARN_BACK = colors.HexColor("#FFF4E5")

MARGIN = 2.2 * cm
PAGE_LABEL = {"nl": "Pagina {n} van {total}", "en": "Page {n} of {total}"}


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Register the shipped fonts with reportlab once (a missing file is a broken installation)."""
    for name, file in FONT_FILES.items():
        path = font_path(file)
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except Exception as exc:  # noqa: BLE001 - reportlab raises TTFError/OSError/… for a missing font
            raise UserError("pdfstyle.font_missing", path=path) from exc
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles every PDF uses (do not change the returned styles; clone them)."""
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13.5, textColor=colors.black,
                          spaceAfter=6)
    cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5, spaceAfter=0)
    head = ParagraphStyle("head", parent=cell, fontName=FONT_BOLD, textColor=colors.white)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5, textColor=MUTED),
        "cell": cell,
        "cell_right": ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        "total": ParagraphStyle("total", parent=cell, fontName=FONT_BOLD),
        "total_right": ParagraphStyle("total_right", parent=cell, fontName=FONT_BOLD, alignment=TA_RIGHT),
        "head": head,
        "head_right": ParagraphStyle("head_right", parent=head, alignment=TA_RIGHT),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=28, leading=34,
                                textColor=NAVY, spaceAfter=14),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=15, leading=20, textColor=TEAL,
                                   spaceAfter=6),
        "h1": ParagraphStyle("h1", parent=base, fontName=FONT_BOLD, fontSize=17, leading=21, textColor=NAVY,
                             spaceBefore=14, spaceAfter=10),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=11.5, leading=15, textColor=TEAL,
                             spaceBefore=10, spaceAfter=5),
        "h3": ParagraphStyle("h3", parent=base, fontName=FONT_BOLD, fontSize=10, leading=13, textColor=NAVY,
                             spaceBefore=8, spaceAfter=4),
        "meta": ParagraphStyle("meta", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
        "emphasis": ParagraphStyle("emphasis", parent=base, fontName=FONT_BOLD, fontSize=13, leading=16,
                                   textColor=NAVY, spaceAfter=3),
        "warning": ParagraphStyle("warning", parent=base, fontSize=9, leading=12, textColor=WARN,
                                  backColor=WARN_BACK, borderPadding=(3, 4, 3, 4), spaceBefore=3, spaceAfter=7),
        "caption": ParagraphStyle("caption", parent=base, fontSize=8, leading=10, textColor=MUTED,
                                  alignment=TA_CENTER),
    }


def grid(data: Sequence[Sequence[Any]], widths: Sequence[float], *, header_rows: int = 1,
         total_row: bool = True, padding: float = 6) -> Table:
    """A figures table: navy header, light bands, numbers right-aligned from the second column on,
    a bold total row under a navy line."""
    register_fonts()
    tb = Table(data, colWidths=list(widths), repeatRows=header_rows, hAlign="LEFT")
    style: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), NAVY),
        ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), colors.white),
        ("FONTNAME", (0, 0), (-1, header_rows - 1), FONT_BOLD),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, header_rows - 1), (-1, -1), 0.4, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), padding), ("RIGHTPADDING", (0, 0), (-1, -1), padding),
    ]
    for i in range(header_rows, len(data) - (1 if total_row else 0)):
        if (i - header_rows) % 2 == 1:
            style.append(("BACKGROUND", (0, i), (-1, i), LIGHT))
    if total_row:
        style += [("FONTNAME", (0, -1), (-1, -1), FONT_BOLD), ("LINEABOVE", (0, -1), (-1, -1), 1, NAVY)]
    tb.setStyle(TableStyle(style))
    return tb


def info_table(rows: Sequence[Sequence[Any]], widths: Sequence[float]) -> Table:
    """Label/value lines (who made it, when, the threshold …) with thin rules between them."""
    register_fonts()
    tb = Table(rows, colWidths=list(widths), hAlign="LEFT")
    tb.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), FONT),
                            ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID), ("TOPPADDING", (0, 0), (-1, -1), 5),
                            ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return tb


class _NumberedCanvas(Canvas):
    """Keeps every page until the end, so each footer can say "Pagina 3 van 12"."""

    def __init__(self, *args, page_label: str, footer_left: str, **kwargs):
        super().__init__(*args, **kwargs)
        self._page_states: list[dict] = []
        self._page_label = page_label
        self._footer_left = footer_left
        self.vt_footer = True

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            if self.vt_footer:
                self._draw_footer(total)
            Canvas.showPage(self)
        Canvas.save(self)

    def _draw_footer(self, total: int) -> None:
        width, _height = self._pagesize
        margin = self._vt_margin
        self.saveState()
        self.setFont(FONT, 7.5)
        self.setFillColor(MUTED)
        y = margin - 0.9 * cm
        self.drawString(margin, y, self._footer_left)
        self.drawRightString(width - margin, y, self._page_label.format(n=self._pageNumber, total=total))
        self.restoreState()


class Document(BaseDocTemplate):
    """A page in the program's style. ``header`` runs along the top of every normal page (leave it empty
    for none); the footer carries the program's name and the page number. With ``cover=True`` the first
    page is a title page with a navy band and no header or footer; put ``NextPageTemplate("normal")``
    before its page break."""

    def __init__(self, buf, *, lang: str, header: str = "", cover: bool = False, pagesize=A4,
                 margin: float = MARGIN, footer: str = "", **kw):
        register_fonts()
        kw.setdefault("author", PROGRAM)
        kw.setdefault("creator", f"{PROGRAM} {__version__}")
        super().__init__(buf, pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=margin,
                         bottomMargin=margin, lang=lang, initialFontName=FONT, **kw)
        self.header = header
        self.margin = margin
        self.page_label = PAGE_LABEL.get(lang, PAGE_LABEL["nl"])
        self.footer = footer or PROGRAM
        width, height = pagesize
        frame = Frame(margin, margin, width - 2 * margin, height - 2 * margin, id="body")
        templates = [PageTemplate(id="normal", frames=[frame], onPage=self._page)]
        if cover:
            templates.insert(0, PageTemplate(id="cover", frames=[frame], onPage=self._cover))
        self.addPageTemplates(templates)

    def _cover(self, canvas, doc) -> None:
        width, height = self.pagesize
        canvas.vt_footer = False
        canvas.saveState()
        canvas.setFillColor(NAVY)
        canvas.rect(0, height - 7.0 * cm, width, 7.0 * cm, stroke=0, fill=1)
        canvas.setFillColor(TEAL)
        canvas.rect(0, height - 7.3 * cm, width, 0.3 * cm, stroke=0, fill=1)
        canvas.restoreState()

    def _page(self, canvas, doc) -> None:
        canvas.vt_footer = True
        canvas._vt_margin = self.margin
        if not self.header:
            return
        width, height = self.pagesize
        m = self.margin
        canvas.saveState()
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.6)
        canvas.line(m, height - m + 0.5 * cm, width - m, height - m + 0.5 * cm)
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(m, height - m + 0.7 * cm, self.header)
        canvas.restoreState()

    def build(self, flowables: list, **kw) -> None:  # type: ignore[override]
        maker = functools.partial(_NumberedCanvas, page_label=self.page_label, footer_left=self.footer)
        super().build(flowables, canvasmaker=maker, **kw)
