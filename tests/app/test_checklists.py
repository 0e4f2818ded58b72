"""Shipped checklist templates, import and export."""
from __future__ import annotations

import dataclasses
import stat
from datetime import date

import pytest

from app.errors import UserError, ValidationError
from app.guidance.checklists import (
    CHECKLIST_DIR,
    all_templates,
    check_answers,
    export_template,
    get_template,
    import_template,
    load_template_text,
    shipped_templates,
    template_for_kind,
    user_templates,
    write_atomic,
)
from app.resources import vocabularies
from models.checklist import (
    FILLABLE_FIELDS,
    LANGUAGES,
    TemplateError,
    case_fields,
    missing_required,
    next_contact_date,
    validate_answers,
    visible_items,
)

SHIPPED = {t.id: t for t in shipped_templates()}


def intake_text() -> str:
    return (CHECKLIST_DIR / "intake.toml").read_text(encoding="utf-8")


def bump_version(text: str, version: int) -> str:
    assert "\nversion = 1\n" in text
    return text.replace("\nversion = 1\n", f"\nversion = {version}\n", 1)


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if fragment in line)


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# ------------------------------------------------------------------------------- shipped data

def test_the_four_templates_are_shipped():
    assert set(SHIPPED) == {"intake", "vervolg", "afsluiting", "melding_klacht"}


def _texts(template):
    yield "title", template.title
    if template.description:
        yield "description", template.description
    for item in template.items:
        yield f"{item.id}.text", item.text
        yield f"{item.id}.hint", item.hint
        for name in ("guidance", "section"):
            value = getattr(item, name)
            if value:
                yield f"{item.id}.{name}", value
        for opt in item.options:
            yield f"{item.id}.{opt.code}", opt.label


@pytest.mark.parametrize("template_id", sorted(SHIPPED))
def test_every_text_exists_in_both_languages(template_id):
    template = SHIPPED[template_id]
    for where, texts in _texts(template):
        assert set(texts) == set(LANGUAGES), where
        for lang in LANGUAGES:
            assert texts[lang].strip(), f"{template_id} {where} {lang}"
        if len(texts["en"]) > 25:  # a long text left untranslated is a mistake
            assert texts["nl"] != texts["en"], f"{template_id} {where}"


@pytest.mark.parametrize("template_id", sorted(SHIPPED))
def test_shipped_templates_are_sound(template_id):
    template = SHIPPED[template_id]
    kinds = vocabularies()["contact_kind"]
    assert all(k in kinds for k in template.contact_kinds)
    # every template ends with a reminder date that feeds the dashboard
    reminders = [it for it in template.items if it.reminder is True]
    assert [it.id for it in reminders] == ["next_contact"]
    assert next_contact_date(template, {"next_contact": "2026-06-01"}).isoformat() == "2026-06-01"
    # fills only single-valued vocab-backed items
    for item in template.items:
        if item.fills:
            assert item.fills in FILLABLE_FIELDS and item.kind in ("choice", "vocab")
        if item.kind == "short":
            assert item.may_identify is False and item.max_length <= 40
    # the first item is always shown and something is required
    assert visible_items(template, {})[0] is template.items[0]
    assert missing_required(template, {})


def test_each_contact_kind_gets_its_checklist():
    assert template_for_kind("intake").id == "intake"
    assert template_for_kind("vervolg").id == "vervolg"
    assert template_for_kind("nazorg").id == "afsluiting"
    with pytest.raises(UserError, match="No checklist"):
        template_for_kind("koffie")


def test_intake_covers_the_required_topics():
    intake = SHIPPED["intake"]
    required = {"role_explained", "boundaries_explained", "confidentiality_explained",
                "confidentiality_limits_explained", "consent_record", "acute_danger", "escalation",
                "behaviour", "accused_relation", "since_when", "wish", "options_discussed",
                "agreements", "next_contact", "reachability"}
    assert required <= set(intake.item_ids)
    by_id = {it.id: it for it in intake.items}
    assert by_id["behaviour"].kind == "vocab" and by_id["behaviour"].fills == "behaviour"
    assert by_id["accused_relation"].kind == "vocab" and by_id["accused_relation"].fills == "accused_relation"
    assert [o.code for o in by_id["since_when"].options] == [
        "korter_dan_1_maand", "1_tot_6_maanden", "6_tot_12_maanden", "langer_dan_12_maanden"]
    assert by_id["wish"].kind == "choice"
    assert by_id["options_discussed"].kind == "multi"
    assert by_id["next_contact"].kind == "date" and by_id["next_contact"].reminder
    limits = by_id["confidentiality_limits_explained"].hint_in("nl")
    assert "160 Sv" in limits and "conflict van plichten" in limits
    for item_id in ("role_explained", "confidentiality_explained", "consent_record", "acute_danger",
                    "behaviour", "reachability"):
        assert by_id[item_id].required, item_id


