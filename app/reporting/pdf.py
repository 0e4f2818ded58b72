"""The annual report as a PDF for a board and a works council (reportlab platypus).

Only published figures are printed: every number comes from the report JSON that
``app.reporting.report.prepare`` made (hidden figures are null there and print as a mark, never a number).
Charts and the trend use the same published values, and earlier years come from their own
published reports. Dates and numbers are formatted with babel (nl_NL / en_GB). Fonts, colours, styles
and the page template come from app.pdfstyle, shared with the handout and the supervisor's combinations.
"""
from __future__ import annotations

import io
from datetime import date
from xml.sax.saxutils import escape

from babel.dates import format_date
from babel.numbers import format_decimal
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)

from app.pdfstyle import FONT, FONT_BOLD, GRID, MARGIN, NAVY, SAND, TEAL, Document, grid, info_table, styles

LOCALES = {"nl": "nl_NL", "en": "en_GB"}
PAGE_W, PAGE_H = A4
BODY_W = PAGE_W - 2 * MARGIN


def fmt_number(value, lang: str, hours: bool = False) -> str:
    """A published figure in the language's style: 1.234,5 (nl) or 1,234.5 (en)."""
    return format_decimal(value, format="#,##0.##" if hours else "#,##0", locale=LOCALES[lang])


def fmt_change(value, lang: str, hours: bool = False) -> str:
    if value == 0:
        return "0"
    sign = "+" if value > 0 else "\u2212"
    return sign + fmt_number(abs(value), lang, hours)


def fmt_date(d: date, lang: str) -> str:
    return format_date(d, format="long", locale=LOCALES[lang])


