"""The retention panel (ui/retention_panel.py) with pytest-qt: no dialogs, confirm() is a seam."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.errors import UserError
from app.privacy import retention
from models.entities import Case, Contact
from ui.retention_panel import AuditTableModel, DueTableModel, RetentionPanel, action_label

TODAY = date(2025, 3, 1)


def _case(repo, code, opened, closed, notes):
    return repo.add_case(Case(code=code, organisation="Stichting Proef", opened=opened, closed=closed,
                              reporter_role="betrokkene", behaviour="pesten", accused_relation="collega",
                              follow_up="opvang_advies",
                              contacts=[Contact(date=opened, minutes=45, channel="video", kind="intake",
                                                notes=notes)]))


@pytest.fixture
def data(repo):
    repo.add_organisation("Stichting Proef")
    return {
        "old": _case(repo, "2023-004", date(2023, 5, 1), date(2023, 6, 1), "oude notitie"),
        "mid": _case(repo, "2024-007", date(2024, 3, 1), date(2024, 6, 15), "recentere notitie"),
        "open": _case(repo, "2025-002", date(2025, 1, 3), None, "lopend"),
    }


class Asker:
    def __init__(self, answer: bool):
        self.answer = answer
        self.questions: list[str] = []

    def __call__(self, text: str) -> bool:
        self.questions.append(text)
        return self.answer


@pytest.fixture
def make_panel(qtbot, repo):
    def make(answer: bool = True):
        asker = Asker(answer)
        panel = RetentionPanel(repo, asker, today=lambda: TODAY)
        qtbot.addWidget(panel)
        return panel, asker
    return make


def _column(model, col):
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def test_shows_policy_due_list_and_audit(make_panel, data):
    panel, _ = make_panel()
    assert panel.months.value() == 12
    assert (panel.months.minimum(), panel.months.maximum()) == (0, 60)
    assert _column(panel.due_model, 0) == ["2023-004"]
    assert panel.due_model.data(panel.due_model.index(0, 3)) == "01-06-2024"
    assert panel.due_model.data(panel.due_model.index(0, 0), Qt.ItemDataRole.UserRole) == data["old"]
    assert panel.purge_button.isEnabled()
    assert "1 closed case" in panel.due_label.text()
    assert panel.audit_model.rowCount() >= 4  # migration, organisation, three cases


def test_changing_the_policy_stores_it_and_updates_the_list(make_panel, repo, data, qtbot):
    panel, _ = make_panel()
    with qtbot.waitSignal(panel.policyChanged) as sig:
        panel.months.setValue(6)
    assert sig.args == [6]
    assert retention.policy_months(repo) == 6
    assert _column(panel.due_model, 0) == ["2023-004", "2024-007"]
    assert _column(panel.audit_model, 1)[0] == action_label(retention.ACTION_POLICY)
    assert "6" in panel.status.text()


def test_refresh_does_not_write_the_policy(make_panel, repo, data):
    panel, _ = make_panel()
    audit_before = len(retention.audit_entries(repo))
    repo.set_setting(retention.SETTING, "24")
    panel.refresh()
    assert panel.months.value() == 24
    assert len(retention.audit_entries(repo)) == audit_before
    assert panel.due_model.rowCount() == 0 and not panel.purge_button.isEnabled()


def test_purge_declined_removes_nothing(make_panel, repo, data):
    panel, asker = make_panel(answer=False)
    panel.purge_button.click()
    assert len(asker.questions) == 1 and "1 case" in asker.questions[0]
    assert repo.get_case(data["old"]).contacts[0].notes == "oude notitie"
    assert panel.due_model.rowCount() == 1
    assert panel.status.text() == "Nothing was removed."


def test_purge_confirmed_removes_details_and_logs(make_panel, repo, data, qtbot):
    panel, asker = make_panel(answer=True)
    with qtbot.waitSignal(panel.purged) as sig:
        panel.purge_button.click()
    assert sig.args[0].cases == 1
    case = repo.get_case(data["old"])
    assert case.contacts[0].notes == "" and case.details_purged == TODAY
    assert (case.contacts[0].minutes, case.contacts[0].channel) == (45, "video")
    assert repo.get_case(data["mid"]).contacts[0].notes == "recentere notitie"
    assert panel.due_model.rowCount() == 0 and not panel.purge_button.isEnabled()
    assert "1 case" in panel.status.text()
    assert _column(panel.audit_model, 1)[0] == "Case details removed (retention)"
    assert _column(panel.audit_model, 2)[0].startswith("cases: 1, conversations: 1")


def test_purge_error_is_shown_not_raised(make_panel, data, monkeypatch):
    panel, _ = make_panel()

    def refuse(*args, **kwargs):
        raise UserError("The vault could not be compacted. Close other programs and try again.")
    monkeypatch.setattr(retention, "purge", refuse)
    panel.purge_now()
    assert panel.status.text().startswith("The vault could not be compacted")
    assert panel.due_model.rowCount() == 1


def test_nothing_due_asks_nothing(make_panel, repo):
    repo.add_organisation("Stichting Proef")
    panel, asker = make_panel()
    panel.purge_now()
    assert asker.questions == []
    assert "Nothing falls due" in panel.status.text()


def test_compact_button(make_panel, repo, data):
    panel, _ = make_panel()
    panel.compact_button.click()
    assert "compacted" in panel.status.text()
    assert repo.conn.execute("PRAGMA freelist_count").fetchone()[0] == 0


def test_locked_vault_clears_the_views(make_panel, repo, data):
    panel, _ = make_panel()
    repo.vault.close()
    panel.refresh()
    assert panel.due_model.rowCount() == 0 and panel.audit_model.rowCount() == 0
    assert not panel.purge_button.isEnabled() and not panel.compact_button.isEnabled()
    assert "locked" in panel.status.text()


def test_set_repo_after_lock_and_unlock(make_panel, repo, data):
    panel, _ = make_panel()
    panel.set_repo(None)
    assert panel.due_model.rowCount() == 0 and not panel.purge_button.isEnabled()
    panel.purge_now()  # nothing happens without a vault
    panel.compact_now()
    panel.set_repo(repo)
    assert _column(panel.due_model, 0) == ["2023-004"] and panel.purge_button.isEnabled()


def test_models_without_a_window():
    due_model = DueTableModel()
    row = retention.DueCase(7, "2024-001", "Org", date(2024, 1, 31), date(2025, 1, 31), 3, 2)
    due_model.set_rows([row])
    assert (due_model.rowCount(), due_model.columnCount()) == (1, 6)
    assert due_model.rowCount(due_model.index(0, 0)) == 0  # a flat table
    assert [due_model.headerData(i, Qt.Orientation.Horizontal) for i in range(6)] == [
        "Case", "Organisation", "Closed", "Due", "Contacts", "With notes"]
    assert due_model.headerData(9, Qt.Orientation.Horizontal) is None
    assert [due_model.data(due_model.index(0, c)) for c in range(6)] == [
        "2024-001", "Org", "31-01-2024", "31-01-2025", "3", "2"]
    assert due_model.data(QModelIndex()) is None

    audit = AuditTableModel()
    audit.set_rows([retention.AuditEntry("2025-02-01T10:00:00+00:00", "gegevens_opgeschoond", "casussen=2"),
                    retention.AuditEntry("not a time", "iets_nieuws", "")])
    assert audit.columnCount() == 3
    assert audit.data(audit.index(0, 0)).startswith("01-02-2025")
    assert audit.data(audit.index(0, 1)) == "Case details removed (retention)"
    assert audit.data(audit.index(0, 1), Qt.ItemDataRole.ToolTipRole) == "gegevens_opgeschoond"
    assert audit.data(audit.index(1, 0)) == "not a time"
    assert audit.data(audit.index(1, 1)) == "iets_nieuws"  # unknown codes shown as they are


def test_logbook_shows_codes_and_names_not_internal_ids():
    from ui.retention_panel import readable_object
    cases, orgs = {12: "2026-004"}, {1: "Gemeente Voorbeeld"}
    assert readable_object("casus 12", cases, orgs) == "case 2026-004"
    assert readable_object("organisatie 1 2025", cases, orgs) == "Gemeente Voorbeeld, 2025"
    assert readable_object("casus 99", cases, orgs) == "a removed case"
    assert readable_object("contact 7", cases, orgs) == "a conversation"
    # counts are said in the window's language (this test runs untranslated: English)
    assert readable_object("casussen=2", cases, orgs) == "cases: 2"
    assert readable_object("300 casussen", cases, orgs) == "cases: 300"
    assert readable_object("casussen=1 contacten=3 beslishulp=0 herinneringen=2 concepten=0", cases, orgs) == (
        "cases: 1, conversations: 3, saved advice: 0, reminders: 2, drafts: 0")
    assert readable_object("maanden=24", cases, orgs) == "retention term in months: 24"
    assert readable_object("gegevens", cases, orgs) == "all data"
    assert readable_object("report 2026", cases, orgs) == "annual report 2026"
    assert readable_object("schema 5", cases, orgs) == "schema 5"
    assert readable_object("casussen=x", cases, orgs) == "casussen=x"  # not a count: shown as it is


def test_the_log_names_cases_by_code_without_loading_the_case_list(make_panel, repo, data, monkeypatch):
    """The settings page opens fast on a large vault: the whole case list is not read for the log."""
    assert repo.case_code_map() == {r.id: r.code for r in repo.list_cases()}
    monkeypatch.setattr(type(repo), "list_cases", lambda *a, **k: pytest.fail("the case list was read"))
    panel, _ = make_panel()
    details = _column(panel.audit_model, 2)
    assert any("2025-002" in d for d in details), details


def test_the_lists_keep_several_rows_in_sight(make_panel):
    """On a laptop screen the settings page scrolls rather than squeezing the lists to two rows."""
    panel, _ = make_panel()
    for view in (panel.due_view, panel.audit_view):
        row = view.verticalHeader().defaultSectionSize()
        assert view.minimumHeight() >= 7 * row
