"""The decision aid as a service: load the tree, check facts, evaluate, and read facts from a file.

`decide(facts, lang)` returns the command line's JSON shape (see models.decision.DecisionTree.render):
`route`, `also`, `warnings`, `requirements`, `terms_days`, `reasons`, `tree_version`, `needs`, plus
extra keys with texts. `decision_record(facts, lang)` returns the form the lead stores on a case:
{"tree_version", "lang", "facts", "result"}. Terms are in days; the Wbk's "three months" for
feedback is counted as 91 days (13 weeks), as the tree's term note says.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from app import RESOURCES
from app.errors import UserError, ValidationError
from models.decision import LANGUAGES, DecisionTree, FactError, Outcome, TreeError

TREE_FILE = "decision_tree.json"
MAX_FACTS_FILE_BYTES = 1_000_000


def load_tree(path: str | Path) -> DecisionTree:
    """Read and validate a decision tree file; a damaged file gives a UserError that says what to do."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError as exc:
        raise UserError("decide.tree_missing", path=path) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError("decide.tree_unreadable", path=path, exc=exc) from exc
    try:
        return DecisionTree.from_dict(data)
    except TreeError as exc:
        raise UserError("decide.tree_damaged", path=path, exc=exc) from exc


@lru_cache(maxsize=1)
def tree() -> DecisionTree:
    """The program's decision tree (read once, validated)."""
    return load_tree(RESOURCES / TREE_FILE)


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
    if not isinstance(data, dict):
        raise UserError("decide.facts_not_object", path=path, name=type(data).__name__, field="facts")
    return data


def decide_from_file(path: str | Path, lang: str = "nl") -> dict[str, Any]:
    """`vertrouwd decide --facts FILE.json [--lang nl|en]`: read, check, evaluate."""
    check_lang(lang)
    return decide(read_facts_file(path), lang)
