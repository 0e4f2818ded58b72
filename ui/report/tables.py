"""The published tables on the Jaarverslag page: one Qt table per published table, the report's
notes above them, and the method tab that explains the hidden figures.

Only the published figures (``Prepared.report``) are shown: a hidden figure is the report's mark
("x") on a coloured background, with the reason in its tooltip.
"""
from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QSize, Qt
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.reporting import report as R
from app.reporting.content import level_lines
from app.reporting.html import NAVY, fmt_value
from ui import theme


class PublishedTableModel(QAbstractTableModel):
    """One published table: a label column, then the figures; the last row (and, for a two-way
    table, the last column) holds the totals. ``Qt.UserRole`` gives the published value (None when
    hidden); the display text of a hidden figure is the report's mark "x"."""

    VALUE_ROLE = Qt.ItemDataRole.UserRole
    REASON_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, table: dict, label: Callable[[str, str], str], reasons: list[list[str | None]] | None,
                 *, lang: str, headings: dict[str, str], why: dict[str, str], parent: QObject | None = None):
        super().__init__(parent)
        self.t = table
        self.lang = lang
        self.hours = table["unit"] == "hours"
        self.two_way = table["cols"] is not None
        self.row_labels = [label("rows", c) for c in table["rows"]] + [headings["total"]]
        if self.two_way:
            self.col_labels = [label("cols", c) for c in table["cols"]] + [headings["total"]]
        else:
            self.col_labels = [headings["hours"] if self.hours else headings["count"]]
        self.headings = headings
        self.why = why
        self.reasons = reasons or [[None] * len(r) for r in table["cells"]]
        self.mark = headings["mark"]

    # shape
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.row_labels)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.col_labels) + 1

    def is_total(self, row: int, col: int) -> bool:
        last_row = row == len(self.row_labels) - 1
        last_col = self.two_way and col == len(self.col_labels)
        return last_row or last_col

    def value(self, row: int, col: int):
        """The published value at a figure position (col >= 1); None when hidden."""
        t = self.t
        r, c = row, col - 1
        nr = len(t["rows"])
        if r == nr:
            if not self.two_way or c == len(t["cols"]):
                return t["total"]
            return t["col_totals"][c]
        if self.two_way and c == len(t["cols"]):
            return t["row_totals"][r]
        return t["cells"][r][c]

    def reason(self, row: int, col: int) -> str | None:
        """primair | secundair | groep for a hidden inner cell; "totaal" for a hidden total."""
        if col == 0 or self.value(row, col) is not None:
            return None
        if self.is_total(row, col):
            return "totaal"
        return self.reasons[row][col - 1] or "secundair"

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if col == 0:
            return self._label_data(row, role)
        v = self.value(row, col)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.mark if v is None else fmt_value(v, self.lang, self.hours)
        if role == self.VALUE_ROLE:
            return v
        if role == self.REASON_ROLE:
            return self.reason(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            why = self.reason(row, col)
            return self.why.get(why) if why else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            kind = "hidden" if v is None else "total" if self.is_total(row, col) else None
            if kind is None:
                return None
            fg, bg = theme.cell_colours(kind)   # always both: readable in the light and the dark theme
            return QBrush(bg if role == Qt.ItemDataRole.BackgroundRole else fg)
        if role == Qt.ItemDataRole.FontRole and (v is None or self.is_total(row, col)):
            return _bold()
        return None

    def _label_data(self, row: int, role):
        if role == Qt.ItemDataRole.DisplayRole:
            return self.row_labels[row]
        if role == Qt.ItemDataRole.FontRole and row == len(self.row_labels) - 1:
            return _bold()
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and row == len(self.row_labels) - 1:
            fg, bg = theme.cell_colours("total")
            return QBrush(bg if role == Qt.ItemDataRole.BackgroundRole else fg)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.headings["category"] if section == 0 else self.col_labels[section - 1]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                align = Qt.AlignmentFlag.AlignLeft if section == 0 else Qt.AlignmentFlag.AlignRight
                return int(align | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _bold() -> QFont:
    f = QFont()
    f.setBold(True)
    return f


class TableView(QTableView):
    """A published table that shows all its rows (the page scrolls, not the table)."""

    def __init__(self, model: PublishedTableModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        model.setParent(self)
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlternatingRowColors(False)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setStyleSheet(
            "QTableView { border: 1px solid palette(mid); gridline-color: palette(mid); }"
            f" QHeaderView::section {{ background: {NAVY}; color: white; padding: 4px 8px; border: none;"
            f" font-weight: 600; }}")
        self.setItemDelegate(_PaddedDelegate(self))
        h = self.horizontalHeader()
        # one-way: the label column takes the room; two-way: every column as wide as its content
        first = QHeaderView.ResizeMode.ResizeToContents if model.two_way else QHeaderView.ResizeMode.Stretch
        h.setStretchLastSection(False)
        h.setSectionResizeMode(0, first)
        for c in range(1, model.columnCount()):
            h.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        h.setMinimumSectionSize(64)
        self.verticalHeader().setDefaultSectionSize(24)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.horizontalScrollBar().rangeChanged.connect(lambda *_: self._fit_height())
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for every row, plus the horizontal scroll bar when the table is too wide."""
        rows = self.model().rowCount()
        height = self.horizontalHeader().sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
        bar = self.horizontalScrollBar()
        extra = bar.sizeHint().height() if bar.maximum() > 0 else 0
        self.setFixedHeight(height + 2 * self.frameWidth() + extra)


class _PaddedDelegate(QStyledItemDelegate):
    """Room on both sides of a figure, a thin line under each row, and the model's background kept
    (a style sheet rule for items would make Qt ignore it)."""

    PAD = 8

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        bg = index.data(Qt.ItemDataRole.BackgroundRole)
        if isinstance(bg, QBrush):
            painter.fillRect(opt.rect, bg)
        painter.save()
        role = QPalette.ColorRole.Mid if theme.is_dark() else QPalette.ColorRole.Midlight
        painter.setPen(opt.palette.color(role))
        painter.drawLine(opt.rect.bottomLeft(), opt.rect.bottomRight())
        painter.restore()
        opt.backgroundBrush = QBrush()
        opt.rect = opt.rect.adjusted(self.PAD, 0, -self.PAD, 0)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

    def sizeHint(self, option, index):  # noqa: N802 (Qt's name)
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * self.PAD, size.height())


def _scroll(widget: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll


class TablesPanel(QWidget):
    """The "Tables" tab: the report's notes, then every published table under its title. ``views``
    maps a table id to its widget."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        inner = QWidget()
        self.tables_layout = QVBoxLayout(inner)
        self.tables_layout.setContentsMargins(8, 8, 8, 8)
        self.tables_layout.setSpacing(4)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        theme.style(self.notes_label, "note")
        self.notes_label.hide()
        self.tables_layout.addWidget(self.notes_label)
        self.tables_layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(_scroll(inner))
        self.views: dict[str, TableView] = {}

    def show_report(self, prep: R.Prepared) -> None:
        """Show the notes and the published tables of ``prep`` (what was shown before goes)."""
        self.clear()
        lang = prep.lang
        t = R.texts(lang)
        notes = [t[f"note_{n}"] for n in prep.notes if f"note_{n}" in t]
        notes += [line for name, line in level_lines(prep.report, lang) if prep.report["levels"][name] == "coarse"]
        if notes:
            self.notes_label.setText("\n".join(notes))
            self.notes_label.show()
        pos = self.tables_layout.count() - 1   # before the stretch
        for tb in prep.report["tables"]:
            self.tables_layout.insertWidget(pos, self._table_box(prep, tb))
            pos += 1

    def _table_box(self, prep: R.Prepared, tb: dict) -> QWidget:
        units = {"cases": self.tr("cases"), "contacts": self.tr("contacts"), "activities": self.tr("activities"),
                 "requests": self.tr("requests (not cases)"), "hours": self.tr("hours")}
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 10, 0, 4)
        lay.setSpacing(4)
        head = QLabel(f'<span style="font-size:13px;font-weight:600;color:{theme.text_colour("heading").name()}">'
                      f'{escape(R.table_title(tb["id"], prep.lang))}</span>'
                      f'&nbsp;&nbsp;<span style="color:{theme.text_colour("muted").name()}">{escape(units.get(tb["unit"], tb["unit"]))}'
                      '</span>')
        lay.addWidget(head)
        model = PublishedTableModel(tb, lambda axis, code, tid=tb["id"]: prep.label(tid, axis, code),
                                    prep.protection.reasons.get(tb["id"]), lang=prep.lang,
                                    headings=self._headings(prep.lang), why=self._why())
        view = TableView(model)
        view.setObjectName(f"table_{tb['id']}")
        view.setAccessibleName(R.table_title(tb["id"], prep.lang))
        lay.addWidget(view)
        self.views[tb["id"]] = view
        return box

    def clear(self) -> None:
        """No tables, no notes."""
        for view in self.views.values():
            box = view.parentWidget()
            self.tables_layout.removeWidget(box)
            box.hide()
            box.deleteLater()
        self.views = {}
        self.notes_label.hide()
        self.notes_label.clear()

    @staticmethod
    def _headings(lang: str) -> dict[str, str]:
        t = R.texts(lang)
        return {"total": t["total"], "count": t["col_count"], "hours": t["col_hours"],
                "category": t["col_category"], "mark": t["hidden_mark"]}

    def _why(self) -> dict[str, str]:
        return {
            "primair": self.tr("Not shown: the number is small, so it could point at a person."),
            "groep": self.tr("Not shown: all cases of this row or column fall in this one cell, so it would "
                             "tell something about every person in that group."),
            "secundair": self.tr("Not shown to protect another hidden cell: otherwise a hidden small number "
                                 "could be worked out from the totals or from other tables."),
            "totaal": self.tr("Total not shown: otherwise a hidden small number could be worked out from it."),
        }


class MethodView(QWidget):
    """The "Method" tab: how the figures were protected, and which categories were merged."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setContentsMargins(10, 10, 10, 10)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(_scroll(self.label))

    def show_report(self, prep: R.Prepared) -> None:
        t = R.texts(prep.lang)
        lines = [f'<h3 style="color:{NAVY}">{escape(t["section_method"])}</h3>',
                 f"<p>{escape(prep.report['method'])}</p>",
                 f"<p>{escape(t['method_k'].format(k=prep.report['threshold']))}</p>",
                 f"<p>{escape(t['legend'])}</p>"]
        lines += [f"<p>{escape(line)}</p>" for _name, line in level_lines(prep.report, prep.lang)]
        for tid, codes in prep.protection.merged.items():
            labels = ", ".join(R.code_label(tid, "rows", c, prep.lang, prep.aggregation.units) for c in codes)
            lines.append(f"<p>{escape(t['merged_line'].format(table=R.table_title(tid, prep.lang), codes=labels))}</p>")
        self.label.setText("\n".join(lines))

    def clear(self) -> None:
        self.label.clear()
