"""Exports and the PDF preview of the Jaarverslag page.

The work itself is ``app.reporting.report``'s (the functions below run on the worker thread, holding
the vault's lock); this module asks what it needs (a file name, confirmation for a narrative the
privacy check flags or for publishing a year again) and tells how it went.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from app.errors import VertrouwdError
from app.exchange import publish as vstat_publish
from app.reporting import report as R
from app.reporting.aggregate import slug
from app.reporting.temp_preview import TempPreviews
from ui.i18n import error_text
from ui.report.preview import HAVE_QTPDF
from ui.worker import Cancelled, Job, run_in_thread

if TYPE_CHECKING:
    from ui.report.page import ReportPage

# How long an outside viewer gets to load a preview before the file is wiped (ms)
PREVIEW_KEEP_MS = 60_000
FORMAT_FILTERS = {"pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)", "json": "JSON (*.json)", "xlsx": "Excel (*.xlsx)",
                  "vstat": "Vertrouwd statistics (*.vstat)"}


# -- work done on the worker thread ---------------------------------------------------------------
def compute(report, repo, request: R.ReportRequest, text: str) -> R.Prepared:
    """The protected figures of ``request`` (nothing recorded)."""
    report(-1, text)
    return R.prepare(repo, request)


def write_export(report, repo, fmt: str, request: R.ReportRequest, out: str, allow_flagged: bool, text: str,
                 republish: bool = False) -> Path:
    report(-1, text)
    if fmt == "vstat":
        return vstat_publish.export_vstat(repo, request, out=out, republish=republish)
    return R.export_report(repo, request, fmt=fmt, out=out, allow_flagged=allow_flagged, republish=republish)


def render_pdf(report, repo, request: R.ReportRequest, narrative: str, out: str | None,
               text: str) -> tuple[bytes, Path | None]:
    """The PDF as the export would make it, without recording anything; written to ``out`` if given."""
    report(-1, text)
    data = R.preview_pdf(repo, request, narrative, out)
    return data, (Path(out) if out is not None else None)


# -- the page's side ------------------------------------------------------------------------------
class ExportActions(QObject):
    """Export the page's report (pdf, csv, json, vstat) and open its PDF preview; one job at a time."""

    finished = Signal(str, bool)      # format, success
    preview_finished = Signal(bool)

    def __init__(self, page: ReportPage):
        super().__init__(page)
        self.page = page
        self.job: Job | None = None
        self.open_file: Callable[[Path], object] = lambda p: QDesktopServices.openUrl(QUrl.fromLocalFile(str(p)))
        self.temp = TempPreviews()
        self.destroyed.connect(self.temp.remove_all)

    @property
    def busy(self) -> bool:
        return self.job is not None and not self.job.done

    def titles(self) -> dict[str, str]:
        return {"pdf": self.tr("Export PDF"), "csv": self.tr("Export CSV"), "json": self.tr("Export JSON"),
                "xlsx": self.tr("Export Excel"), "vstat": self.tr("Export signed statistics")}

    def suggested(self, fmt: str) -> str:
        """The file name offered: kind, organisation and year."""
        selection = self.page.selection
        stem = "cijfers" if fmt == "vstat" else "jaarverslag"
        return f"{stem}-{slug(selection.org_name)}-{selection.year or ''}.{fmt}"

    def _confirm_flags(self, title: str) -> bool | None:
        """None: the adviser stopped; else allow_flagged for the export."""
        kinds = self.page.narrative.flagged_kinds()
        if not kinds:
            return False
        ok = self.page.dialogs.confirm(self.page, title, self.tr(
            "The text 'Signals and recommendations' may point at people: the privacy check found {kinds}. "
            "Print it as it is anyway? Choose No to rewrite it in general terms first.").format(
                kinds=", ".join(kinds)))
        return True if ok else None

    def _confirm_republish(self, title: str) -> bool | None:
        """None: the adviser stopped; else whether this is a new version of a year published before."""
        prep = self.page.prep
        if prep is None or not prep.republish_needed:
            return False
        if not self.page.dialogs.confirm(self.page, title, self.tr(
                "Figures for this organisation and year were published before, and these differ. A "
                "reader who has both versions could compare them and work hidden figures back. Publish "
                "a new version anyway? Every figure hidden before stays hidden, and all versions are "
                "checked together; if that check fails, nothing is written.")):
            return None
        return True

    def _ready(self, title: str) -> R.ReportRequest | None:
        """The current choice when nothing else is being written and the narrative is saved."""
        request = self.page.key()
        if request is None or self.busy:
            return None
        try:
            self.page.narrative.save()
        except VertrouwdError as exc:
            self.page.dialogs.error(self.page, title, error_text(exc, self.page.lang))
            return None
        return request

    def export(self, fmt: str) -> Job | None:
        """Ask for a file and write the report in ``fmt`` (pdf, csv, json, vstat) on the worker."""
        title = self.titles()[fmt]
        request = self._ready(title)
        if request is None:
            return None
        allow = self._confirm_flags(title) if fmt == "pdf" else False
        if allow is None:
            return None
        republish = self._confirm_republish(title)
        if republish is None:
            return None
        filter_ = FORMAT_FILTERS[fmt]
        if fmt == "vstat":
            filter_ = QCoreApplication.translate("ReportExport", "Signed figures for a supervisor (*.vstat)")
        out = self.page.dialogs.save_path(self.page, title, filter_, self.suggested(fmt))
        if not out:
            return None
        repo = self.page.repo
        self.page.set_status("", warn=False)
        self.job = run_in_thread(
            self.page, write_export, repo, fmt, request, out, allow, "", republish, lock=repo.vault.lock_,
            progress=self.page.progress,
            text=self.tr("Writing {file}…").format(file=Path(out).name),
            on_done=lambda path, fmt=fmt: self._exported(fmt, path),
            on_error=lambda exc, fmt=fmt: self._export_failed(fmt, exc))
        self.job.after_lock = lambda kind, value, fmt=fmt: self._after_lock(fmt, kind, value)
        self.page.set_busy(True)
        return self.job

    def _after_lock(self, fmt: str, kind: str, value) -> tuple[str, str]:
        """What to tell her after unlocking about an export that the lock overtook."""
        title = self.titles()[fmt]
        if kind == "ok":
            return title, self.tr("The export was completed before the vault was locked: {path}").format(path=value)
        if isinstance(value, Cancelled):
            return title, self.tr("The export was stopped by locking; nothing was written. Export again.")
        return title, self.reason(value, self.tr("The export failed"))

    def _exported(self, fmt: str, path: Path) -> None:
        self.job = None
        self.page.set_busy(False)
        self.page.prep_key = None  # what was published is now an earlier version to compare with
        text = self.tr("The file was written: {path}").format(path=path)
        if self.page.selection.org_id is not None:
            text += "\n\n" + self.tr("The published figures were recorded in the vault, so next year's report "
                                     "can compare with them.")
        self.page.dialogs.info(self.page, self.titles()[fmt], text)
        self.finished.emit(fmt, True)

    def _export_failed(self, fmt: str, exc: BaseException) -> None:
        self.job = None
        self.page.set_busy(False)
        if not self.page.session.is_open:   # the vault was locked before the export could start
            return
        self.page.dialogs.error(self.page, self.titles()[fmt], self.reason(exc, self.tr("The export failed")))
        self.finished.emit(fmt, False)

    def reason(self, exc: BaseException, what: str) -> str:
        """What went wrong, for the adviser."""
        if isinstance(exc, VertrouwdError):
            return error_text(exc, self.page.lang)
        if isinstance(exc, OSError):
            return self.tr("{what}: {reason}. Nothing was written. Choose another folder and try again.").format(
                what=what, reason=exc.strerror or exc)
        return self.tr("{what} because of an unexpected problem ({reason}). Nothing was written. Try again; if "
                       "it keeps failing, make a backup and report the problem.").format(what=what, reason=exc)

    # -- the PDF preview ---------------------------------------------------------------------------
    def open_pdf_preview(self) -> Job | None:
        """Render the PDF as the export would (nothing is recorded). With Qt's PDF module it is shown
        in the page; otherwise it goes to a private temporary file that the viewer opens and that is
        wiped a minute later (and when the page closes): nothing is asked, nothing stays."""
        title = self.tr("PDF preview")
        request = self._ready(title)
        if request is None:
            return None
        if HAVE_QTPDF:  # pragma: no cover
            self.page.tabs.setCurrentWidget(self.page.preview)
            return self.pdf_into_view()
        if self._confirm_flags(title) is None:
            return None
        repo = self.page.repo
        self.job = run_in_thread(
            self.page, render_pdf, repo, request, self.page.narrative.text(), None, "", lock=repo.vault.lock_,
            progress=self.page.progress, text=self.tr("Making the preview…"),
            on_done=lambda result: self._preview_written(result[0]),
            on_error=lambda exc: self._preview_failed(exc))
        self.page.set_busy(True)
        return self.job

    def _preview_written(self, data: bytes) -> None:
        self.job = None
        self.page.set_busy(False)
        path = self.temp.write(data, "voorbeeld-" + self.suggested("pdf"))
        self.open_file(path)
        QTimer.singleShot(PREVIEW_KEEP_MS, self, lambda p=path: self.temp.remove(p))
        self.preview_finished.emit(True)

    def _preview_failed(self, exc: BaseException) -> None:
        self.job = None
        self.page.set_busy(False)
        if not self.page.session.is_open:
            return
        self.page.dialogs.error(self.page, self.tr("PDF preview"),
                                self.reason(exc, self.tr("The preview failed")))
        self.preview_finished.emit(False)

    def pdf_into_view(self) -> Job | None:  # pragma: no cover - needs PySide6.QtPdf
        request = self.page.key()
        if request is None:
            return None
        repo = self.page.repo

        def show(result, request=request):
            if request != self.page.key():
                return
            self.page.preview.show_pdf(result[0])
            self.preview_finished.emit(True)

        return run_in_thread(self.page, render_pdf, repo, request, self.page.narrative.text(), None, "",
                             lock=repo.vault.lock_, progress=self.page.progress,
                             text=self.tr("Making the preview…"), on_done=show,
                             on_error=lambda exc: self._preview_failed(exc))
