"""Small shared widgets: vocabulary combo boxes, field error labels, date edits."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QListWidget, QListWidgetItem

from models.vocab import Vocabularies


def problem_text(code: str, fallback: str) -> str:
    """The window's text for a validation problem code from models.entities."""
    texts = {
        "required": QCoreApplication.translate("Problems", "This field is required."),
        "bad_code": QCoreApplication.translate("Problems", "Use a case code like 2026-014: the year, a dash and a number."),
        "bad_date": QCoreApplication.translate("Problems", "Enter a valid date."),
        "closed_before_opened": QCoreApplication.translate("Problems", "The closing date lies before the opening date."),
        "before_opened": QCoreApplication.translate("Problems", "This date lies before the case was opened."),
        "unknown_code": QCoreApplication.translate("Problems", "Choose a value from the list."),
        "unknown_unit": QCoreApplication.translate("Problems", "Choose a unit of this organisation."),
        "negative": QCoreApplication.translate("Problems", "This cannot be negative."),
        "in_future": QCoreApplication.translate("Problems", "This date lies in the future; record a request on "
                                                "the day it was asked (today or earlier)."),
        "too_large": QCoreApplication.translate("Problems", "This number is too large."),
        "not_a_number": QCoreApplication.translate("Problems", "Enter a number."),
        "duplicate": QCoreApplication.translate("Problems", "This appears twice."),
        "too_long": QCoreApplication.translate("Problems", "This text is too long."),
    }
    return texts.get(code, fallback)


class VocabCombo(QComboBox):
    def __init__(self, vocabs: Vocabularies, name: str, lang: str, empty: str | None = None, parent=None):
        super().__init__(parent)
        self.vocab, self.lang, self.empty = vocabs[name], lang, empty
        if empty is not None:
            self.addItem(empty, None)
        for code, label in vocabs[name].choices(lang):
            self.addItem(label, code)

    def offer(self, sector: str | None, keep: str | None = None) -> None:
        """Offer only the codes of an organisation of ``sector`` (models.vocab.Vocabulary.offered), and
        ``keep``: the code a stored case has stays shown. The choice stays when it is still offered."""
        current = self.code()
        self.blockSignals(True)
        self.clear()
        if self.empty is not None:
            self.addItem(self.empty, None)
        for code in self.vocab.offered(sector, keep):
            self.addItem(self.vocab.label_of(code, self.lang), code)
        self.blockSignals(False)
        self.set_code(current)

    def code(self):
        return self.currentData()

    def set_code(self, code) -> None:
        i = self.findData(code)
        self.setCurrentIndex(max(i, 0))


class VocabChecks(QListWidget):
    """A short checkable list for multi-valued labels (extra behaviours, extra follow-ups)."""

    def __init__(self, vocabs: Vocabularies, name: str, lang: str, parent=None):
        super().__init__(parent)
        for code, label in vocabs[name].choices(lang):
            it = QListWidgetItem(label)
            it.setData(Qt.ItemDataRole.UserRole, code)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(it)
        self.setMaximumHeight(110)

    def codes(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_codes(self, codes: list[str]) -> None:
        for i in range(self.count()):
            it = self.item(i)
            it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) in codes
                             else Qt.CheckState.Unchecked)

    def exclude(self, code) -> None:
        """The primary value is not offered again as an extra one."""
        for i in range(self.count()):
            it = self.item(i)
            same = it.data(Qt.ItemDataRole.UserRole) == code
            it.setHidden(same)
            if same:
                it.setCheckState(Qt.CheckState.Unchecked)


class ErrorLabel(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        from ui import theme
        theme.style(self, "error")
        self.setWordWrap(True)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class DateEdit(QDateEdit):
    def __init__(self, value: date | None = None, parent=None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd-MM-yyyy")
        self.set_date(value or date.today())

    def set_date(self, value: date) -> None:
        self.setDate(QDate(value.year, value.month, value.day))

    def value(self) -> date:
        d = self.date()
        return date(d.year(), d.month(), d.day())


def reminder_label(kind: str, _ctx=None) -> str:
    """A reminder's kind in the window's language (terms of the decision aid, the next conversation)."""
    labels = {"volgend_contact": QCoreApplication.translate("Reminders", "next conversation"),
              "ontvangstbevestiging": QCoreApplication.translate("Reminders", "acknowledgement of receipt due"),
              "terugkoppeling": QCoreApplication.translate("Reminders", "feedback due"),
              "ontvankelijkheid": QCoreApplication.translate("Reminders", "admissibility decision due"),
              "advies_klachtencommissie": QCoreApplication.translate("Reminders",
                                                                     "advice of the complaints committee due"),
              "indientermijn_klacht": QCoreApplication.translate("Reminders",
                                                                 "last day to file the complaint (estimate)")}
    labels["advies"] = labels["advies_klachtencommissie"]  # reminders saved before the codes matched
    return labels.get(kind, kind)
