"""Jaarverslag: the annual report page.

The adviser picks an organisation (or all of them) and a year (``selection``), sees the tables
exactly as they will be published (``tables``: hidden figures as a coloured "x" with the reason in a
tooltip), writes the "signals and recommendations" text (``narrative``), previews the report
(``preview``) and exports it as PDF, CSV, JSON or signed .vstat (``export``).

Everything that reads the vault for the report (``app.reporting.report.prepare``) and every export runs on a
worker thread (``ui.worker``), one job at a time, holding the vault's lock. The GUI thread takes the
same lock for its own short reads and writes, so the two never use the connection at once. A result
computed for a selection that has changed meanwhile is dropped and the newest selection computed.
"""
from __future__ import annotations

from contextlib import contextmanager
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import VertrouwdError
from app.reporting import report as R
from app.reporting.aggregate import years_with_data
from app.reporting.disclosure import MIN_K
from app.reporting.html import fmt_value
from app.store import settings as S
from ui import theme
from ui.report.export import ExportActions, compute
from ui.report.narrative import NarrativePanel
from ui.report.preview import HAVE_QTPDF, make_preview
from ui.report.selection import SelectionBar
from ui.report.tables import MethodView, TablesPanel
from ui.worker import Job, run_in_thread


class ReportPage(QWidget):
    """The annual report page. ``load()`` when shown, ``clear()`` to forget everything shown."""

    refreshed = Signal()            # the tables show a fresh result (or its error) for the selection

    def __init__(self, session, lang: str, dialogs, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.lang = lang if lang in R.LANGS else "nl"
        self.dialogs = dialogs
        self.prep: R.Prepared | None = None
        self.prep_key: R.ReportRequest | None = None
        self.want: R.ReportRequest | None = None
        self.prepare_job: Job | None = None
        self.selection = SelectionBar(self.lang)
        self.tables = TablesPanel()
        self.method = MethodView()
        self.preview = make_preview()
        self.narrative = NarrativePanel(session, self._vault, self.lang)
        self.exports = ExportActions(self)
        self._build()
        self.selection.org_changed.connect(self._org_changed)
        self.selection.year_changed.connect(self._year_changed)
        self.selection.options_changed.connect(self.refresh)
        self.narrative.autosaved.connect(self._update_preview)
        self._set_exports_enabled(False)
        self._show_summary(None)

    # -- building the widgets --------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(8)
        title = QLabel(self.tr("Annual report"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        outer.addWidget(title)
        outer.addWidget(self.selection)
        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setWordWrap(True)   # with the requests figure it may not fit one line at 1024 px
        theme.style(self.summary_label, "summary", extra="padding: 8px 10px; font-size: 13px;")
        outer.addWidget(self.summary_label)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        outer.addWidget(self.status_label)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.tables, self.tr("Tables"))
        self.tabs.addTab(self.method, self.tr("Method"))
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.tabs.currentChanged.connect(self._tab_changed)
        split.addWidget(self.tabs)
        split.addWidget(self.narrative)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 420])
        outer.addWidget(split, 1)
        self.progress = QProgressBar()
        self.progress.setMaximumHeight(18)
        self.progress.hide()
        outer.addWidget(self.progress)
        outer.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Open PDF preview"))
        self.pdf_button = QPushButton(self.tr("Export PDF"))
        self.csv_button = QPushButton(self.tr("Export CSV"))
        self.json_button = QPushButton(self.tr("Export JSON"))
        self.xlsx_button = QPushButton(self.tr("Export Excel"))
        self.xlsx_button.setToolTip(self.tr("The published tables as an Excel workbook: one sheet per table, "
                                            "hidden figures as x, and how the figures were protected."))
        self.vstat_button = QPushButton(self.tr("Signed statistics (.vstat)"))
        self.pdf_button.setDefault(True)
        self.vstat_button.setToolTip(self.tr("The published figures, signed with your key, for a supervisor "
                                             "who combines the figures of several advisers."))
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        for b in (self.pdf_button, self.xlsx_button, self.csv_button, self.json_button, self.vstat_button):
            buttons.addWidget(b)
        self.export_buttons = (self.preview_button, self.pdf_button, self.xlsx_button, self.csv_button,
                               self.json_button, self.vstat_button)
        self.preview_button.clicked.connect(self.exports.open_pdf_preview)
        for fmt, b in (("pdf", self.pdf_button), ("csv", self.csv_button), ("json", self.json_button),
                       ("xlsx", self.xlsx_button), ("vstat", self.vstat_button)):
            b.clicked.connect(lambda _checked=False, fmt=fmt: self.exports.export(fmt))
        return buttons

    # -- access to the vault -----------------------------------------------------------------------
    @property
    def repo(self):
        return self.session.require()

    @contextmanager
    def _vault(self):
        """The repository, with the vault's lock held: no worker job reads at the same moment."""
        repo = self.repo
        with repo.vault.lock_:
            yield repo

    # -- selection -----------------------------------------------------------------------------------
    def key(self) -> R.ReportRequest | None:
        """The report chosen now (None while there is no year to choose)."""
        return self.selection.request()

    def load(self) -> None:
        """Fill the choices from the vault (keeping the current choice) and compute the report.

        Computed afresh each time the page is shown: cases may have changed meanwhile."""
        if not self.session.is_open:
            return
        self.prep_key = None
        with self._vault() as repo:
            orgs = repo.list_organisations()
            k = self.session.settings.get(S.REPORT_THRESHOLD)
        self.selection.fill_organisations(orgs)
        self.selection.set_settings_threshold(k)
        self._fill_years()
        self._load_narrative()
        self.refresh()

    def _fill_years(self) -> None:
        self.selection.fill_years(years_with_data(self.repo, self.selection.org_id))

    def _load_narrative(self) -> None:
        self.narrative.load(self.selection.org_id, self.selection.year)

    def _org_changed(self) -> None:
        self.save_narrative()
        if not self.session.is_open:
            return
        self._fill_years()
        self._load_narrative()
        self.refresh()

    def _year_changed(self) -> None:
        self.save_narrative()
        if not self.session.is_open:
            return
        self._load_narrative()
        self.refresh()

    def save_narrative(self) -> bool:
        """Store the text of the shown organisation and year when it changed. True when stored."""
        return self.narrative.save()

    # -- computing the tables -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Compute the report of the current selection on the worker (the newest selection wins)."""
        key = self.key()
        self.want = key
        if key is None:
            self.prep, self.prep_key = None, None
            self._clear_shown()
            self._show_summary(None)
            self.set_status(self.tr("There are no cases for this selection yet, so there is no report to "
                                    "show."), warn=False)
            self._set_exports_enabled(False)
            self.refreshed.emit()
            return
        if self.prepare_job is not None and not self.prepare_job.done:
            return   # picked up when the running job ends
        if self.prep_key == key:
            self.refreshed.emit()
            return
        self._start_prepare(key)

    def _start_prepare(self, key: R.ReportRequest) -> None:
        repo = self.repo
        self.set_status(self.tr("Computing the protected figures…"), warn=False)
        self.prepare_job = run_in_thread(
            self, compute, repo, key, "", lock=repo.vault.lock_,
            on_done=lambda prep, key=key: self._prepared(key, prep),
            on_error=lambda exc, key=key: self._prepare_failed(key, exc))

    def _next_after(self, key: R.ReportRequest) -> bool:
        """True when the selection moved on meanwhile (and the newest one is started)."""
        self.prepare_job = None
        if key == self.want:
            return False
        if self.want is not None and self.session.is_open:
            self._start_prepare(self.want)
        return True

    def _prepared(self, key: R.ReportRequest, prep: R.Prepared) -> None:
        if not self.session.is_open:   # locked meanwhile: show nothing
            self.prepare_job = None
            return
        if self._next_after(key):
            return
        self.prep, self.prep_key = prep, key
        self.tables.show_report(prep)
        self._show_summary(prep)
        self.method.show_report(prep)
        if prep.protection.audit.ok:
            self.set_status("", warn=False)
            self._set_exports_enabled(True)
        else:
            self.set_status(self.tr("These figures cannot be protected well enough to publish, so they cannot "
                                    "be exported. Try a threshold closer to {min}, or report this year together "
                                    "with all organisations.").format(min=MIN_K), warn=True)
            self._set_exports_enabled(False)
        self._update_preview()
        self.refreshed.emit()

    def _prepare_failed(self, key: R.ReportRequest, exc: BaseException) -> None:
        if not self.session.is_open:
            self.prepare_job = None
            return
        if self._next_after(key):
            return
        self.prep, self.prep_key = None, None
        self._clear_shown()
        self._show_summary(None)
        self._set_exports_enabled(False)
        self.set_status(self.exports.reason(exc, self.tr("The figures could not be computed")), warn=True)
        self.refreshed.emit()

    # -- showing ----------------------------------------------------------------------------------------------
    def _clear_shown(self) -> None:
        self.tables.clear()
        self.method.clear()
        self.preview.clear()

    def theme_changed(self) -> None:
        """Light <-> dark: the headings written into the texts get the new colours (ui.theme)."""
        if self.prep is not None:
            self.tables.show_report(self.prep)
            self._show_summary(self.prep)

    def _show_summary(self, prep: R.Prepared | None) -> None:
        if prep is None:
            self.summary_label.setText(self.tr("Choose an organisation and a year."))
            return
        rep, lang = prep.report, prep.lang
        tot = rep["totals"]
        figures = [(self.tr("Cases"), fmt_value(tot["cases"], lang)),
                   (self.tr("Contacts"), fmt_value(tot["contacts"], lang))]
        if tot.get("requests"):   # counted apart from cases
            figures.append((self.tr("Requests"), fmt_value(tot["requests"], lang)))
        figures += [(self.tr("Hours"), fmt_value(tot["hours"], lang, True)),
                    (self.tr("Hidden cells"), fmt_value(prep.protection.hidden_cells, lang)),
                    (self.tr("Threshold"), fmt_value(rep["threshold"], lang))]
        parts = [f"{escape(label)} <b>{value}</b>" for label, value in figures]
        self.summary_label.setText(f'<span style="color:{theme.text_colour("heading").name()}">'
                                   f"{escape(rep['organisation'])} · {rep['year']}</span>&nbsp;&nbsp;&nbsp;"
                                   + " &nbsp;·&nbsp; ".join(parts))

    def _practice(self) -> str:
        try:
            with self._vault():
                return self.session.settings.get(S.PRACTICE_NAME)
        except (VertrouwdError, AttributeError):   # locked: no settings
            return ""

    def _update_preview(self) -> None:
        if self.prep is None:
            return
        if HAVE_QTPDF:  # pragma: no cover - rendered when the preview tab is shown
            if self.tabs.currentWidget() is self.preview:
                self.exports.pdf_into_view()
            return
        self.preview.show_report(self.prep, self.narrative.text(), self._practice())

    def _tab_changed(self, _index: int) -> None:
        if HAVE_QTPDF and self.tabs.currentWidget() is self.preview:  # pragma: no cover
            self._update_preview()

    def set_status(self, text: str, warn: bool) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
        theme.style(self.status_label, "error" if warn else "muted")

    def _set_exports_enabled(self, enabled: bool) -> None:
        for b in self.export_buttons:
            b.setEnabled(enabled and not self.exports.busy)

    def set_busy(self, busy: bool) -> None:
        """While a file is written: no other choice, no other export."""
        self.selection.set_enabled(not busy)
        self._set_exports_enabled(not busy and self.prep is not None and self.prep.protection.audit.ok)

    # -- locking ------------------------------------------------------------------------------------------------
    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Leaving the page, or the window locking (it hides the workspace first): store the text."""
        try:
            self.save_narrative()
        except VertrouwdError:
            pass
        super().hideEvent(event)

    def clear(self) -> None:
        """Forget everything shown (before the vault locks). An edited text is stored first."""
        try:
            self.save_narrative()
        except VertrouwdError:
            pass
        self.want = None
        self.prep, self.prep_key = None, None
        self.narrative.clear()
        self.selection.clear()
        self._clear_shown()
        self._show_summary(None)
        self.set_status("", warn=False)
        self._set_exports_enabled(False)
