"""Retention panel (Settings / dashboard): the retention period, what falls due, "Purge now", and the
audit log. All work goes through app.privacy.retention; no SQL here.

Confirmation goes through a seam: `confirm(text) -> bool` is passed in, so the window can show a
modal question and tests can answer it.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
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

from app.errors import VertrouwdError
from app.privacy import retention
from ui.i18n import error_text

_Index = QModelIndex | QPersistentModelIndex


CONTEXT = "RetentionPanel"


def _tr(text: str) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP(CONTEXT, ...) at display time."""
    return QCoreApplication.translate(CONTEXT, text)


_ACTIONS = {
    retention.ACTION_PURGE: QT_TRANSLATE_NOOP("RetentionPanel", "Case details removed (retention)"),
    retention.ACTION_DELETE: QT_TRANSLATE_NOOP("RetentionPanel", "Case removed entirely"),
    retention.ACTION_CONSENT: QT_TRANSLATE_NOOP("RetentionPanel", "Case removed: consent withdrawn"),
    retention.ACTION_POLICY: QT_TRANSLATE_NOOP("RetentionPanel", "Retention period changed"),
    "casus_aangemaakt": QT_TRANSLATE_NOOP("RetentionPanel", "Case created"),
    "casus_gewijzigd": QT_TRANSLATE_NOOP("RetentionPanel", "Case changed"),
    "casus_gesloten": QT_TRANSLATE_NOOP("RetentionPanel", "Case closed"),
    "casus_heropend": QT_TRANSLATE_NOOP("RetentionPanel", "Case reopened"),
    "casus_verwijderd": QT_TRANSLATE_NOOP("RetentionPanel", "Case removed"),
    "contact_toegevoegd": QT_TRANSLATE_NOOP("RetentionPanel", "Contact added"),
    "contact_gewijzigd": QT_TRANSLATE_NOOP("RetentionPanel", "Contact changed"),
    "contact_verwijderd": QT_TRANSLATE_NOOP("RetentionPanel", "Contact removed"),
    "organisatie_toegevoegd": QT_TRANSLATE_NOOP("RetentionPanel", "Organisation added"),
    "organisatie_gewijzigd": QT_TRANSLATE_NOOP("RetentionPanel", "Organisation changed"),
    "organisatie_verwijderd": QT_TRANSLATE_NOOP("RetentionPanel", "Organisation removed"),
    "activiteit_toegevoegd": QT_TRANSLATE_NOOP("RetentionPanel", "Activity added"),
    "activiteit_gewijzigd": QT_TRANSLATE_NOOP("RetentionPanel", "Activity changed"),
    "activiteit_verwijderd": QT_TRANSLATE_NOOP("RetentionPanel", "Activity removed"),
    "vraag_toegevoegd": QT_TRANSLATE_NOOP("RetentionPanel", "Request for information or advice added"),
    "vraag_gewijzigd": QT_TRANSLATE_NOOP("RetentionPanel", "Request for information or advice changed"),
    "vraag_verwijderd": QT_TRANSLATE_NOOP("RetentionPanel", "Request for information or advice removed"),
    "beslishulp_opgeslagen": QT_TRANSLATE_NOOP("RetentionPanel", "Decision aid saved"),
    "jaarverslag_vastgelegd": QT_TRANSLATE_NOOP("RetentionPanel", "Annual report recorded"),
    "cijfers_uitgebracht": QT_TRANSLATE_NOOP("RetentionPanel", "Figures given out"),
    "migratie": QT_TRANSLATE_NOOP("RetentionPanel", "Vault upgraded"),
    "kluis_aangemaakt": QT_TRANSLATE_NOOP("RetentionPanel", "Vault created"),
    "wachtwoord_gewijzigd": QT_TRANSLATE_NOOP("RetentionPanel", "Passphrase changed"),
    "backup": QT_TRANSLATE_NOOP("RetentionPanel", "Backup made"),
    "export": QT_TRANSLATE_NOOP("RetentionPanel", "Data exported"),
    "import": QT_TRANSLATE_NOOP("RetentionPanel", "Data imported"),
    "demo": QT_TRANSLATE_NOOP("RetentionPanel", "Demo data added"),
}
_DUE_HEADERS = (QT_TRANSLATE_NOOP("RetentionPanel", "Case"), QT_TRANSLATE_NOOP("RetentionPanel", "Organisation"),
                QT_TRANSLATE_NOOP("RetentionPanel", "Closed"), QT_TRANSLATE_NOOP("RetentionPanel", "Due"),
                QT_TRANSLATE_NOOP("RetentionPanel", "Contacts"),
                QT_TRANSLATE_NOOP("RetentionPanel", "With notes"))
