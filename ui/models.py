"""Qt item models over the repository's rows (tested without a window)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from app.repository import CaseRow
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

    def headers(self) -> list[str]:
        tr = self.tr
        return [tr("Code"), tr("Organisation"), tr("Opened"), tr("Status"), tr("Behaviour"),
                tr("Relation"), tr("Follow-up"), tr("Contacts"), tr("Last contact")]

    def set_rows(self, rows: list[CaseRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
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
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "code":
                return r.code
            if col == "organisation":
                return r.organisation
            if col == "opened":
                return r.opened.isoformat()
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
                return r.last_contact.isoformat() if r.last_contact else ""
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        if role == Qt.ItemDataRole.UserRole + 1:  # sort key
            value = getattr(r, col, None) if col != "status" else r.status
            if isinstance(value, date):
                return value.isoformat()
            return value if value is not None else ""
        return None


class CaseFilterProxy(QSortFilterProxyModel):
    """Filters on organisation, year, status, behaviour and a text search over the code."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.organisation: str | None = None
        self.year: int | None = None
        self.status: str | None = None
        self.behaviour: str | None = None
        self.text = ""
        self.setSortRole(Qt.ItemDataRole.UserRole + 1)

    def set_filters(self, *, organisation=None, year=None, status=None, behaviour=None, text="") -> None:
        self.beginFilterChange()
        self.organisation, self.year, self.status, self.behaviour = organisation, year, status, behaviour
        self.text = (text or "").strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row, source_parent) -> bool:  # noqa: N802
        r: CaseRow = self.sourceModel().rows[source_row]
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
