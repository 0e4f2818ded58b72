"""Every situation of issue 13 as a scenario, in Dutch and English: route, reasons, warnings, terms and the
printed handout (read back from the PDF). Plus the two safety rules over all paths of the tree, and the
date arithmetic of the terms."""
from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from app.guidance.decide import decide, decision_record, term_dates, tree
from app.guidance.handout import render_handout_bytes
from models.decision import add_months, term_due_dates

LANGS = ["nl", "en"]
BASE = {"acute_danger": False, "possible_crime": False, "needs_care": False, "role_in_case": "zelf"}
OG = {**BASE, "subject": "ongewenst_gedrag", "behaviour_kind": "overig", "accused": "collega",
      "person_position": "medewerker", "wants_anonymity": False}
WBK = {**BASE, "subject": "misstand", "wbk_scope": "maatschappelijk", "work_relation": True, "employer_size": 120,
       "wants_anonymity": False, "wants_formal_investigation": True}


def pdf_text(result: dict, lang: str) -> str:
    data = render_handout_bytes(result, lang, today=date(2026, 11, 30))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    return " ".join(" ".join((p.extract_text() or "") for p in reader.pages).split())


def routes(out: dict) -> set[str]:
    return {out["route"], *out["also"]}


def reason_codes(out: dict) -> list[str]:
    return [d["code"] for d in out["reasons_detail"]]


# words that propose meeting or mediating with the other person, per language
# (the safe route names them only to advise against them: "Een gesprek met degene over wie het gaat of
# bemiddeling wordt hier afgeraden")
CONFRONT = {"nl": ["gesprek met degene over wie het gaat (", "bemiddeling via een ander", "U houdt de regie", "houdt de regie"],
            "en": ["conversation with the other person (", "mediation through someone", "stay in control"]}


# ---- 1. no confrontation or mediation after violence -------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["seksueel_geweld", "stalking", "bedreiging"])
def test_violence_and_the_person_only_wants_to_talk(lang, kind):
    """A rape by a manager, stalking or threats; the person only wants to talk."""
    facts = {**OG, "possible_crime": True, "behaviour_kind": kind, "accused": "leidinggevende",
             "wants_formal_investigation": False}
    out = decide(facts, lang)
    assert out["route"] == "informeel_veilig"
    assert "aangifte" in out["also"] and "informeel" not in routes(out)
    assert {"geen_confrontatie", "leidinggevende_moet_handelen", "meldplicht_160"} <= set(out["warnings"])
    text = pdf_text(out, lang)
    for phrase in CONFRONT[lang]:
        assert phrase not in text
    # the reason is given on the handout; control is not promised once a manager knows
    assert out["handout"]["warnings"][0] == tree().warnings["geen_confrontatie"]["handout"][lang]
    assert ("afgeraden" if lang == "nl" else "advised against") in text
    if kind == "seksueel_geweld":
        assert "0800-0188" in text and "Centrum Seksueel Geweld" in text
        assert "r_seksueel_geweld" in reason_codes(out)


# ---- 2. duties to report: on the adviser's screen, never on the handout -----------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_duties_to_report_are_for_the_adviser_only(lang):
    facts = {**BASE, "subject": "integriteit", "possible_crime": True, "public_body": True,
             "wbk_scope": "eu_recht", "work_relation": True, "wants_anonymity": False,
             "wants_formal_investigation": True}
    out = decide(facts, lang)
    assert out["route"] == "melding_integriteit"
    assert {"meldplicht_160", "meldplicht_162"} <= set(out["warnings"])
    assert "art. 160" in out["warning_texts"]["meldplicht_160"] and "243" in out["warning_texts"]["meldplicht_160"]
    assert "art. 162" in out["warning_texts"]["meldplicht_162"]
    text = pdf_text(out, lang)
    assert "160" not in text and "162" not in text and "Sv" not in text


# ---- 3. who is accused, who complains -----------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_a_clients_son_makes_racist_remarks(lang):
    out = decide({**OG, "behaviour_kind": "discriminatie", "accused": "derde"}, lang)
    assert out["route"] == "derden_agressie" and "discriminatie_extern" in out["also"]
    assert "klacht" not in routes(out) and "beklaagde_wordt_geinformeerd" not in out["warnings"]
    assert "klacht_niet_tegen_derde" in out["warnings"]
    text = pdf_text(out, lang)
    assert ("afschrift" if lang == "nl" else "copy") not in text
    assert "030-888 3888" in text and "discriminatie.nl" in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_passenger_punches_a_conductor(lang):
    out = decide({**OG, "possible_crime": True, "behaviour_kind": "lichamelijk_geweld", "accused": "derde"}, lang)
    assert out["route"] == "derden_agressie" and "aangifte" in out["also"]
    assert "r_derde" in reason_codes(out)
    text = pdf_text(out, lang)
    assert ("agressieprotocol" if lang == "nl" else "aggression protocol") in text
    assert ("en aangifte doen" if lang == "nl" else "report it to the police") in text
    assert "0900-8844" in text and "0900-0101" in text  # police (non-emergency), victim support


