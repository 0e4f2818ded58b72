"""The Qt item models, tested without a window."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from app.resources import vocabularies
from app.store.repository import CaseRow
from ui.item_models import CaseTableModel, SimpleTableModel


def rows():
    def r(i, code, org, opened, closed, behaviour):
        return CaseRow(i, code, org, opened, closed, "betrokkene", behaviour, "collega", "lopend", 2, 90,
                       opened)
    return [r(1, "2025-001", "A", date(2025, 3, 1), None, "pesten"),
            r(2, "2025-002", "B", date(2025, 6, 1), date(2025, 7, 1), "discriminatie"),
            r(3, "2026-001", "A", date(2026, 1, 5), None, "seksuele_intimidatie"),
            r(4, "2026-002", "B", date(2026, 2, 5), date(2026, 3, 1), "pesten")]


def test_case_model_labels_and_ids(qapp):
    m = CaseTableModel(vocabularies(), "nl")
    m.set_rows(rows())
    assert m.rowCount() == 4 and m.columnCount() == 9
    # newest first by default
    assert m.data(m.index(0, 0)) == "2026-002"
    col = CaseTableModel.COLUMNS.index("behaviour")
    labels = {m.data(m.index(i, col)) for i in range(4)}
    assert "Seksuele intimidatie" in labels and "seksuele_intimidatie" not in labels
    assert m.data(m.index(0, 0), Qt.ItemDataRole.UserRole) == 4
    en = CaseTableModel(vocabularies(), "en")
    en.set_rows(rows())
    assert "Sexual harassment" in {en.data(en.index(i, col)) for i in range(4)}


def test_case_model_filters(qapp):
    m = CaseTableModel(vocabularies(), "nl")
    m.set_rows(rows())
    m.set_filters(organisation="A")
    assert {m.data(m.index(i, 0)) for i in range(m.rowCount())} == {"2025-001", "2026-001"}
    m.set_filters(year=2025, status="gesloten")
    assert [m.data(m.index(i, 0)) for i in range(m.rowCount())] == ["2025-002"]
    m.set_filters(behaviour="pesten")
    assert m.rowCount() == 2
    m.set_filters(text="2026-00")
    assert m.rowCount() == 2
    m.set_filters()
    assert m.rowCount() == m.total() == 4


def test_case_model_sorts(qapp):
    m = CaseTableModel(vocabularies(), "nl")
    m.set_rows(rows())
    m.sort(0, Qt.SortOrder.AscendingOrder)
    assert [m.data(m.index(i, 0)) for i in range(4)] == ["2025-001", "2025-002", "2026-001", "2026-002"]
    col = CaseTableModel.COLUMNS.index("behaviour")
    m.sort(col, Qt.SortOrder.AscendingOrder)
    assert m.data(m.index(0, col)) == "Discriminatie"
    m.clear()
    assert m.rowCount() == 0


def test_simple_model(qapp):
    m = SimpleTableModel(["Naam", "Eenheden"])
    m.set_rows([("Gemeente", "ICT"), ("Zorg", None)], [7, 8])
    assert m.rowCount() == 2 and m.columnCount() == 2
    assert m.headerData(0, Qt.Orientation.Horizontal) == "Naam"
    assert m.data(m.index(1, 1)) == ""
    assert m.data(m.index(1, 0), Qt.ItemDataRole.UserRole) == 8