_AUDIT_HEADERS = (QT_TRANSLATE_NOOP("RetentionPanel", "Time"), QT_TRANSLATE_NOOP("RetentionPanel", "Action"),
                  QT_TRANSLATE_NOOP("RetentionPanel", "Details"))


def action_label(code: str) -> str:
    """A readable, translated name for an audit action code; unknown codes are shown as they are."""
    text = _ACTIONS.get(code)
    return _tr(text) if text else code


def _local_time(at: str) -> str:
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%d-%m-%Y %H:%M")


# The counts an audit entry stores (in the vault's own Dutch words, e.g. "casussen=1 contacten=3" or
# "300 casussen"), said in the window's language.
_COUNTS = {"casussen": QT_TRANSLATE_NOOP("RetentionPanel", "cases: {n}"),
           "contacten": QT_TRANSLATE_NOOP("RetentionPanel", "conversations: {n}"),
           "beslishulp": QT_TRANSLATE_NOOP("RetentionPanel", "saved advice: {n}"),
           "herinneringen": QT_TRANSLATE_NOOP("RetentionPanel", "reminders: {n}"),
           "concepten": QT_TRANSLATE_NOOP("RetentionPanel", "drafts: {n}"),
           "maanden": QT_TRANSLATE_NOOP("RetentionPanel", "retention term in months: {n}")}
_WORDS = {"gegevens": QT_TRANSLATE_NOOP("RetentionPanel", "all data"),
          "report": QT_TRANSLATE_NOOP("RetentionPanel", "annual report"),
          "vstat": QT_TRANSLATE_NOOP("RetentionPanel", "supervisor file")}


def _counts(obj: str) -> str | None:
    """ "casussen=1 contacten=3" or "300 casussen" in words, or None when it is neither."""
    pairs = [p.split("=", 1) for p in obj.split()] if "=" in obj else None
    if pairs is None:
        parts = obj.split()
        pairs = [[parts[1], parts[0]]] if len(parts) == 2 and parts[0].isdigit() else None
    if not pairs or any(len(p) != 2 or p[0] not in _COUNTS or not p[1].isdigit() for p in pairs):
        return None
    return ", ".join(_tr(_COUNTS[key]).format(n=int(n)) for key, n in pairs)


def readable_object(obj: str, cases: dict[int, str], orgs: dict[int, str]) -> str:
    """What an audit entry is about, in words: "casus 12" -> "casus 2026-004", "organisatie 1 2025" ->
    "Gemeente Voorbeeld, 2025"; counts and words in the window's language; internal numbers are never shown."""
    counted = _counts(obj)
    if counted is not None:
        return counted
    parts = obj.split()
    if parts and parts[0] in _WORDS:
        return " ".join([_tr(_WORDS[parts[0]]), *parts[1:]])
    if len(parts) < 2 or not parts[1].isdigit():
        return obj
    kind, ident, rest = parts[0], int(parts[1]), " ".join(parts[2:])
    if kind == "casus":
        code = cases.get(ident)
        return QCoreApplication.translate("RetentionPanel", "case {code}").format(code=code) if code else QCoreApplication.translate("RetentionPanel", "a removed case")
    if kind == "organisatie":
        name = orgs.get(ident) or QCoreApplication.translate("RetentionPanel", "a removed organisation")
        return f"{name}, {rest}" if rest else name
    if kind == "contact":
        return QCoreApplication.translate("RetentionPanel", "a conversation")
    if kind == "activiteit":
        return QCoreApplication.translate("RetentionPanel", "an activity")
    return obj


