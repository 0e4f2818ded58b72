"""Supervisor mode: import signed statistics files, trust adviser keys, view and export the sums.

Every question to the person goes through a seam the caller can replace (tests do):
- `choose_files() -> list[str]`: the files to import,
- `ask_trust(fingerprint) -> (bool, label)`: trust an unknown adviser key under a label,
- `choose_save_path(kind) -> str | None`: where to export ("csv" or "pdf").
The store (app.exchange.supervisor.SupervisorStore) does all the work; this widget only shows it.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.errors import UserError
from app.exchange import render as stats_render
from app.exchange.combine import HIDDEN, PUBLISHED, UNKNOWN, Combined, CombinedTable
from app.exchange.supervisor import ACCEPTED, DUPLICATE, REFUSED, UNKNOWN_KEY, ImportOutcome, SupervisorStore
from ui import theme
from ui.i18n import error_text

ChooseFiles = Callable[[], list[str]]
AskTrust = Callable[[str], tuple[bool, str]]
ChooseSavePath = Callable[[str], str | None]


class CombinedTableModel(QAbstractTableModel):
    """One combined table as rows x columns, with a total row and a total column."""

    def __init__(self, parent=None, lang: str = "nl"):
        super().__init__(parent)
        self._table: CombinedTable | None = None
        self._lang = lang

    def set_table(self, table: CombinedTable | None) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    @property
    def table(self) -> CombinedTable | None:
        return self._table

    def _ncols(self) -> int:
        t = self._table
        return 0 if t is None else (1 if t.cols is None else len(t.cols) + 1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt name
        return 0 if self._table is None or parent.isValid() else len(self._table.rows) + 1

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt name
        return 0 if parent.isValid() else self._ncols()

    def figure(self, row: int, col: int):
        """(value, status) of a position; the last row and column are totals."""
        t = self._table
        last_row = row == len(t.rows)
        if t.cols is None:
            return (t.total, t.total_status) if last_row else (t.cells[row][0], t.cell_status[row][0])
        last_col = col == len(t.cols)
        if last_row and last_col:
            return t.total, t.total_status
        if last_row:
            return t.col_totals[col], t.col_status[col]
        if last_col:
            return t.row_totals[row], t.row_status[row]
        return t.cells[row][col], t.cell_status[row][col]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._table is None:
            return None
        value, status = self.figure(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return stats_render.mark(value, status, self._table.k, self._lang, self._table.unit)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if status == HIDDEN:
                return self.tr("Not shown: an adviser hid part of this figure to protect small numbers, so "
                               "the sum is not shown either. It is not a small number itself.")
            if status == UNKNOWN:
                return self.tr("Unknown: a source does not list this category separately.")
        if role == Qt.ItemDataRole.UserRole:
            return status
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        t = self._table
        if role == Qt.ItemDataRole.ToolTipRole:   # a long label cut short in its header is shown whole
            return self.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
        if t is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            if section == len(t.rows):
                return self.tr("Total")
            return stats_render.code_label(t, "rows", t.rows[section], self._lang)
        if t.cols is None:
            return stats_render._t(self._lang, t.unit)
        if section == len(t.cols):
            return self.tr("Total")
        return stats_render.code_label(t, "cols", t.cols[section], self._lang)


class SupervisorWindow(QWidget):
    """The supervisor's main widget. Emits `combined_changed` after every import or trust."""

    combined_changed = Signal()

    BY = ("organisation", "adviser", "year", "all")

    def __init__(self, store: SupervisorStore, *, choose_files: ChooseFiles | None = None,
                 ask_trust: AskTrust | None = None, choose_save_path: ChooseSavePath | None = None,
                 lang: str = "nl", parent=None):
        super().__init__(parent)
        self.store = store
        self.lang = lang
        self.choose_files = choose_files or self._dialog_files
        self.ask_trust = ask_trust or self._dialog_trust
        self.choose_save_path = choose_save_path or self._dialog_save
        self.combined: Combined | None = None
        # file, organisation, year, adviser, status, reason, reason's tooltip
        self._rows: list[tuple[str, str, str, str, str, str, str]] = []

        self.heading = QLabel(self.tr("Combined statistics"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro_label = QLabel(self.tr(
            "Add up the annual figures that advisers send you. Choose “Import files…” and select their "
            "statistics files (.vstat). Only files signed by advisers you trust are counted; figures an "
            "adviser hid stay hidden in the sums."))
        self.intro_label.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import files…"))
        self.by_combo = QComboBox()
        for code, text in zip(self.BY, (self.tr("per organisation"), self.tr("per adviser"),
                                        self.tr("per year"), self.tr("all together")), strict=True):
            self.by_combo.addItem(text, code)
        self.by_combo.setCurrentIndex(self.BY.index("all"))
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(QLabel(self.tr("Combine:")))
        top.addWidget(self.by_combo)
        top.addStretch(1)
        top.addWidget(self.csv_button)
        top.addWidget(self.pdf_button)

        self.files_view = QTableWidget(0, 5)
        self.files_view.setHorizontalHeaderLabels([self.tr("File"), self.tr("Organisation"), self.tr("Year"),
                                                   self.tr("Adviser"), self.tr("Status")])
        self.files_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.files_view.horizontalHeader().setStretchLastSection(True)

        self.table_combo = QComboBox()
        self.model = CombinedTableModel(self, lang)
        self.table_view = QTableView()
        self.table_view.setModel(self.model)
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.setAccessibleName(self.tr("Combined figures"))
        self.table_view.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.totals_label = QLabel()
        self.totals_label.setWordWrap(True)
        self.totals_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.notes_label = QLabel()       # warnings about the selected group (e.g. years added up)
        self.notes_label.setWordWrap(True)
        theme.style(self.notes_label, "warn")
        self.notes_label.hide()
        self.legend_label = QLabel(self.tr(
            "x = not shown, to protect small numbers: an adviser hid part of this figure, so the sum is not "
            "shown either (it need not be small). ? = unknown: a source does not list this category "
            "separately."))
        self.legend_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.table_combo)
        lower_layout.addWidget(self.totals_label)
        lower_layout.addWidget(self.notes_label)
        lower_layout.addWidget(self.table_view, 1)
        lower_layout.addWidget(self.legend_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.files_view)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)   # the figures get the larger share
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([200, 400])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro_label)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)

        self.import_button.clicked.connect(self.import_files)
        self.by_combo.currentIndexChanged.connect(lambda _i: self.refresh_combined())
        self.table_combo.currentIndexChanged.connect(self._show_selected)
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))

        for _f, v in self.store.verified_files():
            self._rows.append(("", v.organisation, str(v.year), self._adviser(v.fingerprint),
                               self.tr("imported"), "", ""))
        self._fill_files()
        self.refresh_combined()

    # ------------------------------------------------------------------ default seams (production)

    def _dialog_files(self) -> list[str]:
        from ui.seams import scrub_file_dialog_history
        dlg = QFileDialog(self, self.tr("Import statistics files"), "",
                          self.tr("Statistics files (*.vstat);;All files (*)"))
        dlg.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dlg.setHistory([])
        try:
            ok = dlg.exec() == QFileDialog.DialogCode.Accepted
            files = dlg.selectedFiles()
        finally:
            dlg.deleteLater()
            scrub_file_dialog_history()
        return files if ok else []

    def _dialog_trust(self, fingerprint: str) -> tuple[bool, str]:
        text = self.tr("A file is signed by a key you do not trust yet:\n\n{fp}\n\n"
                       "Call the adviser and compare this fingerprint. Only when it matches, give the adviser "
                       "a name to trust the key.").format(fp=fingerprint)
        label, ok = QInputDialog.getText(self, self.tr("Trust this adviser?"), text)
        return bool(ok and label.strip()), label.strip()

    def _dialog_save(self, kind: str) -> str | None:
        from ui.seams import Dialogs
        filters = {"csv": self.tr("CSV files (*.csv)"), "pdf": self.tr("PDF files (*.pdf)")}
        return Dialogs().save_path(self, self.tr("Export combined statistics"), filters[kind],
                                   self.tr("combined-figures.{ext}").format(ext=kind))

    # ------------------------------------------------------------------ actions

    def _adviser(self, fp: str | None) -> str:
        if not fp:
            return ""
        label = self.store.labels().get(fp)
        return f"{label} ({fp})" if label else fp

    def _reason_text(self, outcome: ImportOutcome) -> tuple[str, str]:
        """Why a file was not imported, in the window's language: (short text, tooltip)."""
        if outcome.status == UNKNOWN_KEY:
            text = self.tr("signed by an adviser key you do not trust yet. Call the adviser and compare the "
                           "fingerprint before you trust it.")
            return text, text
        code = (outcome.code or "").removeprefix("vstat.")
        values = dict(outcome.values or {})
        damaged = self.tr("this is not a statistics file from Vertrouwd, or it is damaged. Ask the adviser to "
                          "export it again.")
        texts = {
            "not_utf8": damaged, "too_deep": damaged, "not_json": damaged, "bad_number": damaged,
            "not_object": damaged, "unknown_format": damaged,
            "empty": self.tr("the file is empty. Ask the adviser to send it again."),
            "truncated": self.tr("the file is incomplete (cut off). Ask the adviser to send it again."),
            "too_large": self.tr("the file is far too large to be a statistics file."),
            "folder": self.tr("this is a folder, not a file. Choose the files inside it."),
            "missing": self.tr("the file no longer exists. Check where it was saved."),
            "unreadable": self.tr("the file cannot be read ({detail}). Check that you may open it.").format(
                detail=values.get("detail", "")),
            "encrypted_needs_key": self.tr(
                "the file is encrypted for a supervisor key ({key}). Use the store that holds that key, or ask "
                "the adviser to export it for your key.").format(key=values.get("recipient", "")),
            "encrypted_other": self.tr(
                "the file is encrypted for another supervisor (key {key}). Ask the adviser to export it for "
                "your key.").format(key=values.get("recipient", "")),
            "encrypted_damaged": self.tr("the encrypted file was changed or damaged. Ask the adviser to send "
                                         "it again."),
            "is_report": self.tr("this is an annual report, not a signed statistics file. Ask the adviser to "
                                 "export the statistics file (.vstat)."),
            "unsigned": self.tr("the file has no signature. Only use files that an adviser signed in "
                                "Vertrouwd."),
            "signature": self.tr("the file was changed after the adviser signed it. Do not use it; ask the "
                                 "adviser for a new export."),
        }
        texts["encrypted_layout"] = texts["encrypted_damaged"]
        texts["layout"] = texts["signature"]
        if code in texts:
            return texts[code], texts[code]
        text = self.tr("the figures in the file do not pass the checks. Ask the adviser to export it again.")
        detail = texts.message(outcome.code, self._lang, **values) if outcome.code else outcome.reason
        return text, self.tr("{text}\nDetails: {detail}").format(text=text, detail=detail)

    def _status_text(self, outcome: ImportOutcome) -> str:
        return {ACCEPTED: self.tr("imported"), DUPLICATE: self.tr("already imported"),
                UNKNOWN_KEY: self.tr("waiting: key not trusted"), REFUSED: self.tr("refused")}[outcome.status]

    def import_files(self) -> list[ImportOutcome]:
        paths = self.choose_files()
        if not paths:
            return []
        try:
            outcomes = self.store.import_files(paths)
            by_path = {o.path: o for o in outcomes}
            asked: set[str] = set()
            for o in outcomes:
                if o.status != UNKNOWN_KEY or o.fingerprint in asked:
                    continue
                asked.add(o.fingerprint)
                ok, label = self.ask_trust(o.fingerprint)
                if ok and label.strip():
                    for later in self.store.trust(o.pub, label):
                        by_path[later.path] = later
            outcomes = [by_path[o.path] for o in outcomes]
        except UserError as exc:
            self.status_label.setText(error_text(exc, self._lang))
            return []
        for o in outcomes:
            status = self._status_text(o)
            reason, tip = self._reason_text(o) if o.status in (REFUSED, UNKNOWN_KEY) else ("", "")
            self._rows.append((Path(o.path).name, o.organisation or "", "" if o.year is None else str(o.year),
                               self._adviser(o.fingerprint), status, reason, tip))
        self._fill_files()
        counts = {s: sum(1 for o in outcomes if o.status == s) for s in (ACCEPTED, REFUSED, UNKNOWN_KEY, DUPLICATE)}
        self.status_label.setText(self.tr("{a} imported, {r} refused, {u} waiting for trust, {d} already there.")
                                  .format(a=counts[ACCEPTED], r=counts[REFUSED], u=counts[UNKNOWN_KEY],
                                          d=counts[DUPLICATE]))
        self.refresh_combined()
        return outcomes

    def _fill_files(self) -> None:
        self.files_view.setRowCount(len(self._rows))
        for i, row in enumerate(self._rows):
            for j, text in enumerate(row[:5]):
                item = QTableWidgetItem(text)
                if j == 4 and row[5]:
                    item.setToolTip(row[6] or row[5])
                    item.setText(self.tr("{status}: {reason}").format(status=text, reason=row[5]))
                self.files_view.setItem(i, j, item)

    def refresh_combined(self) -> None:
        by = self.by_combo.currentData()
        try:
            self.combined = self.store.combined(by)
        except UserError as exc:
            self.combined = None
            if getattr(exc, "code", None) == "combine.overlap":
                self.status_label.setText(error_text(exc, self._lang))
        self.table_combo.blockSignals(True)
        self.table_combo.clear()
        if self.combined is not None:
            for gi, g in enumerate(self.combined.groups):
                name = stats_render.group_label(g.label, self.combined.by, self.lang, self.store.labels())
                for ti, t in enumerate(g.tables):
                    self.table_combo.addItem(f"{name} — {stats_render.table_title(t, self.lang)}", (gi, ti))
        self.table_combo.blockSignals(False)
        loaded = self.combined is not None
        self.table_combo.setVisible(loaded)
        self.table_view.setVisible(loaded)
        self.csv_button.setEnabled(self.combined is not None)
        self.pdf_button.setEnabled(self.combined is not None)
        self._show_selected()
        self.combined_changed.emit()

    def _show_selected(self, *_args) -> None:
        sel = self.table_combo.currentData()
        if self.combined is None or sel is None:
            self.model.set_table(None)
            self.totals_label.setText(self.tr("No files from trusted advisers yet. Choose “Import files…” to "
                                              "add the statistics files that advisers sent you.")
                                      if self.combined is None else "")
            self.notes_label.hide()
            self.legend_label.hide()
            return
        g = self.combined.groups[sel[0]]
        table = g.tables[sel[1]]
        self.model.set_table(table)
        self.totals_label.setText(self.tr("Cases: {c} · contacts: {n} · hours: {h} · sources: {s}").format(
            c=stats_render.mark(g.totals["cases"], PUBLISHED, g.k, self.lang, "cases"),
            n=stats_render.mark(g.totals["contacts"], PUBLISHED, g.k, self.lang, "contacts"),
            h=stats_render.mark(g.totals["hours"], PUBLISHED, g.k, self.lang, "hours"), s=len(g.sources))
            + ("" if "requests" not in g.totals else " · " + self.tr("requests (not cases): {r}").format(
                r=stats_render.mark(g.totals["requests"], PUBLISHED, g.k, self.lang, "requests"))))
        notes = self.group_notes(g, table.id)
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))
        self.legend_label.setVisible(stats_render.has_marks(table))

    def group_notes(self, group, table_id: str | None = None) -> list[str]:
        """The combination's notes about a group (and about one of its tables), in the window's language."""
        out = []
        for n in self.combined.notes if self.combined is not None else []:
            values = getattr(n, "values", {})
            if values.get("group") != group.label:
                continue
            if "table" in values and values["table"] != table_id:
                continue
            out.append(stats_render.note_text(n, self.combined.by, self.lang, self.store.labels(), with_group=False))
        return out

    def export(self, kind: str) -> str | None:
        if self.combined is None:
            self.status_label.setText(self.tr("Import files from trusted advisers before exporting."))
            return None
        path = self.choose_save_path(kind)
        if not path:
            return None
        if not path.lower().endswith("." + kind):
            path += "." + kind
        try:
            if kind == "csv":
                stats_render.write_csv(self.combined, path, lang=self.lang, labels=self.store.labels())
            else:
                stats_render.write_pdf(self.combined, path, lang=self.lang, program_version=__version__,
                                       labels=self.store.labels())
        except (UserError, OSError) as exc:
            msg = error_text(exc, self._lang)
            self.status_label.setText(self.tr("Export failed: {reason}").format(reason=msg))
            return None
        self.status_label.setText(self.tr("Written: {path}").format(path=path))
        return path

