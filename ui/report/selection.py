"""What the Jaarverslag page reports on: the organisation (or all of them), the year, the threshold
and the report's language. The bar turns the choice into one ``ReportRequest``; the organisation is
carried by its id, so the page never matches names."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from app.reporting import report as R
from app.reporting.disclosure import MIN_K
from models.entities import Organisation, is_year

MAX_THRESHOLD = 50


class SelectionBar(QWidget):
    """The row of choices at the top of the page. Signals tell which choice the adviser changed."""

    org_changed = Signal()
    year_changed = Signal()
    options_changed = Signal()      # threshold or language

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self._settings_k: int | None = None
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
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(lang)))
        self.lang_combo.setToolTip(self.tr("Language of the published report and its labels."))
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(8)   # as the page's own layout
        for text, w in ((self.tr("Organisation"), self.org_combo), (self.tr("Year"), self.year_combo),
                        (self.tr("Threshold"), self.threshold_spin),
                        (self.tr("Report language"), self.lang_combo)):
            lbl = QLabel(text)
            lbl.setBuddy(w)
            bar.addWidget(lbl)
            bar.addWidget(w)
            bar.addSpacing(10)
        bar.addStretch(1)
        self.org_combo.currentIndexChanged.connect(self.org_changed)
        self.year_combo.currentIndexChanged.connect(self.year_changed)
        self.threshold_spin.valueChanged.connect(self.options_changed)
        self.lang_combo.currentIndexChanged.connect(self.options_changed)

    # -- the current choice ------------------------------------------------------------------
    @property
    def org_id(self) -> int | None:
        """The chosen organisation's id; None for all organisations (or nothing to choose)."""
        return self.org_combo.currentData()

    @property
    def org_name(self) -> str:
        """The chosen organisation's name, or the report's words for all organisations."""
        if self.org_id is None:
            return R.texts(self.report_lang)["all_organisations"]
        return self.org_combo.currentText()

    @property
    def year(self) -> int | None:
        return self.year_combo.currentData()

    @property
    def report_lang(self) -> str:
        return self.lang_combo.currentData() or self.lang

    def request(self) -> R.ReportRequest | None:
        """The report chosen; None while there is no year to choose."""
        if self.year is None:
            return None
        return R.ReportRequest(self.org_id, self.year, self.threshold_spin.value(), self.report_lang)

    # -- filling the choices -----------------------------------------------------------------
    def fill_organisations(self, orgs: list[Organisation]) -> None:
        """The organisations, then "all organisations"; the current choice is kept when it still exists."""
        current = self.org_combo.currentData() if self.org_combo.count() else ...
        self.org_combo.blockSignals(True)
        self.org_combo.clear()
        for o in orgs:
            self.org_combo.addItem(o.name, o.id)
        self.org_combo.addItem(self.tr("All organisations (own overview)"), None)
        i = self.org_combo.findData(current) if current is not ... else -1
        self.org_combo.setCurrentIndex(i if i >= 0 else 0)
        self.org_combo.blockSignals(False)

    def set_settings_threshold(self, k: int) -> None:
        """The threshold of the vault's settings; it replaces the shown one unless the adviser chose another."""
        if self._settings_k is None or self.threshold_spin.value() == self._settings_k:
            self.threshold_spin.blockSignals(True)
            self.threshold_spin.setValue(max(MIN_K, min(MAX_THRESHOLD, int(k))))
            self.threshold_spin.blockSignals(False)
        self._settings_k = int(k)
        self.threshold_spin.setToolTip(self.tr(
            "Figures below this number are not shown. Your settings say {k}; a change here applies to this "
            "report only and can never go below {min}.").format(k=k, min=MIN_K))

    def fill_years(self, years: list[int]) -> None:
        """The years with data, newest first; kept, else last year, else the newest. Only years in the
        program's range (a case dated outside it cannot be reported on)."""
        years = [y for y in years if is_year(y)]
        keep = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for y in years:
            self.year_combo.addItem(str(y), y)
        if years:
            default = date.today().year - 1
            pick = keep if keep in years else (default if default in years else years[0])
            self.year_combo.setCurrentIndex(self.year_combo.findData(pick))
        self.year_combo.blockSignals(False)

    def set_enabled(self, enabled: bool) -> None:
        for w in (self.org_combo, self.year_combo, self.threshold_spin, self.lang_combo):
            w.setEnabled(enabled)

    def clear(self) -> None:
        """No organisations, no years (the vault locks)."""
        for combo in (self.org_combo, self.year_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(False)
