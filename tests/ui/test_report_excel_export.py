"""The report page's "Export Excel": the workbook holds the figures the page shows."""
from __future__ import annotations

import openpyxl

from tests.ui.test_report_page import WAIT, demo_vault, dialogs, page, session  # noqa: F401 - fixtures


def test_export_excel_from_the_page(page, qtbot, dialogs, tmp_path):  # noqa: F811
    dialogs.paths = [str(tmp_path / "r.xlsx")]
    with qtbot.waitSignal(page.exports.finished, timeout=WAIT) as blocker:
        page.xlsx_button.click()
    assert blocker.args == ["xlsx", True]
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx", read_only=True, data_only=True)
    rep = page.prep.report
    assert len(wb.sheetnames) == len(rep["tables"]) + 2
    first = rep["tables"][0]
    rows = [list(r) for r in wb[wb.sheetnames[1]].iter_rows(values_only=True)]
    assert [r[1] for r in rows[1:1 + len(first["rows"])]] == [("x" if c[0] is None else c[0])
                                                               for c in first["cells"]]
    wb.close()