@pytest.mark.parametrize("lang", LANGS)
def test_a_job_applicant_is_asked_about_pregnancy(lang):
    out = decide({**OG, "behaviour_kind": "discriminatie", "accused": "leidinggevende",
                  "person_position": "sollicitant"}, lang)
    assert out["route"] == "discriminatie_extern" and "klacht" not in routes(out)
    assert "sollicitant_regeling" in out["warnings"] and "r_sollicitant" in reason_codes(out)
    assert "030-888 3888" in pdf_text(out, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_a_director_is_accused(lang):
    facts = {**OG, "accused": "directie_bestuur", "wants_formal_investigation": True,
             "willing_to_be_named_in_writing": True, "months_since_last_incident": 3}
    out = decide(facts, lang)
    assert out["route"] == "klacht"
    assert "beklaagde_directie" in out["warnings"]
    text = pdf_text(out, lang)
    assert ("raad van toezicht" if lang == "nl" else "supervisory board") in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("position", ["stagiair", "vrijwilliger", "flex", "oud_medewerker"])
def test_not_every_regulation_covers_every_position(lang, position):
    out = decide({**OG, "person_position": position, "wants_formal_investigation": True,
                  "willing_to_be_named_in_writing": True, "months_since_last_incident": 1}, lang)
    assert out["route"] == "klacht" and "regeling_dekking" in out["warnings"]
    assert ("uitzend_regeling" in out["warnings"]) == (position == "flex")


@pytest.mark.parametrize("lang", LANGS)
def test_the_accused_comes_to_the_adviser(lang):
    out = decide({**BASE, "subject": "ongewenst_gedrag", "role_in_case": "beschuldigde"}, lang)
    assert out["route"] == "steun_beschuldigde"
    assert "rolconflict" in out["warnings"] and tree().adviser_only("rolconflict")
    text = pdf_text(out, lang)
    assert ("andere vertrouwenspersoon" if lang == "nl" else "another confidential adviser") in text
    assert "0900-8020" in text  # Juridisch Loket
    assert out["warning_texts"]["rolconflict"] not in text


# ---- 4. the Wbk scope ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_a_breach_of_eu_law_needs_no_public_interest(lang):
    out = decide({**WBK, "wbk_scope": "eu_recht"}, lang)
    assert out["route"] == "melding_misstand"
    assert "r_eu_recht" in reason_codes(out) and "geen_maatschappelijk_belang" not in out["warnings"]
    assert "088-1331 000" in pdf_text(out, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_own_unpaid_overtime_is_a_labour_dispute(lang):
    out = decide({**WBK, "wbk_scope": "persoonlijk"}, lang)
    assert out["route"] == "arbeidsconflict" and "melding_misstand" not in routes(out)
    assert "melding_integriteit" not in routes(out)
    assert "geen_maatschappelijk_belang" in out["warnings"] and "r_persoonlijk_belang" in reason_codes(out)


# ---- 5. no promises the adviser cannot keep -----------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_whistleblower_protection_has_conditions_and_no_privilege_is_promised(lang):
    text = pdf_text(decide(WBK, lang), lang)
    if lang == "nl":
        assert "Als melder bent u beschermd" not in text and "onder voorwaarden" in text
        assert "redelijke gronden" in text and "te goeder trouw" not in text
        assert "verschoningsrecht" in text and "blijft vertrouwelijk" not in text
    else:
        assert "you are protected against retaliation" not in text and "under conditions" in text
        assert "reasonable grounds" in text and "good faith" not in text
        assert "legal privilege" in text


# ---- 6. the complaint term ------------------------------------------------------------------------------------

KLACHT = {**OG, "wants_formal_investigation": True, "willing_to_be_named_in_writing": True}


@pytest.mark.parametrize("lang", LANGS)
def test_a_five_year_old_crime_is_no_longer_a_klacht(lang):
    out = decide({**KLACHT, "possible_crime": True, "months_since_last_incident": 60}, lang)
    assert out["route"] == "melding_ongewenst_gedrag" and "aangifte" in out["also"]
    assert {"termijn_klacht_verstreken", "termijn_uitzondering"} <= set(out["warnings"])
    assert ("meestal niet" if lang == "nl" else "usually does not") not in pdf_text(out, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_eleven_months_warns_and_sets_a_filing_deadline(lang):
    out = decide({**KLACHT, "months_since_last_incident": 11}, lang)
    assert out["route"] == "klacht" and "termijn_bijna_verstreken" in out["warnings"]
    assert [t["code"] for t in out["terms"]] == ["indientermijn_klacht", "ontvankelijkheid",
                                                 "advies_klachtencommissie"]
    assert ("12 maanden" if lang == "nl" else "12 months") in pdf_text(out, lang)
    rec = decision_record({**KLACHT, "months_since_last_incident": 11}, lang)
    due = dict((code, d) for d, code in term_dates(rec, date(2026, 11, 30)))
    assert due == {"indientermijn_klacht": date(2026, 12, 30), "ontvankelijkheid": date(2026, 12, 14),
                   "advies_klachtencommissie": date(2027, 2, 8)}


@pytest.mark.parametrize("lang", LANGS)
def test_informal_and_report_handouts_say_the_complaint_term_keeps_running(lang):
    for facts in ({**OG, "wants_formal_investigation": False},
                  {**OG, "wants_anonymity": True, "wants_formal_investigation": True}):
        out = decide(facts, lang)
        assert out["route"] in ("informeel", "melding_ongewenst_gedrag")
        assert "klachttermijn_loopt" in out["warnings"]
        text = pdf_text(out, lang)
        assert ("een jaar" if lang == "nl" else "a year") in text
        flat = "Voor deze route gelden geen vaste termijnen." if lang == "nl" else "No fixed terms apply to this route."
        assert flat not in text


# ---- 7. help lines --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_acute_danger_gives_112_113_and_the_gp_post(lang):
    out = decide({**OG, "acute_danger": True, "wants_formal_investigation": False}, lang)
    assert out["route"] == "veiligheid_eerst"
    text = pdf_text(out, lang)
    assert "112" in text and "0800-0113" in text and ("Huisartsenpost" if lang == "nl" else "out-of-hours") in text
    assert [h["code"] for h in out["helplines"]][:3] == ["alarm_112", "zelfmoordpreventie_113", "huisartsenpost"]


@pytest.mark.parametrize("lang", LANGS)
def test_violence_at_home_gives_veilig_thuis(lang):
    out = decide({**BASE, "subject": "anders", "possible_crime": True, "behaviour_kind": "huiselijk_geweld"}, lang)
    assert out["route"] == "aangifte" and "geen_confrontatie" in out["warnings"]
    text = pdf_text(out, lang)
    assert "0800-2000" in text
    assert "161" in text and "160" not in text  # anyone may report a crime: the article the person reads


@pytest.mark.parametrize("lang", LANGS)
def test_a_bystander_is_told_the_care_is_for_the_colleague(lang):
    out = decide({**OG, "role_in_case": "omstander", "colleague_needs_care": True,
                  "wants_formal_investigation": True}, lang)
    assert out["route"] == "melding_ongewenst_gedrag" and "r_zorg_collega" in reason_codes(out)
    text = pdf_text(out, lang)
    assert ("uw collega" if lang == "nl" else "your colleague") in text
    assert ("U hebt behoefte aan zorg" if lang == "nl" else "You need care") not in text


def test_every_help_line_is_used_and_dated():
    t = tree()
    assert t.helplines_checked == "2026-11-30"
    used = set()
    for table in (t.routes, t.reasons, t.warnings):
        for entry in table.values():
            used.update(entry.get("helplines", []))
    assert used <= set(t.helplines)
    assert set(t.helplines) - used == {"arbeidsinspectie"}  # named in the checklists' referral list


# ---- 8. smaller errors --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_small_employer_gets_the_nuance_of_the_wbk_terms(lang):
    out = decide({**WBK, "employer_size": 20}, lang)
    assert "geen_interne_procedure_verplicht" in out["warnings"]
    text = pdf_text(out, lang)
    assert ("niet vanzelf" if lang == "nl" else "do not apply automatically") in text


@pytest.mark.parametrize("lang", LANGS)
def test_handout_wording_does_not_steer_and_shows_version_and_check_date(lang):
    text = pdf_text(decide(KLACHT | {"months_since_last_incident": 2}, lang), lang)
    assert ("het beste lijkt te passen" if lang == "nl" else "seems to fit best") not in text
    assert ("Een route om te bespreken" if lang == "nl" else "A route to discuss") in text
    assert "2026.3" in text and ("30 november 2026" if lang == "nl" else "30 November 2026") in text


# ---- the two safety rules over every path of the tree --------------------------------------------------------

VIOLENT = {"seksueel_geweld", "bedreiging", "stalking", "lichamelijk_geweld", "huiselijk_geweld"}


@pytest.mark.parametrize("lang", LANGS)
def test_no_handout_proposes_confrontation_when_violence_is_possible(lang):
    t = tree()
    checked = 0
    for path in t.all_paths():
        facts = path.assumed
        if not (facts.get("possible_crime") or facts.get("behaviour_kind") in VIOLENT):
            continue
        h = t.render(path.outcome, lang).result["handout"]
        proposals = [h["explanation"], *h["requirements"], *(a["explanation"] for a in h["also"])]
        for text in proposals:
            for phrase in CONFRONT[lang]:
                assert phrase not in text, (facts, text)
        assert t.warnings["geen_confrontatie"]["handout"][lang] in h["warnings"]  # and it says why
        checked += 1
    assert checked > 1000


@pytest.mark.parametrize("lang", LANGS)
def test_adviser_only_warnings_never_reach_the_handout(lang):
    t = tree()
    adviser_only = [w for w in t.warnings if t.adviser_only(w)]
    assert {"meldplicht_160", "meldplicht_162", "rolconflict", "geen_ongewenst_gedrag"} <= set(adviser_only)
    seen: set[str] = set()
    for path in t.all_paths():
        out = t.render(path.outcome, lang).result
        h = out["handout"]
        printed = " ".join([h["explanation"], *h["requirements"], *h["reasons"], *h["warnings"], *h["helplines"],
                            *(a["explanation"] for a in h["also"]), *out["legal_references"]])
        for w in path.outcome.warnings:
            if t.adviser_only(w):
                seen.add(w)
                assert t.warnings[w][lang] not in printed
        assert "art. 160" not in printed and "art. 162" not in printed and "artikelen 160" not in printed
    assert seen == set(adviser_only)


# ---- date arithmetic of the terms ------------------------------------------------------------------------------

@pytest.mark.parametrize("start, months, due", [
    (date(2026, 12, 1), 3, date(2027, 3, 1)),    # the example: not 2 March
    (date(2026, 11, 30), 3, date(2027, 2, 28)),  # no 30 February: the month's last day
    (date(2027, 11, 30), 3, date(2028, 2, 29)),  # leap year
    (date(2027, 11, 29), 3, date(2028, 2, 29)),
    (date(2028, 2, 29), 12, date(2029, 2, 28)),
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2026, 8, 31), 3, date(2026, 11, 30)),
    (date(2026, 10, 15), 3, date(2027, 1, 15)),  # over the year end
    (date(2026, 3, 31), -1, date(2026, 2, 28)),  # counting back
])
def test_add_months(start, months, due):
    assert add_months(start, months) == due


def test_wbk_feedback_counts_from_the_acknowledgement():
    terms = {t["code"]: t for t in decide(WBK)["terms"]}
    # reported 24 November: acknowledgement by 1 December, feedback by 1 March
    assert term_due_dates(terms, list(terms), date(2026, 11, 24)) == {
        "ontvangstbevestiging": date(2026, 12, 1), "terugkoppeling": date(2027, 3, 1)}
    # reported 22 November 2027: acknowledgement 29 November, feedback 29 February 2028 (leap year)
    assert term_due_dates(terms, list(terms), date(2027, 11, 22))["terugkoppeling"] == date(2028, 2, 29)
    # a record saved by the wizard gives the same reminders
    rec = decision_record(WBK, "nl")
    assert term_dates(rec, date(2026, 11, 24)) == [(date(2026, 12, 1), "ontvangstbevestiging"),
                                                   (date(2027, 3, 1), "terugkoppeling")]


def test_filing_deadline_from_fractional_months_and_old_records():
    rec = decision_record({**KLACHT, "months_since_last_incident": 11.5}, "nl")
    assert term_dates(rec, date(2026, 11, 30))[0] == (date(2026, 12, 15), "indientermijn_klacht")
    unknown = {**rec, "facts": {}}  # without the months the deadline cannot be estimated: left out
    assert [code for _d, code in term_dates(unknown, date(2026, 11, 30))] == ["ontvankelijkheid",
                                                                               "advies_klachtencommissie"]
    old = {"result": {"route": "melding_misstand", "terms_days": {"ontvangstbevestiging": 7, "terugkoppeling": 91}}}
    assert term_dates(old, date(2026, 12, 1)) == [(date(2026, 12, 8), "ontvangstbevestiging"),
                                                  (date(2027, 3, 2), "terugkoppeling")]
