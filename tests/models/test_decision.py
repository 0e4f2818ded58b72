"""The decision tree: validity of the data, the rules the advice must respect, the wizard's order."""
from __future__ import annotations

import copy
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.resources import RESOURCES
from models.decision import DecisionTree, FactError, Outcome, TreeError

SUBJECTS = ["ongewenst_gedrag", "integriteit", "misstand", "arbeidsconflict", "anders"]
BOOL_FACTS = [
    "acute_danger", "possible_crime", "wants_anonymity", "wants_formal_investigation",
    "willing_to_be_named_in_writing", "work_relation", "needs_care", "colleague_needs_care", "public_body",
]
CHOICE_FACTS = {
    "role_in_case": ["zelf", "omstander", "beschuldigde"],
    "behaviour_kind": ["seksueel_geweld", "bedreiging", "stalking", "lichamelijk_geweld", "huiselijk_geweld",
                       "discriminatie", "seksuele_intimidatie", "overig"],
    "accused": ["collega", "leidinggevende", "directie_bestuur", "derde", "onbekend"],
    "person_position": ["medewerker", "sollicitant", "stagiair", "vrijwilliger", "flex", "oud_medewerker"],
    "wbk_scope": ["eu_recht", "maatschappelijk", "persoonlijk"],
}
NUMBER_FACTS = ["months_since_last_incident", "employer_size"]
ROUTES = ["veiligheid_eerst", "aangifte", "klacht", "melding_ongewenst_gedrag", "melding_integriteit",
          "melding_misstand", "informeel", "informeel_veilig", "arbeidsconflict", "doorverwijzing",
          "derden_agressie", "discriminatie_extern", "steun_beschuldigde"]


