"""Dialogs to create and edit a case and a contact. Opened with open(); nothing is lost when a save
fails: the dialog stays open with the errors next to the fields."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import casework
from app.errors import UserError, ValidationError, VertrouwdError
from app.guidance import checklists
from app.paths import templates_dir
from app.store.repository import Repository
from models import entities as E
from models import vocab as V
from models.checklist import Template
from models.entities import Case, Contact
from ui import theme
from ui.checklist_panel import ChecklistPanel
from ui.i18n import error_text
from ui.privacy_highlighter import PrivacyHighlighter
from ui.widgets import DateEdit, ErrorLabel, VocabChecks, VocabCombo, problem_text


def _field_row(form: QFormLayout, errors: dict, label: str, widget: QWidget, field: str) -> None:
    """A form row with the field and, under it, the place for its validation error."""
    box = QVBoxLayout()
    box.setSpacing(2)
    box.addWidget(widget)
    if not widget.accessibleName():
        widget.setAccessibleName(label)  # the row's label is in a layout, not a buddy: name it here
    errors[field] = ErrorLabel()
    box.addWidget(errors[field])
    form.addRow(label, box)


def _show_problems(exc: UserError, labels: dict[str, ErrorLabel], general: ErrorLabel) -> None:
    for lbl in labels.values():
        lbl.show_text("")
    problems = getattr(exc, "problems", None) or []
    shown = False
    for p in problems:
        if p.field in labels:
            labels[p.field].show_text(problem_text(p.code, p.message))
            shown = True
    if not shown and exc.field in labels:
        labels[exc.field].show_text(error_text(exc))
        shown = True
    general.show_text("" if shown else error_text(exc))


class CaseEditor(QDialog):
    saved = Signal(int)

    def __init__(self, repo: Repository, lang: str, case: Case | None = None, parent=None):
        super().__init__(parent)
        self.repo, self.lang, self.case = repo, lang, case
        vocabs = repo.vocabs
        self.setWindowTitle(self.tr("Edit case") if case else self.tr("New case"))
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.errors: dict[str, ErrorLabel] = {}

        def row(label: str, widget: QWidget, field: str) -> None:
            _field_row(form, self.errors, label, widget, field)

        self.code = QLineEdit()
        self.code.setPlaceholderText("2026-014")
        self.code.setToolTip(self.tr("A pseudonymous code. Never a name or initials."))
        self.organisation = QComboBox()
        self.orgs = repo.list_organisations()
        for o in self.orgs:
            self.organisation.addItem(o.name, o.name)
        self.unit = QComboBox()
        self.opened = DateEdit()
        self.closed_label = QLabel()
        choose = self.tr("— choose —")  # a new case starts with nothing chosen: no skewed figures
        self.position = VocabCombo(vocabs, V.POSITION, lang, empty=choose)
        self.role = VocabCombo(vocabs, V.REPORTER_ROLE, lang, empty=choose)
        self.behaviour = VocabCombo(vocabs, V.BEHAVIOUR, lang, empty=choose)
        self.extra = VocabChecks(vocabs, V.BEHAVIOUR, lang)
        self.integrity = VocabCombo(vocabs, V.INTEGRITY_KIND, lang, empty=self.tr("— not recorded —"))
        self.integrity.setToolTip(self.tr("Only for an integrity violation (main or other behaviour)."))
        self.relation = VocabCombo(vocabs, V.ACCUSED_RELATION, lang, empty=choose)
        self.outcome = VocabCombo(vocabs, V.OUTCOME, lang, empty=self.tr("— not recorded —"))
        self.outcome.setToolTip(self.tr("How the situation is when the case closes; asked when you close it."))
        self.follow_up = VocabCombo(vocabs, V.FOLLOW_UP, lang)
        self.extra_follow = VocabChecks(vocabs, V.FOLLOW_UP, lang)
        row(self.tr("Code"), self.code, "code")
        row(self.tr("Organisation"), self.organisation, "organisation")
        row(self.tr("Unit (optional)"), self.unit, "unit")
        row(self.tr("Opened on"), self.opened, "opened")
        row(self.tr("Position of the person"), self.position, "position")
        row(self.tr("Role in the case"), self.role, "reporter_role")
        row(self.tr("Kind of behaviour"), self.behaviour, "behaviour")
        row(self.tr("Other behaviour (optional)"), self.extra, "extra_behaviours")
        row(self.tr("Kind of integrity violation"), self.integrity, "integrity_kind")
        row(self.tr("Relation to the person it is about"), self.relation, "accused_relation")
        row(self.tr("Follow-up"), self.follow_up, "follow_up")
        row(self.tr("Other follow-up (optional)"), self.extra_follow, "extra_follow_ups")
        row(self.tr("Outcome"), self.outcome, "outcome")
        self.errors["closed"] = ErrorLabel()
        self.general = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.errors["closed"])
        lay.addWidget(self.general)
        lay.addWidget(buttons)
        self.organisation.currentIndexChanged.connect(self._fill_units)
        self._fill_units()
        self.behaviour.currentIndexChanged.connect(lambda _i: self.extra.exclude(self.behaviour.code()))
        self.behaviour.currentIndexChanged.connect(self._integrity_applies)
        self.extra.itemChanged.connect(self._integrity_applies)
        self.follow_up.currentIndexChanged.connect(lambda _i: self.extra_follow.exclude(self.follow_up.code()))
        if case:
            self.code.setText(case.code)
            self.organisation.setCurrentIndex(max(0, self.organisation.findData(case.organisation)))
            self._fill_units()
            self.unit.setCurrentIndex(max(0, self.unit.findData(case.unit)))
            self.opened.set_date(case.opened)
            self.role.set_code(case.reporter_role)
            self.position.set_code(case.position)
            self.behaviour.set_code(case.behaviour)
            self.extra.set_codes(case.extra_behaviours)
            self.integrity.set_code(case.integrity_kind)
            self.relation.set_code(case.accused_relation)
            self.outcome.set_code(case.outcome)
            self.follow_up.set_code(case.follow_up)
            self.extra_follow.set_codes(case.extra_follow_ups)
        else:
            self.code.setText(repo.next_case_code(date.today().year))
            self.follow_up.set_code("lopend")
        self.extra.exclude(self.behaviour.code())
        self.extra_follow.exclude(self.follow_up.code())
        self._offer_sector()
        self._integrity_applies()

    def _fill_units(self) -> None:
        self.unit.clear()
        self.unit.addItem(self.tr("(none)"), None)
        name = self.organisation.currentData()
        for o in self.orgs:
            if o.name == name:
                for u in o.units:
                    self.unit.addItem(u, u)
        self._offer_sector()

    def _offer_sector(self) -> None:
        """The categories of the organisation's sector (pupil, client, athlete, ...); a code the stored
        case already has stays offered whatever the sector is now."""
        name = self.organisation.currentData()
        sector = next((o.sector for o in self.orgs if o.name == name), V.DEFAULT_SECTOR)
        c = self.case
        for combo, kept in ((self.position, c.position if c else None), (self.role, c.reporter_role if c else None),
                            (self.behaviour, c.behaviour if c else None),
                            (self.relation, c.accused_relation if c else None)):
            combo.offer(sector, kept)

    def _integrity_applies(self, *_args) -> None:
        """The kind of integrity violation is asked only while integriteit is the main or another behaviour."""
        applies = E.INTEGRITY in (self.behaviour.code(), *self.extra.codes())
        self.integrity.setEnabled(applies)
        if not applies:
            self.integrity.set_code(None)

    def build(self) -> Case:
        c = self.case
        return Case(id=c.id if c else None, code=self.code.text().strip(),
                    organisation=self.organisation.currentData() or "", opened=self.opened.value(),
                    closed=c.closed if c else None, reporter_role=self.role.code(), position=self.position.code(),
                    behaviour=self.behaviour.code(), extra_behaviours=self.extra.codes(),
                    integrity_kind=self.integrity.code(), accused_relation=self.relation.code(),
                    follow_up=self.follow_up.code(), extra_follow_ups=self.extra_follow.codes(),
                    unit=self.unit.currentData(), outcome=self.outcome.code())

    def save(self) -> None:
        if not self.orgs:
            self.general.show_text(self.tr("Add a client organisation first (Organisations)."))
            return
        case = self.build()
        try:
            if case.id is None:
                cid = self.repo.add_case(case)
            else:
                self.repo.update_case(case)
                cid = case.id
        except (ValidationError, UserError) as exc:
            _show_problems(exc, self.errors, self.general)
            return
        self.saved.emit(cid)
        self.accept()


class ContactEditor(QDialog):
    """A conversation: date, minutes, channel, kind, notes and the checklist beside them."""

    saved = Signal(int)

    def __init__(self, repo: Repository, lang: str, case: Case, contact: Contact | None = None, parent=None,
                 clipboard=None, dialogs=None):
        super().__init__(parent)
        self.repo, self.lang, self.case, self.contact = repo, lang, case, contact
        self.clipboard = clipboard
        from ui.seams import Dialogs
        self.dialogs = dialogs or Dialogs()
        vocabs = repo.vocabs
        self.setWindowTitle(self.tr("Conversation") if contact else self.tr("New conversation"))
        self.resize(980, 640)
        self.errors: dict[str, ErrorLabel] = {}
        left = QWidget()
        form = QFormLayout()

        def row(label: str, widget: QWidget, field: str) -> None:
            _field_row(form, self.errors, label, widget, field)

        self.date = DateEdit()
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        self.channel = VocabCombo(vocabs, V.CHANNEL, lang)
        self.kind = VocabCombo(vocabs, V.CONTACT_KIND, lang)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setPlaceholderText(self.tr(
            "Facts related to the matter only. No names, phone numbers or other details that identify "
            "someone."))
        self.privacy_hint = QLabel()
        self.privacy_hint.setWordWrap(True)
        theme.style(self.privacy_hint, "warn")
        row(self.tr("Date"), self.date, "date")
        row(self.tr("Duration"), self.minutes, "minutes")
        row(self.tr("Channel"), self.channel, "channel")
        row(self.tr("Kind of conversation"), self.kind, "kind")
        left_lay = QVBoxLayout(left)
        left_lay.addLayout(form)
        left_lay.addWidget(QLabel(self.tr("Notes")))
        left_lay.addWidget(self.notes, 1)
        left_lay.addWidget(self.privacy_hint)
        self.errors["notes"] = ErrorLabel()
        left_lay.addWidget(self.errors["notes"])

        self.checklist_box = QWidget()
        cl_lay = QVBoxLayout(self.checklist_box)
        cl_lay.setContentsMargins(0, 0, 0, 0)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Checklist")))
        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName(self.tr("Checklist"))
        pick.addWidget(self.template_combo, 1)
        cl_lay.addLayout(pick)
        self.templates = checklists.all_templates(self.repo_store_dir())
        self.panel = ChecklistPanel()
        self.panel.set_offered(self._offered_codes(vocabs))
        cl_lay.addWidget(self.panel, 1)
        self.template_combo.addItem(self.tr("(no checklist)"), None)
        for t in self.templates:
            self.template_combo.addItem(t.title.get(lang) or t.title.get("nl"), t.id)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.checklist_box)
        splitter.setSizes([520, 460])
        self.general = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.copy_button = buttons.addButton(self.tr("Copy notes"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_notes)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(splitter, 1)
        lay.addWidget(self.general)
        lay.addWidget(buttons)

        self.highlighter = PrivacyHighlighter(self.notes.document())
        self.template_combo.currentIndexChanged.connect(self._template_changed)
        self.kind.currentIndexChanged.connect(self._propose_template)
        self.dirty = False
        if contact:
            self.date.set_date(contact.date)
            self.minutes.setValue(contact.minutes)
            self.channel.set_code(contact.channel)
            self.kind.set_code(contact.kind)
            self.notes.setPlainText(contact.notes)
            self._load_checklist(contact.checklist)
        else:
            self.kind.set_code("intake" if not case.contacts else "vervolg")
            self.date.set_date(max(date.today(), case.opened))
            self._propose_template()
        self.notes.textChanged.connect(self._mark_dirty)
        self.panel.answersChanged.connect(self._mark_dirty)

    def confirm(self, title: str, text: str) -> bool:
        return self.dialogs.confirm(self, title, text)

    def _offered_codes(self, vocabs):
        """The checklist lists offer the codes of the organisation's sector (and the case's own code)."""
        try:
            sector = self.repo.organisation(self.case.organisation).sector
        except VertrouwdError:
            return None

        def offered(name: str | None, code: str) -> bool:
            if name is None or name not in vocabs.by_name:
                return True
            own = getattr(self.case, name, None)
            return code in vocabs[name].offered(sector, keep=own if isinstance(own, str) else None)
        return offered

    def repo_store_dir(self) -> Path:
        return templates_dir()

    def _mark_dirty(self, *args) -> None:
        self.dirty = True

    def _template(self, template_id: str, version: int | None = None) -> Template:
        """The template (the newest when this version is gone); UserError when the id is unknown."""
        return checklists.get_template(template_id, version, store_dir=self.repo_store_dir())

    def _template_changed(self) -> None:
        tid = self.template_combo.currentData()
        if tid is None:
            self.panel.clear()
            self.panel.setEnabled(False)
            return
        self.panel.setEnabled(True)
        self.panel.set_template(self._template(tid), self.lang)

    def _propose_template(self) -> None:
        if self.contact is not None:
            return
        try:
            t = checklists.template_for_kind(self.kind.code(), store_dir=self.repo_store_dir())
        except UserError:  # no checklist is meant for this kind
            return
        i = self.template_combo.findData(t.id)
        if i >= 0:
            self.template_combo.setCurrentIndex(i)
            self._template_changed()

    def _load_checklist(self, stored: dict | None) -> None:
        if not stored:
            self.template_combo.setCurrentIndex(0)
            self._template_changed()
            return
        t = self._template(stored.get("template"), stored.get("version"))
        i = self.template_combo.findData(t.id)
        self.template_combo.blockSignals(True)
        self.template_combo.setCurrentIndex(max(i, 0))
        self.template_combo.blockSignals(False)
        self.panel.setEnabled(True)
        self.panel.set_template(t, self.lang)
        self.panel.set_answers(stored)

    def checklist(self) -> dict | None:
        if self.template_combo.currentData() is None:
            return None
        return self.panel.answers()

    def build(self) -> Contact:
        c = self.contact
        return Contact(id=c.id if c else None, case_id=self.case.id, date=self.date.value(),
                       minutes=self.minutes.value(), channel=self.channel.code(), kind=self.kind.code(),
                       notes=self.notes.toPlainText(), checklist=self.checklist(),
                       flagged=c.flagged if c else False)

    # -- drafts (kept encrypted in the vault when the program locks) ---------------------------
    def draft_key(self) -> str:
        return f"contact:{self.case.id}:{self.contact.id if self.contact else 'new'}"

    def draft(self) -> dict:
        return {"case_id": self.case.id, "contact_id": self.contact.id if self.contact else None,
                "date": self.date.value().isoformat(), "minutes": self.minutes.value(),
                "channel": self.channel.code(), "kind": self.kind.code(),
                "notes": self.notes.toPlainText(), "checklist": self.checklist()}

    def restore_draft(self, d: dict) -> None:
        self.date.set_date(date.fromisoformat(d["date"]))
        self.minutes.setValue(int(d["minutes"]))
        self.channel.set_code(d["channel"])
        self.kind.set_code(d["kind"])
        self.notes.setPlainText(d["notes"])
        self._load_checklist(d.get("checklist"))
        self.dirty = True

    def copy_notes(self) -> None:
        text = self.notes.textCursor().selectedText().replace("\u2029", "\n") or self.notes.toPlainText()
        if self.clipboard is not None and text:
            self.clipboard.copy(text)

    # -- saving --------------------------------------------------------------------------------
    def findings(self) -> list:
        return casework.scan_note(self.notes.toPlainText())

    def save(self, *, replace=None) -> bool:
        """Save; returns True when saved. Identifiers found in the notes are shown first: each can be
        replaced by a placeholder, or kept deliberately (the contact is then marked). The note, its
        answers, the case fields and reminders they fill are stored together or not at all."""
        if not self.answers_checked():
            return False
        found = self.findings()
        chosen = []
        if found:
            chosen = replace if replace is not None else self.ask_about_findings(found)
            if chosen is None:
                return False
        try:
            saved = casework.save_conversation(self.repo, self.case.id, self.build(), findings=found,
                                               replace=list(chosen), draft_key=self.draft_key(),
                                               store_dir=self.repo_store_dir())
        except (ValidationError, UserError) as exc:
            _show_problems(exc, self.errors, self.general)
            return False
        if saved.contact.notes != self.notes.toPlainText():
            self.notes.setPlainText(saved.contact.notes)
        self.contact = saved.contact
        self.dirty = False
        self.saved.emit(saved.contact.id)
        self.accept()
        return True

    def answers_checked(self) -> bool:
        """True to go on saving: no identifiers in the free-text answers, or she keeps them knowingly."""
        found = casework.scan_answers(self.checklist(), self.lang, self.repo_store_dir())
        if not found:
            return True
        from app.privacy.guard import kind_label
        lines = "\n".join(f"• {a.question}: “{a.finding.text}” ({kind_label(a.finding.kind, self.lang)})"
                          for a in found)
        return self.confirm(self.tr("Possible identifiers"), self.tr(
            "These checklist answers may identify someone:\n\n{lines}\n\nSave them anyway? The conversation "
            "is then marked. Choose No to change the answers first.").format(lines=lines))

    def ask_about_findings(self, found):
        """The findings to replace (possibly none: keep all), or None to go back to editing."""
        from ui.privacy_dialog import FindingsDialog
        dlg = FindingsDialog(found, self.lang, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        return dlg.to_replace()
