"""Qt item models over the repository's rows (tested without a window)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.store.repository import CaseRow
from models import vocab as V
from models.vocab import Vocabularies


class CaseTableModel(QAbstractTableModel):
    COLUMNS = ("code", "organisation", "opened", "status", "behaviour", "accused_relation", "follow_up",
               "contacts", "last_contact")

    def __init__(self, vocabs: Vocabularies, lang: str = "nl", parent=None):
        super().__init__(parent)
        self.vocabs = vocabs
        self.lang = lang
        self.rows: list[CaseRow] = []
        self._labels = {}
        self.all_rows: list[CaseRow] = []
        self.filters = CaseFilterProxy()
        self.sort_column, self.sort_order = 2, Qt.SortOrder.DescendingOrder

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Organisation"), self.tr("Opened"), self.tr("Status"),
                self.tr("Behaviour"), self.tr("Relation"), self.tr("Follow-up"), self.tr("Contacts"),
                self.tr("Last contact")]

    def set_rows(self, rows: list[CaseRow], filters: dict | None = None) -> None:
        """The rows (and, when given, the filters with them: one filtering and sorting pass)."""
        self.all_rows = list(rows)
        if filters is not None:
            self.filters = CaseFilterProxy(**filters)
        self._refresh()

    def set_filters(self, **filters) -> None:
        self.filters = CaseFilterProxy(**filters)
        self._refresh()

    def total(self) -> int:
        return len(self.all_rows)

    def _key(self, column: int):
        col = self.COLUMNS[column]
        if col in ("behaviour", "accused_relation", "follow_up"):
            vocab = {"behaviour": V.BEHAVIOUR, "accused_relation": V.ACCUSED_RELATION,
                     "follow_up": V.FOLLOW_UP}[col]
            return lambda r: (self._label(vocab, getattr(r, col)), r.code)
        if col == "status":
            return lambda r: (r.status, r.code)
        if col == "last_contact":
            return lambda r: (r.last_contact or date.min, r.code)
        return lambda r: (getattr(r, col), r.code)

    def _refresh(self) -> None:
        self.beginResetModel()
        accepts = self.filters.accepts
        rows = [r for r in self.all_rows if accepts(r)]
        rows.sort(key=self._key(self.sort_column), reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        self.rows = rows
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def clear(self) -> None:
        self.set_rows([])

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role in (Qt.ItemDataRole.DisplayRole,
                                                                 Qt.ItemDataRole.ToolTipRole):
            return self.headers()[section]
        return None

    def _label(self, vocab: str, code: str) -> str:
        key = (vocab, code)
        if key not in self._labels:
            self._labels[key] = self.vocabs.label(vocab, code, self.lang)
        return self._labels[key]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and col in ("organisation", "behaviour", "accused_relation",
                                                           "follow_up"):
            return self.data(index)  # the whole text where the column cuts it
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "code":
                return r.code
            if col == "organisation":
                return r.organisation
            if col == "opened":
                return r.opened.strftime("%d-%m-%Y")
            if col == "status":
                return self._label(V.STATUS, r.status)
            if col == "behaviour":
                return self._label(V.BEHAVIOUR, r.behaviour)
            if col == "accused_relation":
                return self._label(V.ACCUSED_RELATION, r.accused_relation)
            if col == "follow_up":
                return self._label(V.FOLLOW_UP, r.follow_up)
            if col == "contacts":
                return r.contacts
            if col == "last_contact":
                return r.last_contact.strftime("%d-%m-%Y") if r.last_contact else ""
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None


class CaseFilterProxy:
    """Filter state for the case list (organisation, year, status, behaviour, text search).

    Filtering and sorting run over plain Python lists inside CaseTableModel: on 20,000 cases that is
    a few milliseconds, where a QSortFilterProxyModel calling back into Python per row is not.
    """

    def __init__(self, organisation=None, year=None, status=None, behaviour=None, text=""):
        self.organisation, self.year, self.status, self.behaviour = organisation, year, status, behaviour
        self.text = (text or "").strip().lower()

    def accepts(self, r: CaseRow) -> bool:
        if self.organisation and r.organisation != self.organisation:
            return False
        if self.year and r.opened.year != self.year:
            return False
        if self.status and r.status != self.status:
            return False
        if self.behaviour and r.behaviour != self.behaviour:
            return False
        return not (self.text and self.text not in r.code.lower() and self.text not in r.organisation.lower())


class SimpleTableModel(QAbstractTableModel):
    """Rows of display values with an id per row; for organisations, activities and small lists."""

    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self._headers = headers
        self.rows: list[tuple] = []
        self.ids: list[object] = []

    def set_rows(self, rows: list[tuple], ids: list[object]) -> None:
        self.beginResetModel()
        self.rows, self.ids = list(rows), list(ids)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([], [])

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            v = self.rows[index.row()][index.column()]
            return "" if v is None else str(v)
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[index.row()]
        return None