@pytest.fixture(scope="module")
def raw() -> dict:
    # Tests may read files; only models/ itself must stay free of file I/O.
    return json.loads((RESOURCES / "decision_tree.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def tree(raw) -> DecisionTree:
    return DecisionTree.from_dict(raw)


def routes_of(outcome: Outcome) -> set[str]:
    return ({outcome.route} if outcome.route else set()) | set(outcome.also)


# ---- the data -------------------------------------------------------------------------------------


def test_tree_is_valid_and_versioned(tree):
    assert tree.version == "2026.3"
    assert tree.legal_checked == "2026-11-30"
    assert tree.problems() == []


def test_facts_are_the_documented_contract(tree):
    assert set(tree.fact_keys) == {"subject", *BOOL_FACTS, *CHOICE_FACTS, *NUMBER_FACTS}
    assert list(tree.questions["subject"]["answers"]) == SUBJECTS
    for fact, answers in CHOICE_FACTS.items():
        assert list(tree.questions[fact]["answers"]) == answers
    for fact in BOOL_FACTS:
        assert tree.fact_type(fact) == "bool"
    for fact in NUMBER_FACTS:
        assert tree.fact_type(fact) == "number"


def test_the_routes_and_warnings_of_the_issue_exist(tree):
    assert set(tree.routes) == set(ROUTES)
    for code in ("omstander_geen_klacht", "anoniem_geen_klacht", "termijn_klacht_verstreken",
                 "geen_maatschappelijk_belang", "beklaagde_wordt_geinformeerd", "geen_interne_procedure_verplicht"):
        assert code in tree.warnings


def test_every_path_ends_in_a_route(tree):
    paths = list(tree.all_paths())
    assert len(paths) > 50
    for path in paths:
        assert tree.nodes[path.nodes[-1]].kind == "route"
        assert path.outcome.route in tree.routes


def test_no_node_or_question_is_unreachable(tree):
    reached_nodes = set()
    asked = set()
    for path in tree.all_paths():
        reached_nodes.update(path.nodes)
        asked.update(path.asked)
    assert reached_nodes == set(tree.nodes)
    assert asked == set(tree.questions)


def test_every_route_is_reached_as_primary_route(tree):
    primaries = {path.outcome.route for path in tree.all_paths()}
    # informeel_veilig stands in for informeel after violence; every route is somebody's first advice
    assert primaries == set(ROUTES)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_text_exists_in_both_languages(tree, lang):
    for code, route in tree.routes.items():
        assert route["label"][lang].strip(), code
        assert len(route["explanation"][lang]) > 80, code
        assert all(r[lang].strip() for r in route["requirements"]), code
    for code in tree.warnings:
        assert tree.warnings[code][lang].strip()
    for fact in tree.questions:
        view = tree.question(fact, lang)
        assert view.text and view.help and view.short
    # the two languages really differ (no copy of one into the other)
    assert tree.routes["klacht"]["explanation"]["nl"] != tree.routes["klacht"]["explanation"]["en"]


def test_legal_references_where_they_apply(tree):
    assert "wbk" in tree.routes["melding_misstand"]["legal"]
    assert "klachtenregeling" in tree.routes["klacht"]["legal"]
    assert "arbowet" in tree.routes["melding_ongewenst_gedrag"]["legal"]


# ---- validation catches broken data -----------------------------------------------------------------


def broken(raw, change) -> list[str]:
    data = copy.deepcopy(raw)
    change(data)
    with pytest.raises(TreeError) as info:
        DecisionTree.from_dict(data)
    return info.value.problems


def test_a_missing_english_explanation_is_reported(raw):
    problems = broken(raw, lambda d: d["routes"]["klacht"]["explanation"].pop("en"))
    assert any("route klacht" in p and "explanation" in p for p in problems)


def test_an_unreachable_node_is_reported(raw):
    problems = broken(raw, lambda d: d["nodes"].update({"los": {"route": "informeel"}}))
    assert any("node los is unreachable" in p for p in problems)


def test_a_branch_to_nowhere_is_reported(raw):
    problems = broken(raw, lambda d: d["nodes"]["og_wie"]["branches"][0].update({"next": "nergens"}))
    assert any("unknown node 'nergens'" in p for p in problems)


def test_a_cycle_is_reported(raw):
    problems = broken(raw, lambda d: d["nodes"]["og_anoniem"]["branches"][1].update({"next": "og_wie"}))
    assert any("cycle" in p for p in problems)


def test_a_check_before_the_question_is_reported(raw):
    def change(d):
        d["nodes"]["acuut"]["branches"][1]["next"] = "anders_zorg"
    problems = broken(raw, change)
    assert any("checks needs_care before it was asked" in p for p in problems)


def test_a_missing_answer_branch_is_reported(raw):
    problems = broken(raw, lambda d: d["nodes"]["onderwerp"]["branches"].pop())
    assert any("node onderwerp" in p and "exactly once" in p for p in problems)


def test_a_route_nobody_reaches_is_reported(raw):
    def change(d):
        d["routes"]["extra"] = copy.deepcopy(d["routes"]["informeel"])
    problems = broken(raw, change)
    assert "route extra is never reached" in problems


def test_number_buckets_must_end_open(raw):
    problems = broken(raw, lambda d: d["nodes"]["og_termijn"]["branches"].pop())
    assert any("og_termijn" in p and "otherwise" in p for p in problems)


# ---- realistic scenarios ------------------------------------------------------------------------------

BASE = {"acute_danger": False, "possible_crime": False, "needs_care": False, "role_in_case": "zelf"}
OG = {**BASE, "subject": "ongewenst_gedrag", "behaviour_kind": "overig", "accused": "leidinggevende",
      "person_position": "medewerker"}

SCENARIOS = {
    # a threat of violence tonight
    "veiligheid_eerst": {**OG, "acute_danger": True, "possible_crime": True, "behaviour_kind": "bedreiging",
                         "wants_anonymity": True, "wants_formal_investigation": False},
    # money missing from the till, nothing inside the organisation's regulations
    "aangifte": {**BASE, "subject": "anders", "possible_crime": True, "behaviour_kind": "overig"},
    # bullied by a manager for months, wants it investigated and will sign
    "klacht": {**OG, "wants_anonymity": False, "wants_formal_investigation": True,
               "willing_to_be_named_in_writing": True, "months_since_last_incident": 2},
    # a colleague saw sexist remarks towards an intern and wants them to stop
    "melding_ongewenst_gedrag": {**OG, "role_in_case": "omstander", "accused": "collega",
                                 "colleague_needs_care": False, "wants_formal_investigation": True},
    # private use of the company car by a team lead, reporter wants to stay out of sight
    "melding_integriteit": {**BASE, "subject": "integriteit", "wbk_scope": "persoonlijk", "wants_anonymity": True,
                            "wants_formal_investigation": True},
    # safety checks at a chemical plant are skipped on purpose
    "melding_misstand": {**BASE, "subject": "misstand", "wbk_scope": "maatschappelijk", "work_relation": True,
                         "employer_size": 300, "wants_anonymity": False, "wants_formal_investigation": True},
    # an occasional rude joke; the person only wants to talk it through
    "informeel": {**OG, "accused": "collega", "wants_anonymity": False, "wants_formal_investigation": False},
    # rape by a manager; the person only wants to talk
    "informeel_veilig": {**OG, "possible_crime": True, "behaviour_kind": "seksueel_geweld",
                         "wants_anonymity": False, "wants_formal_investigation": False},
    # disagreement over an appraisal
    "arbeidsconflict": {**BASE, "subject": "arbeidsconflict"},
    # burnout symptoms after a reorganisation
    "doorverwijzing": {**BASE, "subject": "anders", "needs_care": True},
    # a passenger punches a conductor
    "derden_agressie": {**OG, "possible_crime": True, "behaviour_kind": "lichamelijk_geweld", "accused": "derde"},
    # a job applicant is asked whether she is pregnant
    "discriminatie_extern": {**OG, "behaviour_kind": "discriminatie", "accused": "leidinggevende",
                             "person_position": "sollicitant"},
    # a team lead hears that a complaint about him is coming and wants advice
    "steun_beschuldigde": {**BASE, "subject": "ongewenst_gedrag", "role_in_case": "beschuldigde"},
}


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_route_has_a_realistic_scenario(tree, route, lang):
    res = tree.result(SCENARIOS[route], lang)
    assert res.route == route
    out = res.result
    assert out["complete"] is True and out["needs"] == []
    assert out["route_label"] == tree.routes[route]["label"][lang]
    assert out["explanation"] == tree.routes[route]["explanation"][lang]
    assert out["reasons"], "a result always says why"
    assert out["lang"] == lang and out["tree_version"] == "2026.3" and out["legal_checked"] == "2026-11-30"


def test_klacht_terms_and_warning(tree):
    out = tree.result(SCENARIOS["klacht"], "nl").result
    assert out["terms_days"] == {"ontvankelijkheid": 14, "advies_klachtencommissie": 70}
    assert [t["code"] for t in out["terms"]][0] == "indientermijn_klacht"
    assert "beklaagde_wordt_geinformeerd" in out["warnings"]
    assert any("Wbk" in r or "klachtenregeling" in r.lower() for r in out["legal_references"])


def test_misstand_terms_and_small_employer(tree):
    out = tree.result(SCENARIOS["melding_misstand"], "en").result
    assert out["terms_days"] == {"ontvangstbevestiging": 7}
    feedback = next(t for t in out["terms"] if t["code"] == "terugkoppeling")
    assert feedback["months"] == 3 and feedback["after"] == "ontvangstbevestiging"
    assert feedback["display"] == "3 months"
    assert "geen_interne_procedure_verplicht" not in out["warnings"]
    small = tree.result({**SCENARIOS["melding_misstand"], "employer_size": 49}, "en").result
    assert small["route"] == "melding_misstand"
    assert "geen_interne_procedure_verplicht" in small["warnings"]
    fifty = tree.result({**SCENARIOS["melding_misstand"], "employer_size": 50}, "en").result
    assert "geen_interne_procedure_verplicht" not in fifty["warnings"]


def test_twelve_months_is_still_in_time_and_thirteen_is_not(tree):
    in_time = tree.result({**SCENARIOS["klacht"], "months_since_last_incident": 12}, "nl")
    assert in_time.route == "klacht"
    late = tree.result({**SCENARIOS["klacht"], "months_since_last_incident": 12.5}, "nl")
    assert late.route == "melding_ongewenst_gedrag"
    assert "termijn_klacht_verstreken" in late.outcome.warnings
    # a possible crime no longer skips the term: five years on, no klacht, but the exception is named
    crime = tree.result({**SCENARIOS["klacht"], "months_since_last_incident": 60, "possible_crime": True}, "nl")
    assert crime.route == "melding_ongewenst_gedrag" and "aangifte" in crime.outcome.also
    assert {"termijn_klacht_verstreken", "termijn_uitzondering"} <= set(crime.outcome.warnings)
    near = tree.result({**SCENARIOS["klacht"], "months_since_last_incident": 11}, "nl")
    assert near.route == "klacht" and "termijn_bijna_verstreken" in near.outcome.warnings
    ten = tree.result({**SCENARIOS["klacht"], "months_since_last_incident": 10}, "nl")
    assert "termijn_bijna_verstreken" not in ten.outcome.warnings


def test_reasons_name_the_facts_that_led_there(tree):
    out = tree.result(SCENARIOS["melding_ongewenst_gedrag"], "en").result
    facts = [d["fact"] for d in out["reasons_detail"]]
    assert "role_in_case" in facts
    assert "omstander_geen_klacht" in out["warnings"]
    assert out["warning_texts"]["omstander_geen_klacht"].startswith("A bystander")


# ---- the rules, over all combinations -----------------------------------------------------------------


VIOLENT = {"seksueel_geweld", "bedreiging", "stalking", "lichamelijk_geweld", "huiselijk_geweld"}


def test_rules_hold_on_every_path(tree):
    count = 0
    for path in tree.all_paths():
        facts, o = path.assumed, path.outcome
        count += 1
        routes = routes_of(o)
        assert o.complete and o.route is not None, facts
        assert (o.route == "veiligheid_eerst") == facts["acute_danger"], facts
        if facts.get("possible_crime"):
            assert "aangifte" in routes, facts
        if "klacht" in routes:
            assert facts["subject"] == "ongewenst_gedrag" and facts["role_in_case"] == "zelf"
            assert facts["accused"] in ("collega", "leidinggevende", "directie_bestuur"), facts
            assert facts["person_position"] != "sollicitant"
            assert not facts["wants_anonymity"] and facts["willing_to_be_named_in_writing"]
            assert facts["months_since_last_incident"] <= 12, facts  # also when a crime is possible
            assert "beklaagde_wordt_geinformeerd" in o.warnings
        if "beklaagde_wordt_geinformeerd" in o.warnings:
            assert facts["accused"] != "derde"
        if facts.get("accused") == "derde":
            assert o.route in ("derden_agressie", "veiligheid_eerst") and "klacht" not in routes
        if facts.get("role_in_case") == "beschuldigde":
            assert "steun_beschuldigde" in routes and "rolconflict" in o.warnings
            assert not routes & {"klacht", "melding_ongewenst_gedrag", "aangifte"}
        if facts.get("role_in_case") == "omstander" and facts["subject"] == "ongewenst_gedrag":
            assert "omstander_geen_klacht" in o.warnings
        if facts.get("behaviour_kind") == "discriminatie":
            assert "discriminatie_extern" in routes
        if facts.get("behaviour_kind") == "seksueel_geweld":
            assert "r_seksueel_geweld" in dict(o.reasons)
        if "melding_misstand" in routes:
            assert facts["wbk_scope"] in ("eu_recht", "maatschappelijk") and facts["work_relation"], facts
        if facts.get("wbk_scope") == "persoonlijk" and facts["subject"] == "misstand":
            assert "geen_maatschappelijk_belang" in o.warnings
            assert routes & {"arbeidsconflict", "informeel_veilig"}
        if facts.get("needs_care"):
            assert "doorverwijzing" in routes
        assert o.route not in o.also
    assert count > 5000


def test_no_confrontation_or_mediation_after_violence(tree):
    """The safety rule: never a conversation with the other person or mediation when a crime, sexual
    violence, threats or stalking are possible, and the reason is given (issue 13, point 1)."""
    for path in tree.all_paths():
        facts, o = path.assumed, path.outcome
        risky = facts.get("possible_crime") or facts.get("behaviour_kind") in VIOLENT
        if not risky:
            continue
        assert not routes_of(o) & {"informeel", "arbeidsconflict"}, facts
        assert "geen_confrontatie" in o.warnings, facts


def test_labour_dispute_is_never_a_klacht_or_melding(tree):
    for path in tree.all_paths():
        facts = path.assumed
        if facts["subject"] != "arbeidsconflict" or facts.get("role_in_case") == "beschuldigde":
            continue
        routes = routes_of(path.outcome)
        assert routes & {"arbeidsconflict", "informeel_veilig"}
        assert not routes & {"klacht", "melding_ongewenst_gedrag", "melding_misstand"}


# ---- missing facts: needs, never a guess ---------------------------------------------------------------

full_facts = st.fixed_dictionaries({
    "subject": st.sampled_from(SUBJECTS),
    **{f: st.booleans() for f in BOOL_FACTS},
    **{f: st.sampled_from(answers) for f, answers in CHOICE_FACTS.items()},
    "months_since_last_incident": st.integers(0, 40),
    "employer_size": st.integers(0, 500),
})


@settings(max_examples=150, deadline=None)
@given(full=full_facts, drop=st.sets(st.sampled_from(BOOL_FACTS + list(CHOICE_FACTS) + NUMBER_FACTS)))
def test_missing_facts_give_needs_not_a_guess(tree, full, drop):
    partial = {k: v for k, v in full.items() if k not in drop}
    complete = tree.evaluate(full)
    o = tree.evaluate(partial)
    assert set(o.needs) <= drop
    if o.route is not None:
        assert o.route == complete.route  # a route given with missing facts holds whatever they are
    else:
        assert o.needs and complete.route in o.possible_routes
    assert set(o.warnings) <= set(complete.warnings)
    assert routes_of(o) <= routes_of(complete)
    if not o.needs:
        assert o == complete  # the dropped facts were not on the path: same advice
    # dropping a fact that lies on the path always shows up in needs
    on_path = tree.path_facts(full)
    for fact in drop & set(on_path):
        assert fact in o.needs


def test_only_a_subject_gives_needs_and_no_route(tree):
    out = tree.result({"subject": "ongewenst_gedrag"}, "nl").result
    assert out["route"] is None
    assert out["needs"][0] == "acute_danger"
    assert "role_in_case" in out["needs"]
    assert out["complete"] is False
    assert out["route_label"] == tree.texts["route_undetermined"]["nl"]
    assert any("Acuut gevaar" in r for r in out["reasons"])


def test_acute_danger_decides_the_route_even_with_facts_missing(tree):
    o = tree.evaluate({"subject": "misstand", "acute_danger": True})
    assert o.route == "veiligheid_eerst"
    assert o.needs  # the rest of the advice still depends on them


def test_possible_crime_with_missing_facts_still_mentions_aangifte(tree):
    for subject in SUBJECTS:
        o = tree.evaluate({"subject": subject, "possible_crime": True, "role_in_case": "zelf"})
        assert "aangifte" in routes_of(o), subject


# ---- the facts contract ---------------------------------------------------------------------------------


@pytest.mark.parametrize("facts, key", [
    ({"subject": "anders", "colour": "red"}, "colour"),
    ({"subject": "anders", "acute_danger": "yes"}, "acute_danger"),
    ({"subject": "anders", "acute_danger": 1}, "acute_danger"),
    ({"subject": "anders", "employer_size": True}, "employer_size"),
    ({"subject": "anders", "employer_size": "50"}, "employer_size"),
    ({"subject": "anders", "months_since_last_incident": -1}, "months_since_last_incident"),
    ({"subject": "anders", "months_since_last_incident": math.nan}, "months_since_last_incident"),
    ({"subject": "pesten"}, "subject"),
    ({"acute_danger": False}, "subject"),
])
def test_bad_facts_name_the_key(tree, facts, key):
    with pytest.raises(FactError) as info:
        tree.check_facts(facts)
    assert info.value.key == key
    assert key in info.value.message


def test_null_means_unknown(tree):
    assert tree.check_facts({"subject": "anders", "needs_care": None}) == {"subject": "anders"}


# ---- the wizard's order --------------------------------------------------------------------------------


def run_wizard(tree, full: dict) -> tuple[list[str], dict]:
    answers: dict = {}
    order = []
    while (fact := tree.next_question(answers)) is not None:
        order.append(fact)
        answers[fact] = full[fact]
    return order, answers


def test_wizard_starts_with_safety_then_subject(tree):
    assert tree.next_question({}) == "acute_danger"
    assert tree.next_question({"acute_danger": False}) == "subject"


@settings(max_examples=100, deadline=None)
@given(full=full_facts)
def test_wizard_asks_each_fact_once_and_reaches_the_same_advice(tree, full):
    order, answers = run_wizard(tree, full)
    assert len(order) == len(set(order))
    assert tree.evaluate(answers) == tree.evaluate(full)
    assert tree.evaluate(answers).complete
    assert tree.path_facts(answers) == order


def test_wizard_skips_questions_that_cannot_matter(tree):
    order, _ = run_wizard(tree, {**SCENARIOS["arbeidsconflict"], "employer_size": 10})
    assert order == ["acute_danger", "subject", "role_in_case", "possible_crime", "needs_care"]
    order, _ = run_wizard(tree, {**SCENARIOS["klacht"], "possible_crime": True})
    assert "months_since_last_incident" in order  # the term is asked also for a possible crime
    order, _ = run_wizard(tree, {**SCENARIOS["melding_ongewenst_gedrag"], "wants_anonymity": True})
    assert "willing_to_be_named_in_writing" not in order and "wants_anonymity" not in order
    order, _ = run_wizard(tree, SCENARIOS["steun_beschuldigde"])
    assert order == ["acute_danger", "subject", "role_in_case", "needs_care"]


def test_prune_drops_answers_off_the_new_path(tree):
    answers = {**SCENARIOS["klacht"]}
    answers["subject"] = "arbeidsconflict"
    assert tree.prune(answers) == {"acute_danger": False, "subject": "arbeidsconflict", "role_in_case": "zelf",
                                   "possible_crime": False, "needs_care": False}


def test_question_views(tree):
    view = tree.question("wants_anonymity", "en")
    assert [v for v, _ in view.choices] == [True, False]
    subject = tree.question("subject", "nl")
    assert [v for v, _ in subject.choices] == SUBJECTS
    months = tree.question("months_since_last_incident", "nl")
    assert months.type == "number" and months.unit == "maanden" and months.max > 12
    assert tree.answer_label("months_since_last_incident", 3.0, "en") == "3 months"


def test_render_in_the_other_language_from_codes(tree):
    nl = tree.result(SCENARIOS["melding_misstand"], "nl")
    en = tree.render(Outcome.from_result(nl.result), "en")
    assert en.outcome == nl.outcome
    assert en.result["route_label"] == tree.routes["melding_misstand"]["label"]["en"]
    assert en.result["reasons"] != nl.result["reasons"]


def test_saved_form_is_json_and_holds_version_facts_result(tree):
    rec = tree.result(SCENARIOS["klacht"], "nl").to_dict()
    assert set(rec) >= {"tree_version", "facts", "result"}
    assert rec["facts"] == SCENARIOS["klacht"]
    assert json.loads(json.dumps(rec)) == rec


# ---- the handout's own wording ----------------------------------------------------------------------


def test_handout_wording_must_be_complete_and_known(raw):
    def no_english_reason(d):
        del d["reasons"]["r_anoniem"]["handout"]["en"]
    assert any("reason r_anoniem: handout needs a text in nl and en" in p for p in broken(raw, no_english_reason))

    def adviser_only_not_bool(d):
        d["warnings"]["geen_ongewenst_gedrag"]["adviser_only"] = "yes"
    assert any("adviser_only must be true or false" in p for p in broken(raw, adviser_only_not_bool))

    def adviser_only_with_handout(d):
        d["warnings"]["geen_ongewenst_gedrag"]["handout"] = {"nl": "x", "en": "x"}
    assert any("adviser-only warning" in p for p in broken(raw, adviser_only_with_handout))

    def unknown_key(d):
        d["reasons"]["r_zorg"]["adviser_only"] = True
    assert any("reason r_zorg: unknown keys ['adviser_only']" in p for p in broken(raw, unknown_key))

    def empty_route_requirements(d):
        d["routes"]["klacht"]["handout"]["requirements"] = []
    assert any("route klacht: handout requirements" in p for p in broken(raw, empty_route_requirements))

    def route_handout_typo(d):
        d["routes"]["informeel"]["handout"]["explenation"] = d["routes"]["informeel"]["handout"].pop("explanation")
    assert any("route informeel: handout has unknown keys" in p for p in broken(raw, route_handout_typo))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_render_gives_the_handout_its_own_wording(tree, lang):
    out = tree.result(SCENARIOS["klacht"], lang).result
    h = out["handout"]
    assert out["reasons"] != h["reasons"] and len(out["reasons"]) == len(h["reasons"])
    assert h["reasons"][-1] == tree.reasons["r_klacht_mogelijk"]["handout"][lang]
    assert h["requirements"] == [r[lang] for r in tree.routes["klacht"]["handout"]["requirements"]]
    assert h["warnings"] == [tree.warnings[w]["handout"][lang]
                             for w in ("leidinggevende_moet_handelen", "beklaagde_wordt_geinformeerd")]
    # the copy for the accused is said once: as a warning, not again as a requirement
    assert not any("afschrift" in r or "copy" in r for r in out["requirements"] + h["requirements"])
    # a reason without its own handout wording is printed as it is
    assert tree.reasons["r_binnen_termijn"][lang] in h["reasons"]


def test_adviser_only_warnings_stay_in_the_advice_but_not_in_the_handout(tree):
    out = tree.result(SCENARIOS["arbeidsconflict"], "nl").result
    assert tree.adviser_only("geen_ongewenst_gedrag") and not tree.adviser_only("anoniem_geen_klacht")
    assert "geen_ongewenst_gedrag" in out["warnings"]
    assert out["warning_texts"]["geen_ongewenst_gedrag"].startswith("Speelt er toch ongewenst gedrag mee")
    assert out["handout"]["warnings"] == []
    assert out["handout"]["also"][0]["route"] == "informeel"
    assert out["handout"]["also"][0]["explanation"].startswith("U wordt gehoord")


def test_handout_reasons_include_what_is_still_needed(tree):
    out = tree.render(tree.evaluate({"subject": "ongewenst_gedrag"}), "nl").result
    assert out["handout"]["reasons"][-1] == out["reasons"][-1]
    assert out["handout"]["reasons"][-1].startswith("Nog niet alles is bekend")
    assert out["handout"]["explanation"] == ""