class DueTableModel(QAbstractTableModel):
    """Cases whose details fall due (app.privacy.retention.DueCase rows)."""

    COLUMNS = ("code", "organisation", "closed", "due", "contacts", "contacts_with_notes")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[retention.DueCase] = []

    def set_rows(self, rows: list[retention.DueCase]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[retention.DueCase]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return _tr(_DUE_HEADERS[section]) if 0 <= section < len(_DUE_HEADERS) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        value = getattr(row, self.COLUMNS[index.column()])
        if role == Qt.ItemDataRole.DisplayRole:
            return value.strftime("%d-%m-%Y") if isinstance(value, date) else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.case_id
        return None


class AuditTableModel(QAbstractTableModel):
    """The audit log, newest first: time (local), action, and what kind / how many."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[retention.AuditEntry] = []
        self._cases: dict[int, str] = {}
        self._orgs: dict[int, str] = {}

    def set_rows(self, rows: list[retention.AuditEntry], cases: dict[int, str] | None = None,
                 orgs: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cases, self._orgs = cases or {}, orgs or {}
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return _tr(_AUDIT_HEADERS[section]) if 0 <= section < len(_AUDIT_HEADERS) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (_local_time(entry.at), action_label(entry.action),
                    readable_object(entry.object, self._cases, self._orgs))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return entry.action
        if role == Qt.ItemDataRole.UserRole:
            return entry
        return None


class RetentionPanel(QWidget):
    """Retention settings and actions for one open vault.

    repo     the app's Repository (app service), or None while the vault is locked (see set_repo)
    confirm  callable(text) -> bool; asked before anything is removed
    today    callable() -> date; the day against which "falls due" is measured
    due      callable() -> list of DueCase, to share one query with the dashboard (default: ask the vault)
    """

    purged = Signal(object)   # app.privacy.retention.PurgeResult, after a successful purge
    policyChanged = Signal(int)

    def __init__(self, repo, confirm: Callable[[str], bool], today: Callable[[], date] = date.today,
                 parent: QWidget | None = None, due: Callable[[], list] | None = None):
        super().__init__(parent)
        self.repo = repo
        self._due = due
        self._confirm = confirm
        self._today = today
        self._loading = False

        self.months = QSpinBox()
        self.months.setRange(retention.MIN_MONTHS, retention.MAX_MONTHS)
        self.months.setSuffix(self.tr(" mo."))
        self.months.setKeyboardTracking(False)  # store on Enter / focus out, not on every key
        self.months.setToolTip(self.tr("How long the details of a closed case are kept. The figures of "
                                       "the case are always kept for the annual report."))
        self.months.valueChanged.connect(self._policy_changed)

        self.due_model = DueTableModel(self)
        self.due_view = self._table(self.due_model)
        self.due_view.setAccessibleName(self.tr("Cases whose details fall due"))
        self.due_label = QLabel()
        self.purge_button = QPushButton(self.tr("Purge now"))
        self.purge_button.setToolTip(self.tr("Remove notes, checklist answers, saved advice, reminders and "
                                             "drafts of the cases listed; keep their figures."))
        self.purge_button.clicked.connect(self.purge_now)
        self.compact_button = QPushButton(self.tr("Compact now"))
        self.compact_button.setToolTip(self.tr("Rewrite the vault so that no removed text stays behind in "
                                               "free space."))
        self.compact_button.clicked.connect(self.compact_now)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.audit_model = AuditTableModel(self)
        self.audit_view = self._table(self.audit_model)
        self.audit_view.setAccessibleName(self.tr("Audit log"))

        policy_box = QGroupBox(self.tr("Retention period"))
        form = QFormLayout(policy_box)
        form.addRow(self.tr("Keep case details after closing for"), self.months)
        due_box = QGroupBox(self.tr("Falls due"))
        due_layout = QVBoxLayout(due_box)
        due_layout.addWidget(self.due_label)
        due_layout.addWidget(self.due_view)
        buttons = QHBoxLayout()
        buttons.addWidget(self.purge_button)
        buttons.addWidget(self.compact_button)
        buttons.addStretch(1)
        due_layout.addLayout(buttons)
        due_layout.addWidget(self.status)
        audit_box = QGroupBox(self.tr("Audit log"))
        audit_layout = QVBoxLayout(audit_box)
        audit_layout.addWidget(self.audit_view)
        layout = QVBoxLayout(self)
        layout.addWidget(policy_box)
        layout.addWidget(due_box, 1)
        layout.addWidget(audit_box, 1)

        self.refresh()

    @staticmethod
    def _table(model: QAbstractTableModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        rows = view.verticalHeader().defaultSectionSize() * 7   # about seven rows always in sight
        view.setMinimumHeight(rows + view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth())
        return view

    @staticmethod
    def _fit(view: QTableView, sample: int = 50) -> None:
        """Column widths from the header and the first rows: measuring thousands of due cases is slow."""
        model, header = view.model(), view.horizontalHeader()
        metrics, head_metrics = view.fontMetrics(), header.fontMetrics()
        for col in range(model.columnCount()):
            texts = [str(model.data(model.index(row, col)) or "") for row in range(min(sample, model.rowCount()))]
            title = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            header.resizeSection(col, max([metrics.horizontalAdvance(t) + 16 for t in texts]
                                          + [head_metrics.horizontalAdvance(title) + 28]))

    # -- data ---------------------------------------------------------------------------------------
    def set_repo(self, repo) -> None:
        """Point the panel at another (newly unlocked) repository, or None when locked."""
        self.repo = repo
        self.refresh()

    def refresh(self) -> None:
        """Reload the policy, the due list and the audit log from the vault."""
        if self.repo is None:
            self.clear()
            return
        try:
            months = retention.policy_months(self.repo)
            rows = self._due() if self._due is not None else retention.due(self.repo, self._today())
            audit = retention.audit_entries(self.repo)
            cases = self.repo.case_code_map()   # not list_cases: that joins and counts per case
            orgs = {o.id: o.name for o in self.repo.list_organisations()}
        except VertrouwdError as exc:
            self.clear()
            self.status.setText(error_text(exc))
            return
        self._loading = True
        try:
            self.months.setValue(months)
        finally:
            self._loading = False
        self.due_model.set_rows(rows)
        self.audit_model.set_rows(audit, cases, orgs)
        self._fit(self.due_view)
        self._fit(self.audit_view)
        if rows:
            self.due_label.setText(self.tr("%n closed case(s) have details older than the retention period.",
                                           "", len(rows)))
        else:
            self.due_label.setText(self.tr("Nothing falls due."))
        self.purge_button.setEnabled(bool(rows))
        self.compact_button.setEnabled(True)

    def clear(self) -> None:
        """Empty every view (the vault was locked)."""
        self.due_model.set_rows([])
        self.audit_model.set_rows([])
        self.due_label.clear()
        self.status.clear()
        self.purge_button.setEnabled(False)
        self.compact_button.setEnabled(False)

    # -- actions ------------------------------------------------------------------------------------
    def _policy_changed(self, value: int) -> None:
        if self._loading:
            return
        try:
            stored = retention.set_policy_months(self.repo, value)
        except VertrouwdError as exc:
            self.status.setText(error_text(exc))
            return
        self.refresh()
        self.status.setText(self.tr("Retention period set to %n month(s).", "", stored))
        self.policyChanged.emit(stored)

    def purge_now(self) -> None:
        if self.repo is None:
            return
        try:
            rows = retention.due(self.repo, self._today())
        except VertrouwdError as exc:
            self.status.setText(error_text(exc))
            return
        if not rows:
            self.refresh()
            self.status.setText(self.tr("Nothing falls due; nothing was removed."))
            return
        question = self.tr(
            "Remove the details of %n case(s)? Notes, checklist answers, saved advice, reminders and drafts "
            "of these cases are erased for good; their figures stay for the annual reports. Backups made "
            "earlier still hold the details.", "", len(rows))
        if not self._confirm(question):
            self.status.setText(self.tr("Nothing was removed."))
            return
        try:
            result = retention.purge(self.repo, [r.case_id for r in rows], self._today())
        except VertrouwdError as exc:
            self.refresh()
            self.status.setText(error_text(exc))
            return
        self.refresh()
        text = self.tr("Details of %n case(s) removed; their figures are kept.", "", result.cases)
        if result.copies:
            text += " " + self.tr("%n older copy(ies) of the vault beside it still hold the old details; "
                                  "remove them when you no longer need them.", "", len(result.copies))
        if result.copies and self._confirm(self.tr(
                "%n older copy(ies) of the vault beside it, made before an upgrade or a restore, still hold "
                "the removed details. Remove them now?", "", len(result.copies))):
            n = retention.remove_copies(self.repo.vault.path)
            text = self.tr("Details of %n case(s) removed; their figures are kept.", "", result.cases) + " " + \
                self.tr("%n older copy(ies) removed.", "", n)
        self.status.setText(text)
        self.purged.emit(result)

    def compact_now(self) -> None:
        if self.repo is None:
            return
        try:
            retention.compact(self.repo)
        except VertrouwdError as exc:
            self.status.setText(error_text(exc))
            return
        self.status.setText(self.tr("The vault is compacted: no removed text remains in free space."))
