"""Jaarverslag: the annual report page.

The adviser picks an organisation (or all of them) and a year, sees the tables exactly as they will
be published (hidden figures as a coloured "x" with the reason in a tooltip), writes the "signals
and recommendations" text, previews the report and exports it as PDF, CSV, JSON or signed .vstat.

Everything that reads the vault for the report (``app.reporting.report.prepare``) and every export runs on a
worker thread (``ui.worker``), one job at a time, holding the vault's lock. The GUI thread takes the
same lock for its own short reads and writes, so the two never use the connection at once. A result
computed for a selection that has changed meanwhile is dropped and the newest selection computed.
"""
from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, VertrouwdError
from app.reporting import report as R
from app.reporting.aggregate import slug, years_with_data
from app.reporting.disclosure import MIN_K
from app.reporting.html import NAVY, SECTIONS, TEAL, fmt_value, preview_html  # noqa: F401 (re-exported)
from app.store import settings as S
from ui.i18n import error_text
from ui.privacy_highlighter import PrivacyHighlighter
from ui.worker import Job, run_in_thread

try:  # not in PySide6-Essentials; the HTML preview below is the normal case
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
    HAVE_QTPDF = True
except ImportError:  # pragma: no cover - depends on the installed Qt modules
    HAVE_QTPDF = False

HIDDEN_BG = QColor("#F3D98B")
HIDDEN_FG = QColor("#6B4A00")
TOTAL_BG = QColor("#EEF3F7")
MAX_THRESHOLD = 50
FORMAT_FILTERS = {"pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)", "json": "JSON (*.json)",
                  "vstat": "Vertrouwd statistics (*.vstat)"}

# (org name or None, year, threshold, report language)
Key = tuple[str | None, int, int, str]




# -- the tables as published ------------------------------------------------------------------------
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
            if role == Qt.ItemDataRole.DisplayRole:
                return self.row_labels[row]
            if role == Qt.ItemDataRole.FontRole and row == len(self.row_labels) - 1:
                return _bold()
            if role == Qt.ItemDataRole.BackgroundRole and row == len(self.row_labels) - 1:
                return QBrush(TOTAL_BG)
            return None
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
        if role == Qt.ItemDataRole.BackgroundRole:
            if v is None:
                return QBrush(HIDDEN_BG)
            if self.is_total(row, col):
                return QBrush(TOTAL_BG)
        if role == Qt.ItemDataRole.ForegroundRole and v is None:
            return QBrush(HIDDEN_FG)
        if role == Qt.ItemDataRole.FontRole and (v is None or self.is_total(row, col)):
            return _bold()
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
            f"QTableView {{ border: 1px solid #C9D3DD; gridline-color: #C9D3DD; }}"
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
        painter.setPen(QColor("#E3E9EF"))
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


# -- the HTML preview ---------------------------------------------------------------------------------
# -- work done on the worker thread ---------------------------------------------------------------------
def _prepare(report, repo, key: Key, text: str) -> R.Prepared:
    org, year, k, lang = key
    report(-1, text)
    return R.prepare(repo, org, year, k, lang)


def _export(report, repo, fmt: str, key: Key, out: str, allow_flagged: bool, text: str,
            republish: bool = False) -> Path:
    org, year, k, lang = key
    report(-1, text)
    if fmt == "vstat":
        return R.export_vstat(repo, org=org, year=year, out=out, threshold=k, republish=republish)
    return R.export_report(repo, org=org, year=year, fmt=fmt, out=out, threshold=k, lang=lang,
                           allow_flagged=allow_flagged, republish=republish)


def _render_pdf(report, repo, key: Key, narrative: str, out: str | None, text: str) -> tuple[bytes, Path | None]:
    """The PDF as the export would make it, without recording anything; written to ``out`` if given."""
    from app import fsutil
    from app.reporting import pdf as report_pdf
    org, year, k, lang = key
    report(-1, text)
    prep = R.prepare(repo, org, year, k, lang)
    R._require_ok(prep)
    data = report_pdf.render(prep, narrative=narrative, practice=repo.get_setting("practice_name") or "",
                             fingerprint=R._fingerprint(repo))
    if out is None:
        return data, None
    path = Path(out)
    if not path.parent.exists():
        raise UserError("report.folder_missing", parent=path.parent)
    try:
        fsutil.write_bytes_atomic(path, data)
    except OSError as exc:
        raise UserError("report.cannot_write", path=path, strerror=exc.strerror or exc) from None
    return data, path