class _Builder:
    def __init__(self, prep, narrative: str, practice: str, fingerprint: str, made: date):
        from app.reporting.content import texts
        self.p = prep
        self.r = prep.report
        self.lang = prep.lang
        self.t = texts(prep.lang)
        self.s = styles()
        self.narrative = narrative
        self.practice = practice
        self.fingerprint = fingerprint
        self.made = made
        self.tables = {tb["id"]: tb for tb in self.r["tables"]}
        prev = prep.previous
        self.prev = prev
        self.prev_tables = {tb["id"]: tb for tb in (prev or {}).get("tables", [])}

    # -- small helpers ------------------------------------------------------------------------
    def num(self, v, hours: bool = False) -> str:
        if v is None:
            return self.t["hidden_mark"]
        return fmt_number(v, self.lang, hours)

    def para(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(escape(text), self.s[style])

    def _grid(self, data, widths, *, total_row: bool = True, header_rows: int = 1, padding: int = 6):
        return grid(data, widths, total_row=total_row, header_rows=header_rows, padding=padding)

    def _prev_value(self, tid: str, code: str):
        """Last year's published value of one row, "x" when hidden then, "-" when absent."""
        pt = self.prev_tables.get(tid)
        if not pt or pt.get("cols") is not None or code not in pt["rows"]:
            return "-"
        v = pt["cells"][pt["rows"].index(code)][0]
        return self.num(v, pt["unit"] == "hours")

    # -- parts ----------------------------------------------------------------------------------
    def title_page(self) -> list:
        t, r = self.t, self.r
        out = [Spacer(1, 0.2 * cm),
               Paragraph(escape(t["doc_title"]), ParagraphStyle("t0", parent=self.s["title"],
                                                                textColor=colors.white)),
               Paragraph(escape(t["report_year"].format(year=r["year"])),
                         ParagraphStyle("t1", parent=self.s["subtitle"], textColor=SAND)),
               Spacer(1, 2.6 * cm),
               Paragraph(escape(t["for_organisation"].format(organisation=r["organisation"])), self.s["h1"]),
               Spacer(1, 0.6 * cm)]
        rows = [[self.para(t["adviser"], "small"), self.para(self.practice.strip())]] if self.practice.strip() else []
        rows += [[self.para(t["made_label"], "small"),
                 self.para(fmt_date(self.made, self.lang))],
                [self.para(t["threshold_label"], "small"),
                 self.para(fmt_number(r["threshold"], self.lang))]]
        if self.fingerprint:
            rows.append([self.para(t["fingerprint"], "small"),
                         Paragraph(f'<font name="{FONT_BOLD}">{escape(self.fingerprint)}</font>',
                                   self.s["body"])])
        info = info_table(rows, [5 * cm, BODY_W - 5 * cm])
        out += [info, Spacer(1, 0.5 * cm)]
        if self.fingerprint:
            out.append(self.para(t["fingerprint_help"], "small"))
        out += [Spacer(1, 4 * cm), self.para(t["toc_hint"], "small"), NextPageTemplate("normal"),
                PageBreak()]
        return out

    def _summary_values(self, rep: dict | None) -> dict[str, object]:
        """Key figures read from a published report (None when not published there)."""
        if not rep:
            return {}
        tabs = {tb["id"]: tb for tb in rep.get("tables", [])}
        tot = rep.get("totals", {})
        out: dict[str, object] = {"cases_total": tot.get("cases"), "contacts_total": tot.get("contacts"),
                                  "hours_total": tot.get("hours")}

        def cell(tid, code):
            tb = tabs.get(tid)
            if not tb or tb.get("cols") is not None or code not in tb["rows"]:
                return "absent"
            return tb["cells"][tb["rows"].index(code)][0]

        origin = tabs.get("origin")
        if origin:
            new = [cell("origin", c) for c in ("nieuw", "nieuw_h1", "nieuw_h2") if c in origin["rows"]]
            out["cases_new"] = None if any(v is None for v in new) else sum(new)
            out["cases_carried"] = cell("origin", "overgenomen")
        closed = cell("status", "gesloten")
        if closed != "absent":
            out["cases_closed"] = closed
        hours = tabs.get("hours")
        if hours:
            case_work = cell("hours", "casuswerk")
            asked = cell("hours", "vragen")
            asked = 0 if asked == "absent" else asked
            if case_work not in ("absent", None) and asked is not None:
                out["hours_case"] = case_work
                out["hours_prevention"] = round(hours["total"] - case_work - asked, 2)
                if asked:
                    out["hours_requests"] = asked
        act = tabs.get("activities")
        if act:
            out["activities_total"] = act["total"]
        if tot.get("requests"):
            out["requests_total"] = tot["requests"]
        return out

    def summary(self) -> list:
        t, r = self.t, self.r
        year, prev_year = r["year"], r["year"] - 1
        now = self._summary_values(r)
        before = self._summary_values(self.prev)
        keys = ["cases_total", "cases_new", "cases_carried", "cases_closed", "contacts_total",
                "activities_total", "requests_total", "hours_total", "hours_case", "hours_prevention",
                "hours_requests"]
        head = [t["figure"], str(year)] + ([str(prev_year), t["change"]] if self.prev else [])
        data = [head]
        indent = {"cases_new", "cases_carried", "hours_case", "hours_prevention", "hours_requests"}
        for key in keys:
            if key not in now:
                continue
            hours = key.startswith("hours")
            row = [Paragraph(("&nbsp;" * 4 if key in indent else "") + escape(t[key]), self.s["cell"]),
                   self.num(now[key], hours)]
            if self.prev:
                b = before.get(key, "absent")
                if b == "absent":
                    row += ["-", ""]
                else:
                    row.append(self.num(b, hours))
                    a = now[key]
                    row.append(fmt_change(round(a - b, 2), self.lang, hours)
                               if isinstance(a, int | float) and isinstance(b, int | float) else "")
            data.append(row)
        widths = [BODY_W - 3 * 2.6 * cm, 2.6 * cm, 2.6 * cm, 2.6 * cm] if self.prev else \
            [BODY_W - 3 * cm, 3 * cm]
        out = [Paragraph(escape(t["summary"]), self.s["h1"]), self._grid(data, widths, total_row=False),
               Spacer(1, 0.3 * cm)]
        if self.prev:
            out.append(self.para(t["with_previous"].format(year=prev_year), "small"))
        else:
            out.append(self.para(t["no_previous"].format(year=prev_year), "small"))
        out.append(self.para(t["definitions"]))
        return out

    def one_way(self, tid: str, *, previous: bool = True) -> list:
        tb = self.tables.get(tid)
        if not tb:
            return []
        from app.reporting.content import table_title
        hours = tb["unit"] == "hours"
        t = self.t
        with_prev = previous and tid in self.prev_tables
        head = [t["col_category"], t["col_hours"] if hours else t["col_count"]]
        if with_prev:
            head.append(t["col_previous"])
        data = [head]
        for i, code in enumerate(tb["rows"]):
            row = [Paragraph(escape(self.p.label(tid, "rows", code)), self.s["cell"]),
                   self.num(tb["cells"][i][0], hours)]
            if with_prev:
                row.append(self._prev_value(tid, code))
            data.append(row)
        last = [t["total"], self.num(tb["total"], hours)]
        if with_prev:
            pt = self.prev_tables[tid]
            last.append(self.num(pt.get("total"), hours))
        data.append(last)
        widths = [BODY_W - 5.2 * cm, 2.6 * cm, 2.6 * cm] if with_prev else [BODY_W - 2.6 * cm, 2.6 * cm]
        return [KeepTogether([Paragraph(escape(table_title(tid, self.lang)), self.s["h2"]),
                              self._grid(data, widths)] + self.level_caption(tid))]

    def level_caption(self, tid: str) -> list:
        """Under a one-way table shown in main groups: why (app.reporting.recode)."""
        from app.reporting.content import TABLE_VOCABS, level_lines
        name = TABLE_VOCABS.get(tid, (None, None))[0]
        return [self.para(line, "small") for vocab, line in level_lines(self.r, self.lang)
                if vocab == name and (self.r.get("levels") or {}).get(vocab) == "coarse"]

    def two_way(self, tid: str) -> list:
        tb = self.tables.get(tid)
        if not tb:
            return []
        from app.reporting.content import table_title
        t = self.t
        cols = tb["cols"]
        first, last = 3.8 * cm, 1.6 * cm
        w = (BODY_W - first - last) / len(cols)
        small = ParagraphStyle("colhead", parent=self.s["head"], fontName=FONT, fontSize=6.8, leading=8.2,
                               alignment=TA_RIGHT)
        head = [Paragraph("", small)] + [
            Paragraph(escape(self.p.label(tid, "cols", c)), small) for c in cols] + [
            Paragraph(escape(t["total"]), small)]
        data = [head]
        for i, code in enumerate(tb["rows"]):
            data.append([Paragraph(escape(self.p.label(tid, "rows", code)), self.s["cell"])]
                        + [self.num(v) for v in tb["cells"][i]] + [self.num(tb["row_totals"][i])])
        data.append([t["total"]] + [self.num(v) for v in tb["col_totals"]] + [self.num(tb["total"])])
        return [KeepTogether([Paragraph(escape(table_title(tid, self.lang)), self.s["h2"]),
                              self._grid(data, [first] + [w] * len(cols) + [last], padding=3)])]

    def bar_chart(self, tid: str, title_key: str) -> list:
        tb = self.tables.get(tid)
        if not tb:
            return []
        items = [(self.p.label(tid, "rows", c), tb["cells"][i][0]) for i, c in enumerate(tb["rows"])]
        shown = [(lab, v) for lab, v in items if v is not None and v > 0]
        hidden = any(v is None for _lab, v in items)
        if not shown:
            return []
        shown.reverse()  # the chart draws bottom-up; keep the table's order top-down
        height = 1.2 * cm + 0.62 * cm * len(shown)
        d = Drawing(BODY_W, height, initialFontName=FONT)
        bc = HorizontalBarChart()
        bc.x, bc.y = 5.6 * cm, 0.4 * cm
        bc.width, bc.height = BODY_W - 7 * cm, height - 1.0 * cm
        bc.data = [[v for _lab, v in shown]]
        bc.categoryAxis.categoryNames = [lab if len(lab) <= 34 else lab[:32] + "…" for lab, _v in shown]
        bc.categoryAxis.labels.fontName = FONT
        bc.categoryAxis.labels.fontSize = 8
        bc.categoryAxis.labels.boxAnchor = "e"
        bc.categoryAxis.labels.dx = -4
        bc.categoryAxis.strokeColor = GRID
        bc.valueAxis.valueMin = 0
        bc.valueAxis.visible = False
        bc.valueAxis.visibleGrid = False
        bc.bars[0].fillColor = TEAL
        bc.bars[0].strokeColor = None
        bc.barWidth = 0.45 * cm
        bc.barLabelFormat = lambda v: fmt_number(v, self.lang)
        bc.barLabels.fontName = FONT
        bc.barLabels.fontSize = 8
        bc.barLabels.boxAnchor = "w"
        bc.barLabels.dx = 3
        d.add(bc)
        d.add(String(0, height - 0.35 * cm, self.t[title_key], fontName=FONT_BOLD, fontSize=9.5,
                     fillColor=NAVY))
        out = [Spacer(1, 0.2 * cm), d]
        if hidden:
            out.append(self.para(self.t["chart_hidden_note"], "small"))
        return [KeepTogether(out)]

    def trend(self) -> list:
        t = self.t
        out = [CondPageBreak(8 * cm), Paragraph(escape(t["section_trend"]), self.s["h1"])]
        reports = dict(self.p.history)
        reports[self.r["year"]] = self.r
        years = sorted(y for y in reports if y >= self.r["year"] - 4)
        if len(years) < 2:
            return out + [self.para(t["trend_none"])]
        out.append(self.para(t["trend_intro"]))
        cases = [reports[y]["totals"].get("cases") or 0 for y in years]
        contacts = [reports[y]["totals"].get("contacts") or 0 for y in years]
        d = Drawing(BODY_W, 6.2 * cm, initialFontName=FONT)
        bc = VerticalBarChart()
        bc.x, bc.y, bc.width, bc.height = 1.4 * cm, 1.0 * cm, BODY_W - 5.5 * cm, 4.8 * cm
        bc.data = [cases, contacts]
        bc.categoryAxis.categoryNames = [str(y) for y in years]
        for axis in (bc.categoryAxis.labels, bc.valueAxis.labels):
            axis.fontName = FONT
            axis.fontSize = 8
        bc.valueAxis.valueMin = 0
        bc.valueAxis.labelTextFormat = lambda v: fmt_number(v, self.lang)
        bc.valueAxis.strokeColor = GRID
        bc.valueAxis.gridStrokeColor = GRID
        bc.valueAxis.visibleGrid = True
        bc.categoryAxis.strokeColor = GRID
        bc.bars[0].fillColor, bc.bars[1].fillColor = NAVY, SAND
        bc.bars.strokeColor = None
        bc.groupSpacing = 8
        bc.barLabelFormat = lambda v: fmt_number(v, self.lang)
        bc.barLabels.fontName = FONT
        bc.barLabels.fontSize = 7
        bc.barLabels.nudge = 6
        d.add(bc)
        legend = Legend()
        legend.x, legend.y = BODY_W - 3.8 * cm, 5.2 * cm
        legend.fontName, legend.fontSize = FONT, 8
        legend.colorNamePairs = [(NAVY, t["cases_total"][:28]), (SAND, t["section_contacts"])]
        legend.alignment = "right"
        d.add(legend)
        out.append(d)
        data = [[t["figure"]] + [str(y) for y in years]]
        data.append([t["cases_total"]] + [self.num(c) for c in cases])
        data.append([t["section_contacts"]] + [self.num(c) for c in contacts])
        data.append([t["hours_total"]] + [self.num(reports[y]["totals"].get("hours"), True) for y in years])
        w = (BODY_W - 6 * cm) / len(years)
        out.append(self._grid(data, [6 * cm] + [w] * len(years), total_row=False))
        return out

    def signals(self) -> list:
        t = self.t
        out = [PageBreak(), Paragraph(escape(t["section_signals"]), self.s["h1"])]
        text = self.narrative.strip()
        if not text:
            return out + [self.para(t["no_signals"])]
        for block in text.replace("\r\n", "\n").split("\n\n"):
            block = block.strip()
            if block:
                out.append(Paragraph(escape(block).replace("\n", "<br/>"), self.s["body"]))
        return out

    def method(self) -> list:
        t, r, prot = self.t, self.r, self.p.protection
        out = [CondPageBreak(6 * cm), Paragraph(escape(t["section_method"]), self.s["h1"]),
               self.para(r["method"]), self.para(t["method_k"].format(k=r["threshold"]))]
        # the hours table merges exactly like the activities table: count those categories once
        merged_n = sum(len(v) for tid, v in prot.merged.items() if tid != "hours")
        hidden = sum(1 for tb in r["tables"] for row in tb["cells"] for v in row if v is None)
        out.append(self.para(t["method_stats"].format(hidden=hidden, merged=merged_n, k=r["threshold"])))
        from app.reporting.content import table_title
        for tid, codes in prot.merged.items():
            labels = ", ".join(self.p.label(tid, "rows", c) if c in self.p.aggregation.table(tid).rows
                               else c for c in codes) if self.p.aggregation.table(tid) else ", ".join(codes)
            out.append(self.para(t["merged_line"].format(table=table_title(tid, self.lang), codes=labels),
                                 "small"))
        for note in self.p.notes:
            key = f"note_{note}"
            if key in t:
                out.append(self.para(t[key], "small"))
        from app.reporting.content import level_lines
        out += [self.para(line, "small") for _vocab, line in level_lines(self.r, self.lang)]
        if self.p.constrained_by:  # how many, not which: the names of other clients stay out of the report
            out.append(self.para(t["checked_with_count"].format(n=len(self.p.constrained_by)), "small"))
        out.append(self.para(t["legend"], "small"))
        return out

    def requests(self) -> list:
        """Requests for information or advice, apart from cases (only in a year that had any)."""
        total = self.r["totals"].get("requests")
        if not total:
            return []
        t = self.t
        out = [CondPageBreak(6 * cm), Paragraph(escape(t["section_requests"]), self.s["h1"]),
               self.para(t["requests_intro"]),
               self.para(f"{t['requests_total']}: {fmt_number(total, self.lang)}")]
        if "too_few_requests" in self.p.notes:
            out.append(self.para(t["note_too_few_requests"], "small"))
        return out + self.one_way("request_kind") + self.one_way("request_asker")

    def story(self) -> list:
        t = self.t
        story = self.title_page() + self.summary()
        story += [PageBreak(), Paragraph(escape(t["section_cases"]), self.s["h1"])]
        story += self.bar_chart("behaviour", "chart_behaviour")
        story += self.bar_chart("follow_up", "chart_follow_up")
        for tid in ("origin", "status", "behaviour", "integrity_kind", "relation", "role", "position", "follow_up",
                    "outcome"):
            story += self.one_way(tid)
        story += self.two_way("behaviour_relation")
        story += self.one_way("unit", previous=False)
        story += [CondPageBreak(5 * cm), Paragraph(escape(t["section_contacts"]), self.s["h1"])]
        story += self.one_way("channel")
        story += [CondPageBreak(7 * cm), Paragraph(escape(t["section_prevention"]), self.s["h1"])]
        story += self.one_way("activities")
        story += self.one_way("hours")
        story += self.requests()
        story += self.trend()
        story += self.signals()
        story += self.method()
        return story


def render(prep, *, narrative: str = "", practice: str = "", fingerprint: str = "",
           made: date | None = None) -> bytes:
    """The PDF of a prepared report (app.reporting.report.Prepared) as bytes."""
    b = _Builder(prep, narrative, practice, fingerprint, made or date.today())
    buf = io.BytesIO()
    org, year = prep.report["organisation"], prep.report["year"]
    doc = Document(buf, lang=prep.lang, cover=True, header=f"{b.t['doc_title']} \u00b7 {org} \u00b7 {year}",
                   title=f"{b.t['doc_title']} {org} {year}", subject=b.t["doc_subject"])
    doc.build(b.story())
    return buf.getvalue()
