"""The published annual report as HTML: the window's preview when no PDF viewer is available.

Built only from the published figures (``Prepared.report``): a hidden figure prints as the report's
mark. Pure Python, so a command-line tool could use it as well.
"""
from __future__ import annotations

from html import escape

from app.reporting import report as R
from app.reporting.content import level_lines

NAVY = "#1F3A5F"
TEAL = "#2A7F8E"
SECTIONS = (("cases", "section_cases"), ("contacts", "section_contacts"),
            ("activities", "section_prevention"), ("hours", "section_prevention"), ("requests", "section_requests"))


def fmt_value(value, lang: str, hours: bool = False) -> str:
    """A published figure as printed in the report: babel's nl_NL / en_GB style."""
    from app.reporting.pdf import fmt_number
    return fmt_number(value, lang, hours)


def preview_html(prep: R.Prepared, narrative: str, *, practice: str = "") -> str:
    """A readable HTML rendering of the published report, for QTextBrowser (no PDF viewer needed).

    Built only from the published JSON (``prep.report``): a hidden figure prints as the mark."""
    t = R.texts(prep.lang)
    rep = prep.report
    lang = prep.lang
    mark = t["hidden_mark"]

    def num(v, hours=False):
        return f'<span style="background:#F3D98B;color:#6B4A00;font-weight:600">&nbsp;{mark}&nbsp;</span>' \
            if v is None else escape(fmt_value(v, lang, hours))

    h = [f'<h1 style="color:{NAVY};margin-bottom:0">{escape(t["doc_title"])}</h1>',
         f'<p style="color:{TEAL};font-size:14pt;margin-top:2px">'
         f'{escape(t["for_organisation"].format(organisation=rep["organisation"]))} &middot; '
         f'{escape(t["report_year"].format(year=rep["year"]))}</p>',
         f'<p style="color:#5B6B7B">{escape(t["adviser"])}: {escape(practice or t["adviser_unknown"])} &middot; '
         f'{escape(t["threshold_line"].format(k=rep["threshold"]))}</p>']
    tot = rep["totals"]
    h.append(f'<h2 style="color:{TEAL}">{escape(t["summary"])}</h2>')
    h.append('<table cellspacing="0" cellpadding="4" style="border-collapse:collapse">')
    lines = [("cases_total", tot["cases"], False), ("contacts_total", tot["contacts"], False)]
    if tot.get("requests"):   # counted apart from cases
        lines.append(("requests_total", tot["requests"], False))
    for key, value, hours in lines + [("hours_total", tot["hours"], True)]:
        h.append(f'<tr><td>{escape(t[key])}</td><td align="right"><b>{num(value, hours)}</b></td></tr>')
    h.append("</table>")
    h.append(f'<p style="color:#5B6B7B;font-size:9pt">{escape(t["definitions"])}</p>')
    for note in prep.notes:
        text = t.get(f"note_{note}")
        if text:
            h.append(f'<p style="color:#5B6B7B"><i>{escape(text)}</i></p>')
    for _vocab, line in level_lines(rep, prep.lang):
        h.append(f'<p style="color:#5B6B7B"><i>{escape(line)}</i></p>')
    if prep.constrained_by:
        text = t["checked_with"].format(names=", ".join(prep.constrained_by))
        h.append(f'<p style="color:#5B6B7B"><i>{escape(text)}</i></p>')
    done: set[str] = set()
    for unit, section in SECTIONS:
        tables = [tb for tb in rep["tables"] if tb["unit"] == unit]
        if not tables:
            continue
        if section not in done:
            h.append(f'<h2 style="color:{TEAL}">{escape(t[section])}</h2>')
            if section == "section_requests":
                h.append(f"<p>{escape(t['requests_intro'])}</p>")
            done.add(section)
        for tb in tables:
            h.append(_table_html(prep, tb, t, num))
    h.append(f'<p style="color:#5B6B7B;font-size:9pt">{escape(t["legend"])}</p>')
    h.append(f'<h2 style="color:{TEAL}">{escape(t["section_signals"])}</h2>')
    if narrative.strip():
        for para in (p.strip() for p in narrative.split("\n\n")):
            if para:
                h.append("<p>" + "<br>".join(escape(line) for line in para.splitlines()) + "</p>")
    else:
        h.append(f'<p><i>{escape(t["no_signals"])}</i></p>')
    h.append(f'<h2 style="color:{TEAL}">{escape(t["section_method"])}</h2>')
    h.append(f"<p>{escape(rep['method'])}</p>")
    for tid, codes in prep.protection.merged.items():
        labels = ", ".join(R.code_label(tid, "rows", c, lang, prep.aggregation.units) for c in codes)
        h.append(f"<p>{escape(t['merged_line'].format(table=R.table_title(tid, lang), codes=labels))}</p>")
    return "\n".join(h)


def _table_html(prep: R.Prepared, tb: dict, t: dict, num) -> str:
    hours = tb["unit"] == "hours"
    head = f'style="background:{NAVY};color:white;padding:4px"'
    out = [f'<h3 style="color:{NAVY};margin-bottom:2px">{escape(R.table_title(tb["id"], prep.lang))}</h3>',
           '<table cellspacing="0" cellpadding="4" width="100%" style="border-collapse:collapse;'
           'border:1px solid #C9D3DD">']
    if tb["cols"] is None:
        out.append(f'<tr><th align="left" {head}>{escape(t["col_category"])}</th>'
                   f'<th align="right" {head}>{escape(t["col_hours"] if hours else t["col_count"])}</th></tr>')
        for r, code in enumerate(tb["rows"]):
            bg = ' style="background:#EEF3F7"' if r % 2 else ""
            out.append(f'<tr{bg}><td>{escape(prep.label(tb["id"], "rows", code))}</td>'
                       f'<td align="right">{num(tb["cells"][r][0], hours)}</td></tr>')
        out.append(f'<tr><td><b>{escape(t["total"])}</b></td><td align="right"><b>{num(tb["total"], hours)}'
                   '</b></td></tr>')
    else:
        cols = "".join(f'<th align="right" {head}>{escape(prep.label(tb["id"], "cols", c))}</th>'
                       for c in tb["cols"])
        out.append(f'<tr><th align="left" {head}>{escape(t["col_category"])}</th>{cols}'
                   f'<th align="right" {head}>{escape(t["total"])}</th></tr>')
        for r, code in enumerate(tb["rows"]):
            bg = ' style="background:#EEF3F7"' if r % 2 else ""
            cells = "".join(f'<td align="right">{num(v, hours)}</td>' for v in tb["cells"][r])
            out.append(f'<tr{bg}><td>{escape(prep.label(tb["id"], "rows", code))}</td>{cells}'
                       f'<td align="right"><b>{num(tb["row_totals"][r], hours)}</b></td></tr>')
        foot = "".join(f'<td align="right"><b>{num(v, hours)}</b></td>' for v in tb["col_totals"])
        out.append(f'<tr><td><b>{escape(t["total"])}</b></td>{foot}'
                   f'<td align="right"><b>{num(tb["total"], hours)}</b></td></tr>')
    out.append("</table>")
    return "\n".join(out)
