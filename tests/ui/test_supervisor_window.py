"""Supervisor window: import through the seam, trust prompt, combined table with hidden marks, export."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app import keys as exkeys
from app.exchange import combine
from app.exchange import vstat as ex
from app.exchange.supervisor import SupervisorStore
from ui.supervisor_window import CombinedTableModel, SupervisorWindow

CHEAP = {"memory_kib": 65536, "iterations": 1, "lanes": 1}
ROWS = ["pesten", "intimidatie", "discriminatie", "werkdruk"]


def report(org: str, cells: list, total: int) -> dict:
    return {"format": "vertrouwd-report/1", "organisation": org, "year": 2026, "threshold": 5, "method": "m",
            "totals": {"cases": total, "contacts": 10, "hours": 4.5},
            "tables": [{"id": "behaviour", "unit": "cases", "rows": ROWS, "cols": None,
                        "cells": [[c] for c in cells], "row_totals": list(cells), "col_totals": [total],
                        "total": total}]}


@pytest.fixture
def setup(tmp_path):
    k1, k2 = exkeys.generate_signing_key(), exkeys.generate_signing_key()
    a = tmp_path / "noord.vstat"
    a.write_bytes(ex.make_vstat(report("Gemeente Noord", [12, None, None, 14], 31), k1, program_version="t"))
    b = tmp_path / "zuid.vstat"
    b.write_bytes(ex.make_vstat(report("Gemeente Zuid", [20, 9, 0, 6], 35), k2, program_version="t"))
    bad = tmp_path / "bad.vstat"
    bad.write_bytes(b"{not json")
    store = SupervisorStore.create(tmp_path / "sup.store", "een lange zin", **CHEAP)
    return store, [str(a), str(b), str(bad)], (k1, k2)


def test_import_trust_and_combined_view(qtbot, setup, tmp_path):
    store, paths, keys = setup
    prompts = []

    def ask_trust(fp):
        prompts.append(fp)
        return True, f"Adviseur {len(prompts)}"

    saved = iter([str(tmp_path / "out.csv"), str(tmp_path / "out")])
    w = SupervisorWindow(store, choose_files=lambda: paths, ask_trust=ask_trust,
                         choose_save_path=lambda kind: next(saved), lang="en")
    qtbot.addWidget(w)
    assert w.model.rowCount() == 0 and not w.csv_button.isEnabled()

    qtbot.mouseClick(w.import_button, Qt.MouseButton.LeftButton)
    assert prompts == [exkeys.fingerprint(exkeys.public_key(k)) for k in keys]
    assert w.files_view.rowCount() == 3
    statuses = [w.files_view.item(i, 4).text() for i in range(3)]
    assert statuses[0] == "imported" and statuses[1] == "imported" and statuses[2].startswith("refused")
    assert "Adviseur 1" in w.files_view.item(0, 3).text()
    assert "2 imported, 1 refused" in w.status_label.text()

    m = w.model
    assert m.rowCount() == len(ROWS) + 1 and m.columnCount() == 1
    texts = [m.data(m.index(r, 0)) for r in range(m.rowCount())]
    assert texts == ["32", "x", "x", "20", "66"]
    assert m.data(m.index(1, 0), Qt.ItemDataRole.UserRole) == "hidden"
    assert m.headerData(0, Qt.Orientation.Vertical) == "Bullying"
    assert m.headerData(len(ROWS), Qt.Orientation.Vertical) == "Total"
    assert "66" in w.totals_label.text()

    w.by_combo.setCurrentIndex(w.BY.index("organisation"))
    assert w.table_combo.count() == 2
    w.table_combo.setCurrentIndex(1)
    assert [m.data(m.index(r, 0)) for r in range(m.rowCount())] == ["20", "9", "0", "6", "35"]

    assert w.export("csv") == str(tmp_path / "out.csv")
    text = (tmp_path / "out.csv").read_text()
    assert text.startswith("# Vertrouwd combined statistics") and "Adviseur 1" in text
    assert w.export("pdf") == str(tmp_path / "out.pdf")
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")


def test_declined_trust_imports_nothing(qtbot, setup):
    store, paths, _keys = setup
    w = SupervisorWindow(store, choose_files=lambda: paths[:1], ask_trust=lambda fp: (False, ""),
                         choose_save_path=lambda kind: None)
    qtbot.addWidget(w)
    outcomes = w.import_files()
    assert [o.status for o in outcomes] == ["unknown_key"]
    assert store.files == [] and w.combined is None and w.model.rowCount() == 0
    assert w.export("csv") is None


def test_existing_store_is_shown_on_open(qtbot, setup):
    store, paths, keys = setup
    store.trust(exkeys.public_key(keys[0]), "Noord")
    store.import_files(paths[:1])
    w = SupervisorWindow(store, choose_files=lambda: [], ask_trust=lambda fp: (False, ""),
                         choose_save_path=lambda kind: None)
    qtbot.addWidget(w)
    assert w.files_view.rowCount() == 1 and w.files_view.item(0, 1).text() == "Gemeente Noord"
    assert w.model.data(w.model.index(0, 0)) == "12"


def test_two_way_model_has_total_row_and_column():
    t = combine.CombinedTable("behaviour_relation", "cases", ["pesten", "werkdruk"], ["collega", "derde"],
                         [[6, None], [None, 9]], [["published", "hidden"], ["hidden", "published"]],
                         [10, 12], ["published", "published"], [None, None], ["hidden", "hidden"], 22,
                         "published", 5)
    m = CombinedTableModel(lang="nl")
    m.set_table(t)
    assert (m.rowCount(), m.columnCount()) == (3, 3)
    grid = [[m.data(m.index(r, c)) for c in range(3)] for r in range(3)]
    assert grid == [["6", "x", "10"], ["x", "9", "12"], ["x", "x", "22"]]
    assert m.headerData(0, Qt.Orientation.Horizontal) == "Collega"


def test_empty_window_has_heading_and_hides_table_choice(qtbot, setup):
    store, _paths, _keys = setup
    w = SupervisorWindow(store, choose_files=lambda: [], ask_trust=lambda fp: (False, ""),
                         choose_save_path=lambda kind: None, lang="en")
    qtbot.addWidget(w)
    w.show()
    assert w.heading.text() == "Combined statistics" and w.heading.isVisible()
    assert not w.table_combo.isVisible() and not w.table_view.isVisible() and not w.legend_label.isVisible()
    assert "Import files" in w.totals_label.text()


def test_legend_shown_with_hidden_figures_and_reasons_translated(qtbot, setup):
    store, paths, _keys = setup
    w = SupervisorWindow(store, choose_files=lambda: paths, ask_trust=lambda fp: (True, "A"),
                         choose_save_path=lambda kind: None, lang="en")
    qtbot.addWidget(w)
    w.show()
    w.import_files()
    assert w.table_combo.isVisible() and w.legend_label.isVisible()
    assert "x = not shown" in w.legend_label.text() and "? = unknown" in w.legend_label.text()
    refused = w.files_view.item(2, 4)
    assert refused.text().startswith("refused: this is not a statistics file")
    assert "JSON" not in refused.text() and "character" not in refused.text()
    hidden_tip = w.model.data(w.model.index(1, 0), Qt.ItemDataRole.ToolTipRole)
    assert "not a small number" in hidden_tip


def test_window_shows_years_added_note(qtbot, tmp_path):
    k = exkeys.generate_signing_key()
    paths = []
    for year in (2025, 2026):
        r = report("Gemeente Noord", [12, 6, 7, 14], 39)
        r["year"] = year
        paths.append(tmp_path / f"{year}.vstat")
        paths[-1].write_bytes(ex.make_vstat(r, k, program_version="t"))
    store = SupervisorStore.create(tmp_path / "s.store", "een lange zin", **CHEAP)
    w = SupervisorWindow(store, choose_files=lambda: [str(p) for p in paths], ask_trust=lambda fp: (True, "A"),
                         choose_save_path=lambda kind: None, lang="en")
    qtbot.addWidget(w)
    w.show()
    w.import_files()
    w.by_combo.setCurrentIndex(w.BY.index("organisation"))
    assert w.notes_label.isVisible() and "count double" in w.notes_label.text()
    assert "2025, 2026" in w.notes_label.text()
    w.by_combo.setCurrentIndex(w.BY.index("year"))
    assert not w.notes_label.isVisible()


def test_requests_are_shown_apart_from_cases(qtbot, tmp_path):
    key = exkeys.generate_signing_key()
    rep = report("Gemeente Oost", [12, 5, 0, 14], 31)
    rep["totals"]["requests"] = 9
    rep["tables"].append({"id": "request_kind", "unit": "requests", "rows": ["informatie_procedure", "overig"],
                          "cols": None, "cells": [[9], [0]], "row_totals": [9, 0], "col_totals": [9], "total": 9})
    path = tmp_path / "oost.vstat"
    path.write_bytes(ex.make_vstat(rep, key, program_version="t"))
    store = SupervisorStore.create(tmp_path / "sup.store", "een lange zin", **CHEAP)
    w = SupervisorWindow(store, choose_files=lambda: [str(path)], ask_trust=lambda fp: (True, "A"),
                         choose_save_path=lambda kind: None, lang="en")
    qtbot.addWidget(w)
    qtbot.mouseClick(w.import_button, Qt.MouseButton.LeftButton)
    assert "requests (not cases): 9" in w.totals_label.text()
    assert "Cases: 31" in w.totals_label.text()
