"""The main window: welcome / unlock / workspace, menus, shortcuts, auto-lock."""
from __future__ import annotations

import contextlib
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QProgressDialog,
    QScrollArea,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from app import casework
from app.errors import UserError, VertrouwdError
from app.guidance import decide
from app.privacy import retention
from app.store import passphrase
from app.store import settings as S
from app.store.repository import Repository
from app.store.session import Session
from models.entities import Case
from ui import i18n
from ui.case_editors import CaseEditor, ContactEditor
from ui.cases_page import CasesPage
from ui.clipboard import SecureClipboard
from ui.i18n import error_text
from ui.idle import IdleLock
from ui.pages import ActivitiesPage, DashboardPage, OrganisationsPage, SettingsPage
from ui.requests_page import RequestsPage
from ui.retention_panel import RetentionPanel
from ui.screenlock import lock_listener
from ui.seams import Dialogs
from ui.unlock import UnlockPage, VaultOpener, WelcomePage
from ui.worker import Cancelled, Job, cancel_for_lock, run_in_thread, settled_after_lock

# How long a lock waits for a job that is writing (an export, a backup) before it closes the vault
# anyway; a job holding the vault's lock is then waited for by the close itself
LOCK_WAIT_MS = 5_000
PAGES = ("overview", "cases", "organisations", "activities", "requests", "report", "settings")


