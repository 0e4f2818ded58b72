"""Issue 13 in the window: the case editor's position, role, integrity kind, outcome and sector codes;
the outcome in the close dialog; the sector on the organisation; the decision aid prefilled from the case."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt

from app.guidance.decide import facts_from_case
from models.entities import Case
from ui.case_closing import CloseCaseDialog
from ui.case_editors import CaseEditor
from ui.decision_wizard import DecisionWizard
from ui.pages import OrganisationDialog


def _case(**kw) -> Case:
    base = dict(code="2026-001", organisation="School", opened=date(2026, 3, 2), reporter_role="omstander",
                position="stagiair", behaviour="pesten", accused_relation="leerling", follow_up="lopend")
    base.update(kw)
    return Case(**base)


def _codes(combo) -> list:
    return [combo.itemData(i) for i in range(combo.count())]


def test_editor_offers_the_sector_codes_and_saves_the_new_fields(qtbot, repo):
    repo.add_organisation("School", sector="onderwijs")
    repo.add_organisation("Gemeente")
    ed = CaseEditor(repo, "nl")
    qtbot.addWidget(ed)
    ed.organisation.setCurrentIndex(ed.organisation.findData("School"))
    assert {"leerling", "ouder"} <= set(_codes(ed.relation)) and "client" not in _codes(ed.relation)
    ed.relation.set_code("leerling")
    ed.organisation.setCurrentIndex(ed.organisation.findData("Gemeente"))
    assert "leerling" not in _codes(ed.relation) and ed.relation.code() is None   # not kept: never stored
    ed.organisation.setCurrentIndex(ed.organisation.findData("School"))
    ed.position.set_code("sollicitant")
    ed.role.set_code("betrokkene")
    ed.behaviour.set_code("pesten")
    assert not ed.integrity.isEnabled()
    ed.behaviour.set_code("integriteit")
    assert ed.integrity.isEnabled()
    ed.integrity.set_code("geschenken_uitnodigingen")
    ed.relation.set_code("ouder")
    ed.save()
    case = repo.get_case(repo.list_cases()[0].id)
    assert (case.position, case.reporter_role, case.integrity_kind, case.accused_relation) == (
        "sollicitant", "betrokkene", "geschenken_uitnodigingen", "ouder")


def test_a_stored_code_of_an_earlier_sector_stays_shown(qtbot, repo):
    repo.add_organisation("School", sector="onderwijs")
    cid = repo.add_case(_case())
    org = repo.organisation("School")
    repo.update_organisation(org.id, org.name, [], "algemeen")
    ed = CaseEditor(repo, "nl", repo.get_case(cid))
    qtbot.addWidget(ed)
    assert ed.relation.code() == "leerling" and "ouder" not in _codes(ed.relation)
    ed.save()
    assert ed.result() == ed.DialogCode.Accepted


def test_close_dialog_asks_the_outcome(qtbot, repo):
    repo.add_organisation("School", sector="onderwijs")
    case = repo.get_case(repo.add_case(_case(outcome="beter")))
    dlg = CloseCaseDialog(case, repo.vocabs, "nl", [], [], date(2026, 11, 30))
    qtbot.addWidget(dlg)
    assert dlg.outcome() == "beter"              # what the closing checklist collected
    assert "Afloop" in dlg.changes.text() or "Outcome" in dlg.changes.text()
    dlg.outcome_box.set_code("vertrokken")
    assert dlg.outcome() == "vertrokken"
    fresh = CloseCaseDialog(_case(), repo.vocabs, "nl", [], [], date(2026, 11, 30))
    qtbot.addWidget(fresh)
    assert fresh.outcome() == "onbekend"


def test_organisation_dialog_sets_the_sector(qtbot, repo):
    dlg = OrganisationDialog(repo)
    qtbot.addWidget(dlg)
    dlg.name.setText("Zorggroep")
    dlg.sector.set_code("zorg")
    dlg.save()
    assert repo.organisation("Zorggroep").sector == "zorg"


def test_decision_aid_is_prefilled_from_the_case(qtbot):
    facts = facts_from_case(_case(reporter_role="omstander", position="uitzend_flexkracht",
                                  accused_relation="ouder"))
    assert facts == {"subject": "ongewenst_gedrag", "role_in_case": "omstander", "person_position": "flex",
                     "accused": "derde"}
    assert facts_from_case(_case(position="zzp", accused_relation="trainer", behaviour="werkdruk")) == {
        "role_in_case": "omstander"}
    assert facts_from_case(_case(behaviour="misstand_wbk"))["subject"] == "misstand"
    w = DecisionWizard("en", prefill=facts)
    qtbot.addWidget(w)
    w.show()
    assert w.current_fact == "acute_danger" and not w.next_button.isEnabled()   # safety is always asked
    button = w.answer_buttons()["no"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))
    qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)
    assert w.current_fact == "subject" and w.answer_buttons()["ongewenst_gedrag"].isChecked()
    qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)
    assert w.current_fact == "role_in_case"
    assert w.answer_buttons()["omstander"].isChecked()   # preselected; the adviser still confirms it
    assert w.next_button.isEnabled()


def test_checklist_lists_offer_the_organisations_sector_codes(qtbot, repo):
    """The intake's picklists follow the organisation's sector like the case editor does; an answer
    stored before (another sector) stays shown."""
    from ui.case_editors import ContactEditor
    repo.add_organisation("School", sector="onderwijs")
    repo.add_organisation("Gemeente")
    school = repo.get_case(repo.add_case(_case()))
    ed = ContactEditor(repo, "nl", school)
    qtbot.addWidget(ed)
    ed.template_combo.setCurrentIndex(ed.template_combo.findData("intake"))
    rows = ed.panel._rows
    accused = next(r for r in rows.values() if r.item.vocabulary == "accused_relation")
    assert {"leerling", "ouder"} <= set(_codes(accused._combo)) and "client" not in _codes(accused._combo)
    gemeente = repo.get_case(repo.add_case(_case(code="2026-002", organisation="Gemeente",
                                                 accused_relation="collega")))
    ed2 = ContactEditor(repo, "nl", gemeente)
    qtbot.addWidget(ed2)
    ed2.template_combo.setCurrentIndex(ed2.template_combo.findData("intake"))
    row2 = next(r for r in ed2.panel._rows.values() if r.item.vocabulary == "accused_relation")
    assert not {"leerling", "client", "sporter"} & set(_codes(row2._combo))
    row2.show_value("leerling")   # an answer stored when the organisation was a school
    assert row2._combo.currentData() == "leerling"
