"""The published report figures for a spreadsheet program: an .xlsx workbook (one sheet per table,
hidden figures as "x" with the legend, numbers as numbers, a method sheet) and the CSV that Excel
opens in columns ("csv-excel": `;` and a decimal comma in Dutch, `,` and a point in English).

The machine CSV of ``app.reporting.report.report_csv`` stays as it is; both are made from the same
published figures (``Prepared.report``) as the JSON and the PDF.
"""
from __future__ import annotations

import csv
import io
import re

from app.reporting.content import Prepared, level_lines, report_csv, table_title, texts

SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
HIDDEN = "x"


def report_csv_excel(prep: Prepared) -> bytes:
    """The long CSV for Excel in the report's language: Dutch uses `;` and a decimal comma."""
    machine = report_csv(prep.report, prep.lang, prep.aggregation.units, set(prep.protection.merged))
    if prep.lang != "nl":
        return machine
    rows = list(csv.reader(io.StringIO(machine.decode("utf-8-sig"), newline="")))
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    for i, r in enumerate(rows):
        if i > 0 and len(r) > 4:
            r[4] = r[4].replace(".", ",")
        w.writerow(r)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _name(title: str, taken: set[str]) -> str:
    base = SHEET_NAME_BAD.sub("", title)[:31].strip() or "Tabel"
    name, n = base, 2
    while name.casefold() in taken:
        name = f"{base[:28]} {n}"
        n += 1
    taken.add(name.casefold())
    return name


def _value(v):
    return HIDDEN if v is None else v


def _table_rows(prep: Prepared, tb: dict) -> list[list]:
    t = texts(prep.lang)
    tid = tb["id"]
    if tb["cols"] is None:
        out = [[t["col_category"], t["col_hours"] if tb["unit"] == "hours" else t["col_count"]]]
        out += [[prep.label(tid, "rows", code), _value(tb["cells"][r][0])] for r, code in enumerate(tb["rows"])]
        return out + [[t["total"], _value(tb["total"])]]
    out = [[t["col_category"]] + [prep.label(tid, "cols", c) for c in tb["cols"]] + [t["total"]]]
    for r, code in enumerate(tb["rows"]):
        out.append([prep.label(tid, "rows", code)] + [_value(v) for v in tb["cells"][r]]
                   + [_value(tb["row_totals"][r])])
    return out + [[t["total"]] + [_value(v) for v in tb["col_totals"]] + [_value(tb["total"])]]


def _fill(ws, rows: list[list], bold_first: bool = True) -> None:
    from openpyxl.styles import Alignment, Font
    for r in rows:
        ws.append(r)
    if bold_first and rows:
        for cell in ws[1]:
            cell.font = Font(bold=True)
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == HIDDEN:
                cell.alignment = Alignment(horizontal="right")
            elif isinstance(cell.value, float):
                cell.number_format = "0.0#"
    ws.column_dimensions["A"].width = max(14, min(60, max((len(str(r[0])) for r in rows if r), default=10) + 2))


def report_xlsx(prep: Prepared) -> bytes:
    """The workbook: key figures, one sheet per published table, and the method (with the legend)."""
    import openpyxl
    t = texts(prep.lang)
    rep = prep.report
    wb = openpyxl.Workbook()
    taken: set[str] = set()
    ws = wb.active
    ws.title = _name(t["summary"], taken)
    labels = {"cases": t["cases_total"], "contacts": t["contacts_total"], "hours": t["hours_total"],
              "requests": t["requests_total"]}
    _fill(ws, [[t["doc_title"], ""], [t["figure"], t["this_year"].format(year=rep["year"])]]
          + [[labels.get(k, k), v] for k, v in rep["totals"].items()]
          + [[], [t["for_organisation"].format(organisation=rep["organisation"]), ""],
             [t["threshold_label"], rep["threshold"]]])
    for tb in rep["tables"]:
        ws = wb.create_sheet(_name(table_title(tb["id"], prep.lang), taken))
        rows = _table_rows(prep, tb)
        if any(v == HIDDEN for r in rows for v in r):
            rows += [[], [t["legend"]]]
        _fill(ws, rows)
    ws = wb.create_sheet(_name(t["section_method"], taken))
    lines = [[t["section_method"]], [rep["method"]], [t["legend"]]]
    lines += [[t.get(f"note_{n}", n)] for n in prep.notes if f"note_{n}" in t]
    lines += [[line] for _vocab, line in level_lines(rep, prep.lang)]
    _fill(ws, lines)
    ws.column_dimensions["A"].width = 100
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
