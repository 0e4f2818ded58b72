"""Casussen: a sortable, filterable list and the case view with its timeline."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import vocab as V
from ui.case_closing import OpenItemsTree
from ui.item_models import CaseTableModel
from ui.widgets import reminder_label

MAX_COLUMN_WIDTH = 140  # px: the key columns (code, organisation, date, status, behaviour) fit at 1024 px


class CaseView(QWidget):
    """The properties of one case, its open checklist items and the timeline of its contacts."""

    edit_requested = Signal()
    contact_requested = Signal(object)  # None = new, else the Contact
    close_requested = Signal()
    reopen_requested = Signal()
    reminder_done = Signal(int)  # the reminder's id
    decide_requested = Signal()
    delete_requested = Signal()
    handout_requested = Signal(dict)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.case = None
        lay = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        lay.addWidget(self.title)
        self.props = QFormLayout()
        self.props.setVerticalSpacing(2)
        box = QGroupBox(self.tr("Properties"))
        box.setLayout(self.props)
        lay.addWidget(box)
        self.reminder_box = QGroupBox(self.tr("Reminders (tick off when done)"))
        rem_lay = QVBoxLayout(self.reminder_box)
        self.reminder_list = QListWidget()
        self.reminder_list.setAccessibleName(self.tr("Reminders of this case"))
        rem_lay.addWidget(self.reminder_list)
        lay.addWidget(self.reminder_box)
        self.open_box = QGroupBox()
        open_lay = QVBoxLayout(self.open_box)
        self.open_items = OpenItemsTree()
        self.open_items.setMaximumHeight(130)
        open_lay.addWidget(self.open_items)
        lay.addWidget(self.open_box)
        self.new_contact = QPushButton(self.tr("New conversation"))
        self.edit = QPushButton(self.tr("Edit case"))
        self.decide = QPushButton(self.tr("Decision aid"))
        self.close_case = QPushButton(self.tr("Close case…"))
        self.reopen = QPushButton(self.tr("Reopen case"))
        self.delete = QPushButton(self.tr("Remove case"))
        for group in ((self.new_contact, self.decide, self.edit), (self.close_case, self.reopen, self.delete)):
            buttons = QHBoxLayout()
            for b in group:
                buttons.addWidget(b)
            buttons.addStretch(1)
            lay.addLayout(buttons)
        lay.addWidget(QLabel(self.tr("Timeline")))
        self.timeline = QListWidget()
        self.timeline.setAccessibleName(self.tr("Timeline"))
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setWordWrap(True)
        self.timeline.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay.addWidget(self.timeline, 1)
        self.new_contact.clicked.connect(lambda: self.contact_requested.emit(None))
        self.edit.clicked.connect(self.edit_requested)
        self.decide.clicked.connect(self.decide_requested)
        self.close_case.clicked.connect(self.close_requested)
        self.reopen.clicked.connect(self.reopen_requested)
        self.reminder_list.itemChanged.connect(self._reminder_changed)
        self.delete.clicked.connect(self.delete_requested)
        self.timeline.itemActivated.connect(self._activated)
        self.timeline.itemDoubleClicked.connect(self._activated)
        self.clear()

    def _activated(self, item: QListWidgetItem) -> None:
        kind, obj = item.data(Qt.ItemDataRole.UserRole)
        if kind == "contact":
            self.contact_requested.emit(obj)
        elif kind == "decision" and not obj.get("purged"):
            self.handout_requested.emit(obj)

    def _reminder_changed(self, item: QListWidgetItem) -> None:
        if item.checkState() == Qt.CheckState.Checked:
            self.reminder_done.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def clear(self) -> None:
        self.case = None
        self.title.setText(self.tr("No case selected"))
        while self.props.rowCount():
            self.props.removeRow(0)
        self.timeline.clear()
        self.open_box.hide()
        self.reminder_list.clear()
        self.reminder_box.hide()
        self.reopen.hide()
        self.close_case.show()
        for b in (self.new_contact, self.edit, self.decide, self.close_case, self.delete):
            b.setEnabled(False)

    def _show_reminders(self, reminders: list) -> None:
        self.reminder_list.blockSignals(True)
        for r in reminders:
            it = QListWidgetItem(f"{r.due.strftime('%d-%m-%Y')}  {reminder_label(r.kind, self)}")
            it.setData(Qt.ItemDataRole.UserRole, r.id)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
            self.reminder_list.addItem(it)
        self.reminder_list.blockSignals(False)
        rows = min(len(reminders), 3)   # as tall as its reminders (up to three), the timeline keeps the room
        if rows:
            self.reminder_list.setFixedHeight(rows * self.reminder_list.sizeHintForRow(0)
                                              + 2 * self.reminder_list.frameWidth() + 2)
        self.reminder_box.setVisible(bool(reminders))

    def show_case(self, case, vocabs, lang: str, decisions: list, open_required: list,
                  reminders: list) -> None:
        self.clear()
        self.case = case
        for b in (self.new_contact, self.edit, self.decide, self.close_case, self.delete):
            b.setEnabled(True)
        self.close_case.setVisible(case.closed is None)
        self.reopen.setVisible(case.closed is not None)
        self._show_reminders(reminders)
        self.title.setText(self.tr("Case {code}").format(code=case.code))
        lab = vocabs.label
        status = lab(V.STATUS, case.status, lang)
        if case.closed:
            status += " " + self.tr("since {date}").format(date=case.closed.strftime("%d-%m-%Y"))
        rows = [(self.tr("Organisation"), case.organisation + (f" · {case.unit}" if case.unit else "")),
                (self.tr("Opened on"), case.opened.strftime("%d-%m-%Y")),
                (self.tr("Status"), status),
                (self.tr("Position of the person"), lab(V.POSITION, case.position, lang)),
                (self.tr("Role in the case"), lab(V.REPORTER_ROLE, case.reporter_role, lang)),
                (self.tr("Kind of behaviour"), ", ".join(
                    [lab(V.BEHAVIOUR, case.behaviour, lang)]
                    + [lab(V.BEHAVIOUR, c, lang) for c in case.extra_behaviours])),
                (self.tr("Relation"), lab(V.ACCUSED_RELATION, case.accused_relation, lang)),  # as in the list
                (self.tr("Follow-up"), ", ".join(
                    [lab(V.FOLLOW_UP, case.follow_up, lang)]
                    + [lab(V.FOLLOW_UP, c, lang) for c in case.extra_follow_ups]))]
        if case.integrity_kind:
            rows.insert(5, (self.tr("Kind of integrity violation"), lab(V.INTEGRITY_KIND, case.integrity_kind, lang)))
        if case.outcome:
            rows.append((self.tr("Outcome"), lab(V.OUTCOME, case.outcome, lang)))
        if case.details_purged:
            rows.append((self.tr("Details"), self.tr("removed on {date} (retention)").format(
                date=case.details_purged.strftime("%d-%m-%Y"))))
        for k, v in rows:
            value = QLabel(v)
            value.setWordWrap(True)
            self.props.addRow(k + ":", value)
        if open_required:
            self.open_box.setTitle(self.tr("Open required checklist items ({n})").format(n=len(open_required)))
            self.open_items.set_items(open_required)
            self.open_box.show()
        entries = []
        for c in case.contacts:
            minutes = self.tr("{n} min").format(n=c.minutes)
            text = (f"{c.date.strftime('%d-%m-%Y')}  ·  {lab(V.CONTACT_KIND, c.kind, lang)}  ·  "
                    f"{lab(V.CHANNEL, c.channel, lang)}  ·  {minutes}")
            if c.flagged:
                text += "  ·  ⚠ " + self.tr("possible identifier kept")
            first = first_line(c.notes or "")
            if first:
                text += f"\n{first}"
            entries.append((c.date.isoformat(), 0, text, ("contact", c)))
        for _id, created, data in decisions:
            result = data.get("result") or {}
            route = result.get("route_label") or result.get("route") or data.get("route") or ""
            if data.get("purged"):
                route += " " + self.tr("(details removed)")
            text = self.tr("Decision aid: {route}").format(route=route)
            entries.append((created[:10], 1, f"{created[:10][8:10]}-{created[5:7]}-{created[:4]}  ·  {text}",
                            ("decision", data)))
        for _d, _o, text, payload in sorted(entries, key=lambda e: (e[0], e[1])):
            it = QListWidgetItem(text)
            it.setData(Qt.ItemDataRole.UserRole, payload)
            self.timeline.addItem(it)


def first_line(notes: str, limit: int = 90) -> str:
    """The note's first line for the timeline, cut at a word with an ellipsis when it is longer."""
    line = notes.strip().splitlines()[0].strip() if notes.strip() else ""
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0] if " " in line[:limit] else line[:limit]
    return cut.rstrip(" ,;:.") + "…"


