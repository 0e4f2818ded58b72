"""The decision aid as a service: load the tree, check facts, evaluate, and read facts from a file.

`decide(facts, lang)` returns the command line's JSON shape (see models.decision.DecisionTree.render):
`route`, `also`, `warnings`, `requirements`, `terms_days`, `reasons`, `tree_version`, `needs`, plus
extra keys with texts. `decision_record(facts, lang)` returns the form the lead stores on a case:
{"tree_version", "lang", "facts", "result"}. Terms count days or calendar months (the Wbk's three
months for feedback: acknowledged 1 December, feedback by 1 March); `term_dates` turns a saved
advice into the due dates of its reminders. Help lines come from resources/helplines.json.
"""
from __future__ import annotations

import json
import math
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel.dates import format_date

from app.errors import UserError, ValidationError
from app.resources import RESOURCES
from app.texts import Phrase
from models.decision import LANGUAGES, DecisionTree, FactError, Outcome, TreeError, add_months, term_due_dates

TREE_FILE = "decision_tree.json"
HELPLINES_FILE = "helplines.json"
FILING_TERM = "indientermijn_klacht"
LOCALES = {"nl": "nl_NL", "en": "en_GB"}
MAX_FACTS_FILE_BYTES = 1_000_000


def _read_json(path: Path, what: Phrase) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError as exc:
        raise UserError("decide.file_missing", what=what, path=path) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError("decide.file_unreadable", what=what, path=path, exc=exc) from exc


def load_tree(path: str | Path, helplines_path: str | Path | None = None) -> DecisionTree:
    """Read and validate a decision tree file (and the help lines it names); a damaged file gives a
    UserError that says what to do."""
    path = Path(path)
    data = _read_json(path, Phrase("decide.what.tree"))
    helplines = None
    if helplines_path is not None:
        helplines = _read_json(Path(helplines_path), Phrase("decide.what.helplines"))
        if not isinstance(helplines, dict) or not isinstance(helplines.get("lines"), dict):
            raise UserError("decide.helplines_damaged", path=helplines_path)
    try:
        return DecisionTree.from_dict(data, helplines)
    except TreeError as exc:
        raise UserError("decide.tree_damaged", path=path, exc=exc) from exc


@lru_cache(maxsize=1)
def tree() -> DecisionTree:
    """The program's decision tree (read once, validated)."""
    return load_tree(RESOURCES / TREE_FILE, RESOURCES / HELPLINES_FILE)


def long_date(iso: Any, lang: str) -> str:
    """An ISO date as "30 november 2026" / "30 November 2026"; "?" when there is none."""
    try:
        return format_date(date.fromisoformat(iso), format="long", locale=LOCALES[lang])
    except (TypeError, ValueError):
        return "?"


def version_line(lang: str, decision_tree: DecisionTree | None = None) -> str:
    """"Beslishulp versie 2026.3 · juridische inhoud laatst nagekeken op 30 november 2026"."""
    t = decision_tree or tree()
    return t.texts["about_version"][lang].format(version=t.version, checked=long_date(t.legal_checked, lang))


def _incident_date(start: date, months_ago: float) -> date:
    """An estimate of the last incident's date from "so many months ago" (fractions as 30-day parts)."""
    whole = math.floor(months_ago)
    return add_months(start, -whole) - timedelta(days=round((months_ago - whole) * 30))