def test_acute_danger_brings_up_the_escalation_guidance():
    intake = SHIPPED["intake"]
    shown = [it.id for it in visible_items(intake, {"acute_danger": "nee"})]
    assert "escalation" not in shown
    shown = [it.id for it in visible_items(intake, {"acute_danger": "ja"})]
    assert "escalation" in shown
    escalation = intake.item("escalation")
    assert escalation.required
    assert "conflict van plichten" in escalation.guidance_in("nl")
    assert "112" in escalation.guidance_in("nl")
    assert "conflict of duties" in escalation.guidance_in("en")
    # refusing consent opens the conflict-of-duties check
    shown = [it.id for it in visible_items(intake, {"acute_danger": "ja", "escalation_consent": "geweigerd"})]
    assert "conflict_of_duties" in shown


def test_intake_answers_fill_the_case():
    intake = SHIPPED["intake"]
    answers = {"behaviour": "pesten", "accused_relation": "leidinggevende", "case_role": "omstander",
               "position": "stagiair"}
    assert case_fields(intake, answers) == {"behaviour": "pesten", "accused_relation": "leidinggevende",
                                            "reporter_role": "omstander", "position": "stagiair"}


def test_closing_checklist_fills_the_outcome():
    closing = SHIPPED["afsluiting"]
    item = next(it for it in closing.items if it.id == "situation_now")
    assert (item.kind, item.vocabulary, item.fills) == ("vocab", "outcome", "outcome")
    assert case_fields(closing, {"situation_now": "beter"})["outcome"] == "beter"
    # answers given before schema 5 (the same codes, then a choice item) stay valid answers
    assert not validate_answers(closing, {"situation_now": "slechter"})


def test_check_answers_raises_a_validation_error():
    intake = SHIPPED["intake"]
    check_answers(intake, {"template": "intake", "version": 1, "answers": {"acute_danger": "ja"}})
    with pytest.raises(ValidationError) as info:
        check_answers(intake, {"acute_danger": "misschien"})
    assert info.value.field == "acute_danger"
    assert "Correct the answer" in info.value.message


# ------------------------------------------------------------------------------- parsing text

def test_toml_syntax_error_reports_its_line():
    text = intake_text().replace('id = "boundaries_explained"', 'id = "boundaries_explained', 1)
    with pytest.raises(TemplateError) as info:
        load_template_text(text)
    assert info.value.line == line_of(text, 'id = "boundaries_explained')
    assert "not valid TOML" in info.value.message


def test_schema_error_in_a_shipped_file_reports_its_line():
    text = intake_text().replace('kind = "vocab"\nvocabulary = "behaviour"',
                                 'kind = "vocab"\nvocabulary = "gedragingen"', 1)
    with pytest.raises(TemplateError) as info:
        load_template_text(text)
    assert info.value.line == line_of(text, 'vocabulary = "gedragingen"')


# ------------------------------------------------------------------------------- import/export

def test_export_then_import_round_trip(tmp_path):
    out = tmp_path / "intake.toml"
    assert export_template("intake", out) == out
    assert out.read_text(encoding="utf-8") == intake_text()
    assert mode(out) == 0o600

    newer = tmp_path / "intake-newer.toml"
    newer.write_text(bump_version(out.read_text(encoding="utf-8"), 2), encoding="utf-8")
    store = tmp_path / "store"
    imported = import_template(newer, store)
    assert (imported.id, imported.version) == ("intake", 2)
    stored = store / "intake-v2.toml"
    assert stored.read_text(encoding="utf-8") == newer.read_text(encoding="utf-8")
    assert mode(stored) == 0o600
    assert [p.name for p in store.iterdir()] == ["intake-v2.toml"]  # no temporary files left

    # the imported higher version takes precedence; the shipped one stays available by version
    assert get_template("intake", store_dir=store).version == 2
    assert get_template("intake", 1, store_dir=store).version == 1
    assert template_for_kind("intake", store).version == 2
    assert {t.id: t.version for t in all_templates(store)}["intake"] == 2
    assert imported == dataclasses.replace(SHIPPED["intake"], version=2)

    # exporting the imported one gives back the imported text
    again = tmp_path / "again.toml"
    export_template("intake", again, store_dir=store)
    assert again.read_text(encoding="utf-8") == newer.read_text(encoding="utf-8")

    # importing the same file twice is harmless
    assert import_template(newer, store).version == 2
    assert sorted(p.name for p in store.iterdir()) == ["intake-v2.toml"]


def test_import_cannot_replace_a_shipped_template_with_an_equal_version(tmp_path):
    out = export_template("vervolg", tmp_path / "vervolg.toml")
    store = tmp_path / "store"
    with pytest.raises(UserError) as info:
        import_template(out, store)
    message = info.value.message
    assert "vervolg.toml" in message and "built-in version 1" in message and "version = 2" in message
    assert not store.exists()


