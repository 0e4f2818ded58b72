"""Exports of combined statistics (`app.exchange.combine.Combined`): CSV, PDF and JSON, written atomically.

The CSV is one long table (one line per figure) preceded by one provenance line naming every source
file with its adviser-key fingerprint. The PDF has a title, the sources with fingerprints, each table
with hidden figures marked "x" and unknown ones "?" (as the adviser's own report does; a legend says
so), a trend table over the years and the notes of the combination in the chosen language. Labels of
codes come from the vocabularies (nl or en); a code that no vocabulary knows is shown as it is.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from app import texts
from app.errors import UserError
from app.exchange.combine import HIDDEN, PUBLISHED, UNKNOWN, Combined, CombinedTable
from app.exchange.vstat import canonical
from app.fsutil import write_bytes_atomic
from app.resources import vocabularies

LOCALES = {"nl": "nl_NL", "en": "en_GB"}

def _t(lang: str, key: str) -> str:
    """A caption of the exports (resources/messages.json, codes combined.*)."""
    return texts.message(f"combined.{key}", lang)


def _check_lang(lang: str) -> None:
    if lang not in texts.LANGUAGES:
        raise UserError("combined.unknown_language", language=lang)


def _vocab_for(codes: list[str] | None):
    """The vocabulary that knows every code of a table dimension, if there is one."""
    if not codes:
        return None
    for vocab in vocabularies().by_name.values():
        if all(c in vocab for c in codes):
            return vocab
    return None


def code_label(table: CombinedTable, axis: str, code: str, lang: str) -> str:
    """The label of a row ("rows") or column ("cols") code: the annual report's own labels first
    (app.reporting.report), then any vocabulary that knows the code, else the code itself."""
    from app.reporting import report

    label = report.code_label(table.id, axis, code, lang)
    if label != code:
        return label
    codes = table.rows if axis == "rows" else table.cols
    vocab = _vocab_for(codes)
    if vocab is None:
        vocab = next((v for v in vocabularies().by_name.values() if code in v), None)
    return vocab.label_of(code, lang) if vocab is not None else code


def table_title(table: CombinedTable, lang: str) -> str:
    from app.reporting import report

    title = report.table_title(table.id, lang)
    if title != table.id:
        return title
    vocabs = vocabularies().by_name
    if table.id in vocabs:
        return vocabs[table.id].title(lang)
    rv, cv = _vocab_for(table.rows), _vocab_for(table.cols)
    if rv is not None and cv is not None and table.cols is not None:
        return f"{rv.title(lang)} × {cv.title(lang)}"
    if rv is not None and table.cols is None:
        return rv.title(lang)
    return table.id


def group_label(group_label_text: str, by: str, lang: str, labels: dict[str, str] | None = None) -> str:
    if by == "all":
        return _t(lang, "all")
    if by == "adviser" and labels and group_label_text in labels:
        return f"{labels[group_label_text]} ({group_label_text})"
    return group_label_text


HIDDEN_MARK = "x"
UNKNOWN_MARK = "?"


def mark(value, status: str, k: int, lang: str, unit: str) -> str:
    """A figure as text for people: formatted number, "x" when hidden, "?" when unknown.

    A hidden combined figure may be large (one source hid a small part of it), so it is never shown
    as "< k", which would state a false value. `k` is kept for callers; it no longer changes the text."""
    if status == HIDDEN:
        return HIDDEN_MARK
    if status == UNKNOWN or value is None:
        return UNKNOWN_MARK
    return format_decimal(value, locale=LOCALES[lang], format="#,##0.##" if unit == "hours" else "#,##0")


def has_marks(table: CombinedTable) -> bool:
    """Does the table show any "x" or "?" (so that a legend is needed)?"""
    statuses = [s for line in table.cell_status for s in line] + list(table.row_status) \
        + list(table.col_status) + [table.total_status]
    return any(s != PUBLISHED for s in statuses)


def legend(lang: str) -> str:
    """What "x" and "?" mean, for under the tables."""
    _check_lang(lang)
    return _t(lang, "legend")


def table_name(table_id: str, lang: str) -> str:
    """The printed title of a table id (the annual report's titles first, then a vocabulary's)."""
    from app.reporting import report

    title = report.table_title(table_id, lang)
    if title != table_id:
        return title
    vocabs = vocabularies().by_name
    return vocabs[table_id].title(lang) if table_id in vocabs else table_id


def note_text(note, by: str, lang: str, labels: dict[str, str] | None = None, *, with_group: bool = True) -> str:
    """A note of a combination (app.exchange.combine.Note) in `lang`, with the group's and table's own names.
    `with_group=False` leaves out a leading group name (for a note printed under the group's heading).
    A plain string (a note without a code) is returned as it is."""
    _check_lang(lang)
    code = getattr(note, "code", None)
    template = texts.catalogue().get(f"note.{code}", {}).get(lang) if code else None
    if template is None:
        return str(note)
    for lead in ("{group}: ", "{group}, "):
        if not with_group and template.startswith(lead):
            rest = template[len(lead):]
            template = rest[:1].upper() + rest[1:]
    values = dict(note.values)
    if "group" in values:
        values["group"] = group_label(str(values["group"]), by, lang, labels)
    if "table" in values:
        values["table"] = table_name(str(values["table"]), lang)
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return str(note)


def _safe_cell(text: str) -> str:
    """Keep spreadsheet programs from running text from a file as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# ---------------------------------------------------------------------------------------------- CSV


def csv_text(combined: Combined, lang: str = "nl", labels: dict[str, str] | None = None) -> str:
    """The CSV export as text. `labels` maps fingerprints to the names the supervisor gave them."""
    _check_lang(lang)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    sources = "; ".join(
        f"{s.organisation} {s.year} {s.fingerprint}" + (f" ({labels[s.fingerprint]})" if labels and
                                                         s.fingerprint in labels else "")
        for s in combined.sources)
    w.writerow([_safe_cell(f"# {_t(lang, 'csv_head')}; by={combined.by}; sources: {sources}")])
    w.writerow(["group", "table", "unit", "kind", "row", "row_label", "col", "col_label", "value", "status"])
    for g in combined.groups:
        gl = _safe_cell(group_label(g.label, combined.by, lang, labels))
        for t in g.tables:
            cols = t.cols if t.cols is not None else [""]

            def line(kind, row, col, value, status, t=t, gl=gl):
                w.writerow([gl, t.id, t.unit, kind, row, code_label(t, "rows", row, lang) if row else "",
                            col, code_label(t, "cols", col, lang) if col else "",
                            "" if status != PUBLISHED or value is None else value, status])
            for i, r in enumerate(t.rows):
                for j, c in enumerate(cols):
                    line("cell", r, c, t.cells[i][j], t.cell_status[i][j])
            if t.cols is not None:
                for i, r in enumerate(t.rows):
                    line("row_total", r, "", t.row_totals[i], t.row_status[i])
                for j, c in enumerate(cols):
                    line("col_total", "", c, t.col_totals[j], t.col_status[j])
            line("total", "", "", t.total, t.total_status)
    return buf.getvalue()


def write_csv(combined: Combined, path, *, lang: str = "nl", labels: dict[str, str] | None = None) -> None:
    write_bytes_atomic(path, csv_text(combined, lang, labels).encode("utf-8"))


def write_json(combined: Combined, path) -> None:
    write_bytes_atomic(path, json.dumps(json.loads(canonical(combined.to_dict())), indent=1,
                                        ensure_ascii=False).encode("utf-8"))


# ---------------------------------------------------------------------------------------------- PDF


def pdf_bytes(combined: Combined, *, lang: str = "nl", program_version: str = "",
              labels: dict[str, str] | None = None, now: datetime | None = None) -> bytes:
    """The PDF export: title, sources with fingerprints, every combined table and the trend."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as PdfTable

    _check_lang(lang)
    loc = LOCALES[lang]
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=8, leading=10)
    cell_style = styles["BodyText"].clone("cell", fontSize=8, leading=9.5)
    num_style = cell_style.clone("number", alignment=TA_RIGHT)
    warn_style = styles["BodyText"].clone("warning", fontSize=9, leading=11, textColor=colors.HexColor("#7a4b00"))
    grid = TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6ecf2")),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
    ])

    def p(text: str, style=cell_style):
        return Paragraph(escape(text), style)

    def pn(text: str):   # a number (or its column's heading): right-aligned, so digits line up
        return Paragraph(escape(text), num_style)

    story = [Paragraph(escape(_t(lang, "title")), styles["Title"])]
    now = now or datetime.now(UTC)
    meta = (f"{_t(lang, 'by')}: {_t(lang, 'by_' + combined.by)} · {_t(lang, 'made')}: "
            f"{format_date(now, format='long', locale=loc)}")
    if program_version:
        meta += f" · {_t(lang, 'program')}: {program_version}"
    story += [p(meta, styles["BodyText"]), Spacer(1, 4 * mm),
              Paragraph(escape(_t(lang, "sources")), styles["Heading2"])]
    rows = [[p(_t(lang, "organisation")), p(_t(lang, "year")), p(_t(lang, "key")), p(_t(lang, "signed")),
             p(_t(lang, "threshold"))]]
    for s in combined.sources:
        who = s.fingerprint + (f" ({labels[s.fingerprint]})" if labels and s.fingerprint in labels else "")
        rows.append([p(s.organisation), p(str(s.year)), p(who),
                     p(format_datetime(s.created, format="short", locale=loc, tzinfo=UTC)), pn(str(s.threshold))])
    src = PdfTable(rows, colWidths=[70 * mm, 18 * mm, 95 * mm, 35 * mm, 20 * mm], repeatRows=1)
    src.setStyle(grid)
    story += [src, Spacer(1, 3 * mm)]

    for g in combined.groups:
        story += [Paragraph(escape(group_label(g.label, combined.by, lang, labels)), styles["Heading2"])]
        story.append(p(_t(lang, "in_total").format(
            **{name: mark(g.totals[name], PUBLISHED, g.k, lang, name) for name in ("cases", "contacts", "hours")}),
            styles["BodyText"]))
        story += [p(note_text(n, combined.by, lang, labels, with_group=False), warn_style)
                  for n in getattr(g, "notes", [])]
        if any(has_marks(t) for t in g.tables):
            story.append(p(_t(lang, "legend"), small))
        for t in g.tables:
            story.append(KeepTogether(_pdf_table(t, lang, p, pn, grid, mm, PdfTable, Paragraph, styles, escape)))
    if combined.trends:
        story.append(Paragraph(escape(_t(lang, "trend")), styles["Heading2"]))
        rows = [[p(_t(lang, "year")), pn(_t(lang, "files")), pn(_t(lang, "cases")), pn(_t(lang, "contacts")),
                 pn(_t(lang, "hours"))]]
        for tr in combined.trends:
            rows.append([p(str(tr.year)), pn(str(tr.files)), pn(mark(tr.cases, PUBLISHED, 0, lang, "cases")),
                         pn(mark(tr.contacts, PUBLISHED, 0, lang, "contacts")),
                         pn(mark(tr.hours, PUBLISHED, 0, lang, "hours"))])
        trend = PdfTable(rows, colWidths=[25 * mm, 25 * mm, 30 * mm, 30 * mm, 30 * mm], repeatRows=1)
        trend.setStyle(grid)
        story.append(trend)
    if combined.notes:
        story.append(Paragraph(escape(_t(lang, "notes")), styles["Heading2"]))
        story += [p("• " + note_text(n, combined.by, lang, labels), small) for n in combined.notes]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=15 * mm, bottomMargin=15 * mm, title=_t(lang, "title"),
                            author="Vertrouwd", creator="Vertrouwd")
    doc.build(story)
    return buf.getvalue()


def _pdf_table(t: CombinedTable, lang, p, pn, grid, mm, PdfTable, Paragraph, styles, escape) -> list:  # noqa: N803
    title = f"{table_title(t, lang)} ({_t(lang, t.unit)})"
    out = [Paragraph(escape(title), styles["Heading3"])]
    if t.cols is None:
        rows = [[p(""), pn(_t(lang, t.unit))]]
        for i, r in enumerate(t.rows):
            rows.append([p(code_label(t, "rows", r, lang)),
                         pn(mark(t.cells[i][0], t.cell_status[i][0], t.k, lang, t.unit))])
        rows.append([p(_t(lang, "total")), pn(mark(t.total, t.total_status, t.k, lang, t.unit))])
        widths = [90 * mm, 30 * mm]
    else:
        rows = [[p("")] + [pn(code_label(t, "cols", c, lang)) for c in t.cols] + [pn(_t(lang, "total"))]]
        for i, r in enumerate(t.rows):
            rows.append([p(code_label(t, "rows", r, lang))]
                        + [pn(mark(t.cells[i][j], t.cell_status[i][j], t.k, lang, t.unit)) for j in range(len(t.cols))]
                        + [pn(mark(t.row_totals[i], t.row_status[i], t.k, lang, t.unit))])
        rows.append([p(_t(lang, "total"))]
                    + [pn(mark(t.col_totals[j], t.col_status[j], t.k, lang, t.unit)) for j in range(len(t.cols))]
                    + [pn(mark(t.total, t.total_status, t.k, lang, t.unit))])
        avail = 267 * mm - 60 * mm
        each = max(14 * mm, min(30 * mm, avail / (len(t.cols) + 1)))
        widths = [60 * mm] + [each] * (len(t.cols) + 1)
    table = PdfTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(grid)
    out.append(table)
    return out


def write_pdf(combined: Combined, path, *, lang: str = "nl", program_version: str = "",
              labels: dict[str, str] | None = None) -> None:
    write_bytes_atomic(path, pdf_bytes(combined, lang=lang, program_version=program_version, labels=labels))