def term_dates(record: dict[str, Any], start: date) -> list[tuple[date, str]]:
    """The reminders of a saved advice: (due date, term code) for each term of its route.

    `start` is the day the person takes the route (files the complaint, makes the report). Terms count
    days or calendar months, a term `after` another from that one's due date. The complaint's filing
    deadline counts twelve months from the last incident, estimated from the months given; it is left
    out when that number is unknown. Advice saved by an older tree (days only) still works.
    """
    result = record.get("result", record)
    facts = record.get("facts") or {}
    terms = {x["code"]: x for x in result.get("terms") or [] if isinstance(x, dict) and "code" in x}
    if not terms:
        terms = {code: {"days": days} for code, days in (result.get("terms_days") or {}).items()}
    out: list[tuple[date, str]] = []
    codes = [c for c in terms if c != FILING_TERM]
    for code, due in term_due_dates(terms, codes, start).items():
        out.append((due, code))
    months = facts.get("months_since_last_incident")
    if FILING_TERM in terms and isinstance(months, int | float) and not isinstance(months, bool):
        out.insert(0, (add_months(_incident_date(start, months), int(terms[FILING_TERM]["months"])), FILING_TERM))
    return out


def check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise UserError("decide.unknown_language", language=lang, languages=', '.join(LANGUAGES),
                        field="lang")
    return lang


def check_facts(facts: Any) -> dict[str, Any]:
    """Strictly checked facts (null values dropped); raises ValidationError naming the key."""
    try:
        return tree().check_facts(facts)
    except FactError as exc:
        raise ValidationError("decide.bad_fact" if exc.key else "decide.bad_facts", field=exc.key or None,
                              detail=exc.message) from exc


def decide(facts: dict[str, Any], lang: str = "nl") -> dict[str, Any]:
    """Evaluate the facts and return the result dict (the command line's JSON shape)."""
    check_lang(lang)
    clean = check_facts(facts)
    return tree().render(tree().evaluate(clean), lang, clean).to_cli_dict()


def decision_record(facts: dict[str, Any], lang: str = "nl") -> dict[str, Any]:
    """The saved form for a case: {"tree_version", "lang", "facts", "result"}; JSON-able."""
    check_lang(lang)
    clean = check_facts(facts)
    return tree().render(tree().evaluate(clean), lang, clean).to_dict()


def result_in_language(result: dict[str, Any], lang: str) -> dict[str, Any]:
    """The same advice in another language.

    A result keeps its own texts: when it is already in `lang` it is returned as it is, so a later tree
    never rewrites an old advice. Otherwise it is rendered from its codes, which is only possible with
    the tree version that made it.
    """
    check_lang(lang)
    if result.get("lang") == lang:
        return result
    current = tree()
    if result.get("tree_version") != current.version:
        raise UserError(
            "decide.advice_other_language", version=result.get('tree_version'), made_in=result.get('lang'),
            wanted=lang
        )
    try:
        return current.render(Outcome.from_result(result), lang).to_cli_dict()
    except (KeyError, TypeError, ValueError) as exc:
        raise UserError("decide.saved_advice_damaged", exc=exc) from exc


def advice_to_print(saved: dict[str, Any], lang: str) -> tuple[dict[str, Any], str | None]:
    """The advice a handout prints today, and the tree version it replaced (None when unchanged).

    The advice saved on a case stays as it was: it records what was advised then. A handout is read
    now, so it never carries texts of an older tree, which may promise or propose what the current one
    no longer does. Advice from an older version is worked out again from its saved facts; when the
    current tree cannot decide from those facts (it asks something the old one did not), or the facts
    were not saved, printing is refused with a request to go through the decision aid again.
    """
    check_lang(lang)
    result = saved.get("result", saved) if isinstance(saved, dict) else saved
    if not isinstance(result, dict):
        raise UserError("handout.no_advice")
    old = result.get("tree_version")
    current = tree()
    if old == current.version:
        return result_in_language(result, lang), None
    facts = saved.get("facts") if "result" in saved else None
    if not isinstance(facts, dict):
        raise UserError("decide.advice_outdated", version=old, current=current.version)
    try:
        clean = check_facts(facts)
    except UserError as exc:
        raise UserError("decide.advice_outdated", version=old, current=current.version) from exc
    outcome = current.evaluate(clean)
    if outcome.needs:
        raise UserError("decide.advice_outdated", version=old, current=current.version)
    return current.render(outcome, lang, clean).to_cli_dict(), str(old)


