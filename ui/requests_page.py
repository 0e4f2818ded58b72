"""Vragen: requests for information or advice, recorded in seconds and counted apart from cases.

One line of choices at the top (organisation, kind, who asked, optional topic, minutes, date) and a
"Record" button (Enter records too): a 5-minute phone question is in the vault before the phone is
down. The organisation, kind and asker stay chosen for the next one. Below: the requests of the
chosen organisation and year with their count and hours; double-clicking one loads it into the
choices to change it. There is no field for text, so no name can be typed in.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import casework
from app.errors import UserError
from models import vocab as V
from models.entities import MAX_MINUTES, Request
from ui.i18n import error_text
from ui.item_models import SimpleTableModel
from ui.widgets import DateEdit, ErrorLabel, problem_text

ALL = None   # the organisation filter's "all organisations"


class RequestsPage(QWidget):
    changed = Signal()   # a request was recorded or removed

    def __init__(self, lang: str, dialogs, today: Callable[[], date], parent=None):
        super().__init__(parent)
        self.lang, self.dialogs, self.today = lang, dialogs, today
        self.repo = None
        self.items: list[Request] = []
        self.editing: Request | None = None   # the request loaded into the entry line to change
        lay = QVBoxLayout(self)
        heading = QLabel(self.tr("Requests for information or advice"))
        heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        lay.addWidget(heading)
        hint = QLabel(self.tr("A question that is not a case: a manager asking how to handle a situation, an "
                              "employee asking about the procedure. Counted apart from cases in the annual "
                              "report. Only the kind of question, who asked and the time are recorded."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        lay.addWidget(self._entry_box())
        lay.addLayout(self._filter_bar())
        self.model = SimpleTableModel([self.tr("Date"), self.tr("Organisation"), self.tr("Kind of request"),
                                       self.tr("Who asked"), self.tr("Topic"), self.tr("Minutes")], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Requests for information or advice"))
        self.table.doubleClicked.connect(lambda _i: self.edit(self._current()))
        lay.addWidget(self.table, 1)

    def _entry_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Record a request"))
        grid = QGridLayout(box)
        self.org = QComboBox()
        self.kind = QComboBox()
        self.asker = QComboBox()
        self.topic = QComboBox()
        self.minutes = QSpinBox()
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(5)
        self.minutes.setSuffix(self.tr(" min"))
        self.date = DateEdit(self.today())
        self.record_button = QPushButton(self.tr("Record"))
        self.record_button.setDefault(True)
        self.record_button.clicked.connect(self.record)
        for combo in (self.org, self.kind, self.asker, self.topic):   # long labels never push the row wider
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        # two lines of choices: what matters most (who for, what kind, who asked) first, wide enough to read
        fields = (((self.tr("Organisation"), self.org, 0, 1), (self.tr("Kind of request"), self.kind, 1, 2),
                   (self.tr("Who asked"), self.asker, 3, 1)),
                  ((self.tr("Topic (optional)"), self.topic, 0, 1), (self.tr("Time"), self.minutes, 1, 1),
                   (self.tr("Date"), self.date, 2, 1)))
        for line, row in enumerate(fields):
            for text, widget, col, span in row:
                label = QLabel(text)
                label.setBuddy(widget)
                grid.addWidget(label, 2 * line, col, 1, span)
                grid.addWidget(widget, 2 * line + 1, col, 1, span)
        for col in range(4):
            grid.setColumnStretch(col, 1)
        self.cancel_button = QPushButton(self.tr("Cancel change"))
        self.cancel_button.clicked.connect(self.stop_editing)
        self.cancel_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button, 1)
        buttons.addWidget(self.cancel_button)
        grid.addLayout(buttons, 3, 3)
        self.error = ErrorLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        grid.addWidget(self.error, 4, 0, 1, 4)
        grid.addWidget(self.status, 5, 0, 1, 4)
        return box

    def _filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.filter_org = QComboBox()
        self.filter_org.setAccessibleName(self.tr("Show the requests of"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2999)
        self.year.setValue(self.today().year)
        self.year.setAccessibleName(self.tr("Year"))
        self.summary = QLabel()
        self.delete_button = QPushButton(self.tr("Remove"))
        self.delete_button.clicked.connect(self._delete)
        bar.addWidget(QLabel(self.tr("Show")))
        bar.addWidget(self.filter_org)
        bar.addWidget(self.year)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.delete_button)
        self.filter_org.currentIndexChanged.connect(self._reload)
        self.year.valueChanged.connect(self._reload)
        return bar

    # -- data ------------------------------------------------------------------------------------
    def load(self, repo) -> None:
        """Fill the choices from the vault (keeping what was chosen) and show the list."""
        first = self.repo is None
        self.repo = repo
        vocabs = repo.vocabs
        orgs = [o.name for o in repo.list_organisations()]
        self._fill(self.org, [(n, n) for n in orgs])
        self._fill(self.filter_org, [(self.tr("All organisations"), ALL)] + [(n, n) for n in orgs])
        if first:
            def labelled(name: str) -> list[tuple[str, object]]:
                return [(label, code) for code, label in vocabs[name].choices(self.lang)]
            self._fill(self.kind, labelled(V.REQUEST_KIND))
            self._fill(self.asker, labelled(V.REQUEST_ASKER))
            self._fill(self.topic, [("—", None)] + labelled(V.BEHAVIOUR))
            self.date.set_date(self.today())
        self.record_button.setEnabled(bool(orgs))
        self.error.show_text("" if orgs else self.tr("Add a client organisation first (Organisations)."))
        self._reload()

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for label, data in items:
            combo.addItem(label, data)
        combo.setCurrentIndex(max(0, combo.findData(keep)))
        combo.blockSignals(False)

    def _reload(self) -> None:
        if self.repo is None:
            return
        self.items = self.repo.list_requests(organisation=self.filter_org.currentData(), year=self.year.value())
        vocabs = self.repo.vocabs
        self.model.set_rows([(r.date.strftime("%d-%m-%Y"), r.organisation,
                              vocabs.label(V.REQUEST_KIND, r.kind, self.lang),
                              vocabs.label(V.REQUEST_ASKER, r.asker, self.lang),
                              vocabs.label(V.BEHAVIOUR, r.topic, self.lang) if r.topic else "",
                              str(r.minutes)) for r in self.items], [r.id for r in self.items])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        minutes = sum(r.minutes for r in self.items)
        self.summary.setText(self.tr("Requests: {n} · hours: {hours}").format(
            n=len(self.items), hours=QLocale().toString(minutes / 60.0, "f", 1)))

    # -- actions ---------------------------------------------------------------------------------
    def record(self) -> None:
        """Store the request as chosen (or the changed one); the choices stay for the next one."""
        if self.repo is None or self.org.currentData() is None:
            return
        req = Request(organisation=self.org.currentData(), date=self.date.value(), kind=self.kind.currentData(),
                      asker=self.asker.currentData(), topic=self.topic.currentData(), minutes=self.minutes.value(),
                      id=self.editing.id if self.editing else None)
        try:
            stored = casework.change_request(self.repo, req) if req.id else casework.record_request(self.repo, req)
        except UserError as exc:
            problems = getattr(exc, "problems", None)
            self.error.show_text(problem_text(problems[0].code, error_text(exc)) if problems else error_text(exc))
            self.status.clear()
            return
        self.error.show_text("")
        self.status.setText(self.tr("Recorded: {kind}, {minutes} min ({organisation}).").format(
            kind=self.kind.currentText(), minutes=stored.minutes, organisation=stored.organisation))
        if self.editing:
            self.stop_editing()
        self.topic.setCurrentIndex(0)
        self._reload()
        self.changed.emit()
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit(self, req: Request | None) -> None:
        """Load a request into the entry line; "Save change" stores it, "Cancel change" leaves it."""
        if req is None:
            return
        self.editing = req
        for combo, value in ((self.org, req.organisation), (self.kind, req.kind), (self.asker, req.asker),
                             (self.topic, req.topic)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.minutes.setValue(req.minutes)
        self.date.set_date(req.date)
        self.record_button.setText(self.tr("Save change"))
        self.cancel_button.show()
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def stop_editing(self) -> None:
        self.editing = None
        self.record_button.setText(self.tr("Record"))
        self.cancel_button.hide()
        self.date.set_date(self.today())
        self.minutes.setValue(5)
        self.topic.setCurrentIndex(0)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Enter in the entry line records (the list keeps Enter for itself)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.table.hasFocus():
            self.record()
            return
        super().keyPressEvent(event)

    def _current(self) -> Request | None:
        idx = self.table.currentIndex()
        return self.items[idx.row()] if idx.isValid() else None

    def _delete(self) -> None:
        req = self._current()
        if req is None or not self.dialogs.confirm(self, self.tr("Remove request"),
                                                   self.tr("Remove this request?")):
            return
        try:
            casework.remove_request(self.repo, req.id)
        except UserError as exc:
            self.dialogs.error(self, self.tr("Remove request"), error_text(exc))
        if self.editing and self.editing.id == req.id:
            self.stop_editing()
        self._reload()
        self.changed.emit()

    def clear(self) -> None:
        self.repo = None
        self.items = []
        self.model.clear()
