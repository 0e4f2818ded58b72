"""Closing a case with the adviser's knowledge: the date (today unless she chooses another, never
before the case opened), the outcome (afloop, what the closing checklist collected unless she chooses
another), what will change (status, an ongoing follow-up, the reminders that go) and the required
checklist items still open, grouped per conversation and checklist."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import casework
from models import vocab as V
from models.entities import Case
from ui.widgets import DateEdit, VocabCombo


def dmy(d: date) -> str:
    return d.strftime("%d-%m-%Y")


class OpenItemsTree(QTreeWidget):
    """Open required checklist items, one collapsible group per conversation and checklist."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setRootIsDecorated(True)
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Open required checklist items"))

    def set_items(self, items: Sequence[casework.OpenItem], expanded: bool = False) -> int:
        """Show the items; returns the number of groups."""
        self.clear()
        groups: dict[tuple[date, str], QTreeWidgetItem] = {}
        for it in items:
            key = (it.contact_date, it.checklist)
            group = groups.get(key)
            if group is None:
                group = QTreeWidgetItem(self)
                groups[key] = group
            child = QTreeWidgetItem(group, [it.text])
            child.setToolTip(0, it.text)
        for (day, title), group in groups.items():
            group.setText(0, self.tr("{date} · {checklist}: {n} open").format(
                date=dmy(day), checklist=title or self.tr("checklist"), n=group.childCount()))
            group.setExpanded(expanded)
        return len(groups)


class CloseCaseDialog(QDialog):
    """Asks the closing date and the outcome and shows what closing changes; `closed_on()`, `follow_up()`
    and `outcome()` after."""

    def __init__(self, case: Case, vocabs, lang: str, reminders: Sequence, open_items: Sequence[casework.OpenItem],
                 today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.case, self.vocabs, self.lang = case, vocabs, lang
        self.setWindowTitle(self.tr("Close case {code}").format(code=case.code))
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.date = DateEdit(max(today, case.opened))
        self.date.setMinimumDate(QDate(case.opened.year, case.opened.month, case.opened.day))
        self.date.setAccessibleName(self.tr("Closing date"))
        form.addRow(self.tr("Closing date"), self.date)
        self.follow = None
        if case.follow_up == casework.FOLLOW_UP_OPEN:
            self.follow = VocabCombo(vocabs, V.FOLLOW_UP, lang)
            self.follow.removeItem(self.follow.findData(casework.FOLLOW_UP_OPEN))
            self.follow.set_code(casework.FOLLOW_UP_WHEN_CLOSED)
            self.follow.setAccessibleName(self.tr("Follow-up after closing"))
            form.addRow(self.tr("Follow-up"), self.follow)
        self.outcome_box = VocabCombo(vocabs, V.OUTCOME, lang)
        self.outcome_box.set_code(case.outcome or casework.OUTCOME_UNKNOWN)
        self.outcome_box.setAccessibleName(self.tr("Outcome"))
        self.outcome_box.setToolTip(self.tr("How the situation at work is now, as the person experiences it. "
                                            "It counts in the annual report."))
        form.addRow(self.tr("Outcome"), self.outcome_box)
        lay.addLayout(form)
        lay.addWidget(QLabel("<b>" + self.tr("What changes") + "</b>"))
        self.changes = QLabel()
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.changes)
        self.reminders = list(reminders)
        self.open_tree = None
        if open_items:
            note = QLabel(self.tr("{n} required checklist items are still open. You can close the case "
                                  "anyway; they stay visible in the conversations.").format(n=len(open_items)))
            note.setWordWrap(True)
            lay.addWidget(note)
            self.open_tree = OpenItemsTree()
            self.open_tree.set_items(open_items)
            self.open_tree.setMaximumHeight(150)
            lay.addWidget(self.open_tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = buttons.addButton(self.tr("Close case"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.date.dateChanged.connect(self._describe)
        if self.follow is not None:
            self.follow.currentIndexChanged.connect(self._describe)
        self.outcome_box.currentIndexChanged.connect(self._describe)
        self._describe()

    def closed_on(self) -> date:
        return self.date.value()

    def follow_up(self) -> str | None:
        return self.follow.code() if self.follow is not None else None

    def outcome(self) -> str:
        return self.outcome_box.code()

    def _describe(self, *_args) -> None:
        from ui.widgets import reminder_label
        lab = self.vocabs.label
        lines = [self.tr("Status: open → closed on {date}").format(date=dmy(self.closed_on()))]
        if self.follow is not None:
            lines.append(self.tr("Follow-up: {old} → {new}").format(
                old=lab(V.FOLLOW_UP, casework.FOLLOW_UP_OPEN, self.lang),
                new=lab(V.FOLLOW_UP, self.follow_up(), self.lang)))
        lines.append(self.tr("Outcome: {outcome}").format(outcome=lab(V.OUTCOME, self.outcome(), self.lang)))
        if self.reminders:
            lines.append(self.tr("These reminders are ticked off:"))
            lines += [f"   • {dmy(r.due)} {reminder_label(r.kind)}" for r in self.reminders]
        else:
            lines.append(self.tr("There are no open reminders."))
        lines.append(self.tr("The retention period starts on the closing date."))
        self.changes.setText("\n".join(lines))
