"""The decision wizard: one question per page, back and forward, reasons visible, save and handout."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt

from app.errors import UserError
from app.guidance.decide import tree
from ui.decision_wizard import DecisionWizard


@pytest.fixture
def saved():
    return []


@pytest.fixture
def printed():
    return []


@pytest.fixture
def wizard(qtbot, saved, printed):
    w = DecisionWizard("en", on_save=saved.append, on_handout=printed.append)
    qtbot.addWidget(w)
    w.show()
    return w


def answer(qtbot, w: DecisionWizard, value) -> None:
    """Pick an answer the way a person does: click the radio button (or type a number), then Next."""
    if isinstance(value, bool | str):
        code = ("yes" if value else "no") if isinstance(value, bool) else value
        button = w.answer_buttons()[code]
        # a radio button only reacts on its indicator and text, not on the empty width of its row
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))
    else:
        w.number_input.setValue(value)
    assert w.next_button.isEnabled()
    qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)


def items(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def test_first_page_asks_about_safety(wizard):
    assert wizard.current_fact == "acute_danger"
    assert wizard.question_label.text() == tree().questions["acute_danger"]["text"]["en"]
    assert set(wizard.answer_buttons()) == {"yes", "no"}
    assert not wizard.next_button.isEnabled()  # nothing chosen yet
    assert not wizard.back_button.isEnabled()
    assert not wizard.save_button.isVisible()


def test_drive_to_a_klacht_and_save(qtbot, wizard, saved, printed):
    for value in (False, "ongewenst_gedrag", "zelf", False, False, "overig", "collega", "medewerker", False, True, True):
        answer(qtbot, wizard, value)
    assert wizard.current_fact == "months_since_last_incident"
    assert wizard.number_input.isVisible()
    assert not wizard.next_button.isEnabled()  # no silent default: a number must be entered
    answer(qtbot, wizard, 5)
    assert wizard.current_fact is None
    assert wizard.route_label.text() == tree().routes["klacht"]["label"]["en"]
    listed = items(wizard.result_list)
    assert any("complaint" in t.lower() for t in listed)
    assert any("14 days" in t for t in listed)
    assert wizard.save_button.isVisible() and wizard.handout_button.isVisible()
    assert not wizard.next_button.isVisible()

    with qtbot.waitSignal(wizard.saved, timeout=1000):
        qtbot.mouseClick(wizard.save_button, Qt.MouseButton.LeftButton)
    assert len(saved) == 1
    rec = saved[0]
    assert rec["tree_version"] == "2026.3"
    assert rec["result"]["route"] == "klacht"
    assert rec["facts"]["months_since_last_incident"] == 5
    assert rec["facts"]["subject"] == "ongewenst_gedrag"
    assert json.loads(json.dumps(rec)) == rec
    assert not wizard.save_button.isEnabled()  # saved once

    qtbot.mouseClick(wizard.handout_button, Qt.MouseButton.LeftButton)
    assert printed and printed[0]["result"]["route"] == "klacht"
    assert wizard.status_label.text() == "The handout is ready."
    wizard._on_handout = lambda rec: False  # she cancelled the save dialog: nothing is claimed
    qtbot.mouseClick(wizard.handout_button, Qt.MouseButton.LeftButton)
    assert "ready" not in wizard.status_label.text()


def test_reasons_appear_as_answers_come_in(qtbot, wizard):
    assert items(wizard.reasons_list) == []
    answer(qtbot, wizard, True)  # acute danger
    reasons = items(wizard.reasons_list)
    assert tree().reasons["r_acuut_gevaar"]["en"] in reasons
    assert any("Acute danger" in a for a in items(wizard.answers_list))
    answer(qtbot, wizard, "anders")
    answer(qtbot, wizard, "zelf")
    answer(qtbot, wizard, True)  # possible crime
    assert tree().reasons["r_mogelijk_strafbaar"]["en"] in items(wizard.reasons_list)


def test_back_changes_an_answer_and_the_path(qtbot, wizard, saved):
    answer(qtbot, wizard, False)
    answer(qtbot, wizard, "ongewenst_gedrag")
    answer(qtbot, wizard, "zelf")
    answer(qtbot, wizard, False)
    answer(qtbot, wizard, False)
    assert wizard.current_fact == "behaviour_kind"
    # back to the subject: the earlier answers are shown again
    for _ in range(4):
        qtbot.mouseClick(wizard.back_button, Qt.MouseButton.LeftButton)
    assert wizard.current_fact == "subject"
    assert wizard.answer_buttons()["ongewenst_gedrag"].isChecked()
    answer(qtbot, wizard, "arbeidsconflict")
    assert wizard.answer_buttons()["zelf"].isChecked()  # previous answer to role_in_case prefilled
    answer(qtbot, wizard, "zelf")
    assert wizard.answer_buttons()["no"].isChecked()  # previous answer to possible_crime prefilled
    answer(qtbot, wizard, False)
    answer(qtbot, wizard, False)
    assert wizard.current_fact is None
    assert wizard.result.route == "arbeidsconflict"
    assert "behaviour_kind" not in wizard.facts
    qtbot.mouseClick(wizard.save_button, Qt.MouseButton.LeftButton)
    assert saved[0]["facts"] == {"acute_danger": False, "subject": "arbeidsconflict", "role_in_case": "zelf",
                                 "possible_crime": False, "needs_care": False}
    # back from the result page returns to the last question
    qtbot.mouseClick(wizard.back_button, Qt.MouseButton.LeftButton)
    assert wizard.current_fact == "needs_care"


def test_dutch_texts_come_from_the_tree(qtbot):
    w = DecisionWizard("nl", on_save=lambda rec: None, on_handout=None)
    qtbot.addWidget(w)
    w.show()
    assert w.question_label.text() == tree().questions["acute_danger"]["text"]["nl"]
    answer(qtbot, w, False)
    assert w.answer_buttons()["misstand"].text() == tree().questions["subject"]["answers"]["misstand"]["nl"]
    for value in ("misstand", "zelf", False, False, "persoonlijk"):
        answer(qtbot, w, value)
    assert w.current_fact is None
    assert w.route_label.text() == tree().routes["arbeidsconflict"]["label"]["nl"]
    assert "2026.3" in w.version_label.text() and "30 november 2026" in w.version_label.text()
    assert not w.handout_button.isVisible()  # no handout callback given


def test_a_failing_save_shows_the_message(qtbot):
    def refuse(record):
        raise UserError("The vault is locked; unlock it and save again.")
    w = DecisionWizard("en", on_save=refuse)
    qtbot.addWidget(w)
    w.show()
    for value in (False, "arbeidsconflict", "zelf", False, False):
        answer(qtbot, w, value)
    qtbot.mouseClick(w.save_button, Qt.MouseButton.LeftButton)
    assert "unlock it" in w.status_label.text()
    assert w.save_button.isEnabled()  # can try again


def test_record_before_the_end_is_refused(wizard):
    with pytest.raises(UserError):
        wizard.record()


def test_answers_and_reasons_get_equal_room_and_final_headings(qtbot, wizard):
    side = wizard.answers_list.parentWidget().layout()
    assert side.stretch(side.indexOf(wizard.answers_list)) == side.stretch(side.indexOf(wizard.reasons_list)) == 1
    assert wizard.answers_heading.text() == "Answers so far"
    assert wizard.reasons_heading.text() == "Reasons so far"
    for value in (*(False, "ongewenst_gedrag", "zelf", False, False, "overig", "collega", "medewerker", False, True, True), 5):
        answer(qtbot, wizard, value)
    assert wizard.current_fact is None
    assert wizard.answers_heading.text() == "Answers"
    assert wizard.reasons_heading.text() == "Reasons"
    assert len(items(wizard.answers_list)) == 12
    # after six answers or more the two lists are still about the same height
    qtbot.waitUntil(lambda: wizard.answers_list.height() > 0)
    assert abs(wizard.answers_list.height() - wizard.reasons_list.height()) <= 4
    # going back to a question brings back the "so far" headings
    qtbot.mouseClick(wizard.back_button, Qt.MouseButton.LeftButton)
    assert wizard.answers_heading.text() == "Answers so far"


def test_adviser_only_warnings_and_help_lines_on_the_result_page(qtbot):
    """Rape by a manager, the person only wants to talk: duties to report for the adviser, help lines,
    and no conversation with the other person or mediation."""
    w = DecisionWizard("nl", on_save=lambda rec: None)
    qtbot.addWidget(w)
    w.show()
    for value in (False, "ongewenst_gedrag", "zelf", True, False, "seksueel_geweld", "leidinggevende",
                  "medewerker", False, False):
        answer(qtbot, w, value)
    assert w.current_fact is None
    assert w.route_label.text() == tree().routes["informeel_veilig"]["label"]["nl"]
    listed = items(w.result_list)
    heading = tree().texts["adviser_only_heading"]["nl"]
    assert listed[0] == heading
    assert any("art. 160 Sv" in t for t in listed)
    assert any("0800-0188" in t for t in listed)  # Centrum Seksueel Geweld
    assert not any("bemiddeling via een ander" in t for t in listed)


def test_every_term_of_the_tree_has_a_reminder_label(qapp):
    from ui.widgets import reminder_label
    for code in tree().terms:
        assert reminder_label(code) != code, code
    assert reminder_label("advies") == reminder_label("advies_klachtencommissie")  # reminders saved earlier