# -- the page ----------------------------------------------------------------------------------------------
class ReportPage(QWidget):
    """The annual report page. ``load()`` when shown, ``clear()`` to forget everything shown."""

    refreshed = Signal()            # the tables show a fresh result (or its error) for the selection
    export_finished = Signal(str, bool)   # format, success
    preview_finished = Signal(bool)

    def __init__(self, session, lang: str, dialogs, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.lang = lang if lang in R.LANGS else "nl"
        self.dialogs = dialogs
        self.prep: R.Prepared | None = None
        self.prep_key: Key | None = None
        self.want: Key | None = None
        self.prepare_job: Job | None = None
        self.export_job: Job | None = None
        self.narrative_key: tuple[int, int] | None = None
        self.narrative_dirty = False   # edited since loaded or stored
        self.views: dict[str, TableView] = {}
        self.open_file: Callable[[Path], object] = lambda p: QDesktopServices.openUrl(QUrl.fromLocalFile(str(p)))
        self._settings_k: int | None = None
        self._pdf_buffer = None
        self._build()

    # -- building the widgets --------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(8)
        title = QLabel(self.tr("Annual report"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        outer.addWidget(title)

        bar = QHBoxLayout()
        self.org_combo = QComboBox()
        self.org_combo.setMinimumWidth(220)
        self.org_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_combo = QComboBox()
        self.year_combo.setMinimumWidth(80)
        self.threshold_spin = QSpinBox()
        self.threshold_spin.setRange(MIN_K, MAX_THRESHOLD)
        self.threshold_spin.setValue(R.DEFAULT_THRESHOLD)
        self.lang_combo = QComboBox()
        self.lang_combo.addItem("Nederlands", "nl")
        self.lang_combo.addItem("English", "en")
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(self.lang)))
        self.lang_combo.setToolTip(self.tr("Language of the published report and its labels."))
        for text, w in ((self.tr("Organisation"), self.org_combo), (self.tr("Year"), self.year_combo),
                        (self.tr("Threshold"), self.threshold_spin),
                        (self.tr("Report language"), self.lang_combo)):
            lbl = QLabel(text)
            lbl.setBuddy(w)
            bar.addWidget(lbl)
            bar.addWidget(w)
            bar.addSpacing(10)
        bar.addStretch(1)
        outer.addLayout(bar)

        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setStyleSheet(f"background: {TOTAL_BG.name()}; border-radius: 4px; padding: 8px 10px;"
                                         " font-size: 13px;")
        outer.addWidget(self.summary_label)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        outer.addWidget(self.status_label)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.tabs = QTabWidget()
        # tables
        self.tables_widget = QWidget()
        self.tables_layout = QVBoxLayout(self.tables_widget)
        self.tables_layout.setContentsMargins(8, 8, 8, 8)
        self.tables_layout.setSpacing(4)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet("background: #fff4e5; color: #5c3b00; padding: 6px; border-radius: 4px;")
        self.notes_label.hide()
        self.tables_layout.addWidget(self.notes_label)
        self.tables_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.tables_widget)
        self.tabs.addTab(scroll, self.tr("Tables"))
        # method
        self.method_label = QLabel()
        self.method_label.setWordWrap(True)
        self.method_label.setTextFormat(Qt.TextFormat.RichText)
        self.method_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.method_label.setContentsMargins(10, 10, 10, 10)
        mscroll = QScrollArea()
        mscroll.setWidgetResizable(True)
        mscroll.setFrameShape(QFrame.Shape.NoFrame)
        mscroll.setWidget(self.method_label)
        self.tabs.addTab(mscroll, self.tr("Method"))
        # preview
        if HAVE_QTPDF:  # pragma: no cover - not in PySide6-Essentials
            self.pdf_document = QPdfDocument(self)
            self.preview = QPdfView()
            self.preview.setDocument(self.pdf_document)
            self.preview.setPageMode(QPdfView.PageMode.MultiPage)
            self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self.preview = QTextBrowser()
            self.preview.setOpenLinks(False)
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.tabs.currentChanged.connect(self._tab_changed)
        split.addWidget(self.tabs)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 0, 0, 0)
        head = QLabel(self.tr("Signals and recommendations"))
        head.setStyleSheet(f"font-size: 14px; font-weight: 600; color: {NAVY};")
        rl.addWidget(head)
        hint = QLabel(self.tr("Describe patterns and advice for the organisation, never single incidents or "
                              "people. Saved in the vault for this organisation and year."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5B6B7B;")
        rl.addWidget(hint)
        self.narrative = QPlainTextEdit()
        self.narrative.setTabChangesFocus(True)
        self.highlighter = PrivacyHighlighter(self.narrative.document(), lang=self.lang)
        self.narrative.textChanged.connect(self._narrative_edited)
        rl.addWidget(self.narrative, 1)
        self.flag_label = QLabel()
        self.flag_label.setWordWrap(True)
        self.flag_label.setStyleSheet("color: #8a4b00;")
        self.flag_label.hide()
        rl.addWidget(self.flag_label)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 420])
        outer.addWidget(split, 1)

        self.progress = QProgressBar()
        self.progress.setMaximumHeight(18)
        self.progress.hide()
        outer.addWidget(self.progress)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Open PDF preview"))
        self.pdf_button = QPushButton(self.tr("Export PDF"))
        self.csv_button = QPushButton(self.tr("Export CSV"))
        self.json_button = QPushButton(self.tr("Export JSON"))
        self.vstat_button = QPushButton(self.tr("Signed statistics (.vstat)"))
        self.pdf_button.setDefault(True)
        self.vstat_button.setToolTip(self.tr("The published figures, signed with your key, for a supervisor "
                                             "who combines the figures of several advisers."))
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        for b in (self.pdf_button, self.csv_button, self.json_button, self.vstat_button):
            buttons.addWidget(b)
        outer.addLayout(buttons)
        self.export_buttons = (self.preview_button, self.pdf_button, self.csv_button, self.json_button,
                               self.vstat_button)
        self.preview_button.clicked.connect(self.open_pdf_preview)
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.json_button.clicked.connect(lambda: self.export("json"))
        self.vstat_button.clicked.connect(lambda: self.export("vstat"))

        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(1200)
        self.save_timer.timeout.connect(self._autosave)
        self.org_combo.currentIndexChanged.connect(self._org_changed)
        self.year_combo.currentIndexChanged.connect(self._year_changed)
        self.threshold_spin.valueChanged.connect(self.refresh)
        self.lang_combo.currentIndexChanged.connect(self.refresh)
        self._set_exports_enabled(False)
        self._show_summary(None)

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
    @property
    def org(self) -> str | None:
        return self.org_combo.currentData()

    @property
    def year(self) -> int | None:
        return self.year_combo.currentData()

    @property
    def report_lang(self) -> str:
        return self.lang_combo.currentData() or self.lang

    def key(self) -> Key | None:
        if self.year is None:
            return None
        return (self.org, int(self.year), int(self.threshold_spin.value()), self.report_lang)

    def load(self) -> None:
        """Fill the choices from the vault (keeping the current choice) and compute the report.

        Computed afresh each time the page is shown: cases may have changed meanwhile."""
        if not self.session.is_open:
            return
        self.prep_key = None
        with self._vault() as repo:
            orgs = repo.list_organisations()
            k = self.session.settings.get(S.REPORT_THRESHOLD)
        current = self.org_combo.currentData() if self.org_combo.count() else ...
        self.org_combo.blockSignals(True)
        self.org_combo.clear()
        for o in orgs:
            self.org_combo.addItem(o.name, o.name)
        self.org_combo.addItem(self.tr("All organisations (own overview)"), None)
        i = self.org_combo.findData(current) if current is not ... else -1
        self.org_combo.setCurrentIndex(i if i >= 0 else 0)
        self.org_combo.blockSignals(False)
        if self._settings_k is None or self.threshold_spin.value() == self._settings_k:
            self.threshold_spin.blockSignals(True)
            self.threshold_spin.setValue(max(MIN_K, min(MAX_THRESHOLD, int(k))))
            self.threshold_spin.blockSignals(False)
        self._settings_k = int(k)
        self.threshold_spin.setToolTip(self.tr(
            "Figures below this number are not shown. Your settings say {k}; a change here applies to this "
            "report only and can never go below {min}.").format(k=k, min=MIN_K))
        self._fill_years()
        self._load_narrative()
        self.refresh()

    def _fill_years(self) -> None:
        keep = self.year_combo.currentData()
        years = years_with_data(self.repo, self.org)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for y in years:
            self.year_combo.addItem(str(y), y)
        if years:
            default = date.today().year - 1
            pick = keep if keep in years else (default if default in years else years[0])
            self.year_combo.setCurrentIndex(self.year_combo.findData(pick))
        self.year_combo.blockSignals(False)

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

    # -- the narrative ---------------------------------------------------------------------------------
    def _org_id(self) -> int | None:
        name = self.org
        if name is None:
            return None
        for o in self.repo.list_organisations():
            if o.name == name:
                return o.id
        return None

    def _load_narrative(self) -> None:
        self.save_timer.stop()
        year = self.year
        with self._vault() as repo:
            org_id = self._org_id()
            key = (org_id, int(year)) if org_id is not None and year is not None else None
            text = repo.report_text(*key) if key else ""
        self.narrative_key = key
        self.narrative_dirty = False
        self.narrative.blockSignals(True)
        self.narrative.setPlainText(text)   # also empties the undo history
        self.narrative.blockSignals(False)
        self.narrative.document().setModified(False)
        self.narrative.setEnabled(key is not None)
        if key is None:
            self.narrative.setPlaceholderText(self.tr(
                "An overview of all organisations has no text of its own. Choose one organisation to write "
                "its signals and recommendations."))
        else:
            self.narrative.setPlaceholderText(self.tr(
                "For example: several people mentioned the tone in team meetings; advice: make the code of "
                "conduct part of the introduction of new staff."))
        self._show_flags()

    def _narrative_edited(self) -> None:
        if self.narrative_key is not None:
            self.narrative_dirty = True
            self.save_timer.start()

    def _autosave(self) -> None:
        self.save_narrative()
        self._show_flags()
        self._update_preview()

    def save_narrative(self) -> bool:
        """Store the text of the shown organisation and year when it changed. True when stored."""
        self.save_timer.stop()
        key = self.narrative_key
        if key is None or not self.narrative_dirty or not self.session.is_open:
            return False
        with self._vault() as repo:
            repo.set_report_text(key[0], key[1], self.narrative.toPlainText())
        self.narrative_dirty = False
        self.narrative.document().setModified(False)
        return True

    def flagged_kinds(self) -> list[str]:
        """Readable kinds of identifiers the privacy guard finds in the text, in the page's language."""
        text = self.narrative.toPlainText() if self.narrative_key is not None else ""
        kinds = R.check_narrative(text)
        if not kinds or self.lang == "en":
            return kinds
        from app.privacy import guard as privacy
        out: list[str] = []
        for f in privacy.scan(text):
            label = privacy.kind_label(f.kind, self.lang)
            if label not in out:
                out.append(label)
        return out or kinds

    def _show_flags(self) -> None:
        kinds = self.flagged_kinds()
        self.flag_label.setVisible(bool(kinds))
        if kinds:
            self.flag_label.setText(self.tr("The privacy check marks possible identifiers: {kinds}. Write about "
                                            "patterns, not about people.").format(kinds=", ".join(kinds)))

    # -- computing the tables -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Compute the report of the current selection on the worker (the newest selection wins)."""
        key = self.key()
        self.want = key
        if key is None:
            self.prep, self.prep_key = None, None
            self._clear_tables()
            self._show_summary(None)
            self._set_status(self.tr("There are no cases for this selection yet, so there is no report to "
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

    def _start_prepare(self, key: Key) -> None:
        repo = self.repo
        self._set_status(self.tr("Computing the protected figures…"), warn=False)
        self.prepare_job = run_in_thread(
            self, _prepare, repo, key, "", lock=repo.vault.lock_,
            on_done=lambda prep, key=key: self._prepared(key, prep),
            on_error=lambda exc, key=key: self._prepare_failed(key, exc))

    def _next_after(self, key: Key) -> bool:
        """True when the selection moved on meanwhile (and the newest one is started)."""
        self.prepare_job = None
        if key == self.want:
            return False
        if self.want is not None and self.session.is_open:
            self._start_prepare(self.want)
        return True

    def _prepared(self, key: Key, prep: R.Prepared) -> None:
        if not self.session.is_open:   # locked meanwhile: show nothing
            self.prepare_job = None
            return
        if self._next_after(key):
            return
        self.prep, self.prep_key = prep, key
        self._show_tables(prep)
        self._show_summary(prep)
        self._show_method(prep)
        if prep.protection.audit.ok:
            self._set_status("", warn=False)
            self._set_exports_enabled(True)
        else:
            self._set_status(self.tr("These figures cannot be protected well enough to publish, so they cannot "
                                     "be exported. Try a threshold closer to {min}, or report this year together "
                                     "with all organisations.").format(min=MIN_K), warn=True)
            self._set_exports_enabled(False)
        self._update_preview()
        self.refreshed.emit()

    def _prepare_failed(self, key: Key, exc: BaseException) -> None:
        if not self.session.is_open:
            self.prepare_job = None
            return
        if self._next_after(key):
            return
        self.prep, self.prep_key = None, None
        self._clear_tables()
        self._show_summary(None)
        self._set_exports_enabled(False)
        self._set_status(self._reason(exc, self.tr("The figures could not be computed")), warn=True)
        self.refreshed.emit()

    # -- showing ----------------------------------------------------------------------------------------------
    def _headings(self, lang: str) -> dict[str, str]:
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

    def _clear_tables(self) -> None:
        for view in self.views.values():
            box = view.parentWidget()
            self.tables_layout.removeWidget(box)
            box.hide()
            box.deleteLater()
        self.views = {}
        self.notes_label.hide()
        self.notes_label.clear()
        self.method_label.clear()
        if HAVE_QTPDF:  # pragma: no cover
            self.pdf_document.close()
        else:
            self.preview.clear()

    def _show_tables(self, prep: R.Prepared) -> None:
        self._clear_tables()
        lang = prep.lang
        t = R.texts(lang)
        headings, why = self._headings(lang), self._why()
        notes = [t[f"note_{n}"] for n in prep.notes if f"note_{n}" in t]
        if notes:
            self.notes_label.setText("\n".join(notes))
            self.notes_label.show()
        pos = self.tables_layout.count() - 1   # before the stretch
        units = {"cases": self.tr("cases"), "contacts": self.tr("contacts"), "activities": self.tr("activities"),
                 "hours": self.tr("hours")}
        for tb in prep.report["tables"]:
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 10, 0, 4)
            lay.setSpacing(4)
            head = QLabel(f'<span style="font-size:13px;font-weight:600;color:{NAVY}">'
                          f'{escape(R.table_title(tb["id"], lang))}</span>'
                          f'&nbsp;&nbsp;<span style="color:#5B6B7B">{escape(units.get(tb["unit"], tb["unit"]))}'
                          '</span>')
            lay.addWidget(head)
            model = PublishedTableModel(tb, lambda axis, code, tid=tb["id"]: prep.label(tid, axis, code),
                                        prep.protection.reasons.get(tb["id"]), lang=lang, headings=headings,
                                        why=why)
            view = TableView(model)
            view.setObjectName(f"table_{tb['id']}")
            lay.addWidget(view)
            self.tables_layout.insertWidget(pos, box)
            pos += 1
            self.views[tb["id"]] = view

    def _show_summary(self, prep: R.Prepared | None) -> None:
        if prep is None:
            self.summary_label.setText(self.tr("Choose an organisation and a year."))
            return
        rep, lang = prep.report, prep.lang
        tot = rep["totals"]
        parts = [f"{escape(label)} <b>{value}</b>" for label, value in (
            (self.tr("Cases"), fmt_value(tot["cases"], lang)),
            (self.tr("Contacts"), fmt_value(tot["contacts"], lang)),
            (self.tr("Hours"), fmt_value(tot["hours"], lang, True)),
            (self.tr("Hidden cells"), fmt_value(prep.protection.hidden_cells, lang)),
            (self.tr("Threshold"), fmt_value(rep["threshold"], lang)))]
        self.summary_label.setText(f'<span style="color:{NAVY}">'
                                   f"{escape(rep['organisation'])} · {rep['year']}</span>&nbsp;&nbsp;&nbsp;"
                                   + " &nbsp;·&nbsp; ".join(parts))

    def _show_method(self, prep: R.Prepared) -> None:
        t = R.texts(prep.lang)
        lines = [f'<h3 style="color:{NAVY}">{escape(t["section_method"])}</h3>',
                 f"<p>{escape(prep.report['method'])}</p>",
                 f"<p>{escape(t['method_k'].format(k=prep.report['threshold']))}</p>",
                 f"<p>{escape(t['legend'])}</p>"]
        for tid, codes in prep.protection.merged.items():
            labels = ", ".join(R.code_label(tid, "rows", c, prep.lang, prep.aggregation.units) for c in codes)
            lines.append(f"<p>{escape(t['merged_line'].format(table=R.table_title(tid, prep.lang), codes=labels))}</p>")
        self.method_label.setText("\n".join(lines))

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
                self._pdf_into_view()
            return
        text = self.narrative.toPlainText() if self.narrative_key is not None else ""
        bar = self.preview.verticalScrollBar()
        keep = bar.value()
        self.preview.setHtml(preview_html(self.prep, text, practice=self._practice()))
        bar.setValue(keep)

    def _tab_changed(self, _index: int) -> None:
        if HAVE_QTPDF and self.tabs.currentWidget() is self.preview:  # pragma: no cover
            self._update_preview()

    def _set_status(self, text: str, warn: bool) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
        self.status_label.setStyleSheet("color: #b00020;" if warn else "color: #5B6B7B;")

    def _set_exports_enabled(self, enabled: bool) -> None:
        busy = self.export_job is not None and not self.export_job.done
        for b in self.export_buttons:
            b.setEnabled(enabled and not busy)

    def _set_busy(self, busy: bool) -> None:
        for w in (self.org_combo, self.year_combo, self.threshold_spin, self.lang_combo):
            w.setEnabled(not busy)
        self._set_exports_enabled(not busy and self.prep is not None and self.prep.protection.audit.ok)

    # -- exporting ----------------------------------------------------------------------------------------------
    def _titles(self) -> dict[str, str]:
        return {"pdf": self.tr("Export PDF"), "csv": self.tr("Export CSV"), "json": self.tr("Export JSON"),
                "vstat": self.tr("Export signed statistics")}

    def _suggested(self, fmt: str) -> str:
        key = self.key()
        name = self.org or R.texts(self.report_lang)["all_organisations"]
        stem = "cijfers" if fmt == "vstat" else "jaarverslag"
        return f"{stem}-{slug(name)}-{key[1] if key else ''}.{fmt}"

    def _confirm_flags(self, title: str) -> bool | None:
        """None: the adviser stopped; else allow_flagged for the export."""
        kinds = self.flagged_kinds()
        if not kinds:
            return False
        ok = self.dialogs.confirm(self, title, self.tr(
            "The text 'Signals and recommendations' may point at people: the privacy check found {kinds}. "
            "Print it as it is anyway? Choose No to rewrite it in general terms first.").format(
                kinds=", ".join(kinds)))
        return True if ok else None

    def _ready(self, title: str) -> Key | None:
        """The current selection when nothing else is being written and the narrative is saved."""
        key = self.key()
        if key is None or (self.export_job is not None and not self.export_job.done):
            return None
        try:
            self.save_narrative()
        except VertrouwdError as exc:
            self.dialogs.error(self, title, error_text(exc, self.lang))
            return None
        return key

    def export(self, fmt: str) -> Job | None:
        """Ask for a file and write the report in ``fmt`` (pdf, csv, json, vstat) on the worker."""
        title = self._titles()[fmt]
        key = self._ready(title)
        if key is None:
            return None
        allow = False
        if fmt == "pdf":
            answer = self._confirm_flags(title)
            if answer is None:
                return None
            allow = answer
        republish = False
        if self.prep is not None and self.prep.republish_needed:
            if not self.dialogs.confirm(self, title, self.tr(
                    "Figures for this organisation and year were published before, and these differ. A "
                    "reader who has both versions could compare them and work hidden figures back. Publish "
                    "a new version anyway? Every figure hidden before stays hidden, and all versions are "
                    "checked together; if that check fails, nothing is written.")):
                return None
            republish = True
        out = self.dialogs.save_path(self, title, FORMAT_FILTERS[fmt], self._suggested(fmt))
        if not out:
            return None
        repo = self.repo
        self._set_status("", warn=False)
        self.export_job = run_in_thread(
            self, _export, repo, fmt, key, out, allow, "", republish, lock=repo.vault.lock_,
            progress=self.progress,
            text=self.tr("Writing {file}…").format(file=Path(out).name),
            on_done=lambda path, fmt=fmt: self._exported(fmt, path),
            on_error=lambda exc, fmt=fmt: self._export_failed(fmt, exc))
        self._set_busy(True)
        return self.export_job

    def _exported(self, fmt: str, path: Path) -> None:
        self.export_job = None
        self._set_busy(False)
        self.prep_key = None  # what was published is now an earlier version to compare with
        text = self.tr("The file was written: {path}").format(path=path)
        if self.org is not None:
            text += "\n\n" + self.tr("The published figures were recorded in the vault, so next year's report "
                                     "can compare with them.")
        self.dialogs.info(self, self._titles()[fmt], text)
        self.export_finished.emit(fmt, True)

    def _export_failed(self, fmt: str, exc: BaseException) -> None:
        self.export_job = None
        self._set_busy(False)
        if not self.session.is_open:   # the vault was locked before the export could start
            return
        self.dialogs.error(self, self._titles()[fmt], self._reason(exc, self.tr("The export failed")))
        self.export_finished.emit(fmt, False)

    def _reason(self, exc: BaseException, what: str) -> str:
        if isinstance(exc, VertrouwdError):
            return error_text(exc, self.lang)
        if isinstance(exc, OSError):
            return self.tr("{what}: {reason}. Nothing was written. Choose another folder and try again.").format(
                what=what, reason=exc.strerror or exc)
        return self.tr("{what} because of an unexpected problem ({reason}). Nothing was written. Try again; if "
                       "it keeps failing, make a backup and report the problem.").format(what=what, reason=exc)

    # -- the PDF preview ---------------------------------------------------------------------------------------
    def open_pdf_preview(self) -> Job | None:
        """Render the PDF as the export would (nothing is recorded). With Qt's PDF module it is shown
        in the page; otherwise it is written only to a file the adviser chooses and then opened."""
        title = self.tr("PDF preview")
        key = self._ready(title)
        if key is None:
            return None
        if HAVE_QTPDF:  # pragma: no cover
            self.tabs.setCurrentWidget(self.preview)
            return self._pdf_into_view()
        if self._confirm_flags(title) is None:
            return None
        out = self.dialogs.save_path(self, title, FORMAT_FILTERS["pdf"], "voorbeeld-" + self._suggested("pdf"))
        if not out:
            return None
        narrative = self.narrative.toPlainText() if self.narrative_key is not None else ""
        repo = self.repo
        self.export_job = run_in_thread(
            self, _render_pdf, repo, key, narrative, out, "", lock=repo.vault.lock_, progress=self.progress,
            text=self.tr("Making the preview…"),
            on_done=lambda result: self._preview_written(result[1]),
            on_error=lambda exc: self._preview_failed(exc))
        self._set_busy(True)
        return self.export_job

    def _preview_written(self, path: Path) -> None:
        self.export_job = None
        self._set_busy(False)
        self.open_file(path)
        self.preview_finished.emit(True)

    def _preview_failed(self, exc: BaseException) -> None:
        self.export_job = None
        self._set_busy(False)
        if not self.session.is_open:
            return
        self.dialogs.error(self, self.tr("PDF preview"), self._reason(exc, self.tr("The preview failed")))
        self.preview_finished.emit(False)

    def _pdf_into_view(self) -> Job | None:  # pragma: no cover - needs PySide6.QtPdf
        key = self.key()
        if key is None:
            return None
        narrative = self.narrative.toPlainText() if self.narrative_key is not None else ""
        repo = self.repo

        def show(result, key=key):
            if key != self.key():
                return
            data = QByteArray(result[0])
            buf = QBuffer(self)
            buf.setData(data)
            buf.open(QIODevice.OpenModeFlag.ReadOnly)
            self.pdf_document.close()
            self.pdf_document.load(buf)
            self._pdf_buffer = buf
            self.preview_finished.emit(True)

        return run_in_thread(self, _render_pdf, repo, key, narrative, None, "", lock=repo.vault.lock_,
                             progress=self.progress, text=self.tr("Making the preview…"),
                             on_done=show, on_error=lambda exc: self._preview_failed(exc))

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
        self.narrative_key = None
        self.narrative_dirty = False
        self.save_timer.stop()
        self.narrative.blockSignals(True)
        self.narrative.setPlainText("")
        self.narrative.blockSignals(False)
        self.narrative.document().setModified(False)
        self.flag_label.hide()
        for combo in (self.org_combo, self.year_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(False)
        self._clear_tables()
        self._show_summary(None)
        self._set_status("", warn=False)
        self._set_exports_enabled(False)
