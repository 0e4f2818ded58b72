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
    """The PDF export: title, sources with fingerprints, every combined table and the trend, in the
    program's PDF style (app.pdfstyle), landscape."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    from app.pdfstyle import Document

    _check_lang(lang)
    pdf = _Pdf(lang, labels, combined.by)
    now = now or datetime.now(UTC)
    meta = (f"{_t(lang, 'by')}: {_t(lang, 'by_' + combined.by)} · {_t(lang, 'made')}: "
            f"{format_date(now, format='long', locale=LOCALES[lang])}")
    if program_version:
        meta += f" · {_t(lang, 'program')}: {program_version}"
    story = [pdf.p(_t(lang, "title"), "h1"), pdf.p(meta, "meta"), Spacer(1, 3 * mm)]
    story += pdf.sources(combined)
    for g in combined.groups:
        story += pdf.group(g)
    if combined.trends:
        story += pdf.trend(combined)
    if combined.notes:
        story.append(pdf.p(_t(lang, "notes"), "h2"))
        story += [pdf.p("• " + note_text(n, combined.by, lang, labels), "small") for n in combined.notes]
    buf = io.BytesIO()
    header = f"{_t(lang, 'title')} · {_t(lang, 'by')} {_t(lang, 'by_' + combined.by)}"
    doc = Document(buf, lang=lang, header=header, pagesize=landscape(A4), margin=15 * mm,
                   title=_t(lang, "title"), subject=header)
    doc.build(story)
    return buf.getvalue()


class _Pdf:
    """The parts of the combinations' PDF; styles and tables from app.pdfstyle."""

    WIDTH_MM = 267   # landscape A4 less 2 × 15 mm

    def __init__(self, lang: str, labels: dict[str, str] | None, by: str):
        from app.pdfstyle import styles
        self.lang, self.labels, self.by = lang, labels, by
        self.s = styles()

    def p(self, text: str, style: str = "cell"):
        from reportlab.platypus import Paragraph
        return Paragraph(escape(text), self.s[style])

    def n(self, text: str, style: str = "cell_right"):
        """A number (or its column's heading): right-aligned, so digits line up."""
        return self.p(text, style)

    def sources(self, combined: Combined) -> list:
        from reportlab.lib.units import mm
        from reportlab.platypus import Spacer

        from app.pdfstyle import grid
        lang = self.lang
        rows = [[self.p(_t(lang, k), "head") for k in ("organisation", "year", "key", "signed")]
                + [self.n(_t(lang, "threshold"), "head_right")]]
        for s in combined.sources:
            who = s.fingerprint + (f" ({self.labels[s.fingerprint]})" if self.labels and s.fingerprint in self.labels
                                   else "")
            rows.append([self.p(s.organisation), self.p(str(s.year)), self.p(who),
                         self.p(format_datetime(s.created, format="short", locale=LOCALES[lang], tzinfo=UTC)),
                         self.n(str(s.threshold))])
        widths = [70 * mm, 18 * mm, 114 * mm, 40 * mm, 25 * mm]
        return [self.p(_t(lang, "sources"), "h2"), grid(rows, widths, total_row=False, padding=4), Spacer(1, 3 * mm)]

    def group(self, g) -> list:
        from reportlab.platypus import KeepTogether
        lang = self.lang
        out = [self.p(group_label(g.label, self.by, lang, self.labels), "h2"),
               self.p(_t(lang, "in_total").format(**{name: mark(g.totals[name], PUBLISHED, g.k, lang, name)
                                                     for name in ("cases", "contacts", "hours")}), "body")]
        if "requests" in g.totals:   # counted apart from cases
            out.append(self.p(_t(lang, "in_total_requests").format(
                requests=mark(g.totals["requests"], PUBLISHED, g.k, lang, "requests")), "body"))
        out += [self.p(note_text(n, self.by, lang, self.labels, with_group=False), "warning")
                for n in getattr(g, "notes", [])]
        if any(has_marks(t) for t in g.tables):
            out.append(self.p(_t(lang, "legend"), "small"))
        for t in g.tables:
            out.append(KeepTogether(self.table(t)))
        return out

    def table(self, t: CombinedTable) -> list:
        from reportlab.lib.units import mm

        from app.pdfstyle import grid
        lang = self.lang

        def num(value, status, style: str = "cell_right") -> object:
            return self.n(mark(value, status, t.k, lang, t.unit), style)

        if t.cols is None:
            rows = [[self.p("", "head"), self.n(_t(lang, t.unit), "head_right")]]
            rows += [[self.p(code_label(t, "rows", r, lang)), num(t.cells[i][0], t.cell_status[i][0])]
                     for i, r in enumerate(t.rows)]
            rows.append([self.p(_t(lang, "total"), "total"), num(t.total, t.total_status, "total_right")])
            widths = [90 * mm, 30 * mm]
        else:
            rows = [[self.p("", "head")] + [self.n(code_label(t, "cols", c, lang), "head_right") for c in t.cols]
                    + [self.n(_t(lang, "total"), "head_right")]]
            for i, r in enumerate(t.rows):
                rows.append([self.p(code_label(t, "rows", r, lang))]
                            + [num(t.cells[i][j], t.cell_status[i][j]) for j in range(len(t.cols))]
                            + [num(t.row_totals[i], t.row_status[i])])
            rows.append([self.p(_t(lang, "total"), "total")]
                        + [num(t.col_totals[j], t.col_status[j], "total_right") for j in range(len(t.cols))]
                        + [num(t.total, t.total_status, "total_right")])
            each = max(14 * mm, min(30 * mm, (self.WIDTH_MM - 60) * mm / (len(t.cols) + 1)))
            widths = [60 * mm] + [each] * (len(t.cols) + 1)
        title = f"{table_title(t, lang)} ({_t(lang, t.unit)})"
        return [self.p(title, "h3"), grid(rows, widths, padding=4)]

    def trend(self, combined: Combined) -> list:
        from reportlab.lib.units import mm
        from reportlab.platypus import KeepTogether

        from app.pdfstyle import grid
        lang = self.lang
        rows = [[self.p(_t(lang, "year"), "head")]
                + [self.n(_t(lang, k), "head_right") for k in ("files", "cases", "contacts", "hours")]]
        for tr in combined.trends:
            rows.append([self.p(str(tr.year)), self.n(str(tr.files)),
                         self.n(mark(tr.cases, PUBLISHED, 0, lang, "cases")),
                         self.n(mark(tr.contacts, PUBLISHED, 0, lang, "contacts")),
                         self.n(mark(tr.hours, PUBLISHED, 0, lang, "hours"))])
        return [KeepTogether([self.p(_t(lang, "trend"), "h2"),
                              grid(rows, [25 * mm, 25 * mm, 30 * mm, 30 * mm, 30 * mm], total_row=False,
                                   padding=4)])]


def write_pdf(combined: Combined, path, *, lang: str = "nl", program_version: str = "",
              labels: dict[str, str] | None = None) -> None:
    write_bytes_atomic(path, pdf_bytes(combined, lang=lang, program_version=program_version, labels=labels))