class Workspace(QWidget):
    """Everything that shows data. Built after unlocking, destroyed when locking."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window_ = window
        session = window.session
        repo = session.require()
        self.lang = session.settings.get(S.LANGUAGE)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget()
        self.nav.setStyleSheet("QListWidget { font-size: 14px; } QListWidget::item { padding: 8px; }")
        self.nav.setAccessibleName(self.tr("Pages"))
        names = [self.tr("Overview"), self.tr("Cases"), self.tr("Organisations"), self.tr("Activities"),
                 self.tr("Requests"), self.tr("Annual report"), self.tr("Settings")]
        self.nav.addItems(names)
        font = self.nav.font()
        font.setPixelSize(14)
        widest = max(QFontMetrics(font).horizontalAdvance(n) for n in names)
        self.nav.setFixedWidth(max(140, widest + 44))  # the pages get the room: the window fits 1024 px
        self.stack = QStackedWidget()
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.cases = CasesPage(repo.vocabs, self.lang)
        self._built: dict[str, QWidget] = {"cases": self.cases}   # the other pages: built when first opened
        self._due: tuple | None = None
        for name in PAGES:
            self.stack.addWidget(self.cases if name == "cases" else QWidget())
        self.nav.currentRowChanged.connect(self.show_page)
        self.cases.case_selected.connect(self.show_case)
        self.cases.new_button.clicked.connect(self.new_case)
        v = self.cases.view
        v.edit_requested.connect(self.edit_case)
        v.contact_requested.connect(self.edit_contact)
        v.close_requested.connect(self.close_case)
        v.reopen_requested.connect(self.reopen_case)
        v.reminder_done.connect(self.complete_reminder)
        v.decide_requested.connect(self.open_decision_aid)
        v.delete_requested.connect(self.delete_case)
        v.handout_requested.connect(self.print_handout)
        self._known_words()
        self.editors: list[ContactEditor] = []
        # a new vault opens on the overview, which shows the first step; any other on the case list
        first = "overview" if not repo.list_organisations() else "cases"
        self.nav.setCurrentRow(PAGES.index(first))

    # -- pages: built when first opened -------------------------------------------------------------
    @property
    def dashboard(self) -> DashboardPage:
        return self._page("overview")

    @property
    def organisations(self) -> OrganisationsPage:
        return self._page("organisations")

    @property
    def activities(self) -> ActivitiesPage:
        return self._page("activities")

    @property
    def requests(self) -> RequestsPage:
        return self._page("requests")

    @property
    def report(self) -> QWidget:
        return self._page("report")

    @property
    def settings(self) -> SettingsPage:
        return self._page("settings")

    @property
    def retention(self) -> RetentionPanel:
        self._page("settings")
        return self._retention

    def built(self, name: str) -> QWidget | None:
        """The page if it has been built (opened) already, else None."""
        return self._built.get(name)

    def _page(self, name: str):
        page = self._built.get(name)
        if page is None:
            page, shown = self._build_page(name)
            self._built[name] = page
            index = PAGES.index(name)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, shown)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        return page

    def _build_page(self, name: str) -> tuple[QWidget, QWidget]:
        dialogs = self.window_.dialogs
        if name == "overview":
            page = DashboardPage()
            page.open_case.connect(self.goto_case)
            page.reminder_done.connect(self.complete_reminder)
            page.show_open_cases.connect(self.show_open_cases)
            page.show_retention.connect(lambda: self.nav.setCurrentRow(PAGES.index("settings")))
            page.add_organisation.connect(self.first_organisation)
        elif name == "organisations":
            page = OrganisationsPage(dialogs)
            page.changed.connect(self.refresh_cases)
            page.changed.connect(self._known_words)
        elif name == "activities":
            page = ActivitiesPage(self.lang, dialogs)
        elif name == "requests":
            page = RequestsPage(self.lang, dialogs, self.today)
        elif name == "report":
            page = self._report_page()
        else:
            return self._settings_page()
        return page, page

    def _settings_page(self) -> tuple[SettingsPage, QScrollArea]:
        page = SettingsPage()
        page.dialogs = self.window_.dialogs
        scroll = QScrollArea()
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._retention = RetentionPanel(
            self.window_.session.repo, today=self.window_.today, due=self.due_rows,
            confirm=lambda text: self.window_.dialogs.confirm(self, self.tr("Remove case details"), text))
        page.retention_box.addWidget(self._retention)
        page.language_changed.connect(self.window_.change_language)
        page.lock_minutes_changed.connect(self.window_.idle.set_minutes)
        return page, scroll

    def _report_page(self) -> QWidget:
        try:
            from ui.report.page import ReportPage
            return ReportPage(self.window_.session, self.lang, self.window_.dialogs)
        except ImportError:  # pragma: no cover - the report module is part of the program
            lbl = QLabel(self.tr("The annual report is not available in this version."))
            lbl.setAlignment(Qt.AlignmentFlag.AlignCenter)
            return lbl

    @property
    def repo(self) -> Repository:
        return self.window_.session.require()

    def _known_words(self) -> None:
        """Organisation and practice names make a passphrase guessable (see app.store.passphrase)."""
        repo = self.repo
        passphrase.set_known_words([o.name for o in repo.list_organisations()]
                                   + [repo.get_setting("practice_name") or ""])

    def today(self) -> date:
        return self.window_.today()

    def show_page(self, index: int) -> None:
        page = PAGES[index]
        self._page(page)
        self.stack.setCurrentIndex(index)
        if page == "overview":
            self.refresh_dashboard()
        elif page == "cases":
            self.refresh_cases()
        elif page == "organisations":
            self.organisations.load(self.repo)
        elif page == "activities":
            self.activities.load(self.repo)
        elif page == "requests":
            self.requests.load(self.repo)
        elif page == "settings":
            self.settings.load(self.window_.session)
        elif page == "report" and hasattr(self.report, "load"):
            self.report.load()

    def due_rows(self) -> list[retention.DueCase]:
        """The cases whose details fall due; asked of the vault once until something in it changes."""
        key = (self.today(), self.repo.changes())
        if self._due is None or self._due[0] != key:
            self._due = (key, retention.due(self.repo, self.today()))
        return self._due[1]

    def retention_due(self) -> int:
        return len(self.due_rows())

    def refresh_dashboard(self) -> None:
        self.dashboard.load(self.repo, self.today(), self.retention_due())

    def refresh_cases(self) -> None:
        repo = self.repo
        self.cases.set_rows(repo.list_cases(), [o.name for o in repo.list_organisations()], repo.case_years())

    def show_open_cases(self) -> None:
        self.nav.setCurrentRow(PAGES.index("cases"))
        self.cases.status.setCurrentIndex(max(0, self.cases.status.findData("open")))

    def first_organisation(self) -> None:
        self.nav.setCurrentRow(PAGES.index("organisations"))
        self.organisations.add_button.click()

    def goto_case(self, case_id: int) -> None:
        self.nav.setCurrentRow(PAGES.index("cases"))
        self.cases.search.clear()
        if not self.cases.select_case(case_id):
            self.cases.org.setCurrentIndex(0)
            self.cases.year.setCurrentIndex(0)
            self.cases.status.setCurrentIndex(0)
            self.cases.behaviour.setCurrentIndex(0)
            self.cases.select_case(case_id)
        self.show_case(case_id)

    def show_case(self, case_id: int) -> None:
        repo = self.repo
        try:
            case = repo.get_case(case_id)
        except UserError:
            self.cases.view.clear()
            return
        self.cases.view.show_case(case, repo.vocabs, self.lang, repo.decisions(case_id),
                                  self.open_required(case), repo.reminders(case_id=case_id))

    def open_required(self, case: Case) -> list[casework.OpenItem]:
        """Required checklist items still open in the case's conversations."""
        return casework.open_required(case, self.lang)

    # -- actions ----------------------------------------------------------------------------------
    def new_case(self) -> None:
        dlg = CaseEditor(self.repo, self.lang, None, self)
        dlg.saved.connect(self._case_saved)
        self.case_dialog = dlg
        dlg.open()

    def _case_saved(self, case_id: int) -> None:
        self.refresh_cases()
        self.goto_case(case_id)

    def edit_case(self) -> None:
        case = self.cases.view.case
        if case is None:
            return
        dlg = CaseEditor(self.repo, self.lang, self.repo.get_case(case.id), self)
        dlg.saved.connect(self._case_saved)
        self.case_dialog = dlg
        dlg.open()

    def edit_contact(self, contact=None, draft: dict | None = None) -> ContactEditor | None:
        case = self.cases.view.case
        if case is None:
            return None
        editor = ContactEditor(self.repo, self.lang, self.repo.get_case(case.id), contact, self,
                               clipboard=self.window_.clipboard, dialogs=self.window_.dialogs)
        if draft:
            editor.restore_draft(draft)
        editor.saved.connect(lambda _cid: self.show_case(case.id))
        editor.finished.connect(lambda r, e=editor: self._editor_closed(e, r))
        editor.addAction(self.window_.act_lock)  # Ctrl+L also works while a note is open
        self.editors.append(editor)
        editor.open()
        return editor

    def close_case(self) -> None:
        """Ask the closing date and show what changes; nothing changes unless she confirms."""
        case = self.cases.view.case
        if case is None or case.closed:
            return
        from ui.case_closing import CloseCaseDialog
        case = self.repo.get_case(case.id)
        dlg = CloseCaseDialog(case, self.repo.vocabs, self.lang, self.repo.reminders(case_id=case.id),
                              self.open_required(case), self.today(), self)
        if not self.window_.dialogs.run(dlg):
            return
        try:
            casework.close_case(self.repo, case.id, dlg.closed_on(), dlg.follow_up(), dlg.outcome())
        except UserError as exc:
            self.window_.dialogs.error(self, self.tr("Close case"), error_text(exc))
            return
        self.refresh_cases()
        self.goto_case(case.id)

    def reopen_case(self) -> None:
        case = self.cases.view.case
        if case is None or case.closed is None:
            return
        if not self.window_.dialogs.confirm(self, self.tr("Reopen case"), self.tr(
                "Reopen case {code}? It counts as open again and its retention period starts anew when "
                "it is closed again.").format(code=case.code)):
            return
        casework.reopen_case(self.repo, case.id)
        self.refresh_cases()
        self.goto_case(case.id)

    def complete_reminder(self, reminder_id: int) -> None:
        """Tick off a reminder (from the overview or the case view) and show the lists again."""
        casework.complete_reminder(self.repo, reminder_id)
        if self.stack.currentWidget() is self.built("overview"):   # not built: nothing to refresh
            self.refresh_dashboard()
        if self.cases.view.case is not None:
            self.show_case(self.cases.view.case.id)

    def delete_case(self) -> None:
        case = self.cases.view.case
        if case is None:
            return
        if not self.window_.dialogs.confirm(self, self.tr("Remove case"), self.tr(
                "Remove case {code} entirely, with all its conversations and notes? This cannot be undone. "
                "Use this when the person withdraws consent.").format(code=case.code)):
            return
        retention.delete_case_entirely(self.repo, case.id)
        self.cases.view.clear()
        self.refresh_cases()

    def open_decision_aid(self) -> None:
        case = self.cases.view.case
        if case is None:
            return
        from ui.decision_wizard import DecisionWizard
        case_id = case.id

        def on_save(saved: dict) -> None:
            taken = casework.route_terms(saved, self.today()) is not None and self.window_.dialogs.confirm(
                self, self.tr("Terms"), self.tr("Does the person take this route now? Then reminders "
                                                "are set for its terms."))
            casework.record_decision(self.repo, case_id, saved, route_taken_on=self.today() if taken else None)
            self.show_case(case_id)

        wizard = DecisionWizard(self.lang, on_save, self.print_handout, self,
                                prefill=decide.facts_from_case(case))
        self.wizard = wizard
        wizard.open() if hasattr(wizard, "open") else wizard.show()

    def print_handout(self, saved: dict) -> bool:
        """Save the handout where she chooses; True only when it was written (False when she
        cancelled the save dialog or writing failed), so nobody says it is ready when it is not."""
        path = self.window_.dialogs.save_path(self, self.tr("Save handout"), "PDF (*.pdf)",
                                              self.tr("handout.pdf"))
        if not path:
            return False
        from app.guidance.handout import render_handout
        result = saved.get("result", saved)
        lang = saved.get("lang", self.lang)
        try:
            render_handout(result, lang, path)
        except (OSError, VertrouwdError) as exc:
            self.window_.dialogs.error(self, self.tr("Save handout"), error_text(exc))
            return False
        return True

    def save_drafts(self) -> list[str]:
        """Keep every unsaved text encrypted in the vault; returns what could not be kept (and why)."""
        failed = []
        report = self.built("report")
        if hasattr(report, "save_narrative"):
            try:
                report.save_narrative()
            except Exception as exc:  # noqa: BLE001 - every failure is reported, none stops the rest
                failed.append(self.tr("the report text ({reason})").format(reason=error_text(exc)))
        for editor in list(self.editors):
            if editor.dirty:
                try:
                    self.repo.save_draft(editor.draft_key(), editor.draft())
                except Exception as exc:  # noqa: BLE001
                    failed.append(self.tr("an unsaved conversation note ({reason})").format(reason=error_text(exc)))
        return failed

    def restore_drafts(self) -> int:
        drafts = self.repo.drafts()
        restored = 0
        for key, d in drafts.items():
            if not key.startswith("contact:"):
                continue
            try:
                self.goto_case(int(d["case_id"]))
                contact = None
                if d.get("contact_id"):
                    case = self.repo.get_case(int(d["case_id"]))
                    contact = next((c for c in case.contacts if c.id == d["contact_id"]), None)
                self.edit_contact(contact, draft=d)
                restored += 1
            except (UserError, KeyError, ValueError):
                continue
        return restored

    def close_editors(self) -> None:
        self.closing_editors = True
        try:
            for editor in list(self.editors):
                editor.dirty = False
                editor.reject()
            self.editors.clear()
        finally:
            self.closing_editors = False

    def _editor_closed(self, editor, result: int) -> None:
        if editor in self.editors:
            self.editors.remove(editor)
        if result == 0 and not getattr(self, "closing_editors", False):
            # the adviser cancelled: a draft kept for this note is not wanted any more
            try:
                self.repo.delete_draft(editor.draft_key())
            except Exception:  # noqa: BLE001 - the vault may be locked already; nothing to clean then
                pass


