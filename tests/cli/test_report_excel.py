"""Report figures out to Excel: the .xlsx read back with openpyxl and compared with the report JSON,
and the csv-excel variant that Dutch Excel opens in columns (`;`, decimal comma, UTF-8 with BOM)."""
from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

from app import cli
from app.store.repository import Repository
from app.store.vault import Vault
from tests.conftest import PASSPHRASE


@pytest.fixture
def demo_vault(tmp_path, monkeypatch):
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)
    path = str(tmp_path / "v.vault")
    assert run("--vault", path, "init")[0] == 0
    assert run("--vault", path, "demo", "--cases", "160", "--orgs", "2", "--years", "2", "--seed", "7")[0] == 0
    v = Vault.open(path, PASSPHRASE)
    try:
        repo = Repository(v)
        org = repo.list_organisations()[0].name
        year = max(repo.case_years())
    finally:
        v.close()
    return path, org, year


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return cli.main(list(argv), out=out, err=err), out.getvalue(), err.getvalue()


def _report(demo_vault, tmp_path, fmt: str, lang: str = "nl"):
    path, org, year = demo_vault
    target = tmp_path / f"r-{lang}.{fmt}"
    code, _, err = run("--vault", path, "report", "--org", org, "--year", str(year), "--format", fmt,
                       "--out", str(target), "--lang", lang)
    assert code == 0, err
    return target


def test_xlsx_holds_the_published_figures_of_the_json(demo_vault, tmp_path):
    rep = json.loads(_report(demo_vault, tmp_path, "json").read_text(encoding="utf-8"))
    wb = openpyxl.load_workbook(_report(demo_vault, tmp_path, "xlsx"), read_only=True, data_only=True)
    sheets = wb.sheetnames
    assert sheets[0] == "Kerncijfers" and sheets[-1] == "Hoe de cijfers zijn beschermd"
    assert len(sheets) == len(rep["tables"]) + 2
    summary = [r for r in wb[sheets[0]].iter_rows(values_only=True)]
    assert ("Casussen in behandeling", rep["totals"]["cases"]) in summary
    hidden_seen = False
    for tb, name in zip(rep["tables"], sheets[1:-1], strict=True):
        rows = [list(r) for r in wb[name].iter_rows(values_only=True)]
        body = rows[1:1 + len(tb["rows"])]
        want = [[("x" if v is None else v) for v in cells] for cells in tb["cells"]]
        got = [r[1:1 + len(want[0])] for r in body]
        assert got == want, tb["id"]
        total_row = rows[1 + len(tb["rows"])]
        assert total_row[0] == "Totaal" and total_row[-1 if tb["cols"] else 1] == (tb["total"] if tb["total"]
                                                                                   is not None else "x")
        for r in got:
            assert all(isinstance(v, int | float) or v == "x" for v in r)   # numbers are numbers
        if any(v is None for cells in tb["cells"] for v in cells):
            hidden_seen = True
            assert any(r and str(r[0]).startswith("x = niet getoond") for r in rows)
    assert hidden_seen, "the demo report should hide at least one small cell"
    method = [r[0] for r in wb[sheets[-1]].iter_rows(values_only=True)]
    assert rep["method"] in method
    wb.close()


def test_csv_excel_is_dutch_excel_csv_and_machine_csv_is_kept(demo_vault, tmp_path):
    machine = _report(demo_vault, tmp_path, "csv").read_bytes()
    excel = _report(demo_vault, tmp_path, "csv-excel").read_bytes()
    assert excel.startswith(b"\xef\xbb\xbf") and machine.startswith(b"\xef\xbb\xbf")
    m_rows = list(csv.reader(io.StringIO(machine.decode("utf-8-sig"))))
    e_rows = list(csv.reader(io.StringIO(excel.decode("utf-8-sig")), delimiter=";"))
    assert e_rows[0] == m_rows[0] == ["table", "unit", "row", "col", "value", "row_label", "col_label"]
    assert len(e_rows) == len(m_rows)
    for m, e in zip(m_rows[1:], e_rows[1:], strict=True):
        assert e[4] == m[4].replace(".", ",")
        assert e[:4] + e[5:] == m[:4] + m[5:]
    assert any("," in r[4] for r in e_rows if r[1] == "hours"), "hours with a decimal comma"
    english = _report(demo_vault, tmp_path, "csv-excel", "en").read_bytes()
    assert b";" not in english.split(b"\r\n")[0]
