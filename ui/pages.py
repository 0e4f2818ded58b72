"""Overzicht (dashboard), Organisaties, Activiteiten and Instellingen."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from models import vocab as V
from models.entities import Activity
from ui.i18n import error_text
from ui.i18n import language as window_language
from ui.item_models import SimpleTableModel
from ui.widgets import DateEdit, ErrorLabel, VocabCombo, problem_text


def S_LANGUAGE():  # noqa: N802 - the setting object, imported late to keep this module light
    from app.store import settings
    return settings.LANGUAGE


def _heading(text: str) -> QLabel:
    lbl = QLabel(text)
    lbl.setStyleSheet("font-size: 18px; font-weight: 600;")
    return lbl


class Tile(QFrame):
    """A key figure with a caption that wraps, so the overview fits a laptop screen. Clicking it (or
    Enter / Space when it has the keyboard focus) emits `clicked`: it leads to what it counts."""

    clicked = Signal()

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setObjectName("tile")
        self.setStyleSheet("#tile { background: palette(base); border: 1px solid palette(mid); "
                           "border-radius: 6px; } #tile:focus { border: 2px solid palette(highlight); }")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(title)
        self.caption = QLabel(title)
        self.caption.setWordWrap(True)
        self.value = QLabel("–")
        self.value.setStyleSheet("font-size: 28px; font-weight: 600;")
        lay = QVBoxLayout(self)
        lay.addWidget(self.caption)
        lay.addWidget(self.value)
        lay.addStretch(1)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class DashboardPage(QWidget):
    open_case = Signal(int)
    reminder_done = Signal(int)  # the reminder's id
    show_open_cases = Signal()
    show_retention = Signal()
    add_organisation = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.addWidget(_heading(self.tr("Overview")))
        self.first_step = QFrame()
        self.first_step.setObjectName("firstStep")
        self.first_step.setStyleSheet("#firstStep { border: 1px solid palette(highlight); border-radius: 6px; }")
        step = QHBoxLayout(self.first_step)
        step_text = QLabel(self.tr("Welcome. Start by adding the organisations you work for; then you can "
                                   "record cases and conversations."))
        step_text.setWordWrap(True)
        self.first_button = QPushButton(self.tr("Add an organisation…"))
        self.first_button.clicked.connect(self.add_organisation)
        step.addWidget(step_text, 1)
        step.addWidget(self.first_button)
        lay.addWidget(self.first_step)
        self.first_step.hide()
        grid = QGridLayout()
        self.open_tile = Tile(self.tr("Open cases"))
        self.due_tile = Tile(self.tr("Follow-ups due this week"))
        self.flag_tile = Tile(self.tr("Conversations with a possible identifier"))
        self.retention_tile = Tile(self.tr("Cases whose details fall due for removal"))
        for i, t in enumerate((self.open_tile, self.due_tile, self.flag_tile, self.retention_tile)):
            grid.addWidget(t, 0, i)
            grid.setColumnStretch(i, 1)
        lay.addLayout(grid)
        row = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Follow-ups and terms (this week and overdue)")))
        self.reminders = QListWidget()
        left.addWidget(self.reminders)
        self.flag_caption = QLabel(self.tr("Conversations with a possible identifier (open one to review it)"))
        self.flagged = QListWidget()
        self.flagged.setAccessibleName(self.flag_caption.text())
        left.addWidget(self.flag_caption)
        left.addWidget(self.flagged)
        self.flag_caption.hide()
        self.flagged.hide()
        self.flagged.itemActivated.connect(self._activated)
        self.flagged.itemDoubleClicked.connect(self._activated)
        self.open_tile.clicked.connect(self.show_open_cases)
        self.due_tile.clicked.connect(self.reminders.setFocus)
        self.flag_tile.clicked.connect(self._show_flagged)
        self.retention_tile.clicked.connect(self.show_retention)
        right = QVBoxLayout()
        self.year_label = QLabel()
        right.addWidget(self.year_label)
        self.per_org = QListWidget()
        self.per_org.setAccessibleName(self.tr("Cases opened this year per organisation"))
        right.addWidget(self.per_org)
        row.addLayout(left, 3)
        row.addLayout(right, 2)
        lay.addLayout(row, 1)
        self.reminders.setAccessibleName(self.tr("Follow-ups and terms; tick one off when done"))
        self.reminders.itemActivated.connect(self._activated)
        self.reminders.itemDoubleClicked.connect(self._activated)
        self.reminders.itemChanged.connect(self._reminder_changed)

    def _activated(self, item) -> None:
        cid = item.data(Qt.ItemDataRole.UserRole)
        if cid:
            self.open_case.emit(int(cid))

    def _reminder_changed(self, item) -> None:
        rid = item.data(Qt.ItemDataRole.UserRole + 1)
        if rid and item.checkState() == Qt.CheckState.Checked:
            self.reminder_done.emit(int(rid))

    def load(self, repo, today: date, retention_due: int = 0) -> None:
        from ui.widgets import reminder_label
        self.open_tile.value.setText(str(repo.open_case_count()))
        week_end = today + timedelta(days=6 - today.weekday())
        due = repo.reminders(until=week_end)
        self.due_tile.value.setText(str(len(due)))
        self.flag_tile.value.setText(str(repo.flagged_contacts()))
        self.retention_tile.value.setText(str(retention_due))
        self.reminders.blockSignals(True)
        self.reminders.clear()
        for r in due:
            late = "⚠ " if r.due < today else ""
            it = QListWidgetItem(f"{late}{r.due.strftime('%d-%m-%Y')}  ·  {r.case_code}  ·  {r.organisation}"
                                 f"  ·  {reminder_label(r.kind, self)}")
            it.setData(Qt.ItemDataRole.UserRole, r.case_id)
            it.setData(Qt.ItemDataRole.UserRole + 1, r.id)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
            self.reminders.addItem(it)
        self.reminders.blockSignals(False)
        if not due:
            self.reminders.addItem(self.tr("Nothing due this week."))
        self.first_step.setVisible(not repo.list_organisations())
        self.flagged.clear()
        for case_id, code, day, _contact_id in repo.flagged_contact_list():
            it = QListWidgetItem(f"{day.strftime('%d-%m-%Y')}  ·  {code}")
            it.setData(Qt.ItemDataRole.UserRole, case_id)
            self.flagged.addItem(it)
        self.year_label.setText(self.tr("Cases opened in {year} per organisation").format(year=today.year))
        self.per_org.clear()
        for name, n in repo.cases_per_organisation(today.year):
            self.per_org.addItem(f"{name}: {n}")

    def _show_flagged(self) -> None:
        """The flagged conversations appear under the reminders, ready to open."""
        for w in (self.flag_caption, self.flagged):
            w.show()
        self.flagged.setFocus()
        if self.flagged.count():
            self.flagged.setCurrentRow(0)

    def clear(self) -> None:
        for t in (self.open_tile, self.due_tile, self.flag_tile, self.retention_tile):
            t.value.setText("–")
        self.reminders.clear()
        self.per_org.clear()


def _list_controls(page: QWidget, lay: QVBoxLayout, add_text: str, model: SimpleTableModel) -> None:
    """The add / edit / remove bar and the table of a list page; wires them to the page's
    `_edit(item)`, `_current()` and `_delete()`."""
    bar = QHBoxLayout()
    page.add_button = QPushButton(add_text)
    page.edit_button = QPushButton(QCoreApplication.translate("ListPage", "Edit"))
    page.delete_button = QPushButton(QCoreApplication.translate("ListPage", "Remove"))
    for b in (page.add_button, page.edit_button, page.delete_button):
        bar.addWidget(b)
    bar.addStretch(1)
    lay.addLayout(bar)
    page.model = model
    page.table = QTableView()
    page.table.setModel(model)
    page.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    page.table.horizontalHeader().setStretchLastSection(True)
    page.table.verticalHeader().hide()
    lay.addWidget(page.table, 1)
    page.add_button.clicked.connect(lambda: page._edit(None))
    page.edit_button.clicked.connect(lambda: page._edit(page._current()))
    page.table.doubleClicked.connect(lambda _i: page._edit(page._current()))
    page.delete_button.clicked.connect(page._delete)


class OrganisationDialog(QDialog):
    def __init__(self, repo, org=None, parent=None):
        super().__init__(parent)
        self.repo, self.org = repo, org
        self.setWindowTitle(self.tr("Organisation"))
        form = QFormLayout(self)
        self.name = QLineEdit(org.name if org else "")
        self.name_error = ErrorLabel()
        self.units = QPlainTextEdit("\n".join(org.units) if org else "")
        self.units.setPlaceholderText(self.tr("One unit or department per line (optional)"))
        self.units_error = ErrorLabel()
        self.sector = VocabCombo(repo.vocabs, V.SECTOR, window_language())
        self.sector.set_code(org.sector if org else V.DEFAULT_SECTOR)
        self.sector.setToolTip(self.tr("A sector switches on its own categories, such as pupil and parent for "
                                       "education. Cases keep the categories they already have."))
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("Units"), self.units)
        form.addRow("", self.units_error)
        form.addRow(self.tr("Sector"), self.sector)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        units = [u.strip() for u in self.units.toPlainText().splitlines() if u.strip()]
        try:
            if self.org:
                self.repo.update_organisation(self.org.id, self.name.text(), units, self.sector.code())
            else:
                self.repo.add_organisation(self.name.text(), units, self.sector.code())
        except UserError as exc:
            target = self.units_error if exc.field == "units" else self.name_error
            other = self.name_error if target is self.units_error else self.units_error
            other.show_text("")
            problems = getattr(exc, "problems", None)
            target.show_text(problem_text(problems[0].code, error_text(exc)) if problems else error_text(exc))
            return
        self.accept()


class OrganisationsPage(QWidget):
    changed = Signal()

    def __init__(self, dialogs, parent=None):
        super().__init__(parent)
        self.dialogs = dialogs
        self.repo = None
        lay = QVBoxLayout(self)
        lay.addWidget(_heading(self.tr("Organisations")))
        _list_controls(self, lay, self.tr("Add organisation"),
                       SimpleTableModel([self.tr("Name"), self.tr("Units")], self))
        self.table.setAccessibleName(self.tr("Organisations"))

    def load(self, repo) -> None:
        self.repo = repo
        self.orgs = repo.list_organisations()
        self.model.set_rows([(o.name, ", ".join(o.units)) for o in self.orgs], [o.id for o in self.orgs])
        self.table.resizeColumnToContents(0)

    def _current(self):
        idx = self.table.currentIndex()
        if not idx.isValid():
            return None
        oid = self.model.ids[idx.row()]
        return next((o for o in self.orgs if o.id == oid), None)

    def _edit(self, org) -> None:
        if self.repo is None:
            return
        dlg = OrganisationDialog(self.repo, org, self)
        dlg.accepted.connect(lambda: (self.load(self.repo), self.changed.emit()))
        self.dialog = dlg
        dlg.open()

    def _delete(self) -> None:
        org = self._current()
        if org is None:
            return
        if not self.dialogs.confirm(self, self.tr("Remove organisation"),
                                    self.tr("Remove {name}?").format(name=org.name)):
            return
        try:
            self.repo.delete_organisation(org.id)
        except UserError as exc:
            self.dialogs.error(self, self.tr("Remove organisation"), error_text(exc))
            return
        self.load(self.repo)
        self.changed.emit()

    def clear(self) -> None:
        self.repo = None
        self.model.clear()


class ActivityDialog(QDialog):
    def __init__(self, repo, lang, activity=None, parent=None):
        super().__init__(parent)
        self.repo, self.activity = repo, activity
        self.setWindowTitle(self.tr("Preventive activity"))
        form = QFormLayout(self)
        self.org = QComboBox()
        for o in repo.list_organisations():
            self.org.addItem(o.name, o.name)
        self.date = DateEdit()
        self.kind = VocabCombo(repo.vocabs, V.ACTIVITY_KIND, lang)
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 168)
        self.hours.setSingleStep(0.5)
        self.hours.setValue(1.0)
        self.error = ErrorLabel()
        form.addRow(self.tr("Organisation"), self.org)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Hours"), self.hours)
        form.addRow("", self.error)
        if activity:
            self.org.setCurrentIndex(max(0, self.org.findData(activity.organisation)))
            self.date.set_date(activity.date)
            self.kind.set_code(activity.kind)
            self.hours.setValue(activity.hours)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        if self.org.currentData() is None:
            self.error.show_text(self.tr("Add a client organisation first (Organisations)."))
            return
        act = Activity(organisation=self.org.currentData(), date=self.date.value(), kind=self.kind.code(),
                       hours=float(self.hours.value()), id=self.activity.id if self.activity else None)
        try:
            if act.id is None:
                self.repo.add_activity(act)
            else:
                self.repo.update_activity(act)
        except UserError as exc:
            problems = getattr(exc, "problems", None)
            self.error.show_text(problem_text(problems[0].code, error_text(exc)) if problems else error_text(exc))
            return
        self.accept()


class ActivitiesPage(QWidget):
    def __init__(self, lang: str, dialogs, parent=None):
        super().__init__(parent)
        self.lang, self.dialogs = lang, dialogs
        self.repo = None
        self.items: list[Activity] = []
        lay = QVBoxLayout(self)
        lay.addWidget(_heading(self.tr("Preventive activities")))
        hint = QLabel(self.tr("Information sessions, training, policy advice and consultations. "
                              "Record no persons, only what kind of activity and how long."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        _list_controls(self, lay, self.tr("Add activity"),
                       SimpleTableModel([self.tr("Date"), self.tr("Organisation"), self.tr("Kind"),
                                         self.tr("Hours")], self))
        self.table.setAccessibleName(self.tr("Preventive activities"))

    def load(self, repo) -> None:
        self.repo = repo
        self.items = repo.list_activities()
        vocabs = repo.vocabs
        locale = QLocale()
        self.model.set_rows([(a.date.strftime("%d-%m-%Y"), a.organisation,
                              vocabs.label(V.ACTIVITY_KIND, a.kind, self.lang),
                              locale.toString(float(a.hours), "g", 6)) for a in self.items],
                            [a.id for a in self.items])
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def _current(self):
        idx = self.table.currentIndex()
        return self.items[idx.row()] if idx.isValid() else None

    def _edit(self, act) -> None:
        if self.repo is None:
            return
        dlg = ActivityDialog(self.repo, self.lang, act, self)
        dlg.accepted.connect(lambda: self.load(self.repo))
        self.dialog = dlg
        dlg.open()

    def _delete(self) -> None:
        act = self._current()
        if act and self.dialogs.confirm(self, self.tr("Remove activity"), self.tr("Remove this activity?")):
            self.repo.delete_activity(act.id)
            self.load(self.repo)

    def clear(self) -> None:
        self.repo = None
        self.items = []
        self.model.clear()


class SettingsPage(QWidget):
    language_changed = Signal(str)
    lock_minutes_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session = None
        # the page scrolls, so the retention list and the audit log keep a readable height on a laptop
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        lay = QVBoxLayout(content)
        lay.addWidget(_heading(self.tr("Settings")))
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setMaximumWidth(240)
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setMaximumWidth(160)
        self.lock_minutes.setRange(1, 240)
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.practice = QLineEdit()
        self.practice.setPlaceholderText(self.tr("e.g. Praktijk Vertrouwenswerk"))
        self.threshold = QSpinBox()
        self.threshold.setMaximumWidth(160)
        self.threshold.setRange(3, 50)
        self.fingerprint = QLabel()
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setStyleSheet("font-family: monospace;")
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Lock after inactivity"), self.lock_minutes)
        form.addRow(self.tr("Practice name (on reports)"), self.practice)
        form.addRow(self.tr("Threshold for small numbers in reports"), self.threshold)
        form.addRow(self.tr("Signing key fingerprint"), self.fingerprint)
        self.kdf = QLabel()  # the key derivation chosen for this machine (raised by a passphrase change)
        form.addRow(self.tr("Passphrase protection"), self.kdf)
        lay.addLayout(form)
        self.save_button = QPushButton(self.tr("Save settings"))
        self.message = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.message, 1)
        lay.addLayout(row)
        checklists = QGroupBox(self.tr("Checklists"))
        cl = QHBoxLayout(checklists)
        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName(self.tr("Checklists"))
        self.export_template_button = QPushButton(self.tr("Export checklist…"))
        self.import_template_button = QPushButton(self.tr("Import checklist…"))
        cl.addWidget(self.template_combo, 1)
        cl.addWidget(self.export_template_button)
        cl.addWidget(self.import_template_button)
        lay.addWidget(checklists)
        self.template_message = QLabel()
        self.template_message.setWordWrap(True)
        lay.addWidget(self.template_message)
        self.retention_box = QVBoxLayout()
        lay.addLayout(self.retention_box, 1)
        self.save_button.clicked.connect(self.save)
        self.export_template_button.clicked.connect(self.export_template)
        self.import_template_button.clicked.connect(self.import_template)
        self.dialogs = None

    def load(self, session) -> None:
        from app.store import settings as S
        self.session = session
        st = session.settings
        self.language.setCurrentIndex(max(0, self.language.findData(st.get(S.LANGUAGE))))
        self.lock_minutes.setValue(st.get(S.LOCK_MINUTES))
        self.practice.setText(st.get(S.PRACTICE_NAME))
        self.threshold.setValue(st.get(S.REPORT_THRESHOLD))
        try:
            from app import keys as exchange
            self.fingerprint.setText(exchange.fingerprint(exchange.public_key(session.repo.signing_key())))
        except Exception:  # noqa: BLE001 - show the page even if the key is unreadable
            self.fingerprint.setText(self.tr("(not available)"))
        params = session.vault.kdf_params
        self.kdf.setText(self.tr("Argon2id, {mib} MiB, {passes} passes").format(
            mib=params.memory_kib // 1024, passes=params.iterations))
        self.message.clear()
        self._fill_templates()

    def _fill_templates(self) -> None:
        from app.guidance import checklists
        from app.paths import templates_dir
        lang = self.session.settings.get(S_LANGUAGE()) if self.session else "nl"
        self.template_combo.clear()
        for t in checklists.all_templates(templates_dir()):
            title = t.title.get(lang) or t.title.get("nl")
            self.template_combo.addItem(self.tr("{title} (version {version})").format(
                title=title, version=t.version), f"{t.id}@{t.version}")

    def export_template(self) -> None:
        from app.guidance import checklists
        from app.paths import templates_dir
        key = self.template_combo.currentData()
        if not key or self.dialogs is None:
            return
        tid, version = key.rsplit("@", 1)
        data = (tid, int(version))
        path = self.dialogs.save_path(self, self.tr("Export checklist"), self.tr("Checklist (*.toml)"),
                                      f"{data[0]}.toml")
        if not path:
            return
        try:
            checklists.export_template(data[0], path, version=data[1], store_dir=templates_dir())
        except (UserError, OSError) as exc:
            self.template_message.setText(error_text(exc))
            return
        self.template_message.setText(self.tr("Checklist exported. Edit it with a text editor and import "
                                              "it again with a higher version number."))

    def import_template(self) -> None:
        from app.guidance import checklists
        from app.paths import templates_dir
        if self.dialogs is None:
            return
        path = self.dialogs.open_path(self, self.tr("Import checklist"), self.tr("Checklist (*.toml)"))
        if not path:
            return
        try:
            t = checklists.import_template(path, templates_dir())
        except UserError as exc:
            self.template_message.setText(self.tr("The checklist was not imported: {reason}").format(
                reason=error_text(exc)))
            self.dialogs.error(self, self.tr("Import checklist"), error_text(exc))
            return
        self._fill_templates()
        self.template_message.setText(self.tr("Checklist imported: {title}, version {version}.").format(
            title=t.title.get("nl"), version=t.version))

    def save(self) -> None:
        from app.store import settings as S
        st = self.session.settings
        old_lang = st.get(S.LANGUAGE)
        try:
            st.set(S.LOCK_MINUTES, self.lock_minutes.value())
            st.set(S.PRACTICE_NAME, self.practice.text().strip())
            st.set(S.REPORT_THRESHOLD, self.threshold.value())
            st.set(S.LANGUAGE, self.language.currentData())
        except UserError as exc:
            self.message.setText(error_text(exc))
            return
        self.message.setText(self.tr("Saved."))
        self.lock_minutes_changed.emit(self.lock_minutes.value())
        if self.language.currentData() != old_lang:
            self.language_changed.emit(self.language.currentData())

    def clear(self) -> None:
        self.session = None
        self.practice.clear()
        self.fingerprint.clear()
