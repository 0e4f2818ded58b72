"""The Vragen page: a request for information or advice recorded in seconds, listed, removed."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from tests.ui.test_main_window import add_org, create
from ui.main_window import PAGES


def _open(ws):
    ws.nav.setCurrentRow(PAGES.index("requests"))
    return ws.requests


def test_record_with_enter_keeps_the_choices_and_counts_apart(window, qtbot, dialogs):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    page = _open(ws)
    assert ws.nav.item(PAGES.index("requests")).text() == "Vragen"
    assert page.record_button.isEnabled() and page.minutes.value() == 5
    page.kind.setCurrentIndex(page.kind.findData("advies_leidinggevende"))
    page.asker.setCurrentIndex(page.asker.findData("leidinggevende"))
    page.topic.setCurrentIndex(page.topic.findData("pesten"))
    page.kind.setFocus()
    qtbot.keyClick(page.kind, Qt.Key.Key_Return)
    assert page.model.rowCount() == 1, (page.error.text(), page.status.text())
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert row[1:] == ["Gemeente Voorbeeld", "Advies aan een leidinggevende over een situatie", "Leidinggevende",
                       "Pesten", "5"]
    assert "Vastgelegd" in page.status.text()
    # the choices stay for the next question, the topic goes back to none
    assert page.kind.currentData() == "advies_leidinggevende" and page.topic.currentData() is None
    page.minutes.setValue(10)
    page.record_button.click()
    assert page.model.rowCount() == 2
    assert page.summary.text() == "Vragen: 2 · uren: 0,3"
    assert ws.repo.request_count() == 2 and ws.repo.counts()["cases"] == 0


def test_a_future_date_is_refused_in_dutch_and_nothing_stored(window, qtbot, dialogs):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    page = _open(ws)
    page.date.set_date(date.today() + timedelta(days=3))
    page.record()
    assert page.error.isVisible() and "toekomst" in page.error.text()
    assert ws.repo.request_count() == 0


def test_without_organisation_the_page_says_what_to_do(window, qtbot, dialogs):
    ws = create(window, qtbot)
    page = _open(ws)
    assert not page.record_button.isEnabled()
    assert "organisatie" in page.error.text()


def test_remove_after_confirming_and_filter_by_organisation(window, qtbot, dialogs):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    add_org(ws, qtbot, name="Zorggroep Oost", units="")
    page = _open(ws)
    for org in ("Gemeente Voorbeeld", "Zorggroep Oost"):
        page.org.setCurrentIndex(page.org.findData(org))
        page.record()
    assert page.model.rowCount() == 2
    page.filter_org.setCurrentIndex(page.filter_org.findData("Zorggroep Oost"))
    assert page.model.rowCount() == 1 and page.model.index(0, 1).data() == "Zorggroep Oost"
    page.table.selectRow(0)
    page._delete()
    assert page.model.rowCount() == 0
    assert [r.organisation for r in ws.repo.list_requests()] == ["Gemeente Voorbeeld"]


def test_double_click_loads_a_request_to_change_it(window, qtbot, dialogs):
    ws = create(window, qtbot)
    add_org(ws, qtbot)
    page = _open(ws)
    page.asker.setCurrentIndex(page.asker.findData("hr"))
    page.record()
    page.table.selectRow(0)
    page.edit(page._current())
    assert page.record_button.text() == "Wijziging opslaan" and page.cancel_button.isVisible()
    assert page.asker.currentData() == "hr"
    page.asker.setCurrentIndex(page.asker.findData("directie"))
    page.minutes.setValue(25)
    page.record()
    assert [(r.asker, r.minutes) for r in ws.repo.list_requests()] == [("directie", 25)]
    assert page.record_button.text() == "Vastleggen" and not page.cancel_button.isVisible()
    assert page.minutes.value() == 5