class _DuplicateKey(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def read_facts_file(path: str | Path) -> Any:
    """Parse a facts file (a JSON object); every problem becomes a UserError that says what to do."""
    path = Path(path)
    try:
        if path.is_dir():
            raise UserError("decide.facts_is_folder", path=path, field="facts")
        size = path.stat().st_size
        if size > MAX_FACTS_FILE_BYTES:
            raise UserError("decide.facts_too_large", path=path, size=size,
                            field="facts")
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise UserError("decide.facts_missing", path=path, field="facts") from exc
    except PermissionError as exc:
        raise UserError("decide.facts_permission_denied", path=path, field="facts") from exc
    except OSError as exc:
        raise UserError("decide.facts_unreadable", path=path, strerror=exc.strerror or exc,
                        field="facts") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError("decide.facts_not_utf8", path=path, field="facts") from exc
    if not text.strip():
        raise UserError("decide.facts_empty", path=path, field="facts")
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as exc:
        raise UserError("decide.fact_twice", path=path, key=exc.key,
                        field=exc.key) from exc
    except json.JSONDecodeError as exc:
        raise UserError("decide.facts_not_json", path=path, msg=exc.msg, lineno=exc.lineno, colno=exc.colno,
                        field="facts") from exc
    except ValueError:  # an integer of thousands of digits
        raise UserError("decide.facts_number_too_large", path=path, field="facts") from None
    if not isinstance(data, dict):
        raise UserError("decide.facts_not_object", path=path, name=type(data).__name__, field="facts")
    return data


def decide_from_file(path: str | Path, lang: str = "nl") -> dict[str, Any]:
    """`vertrouwd decide --facts FILE.json [--lang nl|en]`: read, check, evaluate."""
    check_lang(lang)
    return decide(read_facts_file(path), lang)


# What the case already records, as the decision aid's answers (they are only preselected: the adviser
# still confirms each question). Codes without a clear answer in the tree are left for her to ask.
_ROLE_FACT = {"betrokkene": "zelf", "omstander": "omstander", "beschuldigde": "beschuldigde"}
_POSITION_FACT = {"medewerker": "medewerker", "leidinggevende": "medewerker", "sollicitant": "sollicitant",
                  "stagiair": "stagiair", "vrijwilliger": "vrijwilliger", "uitzend_flexkracht": "flex",
                  "oud_medewerker": "oud_medewerker"}
_ACCUSED_FACT = {"collega": "collega", "ondergeschikte": "collega", "leidinggevende": "leidinggevende",
                 "directie_bestuur": "directie_bestuur", "derde": "derde", "leerling": "derde", "ouder": "derde",
                 "client": "derde", "familie_client": "derde", "sporter": "derde", "onbekend": "onbekend"}
# the case's behaviour code -> the tree's subject (a Wbk misstand is not an integrity violation); how
# serious the behaviour is (behaviour_kind: violence, threats, stalking) is never preselected
_SUBJECT_FACT = {"integriteit": "integriteit", "misstand_wbk": "misstand", "arbeidsconflict": "arbeidsconflict",
                 **{b: "ongewenst_gedrag" for b in ("pesten", "seksuele_intimidatie", "intimidatie",
                                                    "agressie_geweld", "discriminatie", "bedreiging")}}


def facts_from_case(case: Any) -> dict[str, str]:
    """The decision aid's answers the case's behaviour, position, role and accused relation give (see above)."""
    pairs = (("subject", _SUBJECT_FACT.get(case.behaviour)), ("role_in_case", _ROLE_FACT.get(case.reporter_role)),
             ("person_position", _POSITION_FACT.get(case.position)),
             ("accused", _ACCUSED_FACT.get(case.accused_relation)))
    questions = tree().questions
    return {fact: value for fact, value in pairs
            if value is not None and value in questions.get(fact, {}).get("answers", {})}