class MainWindow(QMainWindow):
    locked = Signal()
    unlocked = Signal()

    def __init__(self, session: Session, dialogs: Dialogs | None = None, clock=time.monotonic,
                 today=date.today):
        super().__init__()
        self.session = session
        self.dialogs = dialogs or Dialogs()
        self.today = today
        self.setWindowTitle("Vertrouwd")
        self.resize(1280, 800)
        self.clipboard = SecureClipboard(self)
        self.idle = IdleLock(5, clock, self)
        self.idle.idle.connect(self.lock)
        app = QApplication.instance()
        app.installEventFilter(self.idle)
        self.platform = lock_listener(self)   # screen lock and sleep: D-Bus, Windows messages or macOS
        self.platform.locked.connect(self.lock)
        QGuiApplication.instance().applicationStateChanged.connect(self._app_state)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.welcome = WelcomePage(self.dialogs)
        self.unlock_page = UnlockPage()
        self.opener = VaultOpener(session, self)
        self.opener.opened.connect(self._opened)
        self.opener.stayed_locked.connect(self.show_start)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.unlock_page)
        self.workspace: Workspace | None = None
        self.after_unlock: list[tuple[str, str, bool]] = []  # (title, text, failed)
        self.welcome.create_requested.connect(self.create_vault)
        self.unlock_page.unlock_requested.connect(self.unlock)
        self.welcome.supervisor_requested.connect(self.open_supervisor)
        self.welcome.location_chosen.connect(self.choose_location)
        self.unlock_page.supervisor_requested.connect(self.open_supervisor)
        self.supervisor_window = None
        self._build_actions()
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.show_start()

    # -- actions and menus ------------------------------------------------------------------------
    def _build_actions(self) -> None:
        def act(text, shortcut, slot):
            a = QAction(text, self)
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
                a.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            a.triggered.connect(slot)
            return a

        self.act_new = act(self.tr("&New case"), QKeySequence.StandardKey.New, self._new_case)
        self.act_find = act(self.tr("&Search cases"), QKeySequence.StandardKey.Find, self._find)
        self.act_lock = act(self.tr("&Lock"), "Ctrl+L", lambda: self.lock(manual=True))
        self.act_backup = act(self.tr("Make &backup…"), None, self.backup)
        self.act_restore = act(self.tr("&Restore from backup…"), None, self.restore)
        self.act_import = act(self.tr("&Import data…"), None, self.import_data)
        self.act_import_sheet = act(self.tr("Import from &spreadsheet…"), None, self.import_sheet)
        self.act_passwd = act(self.tr("Change &passphrase…"), None, self.change_passphrase)
        self.act_quit = act(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.act_about = act(self.tr("&About Vertrouwd"), None, self.about)
        menu = self.menuBar()
        m = menu.addMenu(self.tr("&File"))
        m.addActions([self.act_new, self.act_import, self.act_import_sheet, self.act_backup, self.act_restore, self.act_passwd])
        m.addSeparator()
        m.addActions([self.act_lock, self.act_quit])
        e = menu.addMenu(self.tr("&Edit"))
        e.addAction(self.act_find)
        h = menu.addMenu(self.tr("&Help"))
        h.addAction(self.act_about)
        tb = QToolBar(self.tr("Main toolbar"))
        tb.setObjectName("main_toolbar")
        tb.setMovable(False)
        tb.addActions([self.act_new, self.act_find, self.act_lock])
        self.addToolBar(tb)
        self.toolbar = tb
        self._set_data_actions(False)

    def _set_data_actions(self, enabled: bool) -> None:
        for a in (self.act_new, self.act_find, self.act_lock, self.act_backup, self.act_passwd, self.act_import,
                  self.act_import_sheet):
            a.setEnabled(enabled)
        self.act_restore.setEnabled(not enabled)

    # -- start, create, unlock, lock ----------------------------------------------------------------
    def show_start(self) -> None:
        self.welcome.set_location(self.session.path)
        if self.session.exists:
            self.stack.setCurrentWidget(self.unlock_page)
            wait = self.session.wait_seconds()
            if wait > 0:
                self.unlock_page.start_wait(wait)
            self.unlock_page.passphrase.setFocus()
        else:
            self.stack.setCurrentWidget(self.welcome)

    def create_vault(self, passphrase: str) -> Job:
        return self.opener.create(self.welcome, passphrase)

    def unlock(self, passphrase: str) -> Job:
        return self.opener.unlock(self.unlock_page, passphrase)

    def choose_location(self, vault: str) -> None:
        """The adviser chose another folder on the welcome page: a vault found there is opened instead."""
        self.session.path = Path(vault)
        self.opener.remember_location = True
        self.show_start()

    def _opened(self) -> None:
        self.welcome.clear()
        self.unlock_page.clear()
        self.unlock_page.message.clear()
        lang = self.session.settings.get(S.LANGUAGE)
        i18n.install(lang)
        if QSettings().value("ui/language", "nl") != lang or self.menuBar().actions()[0].text() != \
                self.tr("&File"):
            self._rebuild_texts()
        QSettings().setValue("ui/language", lang)
        self.idle.set_minutes(self.session.settings.get(S.LOCK_MINUTES))
        self._build_workspace()
        self.workspace.restore_drafts()
        self.idle.start()
        self._set_data_actions(True)
        self.unlocked.emit()
        self._tell_after_unlock()

    def _tell_after_unlock(self) -> None:
        """What happened to work that a lock overtook (an export, a backup …), told once unlocked."""
        notes, self.after_unlock = self.after_unlock, []
        for title, text, failed in notes:
            (self.dialogs.error if failed else self.dialogs.info)(self, title, text)

    def _build_workspace(self) -> None:
        if self.workspace is not None:
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
        self.workspace = Workspace(self)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)

    def lock(self, *, manual: bool = False) -> None:
        """Close the database, clear every view; an unsaved note is kept encrypted as a draft.

        If a draft cannot be kept, a lock the adviser asked for is not carried out (the text stays on
        screen to be saved or copied); an automatic lock goes ahead, since the vault must not stay open,
        and says what was lost.

        Work on a worker thread is cancelled if it has not started; work that is writing (an export, a
        backup) is waited for (at most LOCK_WAIT_MS, longer only while it holds the vault's lock). What
        became of it is told after the next unlock."""
        self.opener.stay_locked()
        if not self.session.is_open:
            return
        failed: list[str] = []
        if self.workspace is not None:
            failed = self.workspace.save_drafts()
            if failed and manual:
                self.dialogs.error(self, self.tr("Lock"), self.tr(
                    "Not locked: {what} could not be kept. Save or copy it, then lock again.").format(
                        what="; ".join(failed)))
                return
        self.idle.stop()
        jobs = cancel_for_lock(self, LOCK_WAIT_MS)
        if self.workspace is not None:
            self.workspace.close_editors()
        # every dialog this window opened (case editor, wizard, passphrase, organisation …) closes too;
        # only our own children: another window (supervisor mode) is not ours to close
        for dlg in self.findChildren(QDialog):
            if dlg.isVisible():
                dlg.reject()
        if self.workspace is not None:
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
        self.clipboard.clear()
        passphrase.set_known_words([])
        self.session.lock()
        self.after_unlock += settled_after_lock(jobs)
        self._set_data_actions(False)
        self.show_start()
        self.locked.emit()
        if failed:
            self.dialogs.error(self, self.tr("Lock"), self.tr(
                "The vault was locked automatically, but {what} could not be kept.").format(
                    what="; ".join(failed)))

    def _app_state(self, state) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock()

    def change_language(self, lang: str) -> None:
        """Takes effect at once: drafts are kept, the views are rebuilt in the new language."""
        if self.workspace is not None:
            failed = self.workspace.save_drafts()
            if failed:
                self.dialogs.error(self, self.tr("Language"), self.tr(
                    "The language was not switched yet: {what} could not be kept. Save your work and choose the language again.").format(
                        what="; ".join(failed)))
                return
            self.workspace.close_editors()
        i18n.install(lang)
        QSettings().setValue("ui/language", lang)
        self._rebuild_texts()
        self._build_workspace()
        self.workspace.nav.setCurrentRow(PAGES.index("settings"))
        self.workspace.restore_drafts()

    def _rebuild_texts(self) -> None:
        self.menuBar().clear()
        self.removeToolBar(self.toolbar)
        self._build_actions()
        self._set_data_actions(self.session.is_open)
        for old, cls in ((self.welcome, WelcomePage), (self.unlock_page, UnlockPage)):
            new = cls(self.dialogs) if cls is WelcomePage else cls()
            self.stack.insertWidget(self.stack.indexOf(old), new)
            self.stack.removeWidget(old)
            old.deleteLater()
            new.supervisor_requested.connect(self.open_supervisor)
            if cls is WelcomePage:
                self.welcome = new
                new.create_requested.connect(self.create_vault)
                new.location_chosen.connect(self.choose_location)
                new.set_location(self.session.path)
            else:
                self.unlock_page = new
                new.unlock_requested.connect(self.unlock)

    # -- menu slots ---------------------------------------------------------------------------------
    def _new_case(self) -> None:
        if self.workspace:
            self.workspace.nav.setCurrentRow(PAGES.index("cases"))
            self.workspace.new_case()

    def _find(self) -> None:
        if self.workspace:
            self.workspace.nav.setCurrentRow(PAGES.index("cases"))
            self.workspace.cases.search.setFocus()
            self.workspace.cases.search.selectAll()

    def _progress(self, title: str) -> QProgressDialog:
        dlg = QProgressDialog(title, "", 0, 0, self)
        dlg.setWindowTitle(title)
        dlg.setCancelButton(None)
        dlg.setMinimumDuration(300)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        return dlg

    def backup(self) -> None:
        """Write an encrypted backup off the GUI thread, with a progress dialog."""
        if not self.session.is_open:
            return
        path = self.dialogs.save_path(self, self.tr("Make backup"), self.tr("Vertrouwd backup (*.vbak)"),
                                      self.tr("vertrouwd-backup-{date}.vbak").format(date=self.today().isoformat()))
        if not path:
            return
        vault, repo = self.session.vault, self.session.repo

        def work(report):
            vault.backup(path)
            with contextlib.suppress(Exception):  # the log line is not worth failing a written backup
                repo.log("backup")

        def failed(exc):
            self.dialogs.error(self, self.tr("Make backup"), self.tr(
                "The backup failed: {reason}. Your vault is unchanged; choose another location and try "
                "again.").format(reason=error_text(exc)))

        self.job = run_in_thread(self, work, progress=self._progress(self.tr("Making backup…")),
                                 on_done=lambda _r: self.dialogs.info(self, self.tr("Make backup"), self.tr(
                                     "The encrypted backup was written. It opens with your current "
                                     "passphrase.")), on_error=failed)
        self.job.after_lock = lambda kind, value: (self.tr("Make backup"), self.tr(
            "The backup was completed before the vault was locked: {path}").format(path=path)
            if kind == "ok" else self.tr(
                "The backup was stopped by locking; nothing was written. Make the backup again.")
            if isinstance(value, Cancelled) else self.tr("The backup failed: {reason}.").format(
                reason=error_text(value)))

    def import_data(self) -> None:
        """Import a vertrouwd-data file (all or nothing) off the GUI thread."""
        if not self.session.is_open:
            return
        path = self.dialogs.open_path(self, self.tr("Import data"), self.tr("Vertrouwd data (*.json)"))
        if not path:
            return
        repo = self.session.repo

        def work(report):
            from app import interchange
            data = interchange.load_file(path)
            report(0.3, "")
            return interchange.import_data(repo, data)

        def done(counts):
            self.dialogs.info(self, self.tr("Import data"), self.tr(
                "Imported: {cases} cases with {contacts} conversations, {organisations} organisations and "
                "{activities} activities.").format(**counts))
            if self.workspace is not None:
                self.workspace.show_page(self.workspace.nav.currentRow())

        def failed(exc):
            self.dialogs.error(self, self.tr("Import data"), self.tr(
                "Nothing was imported: {reason}").format(reason=error_text(exc)))

        self.job = run_in_thread(self, work, progress=self._progress(self.tr("Importing…")), on_done=done,
                                 on_error=failed, lock=repo.vault.lock_)
        self.job.after_lock = lambda kind, value: (self.tr("Import data"), self.tr(
            "The import was completed before the vault was locked.") if kind == "ok" else self.tr(
                "The import was stopped by locking; nothing was imported. Import again.")
            if isinstance(value, Cancelled) else self.tr("Nothing was imported: {reason}").format(
                reason=error_text(value)))

    def import_sheet(self) -> None:
        """Bestand -> Importeren uit spreadsheet: the mapping dialog (ui.sheet_import_dialog)."""
        if not self.session.is_open:
            return
        path = self.dialogs.open_path(self, self.tr("Import from spreadsheet"),
                                      self.tr("Spreadsheets (*.xlsx *.csv)"))
        if not path:
            return
        from ui.sheet_import_dialog import SheetImportDialog
        lang = self.workspace.lang if self.workspace is not None else "nl"
        self.sheet_dialog = SheetImportDialog(self.session.repo, lang, path, self, dialogs=self.dialogs)
        self.sheet_dialog.imported.connect(lambda _counts: self.workspace and self.workspace.show_page(
            self.workspace.nav.currentRow()))
        self.sheet_dialog.open()

    def change_passphrase(self) -> None:
        if not self.session.is_open:
            return
        from ui.passphrase_dialog import ChangePassphraseDialog
        dlg = ChangePassphraseDialog(self)
        dlg.chosen.connect(self._rekey)
        self.passphrase_dialog = dlg
        dlg.open()

    def _rekey(self, current: str, new: str) -> None:
        vault, repo = self.session.vault, self.session.repo

        def work(report):
            vault.change_passphrase(current, new)
            with contextlib.suppress(Exception):  # the vault may be locked meanwhile; the change stands
                repo.log("wachtwoord_gewijzigd")

        def failed(exc):
            from app.store.vault import PassphraseChangeIncomplete
            if isinstance(exc, PassphraseChangeIncomplete) or not vault.is_open:
                self.dialogs.error(self, self.tr("Change passphrase"), error_text(exc))
                self.lock()
                return
            self.dialogs.error(self, self.tr("Change passphrase"), self.tr(
                "The passphrase was not changed: {reason}. The old passphrase still opens the vault.")
                .format(reason=error_text(exc)))

        self.job = run_in_thread(self, work, progress=self._progress(self.tr("Encrypting again…")),
                                 on_done=lambda _r: self.dialogs.info(self, self.tr("Change passphrase"), self.tr(
                                     "The passphrase was changed. Use the new one from now on.")),
                                 on_error=failed)
        self.job.after_lock = lambda kind, value: (self.tr("Change passphrase"), self.tr(
            "The passphrase was changed. Use the new one from now on.") if kind == "ok" else self.tr(
                "The passphrase was not changed: the vault was locked first. The old passphrase still "
                "opens it.") if isinstance(value, Cancelled) else error_text(value))

    def restore(self) -> None:
        """Restore the vault from a backup file (e.g. on a new laptop), verified before it replaces it."""
        path = self.dialogs.open_path(self, self.tr("Restore from backup"), self.tr("Vertrouwd backup (*.vbak)"))
        if not path:
            return
        if self.session.exists and not self.dialogs.confirm(self, self.tr("Restore from backup"), self.tr(
                "This replaces the current vault with the backup. A copy of the current vault is kept beside "
                "it. Continue?")):
            return
        passphrase = self.dialogs.ask_passphrase(self, self.tr("Restore from backup"), self.tr(
            "Passphrase that was valid when the backup was made:"))
        if not passphrase:
            return
        self.session.lock()
        target, force = self.session.path, self.session.exists

        def work(report):
            from app.store.vault import Vault
            Vault.restore(path, target, passphrase, force=force).close()

        def done(_r):
            self.dialogs.info(self, self.tr("Restore from backup"), self.tr(
                "The vault was restored. Unlock it with the passphrase of the backup."))
            self.show_start()

        def failed(exc):
            self.dialogs.error(self, self.tr("Restore from backup"), self.tr(
                "Nothing was restored: {reason}").format(reason=error_text(exc)))
            self.show_start()

        self.job = run_in_thread(self, work, progress=self._progress(self.tr("Restoring…")), on_done=done,
                                 on_error=failed)

    def open_supervisor(self, store_path=None) -> None:
        """Supervisor mode: a separate window with its own encrypted store; no case vault needed."""
        from app.paths import supervisor_store
        from ui.supervisor_start import SupervisorStart
        self.supervisor_window = SupervisorStart(store_path or supervisor_store())
        self.supervisor_window.show()

    def about(self) -> None:
        from app import __version__
        self.dialogs.info(self, self.tr("About Vertrouwd"), self.tr(
            "Vertrouwd {version}: an encrypted case log for confidential advisers. Your records stay on "
            "this computer.").format(version=__version__))

    def closeEvent(self, event) -> None:  # noqa: N802
        QSettings().setValue("window/geometry", self.saveGeometry())
        self.lock()
        super().closeEvent(event)