def test_invalid_template_is_refused_with_file_and_line_and_nothing_written(tmp_path):
    text = bump_version(intake_text(), 3).replace(
        'id = "since_when"\nkind = "choice"', 'id = "since_when"\nkind = "dropdown"', 1)
    bad = tmp_path / "mine.toml"
    bad.write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    store.mkdir()
    with pytest.raises(UserError) as info:
        import_template(bad, store)
    line = line_of(text, 'kind = "dropdown"')
    assert info.value.message.startswith(f"mine.toml, line {line}: item 'since_when': kind must be one of")
    assert "Correct the file" in info.value.message
    assert list(store.iterdir()) == []


def test_toml_syntax_error_on_import_names_the_line(tmp_path):
    text = bump_version(intake_text(), 2)
    text = text.replace('text.nl = "Geheimhouding uitgelegd"', 'text.nl = Geheimhouding uitgelegd', 1)
    bad = tmp_path / "broken.toml"
    bad.write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    with pytest.raises(UserError) as info:
        import_template(bad, store)
    assert f"broken.toml, line {line_of(text, 'text.nl = Geheimhouding')}:" in info.value.message
    assert not store.exists()


def test_import_refuses_missing_and_non_utf8_files(tmp_path):
    store = tmp_path / "store"
    with pytest.raises(UserError, match="file not found"):
        import_template(tmp_path / "nope.toml", store)
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'id = "x"\nversion = 1\n# caf\xe9\n')
    with pytest.raises(UserError, match=r"latin.toml, line 3: the file is not UTF-8"):
        import_template(latin, store)
    assert not store.exists()


def test_a_different_file_with_the_same_version_is_refused(tmp_path):
    store = tmp_path / "store"
    first = tmp_path / "a.toml"
    first.write_text(bump_version(intake_text(), 4), encoding="utf-8")
    import_template(first, store)
    second = tmp_path / "b.toml"
    second.write_text(bump_version(intake_text(), 4).replace("Intakegesprek", "Intake (eigen)"), encoding="utf-8")
    with pytest.raises(UserError, match="already imported with different content"):
        import_template(second, store)
    assert "Intakegesprek" in (store / "intake-v4.toml").read_text(encoding="utf-8")


def test_new_template_id_offered_for_a_kind_wins_over_the_shipped_one(tmp_path):
    text = intake_text().replace('id = "intake"', 'id = "intake_eigen"', 1)
    own = tmp_path / "own.toml"
    own.write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    assert import_template(own, store).id == "intake_eigen"
    assert template_for_kind("intake", store).id == "intake_eigen"
    assert template_for_kind("intake").id == "intake"


def test_user_templates_skip_a_damaged_file_and_say_why(tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    (store / "kapot-v1.toml").write_text("id = \n", encoding="utf-8")
    problems: list[str] = []
    assert user_templates(store, problems) == []
    assert problems and problems[0].startswith("kapot-v1.toml: line 1")
    assert user_templates(tmp_path / "missing") == []


def test_unknown_template_id_is_a_user_error():
    with pytest.raises(UserError, match="no checklist 'onbekend'"):
        get_template("onbekend")


def test_write_atomic_reports_a_missing_folder(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "x.toml", b"x")
    folder = tmp_path / "out"
    folder.mkdir()
    write_atomic(folder / "x.toml", b"one")
    write_atomic(folder / "x.toml", b"two")
    assert (folder / "x.toml").read_bytes() == b"two"
    assert mode(folder / "x.toml") == 0o600
    assert [p.name for p in folder.iterdir()] == ["x.toml"]


def test_the_filing_deadline_of_a_complaint_is_a_reminder():
    from models.checklist import reminder_dates
    template = SHIPPED["melding_klacht"]
    answers = {"route": "klacht", "complaint_filing_deadline": "2027-02-28", "next_contact": "2026-12-10"}
    assert reminder_dates(template, answers) == [
        (date(2027, 2, 28), "indientermijn_klacht"), (date(2026, 12, 10), "volgend_contact")]
    # hidden when another route is chosen
    assert reminder_dates(template, {**answers, "route": "melding"}) == [(date(2026, 12, 10), "volgend_contact")]
    assert next_contact_date(template, answers) == date(2026, 12, 10)


def test_two_reminders_of_one_kind_are_refused():
    text = (CHECKLIST_DIR / "melding_klacht.toml").read_text(encoding="utf-8")
    broken = text.replace('reminder = "indientermijn_klacht"', "reminder = true")
    with pytest.raises(TemplateError, match="only one date item can be the 'volgend_contact' reminder"):
        load_template_text(broken)


def test_whom_the_complaint_is_about_fills_the_case_relation():
    template = SHIPPED["melding_klacht"]
    answers = {"route": "klacht", "complaint_own_experience": "ja", "complaint_against": "directie_bestuur"}
    assert case_fields(template, answers) == {"accused_relation": "directie_bestuur"}
    assert "complaint_director_route" in [it.id for it in visible_items(template, answers)]