class CasesPage(QWidget):
    case_selected = Signal(int)

    def __init__(self, vocabs, lang: str, parent=None):
        super().__init__(parent)
        self.vocabs, self.lang = vocabs, lang
        self.model = CaseTableModel(vocabs, lang, self)
        self.proxy = self.model  # filtering and sorting happen inside the model (see CaseTableModel)
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search code or organisation (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search cases"))
        self.org = QComboBox()
        self.year = QComboBox()
        self.status = QComboBox()
        self.behaviour = QComboBox()
        self.new_button = QPushButton(self.tr("New case"))
        for combo, name in ((self.org, self.tr("Filter by organisation")), (self.year, self.tr("Filter by year")),
                            (self.status, self.tr("Filter by status")),
                            (self.behaviour, self.tr("Filter by behaviour"))):
            combo.setAccessibleName(name)
            combo.setMinimumContentsLength(8)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        bar.addWidget(self.search, 2)
        for w in (self.org, self.year, self.status, self.behaviour):
            bar.addWidget(w, 1)
        bar.addWidget(self.new_button)
        lay.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAccessibleName(self.tr("Cases"))
        self.view = CaseView()
        splitter.addWidget(self.table)
        splitter.addWidget(self.view)
        splitter.setSizes([820, 460])
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        lay.addWidget(splitter, 1)
        self.count_label = QLabel()
        lay.addWidget(self.count_label)
        self._sized = False
        self.status.addItem(self.tr("All statuses"), None)
        self.status.addItem(vocabs.label(V.STATUS, "open", lang), "open")
        self.status.addItem(vocabs.label(V.STATUS, "gesloten", lang), "gesloten")
        self.behaviour.addItem(self.tr("All behaviour"), None)
        for code, label in vocabs[V.BEHAVIOUR].choices(lang):
            self.behaviour.addItem(label, code)
        for w in (self.org, self.year, self.status, self.behaviour):
            w.currentIndexChanged.connect(self.apply_filters)
        self.search.textChanged.connect(self.apply_filters)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

    def set_rows(self, rows, organisations: list[str], years: list[int]) -> None:
        keep = (self.org.currentData(), self.year.currentData())
        for combo in (self.org, self.year):
            combo.blockSignals(True)
            combo.clear()
        self.org.addItem(self.tr("All organisations"), None)
        for name in organisations:
            self.org.addItem(name, name)
        self.year.addItem(self.tr("All years"), None)
        for y in years:
            self.year.addItem(str(y), y)
        self.org.setCurrentIndex(max(0, self.org.findData(keep[0])))
        self.year.setCurrentIndex(max(0, self.year.findData(keep[1])))
        for combo in (self.org, self.year):
            combo.blockSignals(False)
        self.model.set_rows(rows, self._filters())
        self._count()
        if not self._sized and rows:
            self._size_columns()
            self._sized = True

    def _size_columns(self, sample: int = 50) -> None:
        """Widths from the header and the first rows only: measuring all 20,000 rows takes too long."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        head_metrics = header.fontMetrics()
        for col in range(self.model.columnCount()):
            texts = [str(self.model.data(self.model.index(row, col)) or "")
                     for row in range(min(sample, self.model.rowCount()))]
            width = max([metrics.horizontalAdvance(t) for t in texts] or [0])
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            wanted = max(width + 16, head_metrics.horizontalAdvance(title) + 28)
            last = col == self.model.columnCount() - 1   # long labels are cut with "…" (full text as tooltip)
            header.resizeSection(col, wanted if last else min(wanted, MAX_COLUMN_WIDTH))

    def _filters(self) -> dict:
        return {"organisation": self.org.currentData(), "year": self.year.currentData(),
                "status": self.status.currentData(), "behaviour": self.behaviour.currentData(),
                "text": self.search.text()}

    def apply_filters(self) -> None:
        self.model.set_filters(**self._filters())
        self._count()

    def _count(self) -> None:
        self.count_label.setText(self.tr("{shown} of {total} cases").format(
            shown=self.model.rowCount(), total=self.model.total()))

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            cid = self.proxy.data(current, Qt.ItemDataRole.UserRole)
            if cid is not None:
                self.case_selected.emit(int(cid))

    def select_case(self, case_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            idx = self.proxy.index(row, 0)
            if self.proxy.data(idx, Qt.ItemDataRole.UserRole) == case_id:
                self.table.selectRow(row)
                self.table.scrollTo(idx)
                return True
        return False

    def clear(self) -> None:
        self.model.clear()
        self.view.clear()
        self.search.clear()
        self.count_label.clear()

    def today(self) -> date:
        return date.today()
