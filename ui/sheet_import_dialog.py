"""Bestand -> Importeren uit spreadsheet: the proposed mapping, which the adviser can change, the
privacy findings (replace all, or untick what to keep for review), what would be imported, and the
import itself - reading, planning and writing all run off the GUI thread (ui.worker)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import texts
from app.sheets import mapping as M
from app.sheets import plan as P
from app.sheets.read import read_sheet
from ui import i18n
from ui.worker import Cancelled, run_in_thread

EXAMPLES = 3


def _example(value) -> str:
    """A cell as the dialog shows it: dates as d-m-yyyy, text with identifiers already replaced."""
    from datetime import date, datetime

    from app.privacy import guard
    if isinstance(value, datetime | date):
        return f"{value.day}-{value.month}-{value.year}"
    return guard.redact(str(value))


class SheetImportDialog(QDialog):
    """One spreadsheet's import. ``analysed`` fires whenever a new plan is shown, ``imported``
    (with the counts) after the import was stored."""

    analysed = Signal()
    imported = Signal(dict)

    def __init__(self, repo, lang: str, path: str | Path, parent=None, dialogs=None):
        super().__init__(parent)
        self.repo, self.lang, self.path, self.dialogs = repo, lang, Path(path), dialogs
        self.sheet = self.mapping = self.plan = self.job = None
        self.error: BaseException | None = None    # why the file could not be read or imported
        self.refused: dict[str, texts.Phrase] = {}   # column title -> why it holds identities
        self.seen_values: dict[tuple[str, str], int] = {}   # unknown values met in this sheet, with rows
        self._filling = False
        self.setWindowTitle(self.tr("Import from spreadsheet"))
        self.resize(900, 640)
        lay = QVBoxLayout(self)
        self.intro = QLabel(self.tr(
            "Check how the columns of {file} become cases and conversations. Names, e-mail addresses and "
            "phone or personnel numbers never come in: such columns are left out, and notes are "
            "cleaned before they are stored.").format(file=self.path.name))
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        lay.addLayout(self._options())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._columns_tab(), self.tr("Columns"))
        self.tabs.addTab(self._values_tab(), self.tr("Unknown values"))
        self.tabs.addTab(self._privacy_tab(), self.tr("Privacy"))
        lay.addWidget(self.tabs, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.summary)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        lay.addWidget(self.progress)
        lay.addWidget(self._buttons())
        self._analyse()

    # -- widgets ----------------------------------------------------------------------------------
    def _options(self) -> QFormLayout:
        form = QFormLayout()
        self.sheet_box = QComboBox()
        self.sheet_box.activated.connect(lambda _i: self._analyse(self.sheet_box.currentData()))
        form.addRow(self.tr("Sheet"), self.sheet_box)
        self.rows_box = QComboBox()
        self.rows_box.addItem(self.tr("One row per conversation (grouped into cases)"), "conversation")
        self.rows_box.addItem(self.tr("One row per case"), "case")
        self.rows_box.activated.connect(lambda _i: self._replan())
        form.addRow(self.tr("Rows"), self.rows_box)
        self.gap = QSpinBox()
        self.gap.setRange(1, 3650)
        self.gap.setValue(M.Mapping().group_gap_days)
        self.gap.setSuffix(self.tr(" days"))
        self.gap.setToolTip(self.tr("Without a case column, conversations of one organisation about the same "
                                    "kind of behaviour and relation belong to one case while they lie at most "
                                    "this many days apart."))
        self.gap.editingFinished.connect(self._replan)
        form.addRow(self.tr("Same case when at most"), self.gap)
        self.org_edit = QLineEdit()
        self.org_edit.setPlaceholderText(self.tr("only when the sheet has no organisation column"))
        self.org_edit.editingFinished.connect(self._replan)
        form.addRow(self.tr("Organisation of every row"), self.org_edit)
        self.allow_duplicates = QCheckBox(self.tr("Also import cases that seem to be in the vault already"))
        self.allow_duplicates.setToolTip(self.tr(
            "A case with the same organisation, opening date, kind of behaviour, relation, role and "
            "conversations (dates and minutes) as one in the vault is left out unless this is ticked."))
        self.allow_duplicates.toggled.connect(lambda _on: self._replan())
        form.addRow("", self.allow_duplicates)
        return form

    def _columns_tab(self) -> QWidget:
        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Examples"), self.tr("Becomes")])
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.columns.verticalHeader().setVisible(False)
        return self.columns

    def _values_tab(self) -> QWidget:
        self.values = QTableWidget(0, 4)
        self.values.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value in the sheet"), self.tr("Rows"),
                                               self.tr("Becomes")])
        self.values.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.values.verticalHeader().setVisible(False)
        return self.values

    def _privacy_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        text = QLabel(self.tr(
            "These parts of notes may identify a person. Ticked items are replaced by a placeholder such "
            "as [naam]. Untick what you deliberately keep: the conversation is then marked for review."))
        text.setWordWrap(True)
        lay.addWidget(text)
        self.findings = QListWidget()
        lay.addWidget(self.findings, 1)
        row = QHBoxLayout()
        self.replace_all = QPushButton(self.tr("Replace all"))
        self.replace_all.clicked.connect(lambda: self._tick_all(Qt.CheckState.Checked))
        self.leave_out = QCheckBox(self.tr("Leave all notes out"))
        self.leave_out.toggled.connect(lambda _on: self._replan())
        row.addWidget(self.replace_all)
        row.addWidget(self.leave_out)
        row.addStretch(1)
        lay.addLayout(row)
        return w

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        self.save_mapping = box.addButton(self.tr("Save mapping…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_mapping.clicked.connect(self._save_mapping)
        self.import_button = box.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        box.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        return box

    def field_labels(self) -> dict[str, str]:
        return {M.IGNORE: self.tr("(not imported)"), "case_ref": self.tr("Case reference (groups rows; not stored)"),
                "organisation": self.tr("Organisation"), "unit": self.tr("Unit or department"),
                "date": self.tr("Date of the conversation"), "opened": self.tr("Date the case was opened"),
                "closed": self.tr("Date the case was closed"), "behaviour": self.tr("Kind of behaviour"),
                "accused_relation": self.tr("Relation to the accused"), "reporter_role": self.tr("Position or role of the person"),
                "follow_up": self.tr("Follow-up"), "channel": self.tr("Channel"), "kind": self.tr("Kind of conversation"),
                "minutes": self.tr("Minutes"), "hours": self.tr("Hours"), "notes": self.tr("Notes (cleaned)")}

    # -- work off the GUI thread ---------------------------------------------------------------
    def _busy(self, on: bool) -> None:
        self.progress.setVisible(on)
        for w in (self.import_button, self.save_mapping, self.sheet_box, self.rows_box, self.tabs):
            w.setEnabled(not on)

    def _known(self) -> list[str]:
        return [o.name for o in self.repo.list_organisations()]

    def _analyse(self, sheet_name: str | None = None) -> None:
        """Read the sheet and propose a mapping (a new sheet), then plan."""
        known, vocabs, path, repo = self._known(), self.repo.vocabs, self.path, self.repo
        allow = self.allow_duplicates.isChecked()

        self.seen_values = {}

        def work(report):
            sheet = read_sheet(path, sheet_name, report)
            mapping, refused = M.propose(sheet, vocabs)
            return sheet, mapping, refused, P.build(sheet, mapping, vocabs, known, in_vault=P.existing(repo),
                                                    allow_duplicates=allow)

        self._busy(True)
        self.job = run_in_thread(self, work, on_done=self._show, on_error=self._failed, progress=self.progress,
                                 lock=repo.vault.lock_)

    def _replan(self) -> None:
        if self.sheet is None or self._filling:
            return
        mapping = self.current_mapping()
        sheet, known, vocabs, repo = self.sheet, self._known(), self.repo.vocabs, self.repo
        allow, refused = self.allow_duplicates.isChecked(), self.refused

        def work(report):  # the duplicate scan reads every case of the vault: never on the GUI thread
            return sheet, mapping, refused, P.build(sheet, mapping, vocabs, known, in_vault=P.existing(repo),
                                                    allow_duplicates=allow)

        self._busy(True)
        self.job = run_in_thread(self, work, on_done=self._show, on_error=self._failed, progress=self.progress,
                                 lock=repo.vault.lock_)

    def _failed(self, exc: BaseException) -> None:
        self.error = exc
        self._busy(False)
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Nothing was imported: {reason}").format(reason=i18n.error_text(exc)))
        self.analysed.emit()

    def start_import(self) -> None:
        """Plan again with the choices as they stand now and store it in one transaction."""
        mapping, keep = self.current_mapping(), self.kept()
        sheet, known, vocabs, repo = self.sheet, self._known(), self.repo.vocabs, self.repo
        allow = self.allow_duplicates.isChecked()

        def work(report):
            plan = P.build(sheet, mapping, vocabs, known, keep, in_vault=P.existing(repo), allow_duplicates=allow)
            return P.apply(repo, plan, report)

        def done(counts):
            self._busy(False)
            self.imported.emit(counts)
            self.accept()

        self._busy(True)
        self.job = run_in_thread(self, work, on_done=done, on_error=self._failed, progress=self.progress,
                                 lock=repo.vault.lock_)
        self.job.after_lock = self._after_lock

    def _after_lock(self, kind: str, value) -> tuple[str, str]:
        """What she is told after unlocking when a lock overtook the import (one transaction: all or nothing)."""
        title = self.tr("Import from spreadsheet")
        if kind == "ok":
            return title, self.tr("The import was completed before the vault was locked: {cases} cases.").format(
                cases=value.get("cases", 0) if isinstance(value, dict) else value)
        if isinstance(value, Cancelled):
            return title, self.tr("The import was stopped by locking; nothing was imported. Import the "
                                  "spreadsheet again.")
        return title, self.tr("Nothing was imported: {reason}").format(reason=i18n.error_text(value))

    # -- showing a plan -----------------------------------------------------------------------
    def _show(self, result) -> None:
        self.sheet, self.mapping, self.refused, self.plan = result
        self._filling = True
        try:
            self._fill_sheets()
            self.rows_box.setCurrentIndex(max(0, self.rows_box.findData(self.mapping.rows)))
            self.gap.setValue(self.mapping.group_gap_days)
            self._fill_columns()
            self._fill_values()
            self._fill_findings()
        finally:
            self._filling = False
        self.summary.setText(self.describe())
        self._busy(False)
        self.import_button.setEnabled(bool(self.plan.cases))
        self.analysed.emit()

    def _fill_sheets(self) -> None:
        self.sheet_box.clear()
        for name, hidden in self.sheet.sheets or [(self.sheet.name, False)]:
            self.sheet_box.addItem(name + (self.tr(" (hidden)") if hidden else ""), name)
        self.sheet_box.setCurrentIndex(max(0, self.sheet_box.findData(self.sheet.name)))

    def _fill_columns(self) -> None:
        labels = self.field_labels()
        self.columns.setRowCount(len(self.sheet.headers))
        for i, title in enumerate(self.sheet.headers):
            self.columns.setItem(i, 0, QTableWidgetItem(title))
            examples = [_example(v) for v in self.sheet.column(i) if v not in (None, "")][:EXAMPLES]
            refused = title in self.refused
            shown = self.tr("(personal data: left out)") if refused else " · ".join(examples)
            self.columns.setItem(i, 1, QTableWidgetItem(shown))
            box = QComboBox()
            for fname in (M.IGNORE, *M.FIELDS):
                box.addItem(labels[fname], fname)
            box.setCurrentIndex(box.findData(self.mapping.columns.get(title, M.IGNORE)))
            if refused:
                box.setEnabled(False)
                box.setToolTip(texts.message(self.refused[title], i18n.language()))
            box.activated.connect(lambda _i: self._replan())
            self.columns.setCellWidget(i, 2, box)
        self.columns.resizeColumnToContents(0)
        self.columns.setColumnWidth(2, 300)

    def _fill_values(self) -> None:
        from app.sheets.values import VOCAB_OF
        labels = self.field_labels()
        for f, counts in self.plan.unknown_values.items():
            self.seen_values.update({(f, v): n for v, n in counts.items()})
        items = [(f, v, n) for (f, v), n in sorted(self.seen_values.items(), key=lambda x: -x[1])]
        self.values.setRowCount(len(items))
        for i, (fname, value, n) in enumerate(items):
            self.values.setItem(i, 0, QTableWidgetItem(labels[fname]))
            self.values.setItem(i, 1, QTableWidgetItem(value))
            self.values.setItem(i, 2, QTableWidgetItem(str(n)))
            box = QComboBox()
            for code, label in self.repo.vocabs[VOCAB_OF[fname]].choices(self.lang):
                box.addItem(label, code)
            box.setCurrentIndex(max(0, box.findData(self.mapping.values.get(fname, {}).get(
                value, self.mapping.unknown.get(fname)))))
            box.setProperty("field", fname)
            box.setProperty("value", value)
            box.activated.connect(lambda _i: self._replan())
            self.values.setCellWidget(i, 3, box)
        self.values.resizeColumnToContents(0)
        self.tabs.setTabText(1, self.tr("Unknown values ({n})").format(n=len(items)))

    def _fill_findings(self) -> None:
        from app.privacy import guard
        self.findings.clear()
        for cell in self.plan.findings:
            for f in cell.findings:
                it = QListWidgetItem(self.tr("Row {row}: {kind}: {text}  →  {placeholder}").format(
                    row=cell.row, kind=guard.kind_label(f.kind, self.lang), text=f.text, placeholder=f.placeholder))
                it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                it.setCheckState(Qt.CheckState.Checked)
                it.setData(Qt.ItemDataRole.UserRole, (cell.row, f.start))
                self.findings.addItem(it)
        self.tabs.setTabText(2, self.tr("Privacy ({n})").format(n=self.findings.count()))

    # -- the adviser's choices ------------------------------------------------------------------
    def _tick_all(self, state: Qt.CheckState) -> None:
        for i in range(self.findings.count()):
            self.findings.item(i).setCheckState(state)

    def kept(self) -> frozenset[tuple[int, int]]:
        """(row, start) of the findings the adviser unticked (kept, the conversation marked)."""
        return frozenset(tuple(self.findings.item(i).data(Qt.ItemDataRole.UserRole))
                         for i in range(self.findings.count())
                         if self.findings.item(i).checkState() != Qt.CheckState.Checked)

    def current_mapping(self) -> M.Mapping:
        m = M.Mapping(sheet=self.sheet.name, rows=self.rows_box.currentData() or "conversation",
                      unknown=dict(self.mapping.unknown), values={k: dict(v) for k, v in self.mapping.values.items()},
                      group_gap_days=self.gap.value(), close_finished=self.mapping.close_finished,
                      notes_privacy="leave_out" if self.leave_out.isChecked() else "replace",
                      organisation=self.org_edit.text().strip() or None)
        for i, title in enumerate(self.sheet.headers):
            box = self.columns.cellWidget(i, 2)
            m.columns[title] = box.currentData() if box is not None else M.IGNORE
        for i in range(self.values.rowCount()):
            box = self.values.cellWidget(i, 3)
            m.values.setdefault(box.property("field"), {})[box.property("value")] = box.currentData()
        return m

    def _save_mapping(self) -> None:
        if self.sheet is None or self.dialogs is None:
            return
        path = self.dialogs.save_path(self, self.tr("Save mapping"), self.tr("Mapping (*.toml)"),
                                      str(self.path.with_suffix(".toml")))
        if path:
            M.save(self.current_mapping(), path)

    def describe(self) -> str:
        """What would be imported, in the window's language."""
        p = self.plan
        lines = [self.tr("{cases} cases with {contacts} conversations would be imported.").format(
            cases=len(p.cases), contacts=p.contacts)]
        if p.duplicate_rows:
            line = self.tr("{n} cases seem to be in the vault already (rows {rows}); they are imported anyway.") \
                if p.duplicates_allowed else \
                self.tr("{n} cases seem to be in the vault already (rows {rows}); they are left out.")
            lines.append(line.format(n=len(p.duplicate_rows), rows=P.duplicate_rows_text(p, 10)))
        if p.per_organisation():
            lines.append(self.tr("Per organisation: {list}").format(
                list=", ".join(f"{k} {v}" for k, v in sorted(p.per_organisation().items()))))
            lines.append(self.tr("Per year: {list}").format(
                list=", ".join(f"{k} {v}" for k, v in sorted(p.per_year().items()))))
        lines.append(self.tr("Left out: columns with personal data: {columns}; rows refused: {rows}; totals "
                             "rows: {skipped}. Possible identifiers in notes: {found}.").format(
            columns=len(p.refused_columns), rows=len(p.refused_rows), skipped=len(p.skipped_rows),
            found=sum(len(c.findings) for c in p.findings)))
        for number, why in p.refused_rows[:5]:
            lines.append(self.tr("Row {row} refused: {reason}").format(
                row=number, reason=texts.message(why, i18n.language())))
        return "\n".join(lines)
