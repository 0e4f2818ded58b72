"""The checklist panel: widgets per item kind, live conditions, progress and answers."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit

from app.guidance.checklists import get_template
from ui.checklist_panel import ChecklistPanel


@pytest.fixture
def panel(qtbot):
    p = ChecklistPanel()
    qtbot.addWidget(p)
    p.set_template(get_template("intake"), "en")
    p.resize(700, 900)
    p.show()
    return p


def combo(panel, item_id) -> QComboBox:
    return panel.row(item_id).editor


def choose(panel, item_id, code) -> None:
    box = combo(panel, item_id)
    index = box.findData(code)
    assert index > 0, code
    box.setCurrentIndex(index)


def tick(qtbot, panel, item_id) -> None:
    box = panel.row(item_id).editor
    assert isinstance(box, QCheckBox)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().topLeft() + box.rect().center() / 4)


def multi_box(panel, item_id, code) -> QCheckBox:
    row = panel.row(item_id)
    return dict(row._multi)[code]


def open_texts(panel) -> list[str]:
    return [panel.open_list.item(i).text() for i in range(panel.open_list.count())]


def test_acute_danger_shows_the_escalation_guidance(qtbot, panel):
    assert not panel.is_item_shown("escalation")
    guidance = panel.row("escalation").guidance_label
    assert not guidance.isVisibleTo(panel)
    with qtbot.waitSignal(panel.answersChanged) as signal:
        choose(panel, "acute_danger", "ja")
    assert signal.args[0]["answers"]["acute_danger"] == "ja"
    assert panel.is_item_shown("escalation")
    assert guidance.isVisibleTo(panel)
    assert "conflict of duties" in guidance.text()
    assert "Safety arranged before going further" in open_texts(panel)
    # back to "no": the guidance goes away again
    choose(panel, "acute_danger", "nee")
    assert not panel.is_item_shown("escalation")
    assert not guidance.isVisibleTo(panel)


def test_section_heading_follows_its_items(panel):
    panel.set_template(get_template("melding_klacht"), "en")
    headings = {h.text(): h for h, _ids in panel._headings}
    assert headings["Complaint"].isHidden()
    choose(panel, "route", "klacht")
    assert not headings["Complaint"].isHidden()
    assert headings["Report"].isHidden()


def test_progress_and_open_required_items_update(qtbot, panel):
    assert panel.progress_bar.text() == "0 of 21"
    assert "Explained my role as confidential adviser" in open_texts(panel)
    tick(qtbot, panel, "role_explained")
    assert panel.answers()["answers"]["role_explained"] is True
    assert panel.progress_bar.text() == "1 of 21"
    assert panel.progress_bar.value() == 1 and panel.progress_bar.maximum() == 21
    assert "Explained my role as confidential adviser" not in open_texts(panel)
    choose(panel, "acute_danger", "ja")
    # two more items apply now: the escalation check and the consent question
    assert panel.progress_bar.text() == "2 of 23"
    assert panel.open_label.text() == f"Still open (required): {panel.open_list.count()}"
    # unticking takes it back
    tick(qtbot, panel, "role_explained")
    assert panel.progress_bar.text() == "1 of 23"
    assert "role_explained" not in panel.answers()["answers"]


def test_multi_answer_opens_its_follow_up_item(panel):
    assert not panel.is_item_shown("complaint_vs_report_explained")
    multi_box(panel, "options_discussed", "klacht").setChecked(True)
    assert panel.answers()["answers"]["options_discussed"] == ["klacht"]
    assert panel.is_item_shown("complaint_vs_report_explained")
    multi_box(panel, "options_discussed", "bedenktijd").setChecked(True)
    assert panel.answers()["answers"]["options_discussed"] == ["bedenktijd", "klacht"]
    multi_box(panel, "options_discussed", "klacht").setChecked(False)
    assert not panel.is_item_shown("complaint_vs_report_explained")


def fill_intake(qtbot, panel) -> None:
    tick(qtbot, panel, "role_explained")
    choose(panel, "consent_record", "ja")
    choose(panel, "acute_danger", "twijfel")
    tick(qtbot, panel, "escalation")
    choose(panel, "behaviour", "pesten")
    choose(panel, "accused_relation", "leidinggevende")
    choose(panel, "since_when", "6_tot_12_maanden")
    multi_box(panel, "agreements", "nieuw_gesprek").setChecked(True)
    row = panel.row("next_contact")
    row._date_set.setChecked(True)
    row._date.setDate(QDate(2026, 4, 15))


def test_answers_round_trip(qtbot, panel):
    fill_intake(qtbot, panel)
    stored = panel.answers()
    assert stored["template"] == "intake" and stored["version"] == 1
    assert stored["answers"] == {
        "role_explained": True, "consent_record": "ja", "acute_danger": "twijfel", "escalation": True,
        "behaviour": "pesten", "accused_relation": "leidinggevende", "since_when": "6_tot_12_maanden",
        "agreements": ["nieuw_gesprek"], "next_contact": "2026-04-15"}

    other = ChecklistPanel()
    qtbot.addWidget(other)
    other.set_template(get_template("intake"), "en")
    with qtbot.assertNotEmitted(other.answersChanged):
        other.set_answers(stored)
    assert other.answers() == stored
    assert other.progress_bar.text() == panel.progress_bar.text()
    # the widgets show the stored values
    assert other.row("role_explained").editor.isChecked()
    assert combo(other, "accused_relation").currentData() == "leidinggevende"
    assert other.row("next_contact")._date.date() == QDate(2026, 4, 15)
    assert dict(other.row("agreements")._multi)["nieuw_gesprek"].isChecked()
    assert other.is_item_shown("escalation")
    # a later edit keeps the rest
    choose(other, "wish", "advies")
    assert other.answers()["answers"] == {**stored["answers"], "wish": "advies"}


def test_short_and_number_items(qtbot):
    p = ChecklistPanel()
    qtbot.addWidget(p)
    p.set_template(get_template("vervolg"), "en")
    assert not p.is_item_shown("referral_other")
    choose(p, "referral", "anders")
    edit = p.row("referral_other").editor
    assert isinstance(edit, QLineEdit) and edit.maxLength() == 40
    qtbot.keyClicks(edit, "vakbond")
    assert p.answers()["answers"]["referral_other"] == "vakbond"

    p.set_template(get_template("afsluiting"), "en")
    mark = p.row("rating").editor
    qtbot.keyClicks(mark, "8")
    assert p.answers()["answers"]["rating"] == 8
    mark.clear()
    qtbot.keyClicks(mark, "0")  # below the minimum: not accepted as an answer
    assert "rating" not in p.answers()["answers"]
    p.set_answers({"rating": 9})
    assert mark.text() == "9"


def test_answers_from_an_older_version_are_kept_and_shown(qtbot, panel):
    old = {"template": "intake", "version": 0,
           "answers": {"role_explained": True, "retired_question": True, "retired_choice": "ja",
                       "acute_danger": "vervallen"}}
    panel.set_answers(old)
    assert panel.earlier_label.isVisibleTo(panel)
    assert "retired_question: yes" in panel.earlier_label.text()
    assert "retired_choice: ja" in panel.earlier_label.text()
    # an unknown code leaves the combo empty but the stored value stays
    assert combo(panel, "acute_danger").currentIndex() == 0
    tick(qtbot, panel, "boundaries_explained")
    answers = panel.answers()
    assert answers["version"] == 1
    assert answers["answers"]["retired_question"] is True
    assert answers["answers"]["acute_danger"] == "vervallen"
    assert answers["answers"]["boundaries_explained"] is True


def test_dutch_texts_and_clear(panel):
    panel.set_template(get_template("intake"), "nl")
    assert panel.title_label.text() == "Intakegesprek"
    assert panel.row("since_when").label.text() == "Sinds wanneer speelt dit? *"
    assert combo(panel, "since_when").itemText(1) == "Korter dan een maand"
    assert isinstance(panel.row("next_contact")._date, QDateEdit)
    assert panel.row("role_explained").editor.toolTip().startswith("<p>Ik luister")
    panel.clear()
    assert panel.answers() == {}
    assert panel.row("since_when") is None
    assert panel.title_label.text() == ""


def test_clicking_an_open_item_moves_to_it(qtbot, panel):
    panel.activateWindow()
    entry = next(panel.open_list.item(i) for i in range(panel.open_list.count())
                 if panel.open_list.item(i).data(Qt.ItemDataRole.UserRole) == "reachability")
    panel.open_list.itemClicked.emit(entry)
    qtbot.waitUntil(lambda: panel.row("reachability").editor.hasFocus(), timeout=2000)
    assert panel.scroll.verticalScrollBar().value() > 0


def test_narrow_dutch_panel_wraps_instead_of_scrolling_sideways(qtbot):
    p = ChecklistPanel()
    qtbot.addWidget(p)
    p.set_template(get_template("intake"), "nl")
    p.resize(460, 800)
    p.show()
    qtbot.waitExposed(p)
    body = p.scroll.widget()
    assert p.scroll.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert body.width() <= p.scroll.viewport().width()
    assert body.minimumSizeHint().width() <= 300
    # a choice box no longer sizes itself to its widest choice
    box = combo(p, "acute_danger")
    assert box.sizeAdjustPolicy() == QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
    assert box.minimumContentsLength() == 20
    # the long option of a multiple choice wraps onto two lines, inside the viewport
    row = p.row("options_discussed")
    long_option = next(cb for code, cb in row._multi if code.startswith("doorverw"))
    label = long_option.parentWidget().text_label
    assert label.text().startswith("Doorverwijzing") and label.wordWrap()
    assert label.height() > label.fontMetrics().height() * 1.5
    assert label.mapTo(body, label.rect().topRight()).x() <= p.scroll.viewport().width()
    # every hint is word-wrapped
    assert all(r.hint_label.wordWrap() for r in p._rows.values() if r.hint_label is not None)


def test_clicking_the_text_of_a_check_item_ticks_it(qtbot, panel):
    box = panel.row("role_explained").editor
    label = box.parentWidget().text_label
    assert label.text() == "Explained my role as confidential adviser *"
    with qtbot.waitSignal(panel.answersChanged):
        qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert box.isChecked()
    assert panel.answers()["answers"]["role_explained"] is True
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert "role_explained" not in panel.answers()["answers"]


def test_acute_danger_guidance_is_brought_into_view_with_an_alert(qtbot, panel):
    panel.resize(500, 420)       # small: the guidance lies far below the fold
    qtbot.waitExposed(panel)
    bar = panel.scroll.verticalScrollBar()
    assert bar.value() == 0 and not panel.alert_bar.isVisible()
    choose(panel, "acute_danger", "ja")
    guidance = panel.row("escalation").guidance_label
    assert panel.alert_bar.isVisible() and "danger" in panel.alert_label.text().lower()
    top = guidance.mapTo(panel.scroll.widget(), guidance.rect().topLeft()).y()
    assert bar.value() <= top <= bar.value() + panel.scroll.viewport().height()   # scrolled to it
    bar.setValue(0)
    panel.alert_button.click()                   # the bar takes her back to it
    assert bar.value() > 0
    choose(panel, "acute_danger", "nee")
    assert not panel.alert_bar.isVisible()


def test_reopened_answers_with_acute_danger_show_the_alert(panel):
    t = get_template("intake")
    panel.set_answers({"template": "intake", "version": t.version, "answers": {"acute_danger": "twijfel"}})
    assert panel.alert_bar.isVisible()
    panel.set_template(t, "en")
    assert not panel.alert_bar.isVisible()
