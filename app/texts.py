"""The program's own sentences (outside the widgets) in Dutch and English, from one resource.

Every message of app/ has a stable code (e.g. ``"org.unknown"``) and named parameters. The sentences
live in ``resources/messages.json`` as ``{code: {"nl": ..., "en": ...}}``, written as ``str.format``
templates; each one says what happened and what to do. The window and the command line both call
``message(error_or_code, lang)``; Qt's ``.ts`` files stay for the widgets' own texts.

A parameter may itself be a ``Phrase`` (a code with parameters), which is said in the same language:
``UserError("vstat.not_text", what=Phrase("vstat.what.signature"))``; a list of Phrases is joined with
commas; a mapping with the language as key (a checklist's title) gives its text in that language.
"""
from __future__ import annotations

import json
import os
import string
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, Protocol

from app.resources import RESOURCES

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
ENV_LANGUAGE = "VERTROUWD_LANG"


class Coded(Protocol):
    """Anything with a message code and parameters (an app error, a Phrase, a Note)."""

    code: str
    params: dict[str, Any]


class Phrase:
    """A piece of text named by its code, said in the language of the sentence that holds it."""

    __slots__ = ("code", "params")

    def __init__(self, code: str, **params: Any):
        self.code = code
        self.params = params

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Phrase) and (self.code, self.params) == (other.code, other.params)

    def __hash__(self) -> int:
        return hash(self.code)

    def __repr__(self) -> str:
        return f"Phrase({self.code!r}, **{self.params!r})"

    def __str__(self) -> str:
        return message(self, "en")


class Sentence(str):
    """A coded sentence where a str is needed (an OSError's strerror): the English text as a str, said in
    the language of the message that holds it (``ui.i18n.error_text``, the command line's lines)."""

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, **params: Any) -> Sentence:
        said = super().__new__(cls, message(code, "en", **params))
        said.code, said.params = code, params
        return said

    def text(self, lang: str | None) -> str:
        return message(self.code, lang, **self.params)


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """Every code with its Dutch and English template (resources/messages.json)."""
    with open(RESOURCES / "messages.json", encoding="utf-8") as fh:
        data = json.load(fh)
    return {code: entry for code, entry in data.items() if not code.startswith("_")}


def language(lang: str | None) -> str:
    """'nl' or 'en' for a language tag such as 'en_GB', 'nl-NL' or None (Dutch)."""
    code = (lang or DEFAULT_LANGUAGE).replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else "en"


def environment_language() -> str:
    """The language of the command line's messages when a command has no --lang: $VERTROUWD_LANG, else Dutch."""
    return language(os.environ.get(ENV_LANGUAGE) or DEFAULT_LANGUAGE)


def placeholders(template: str) -> set[str]:
    """The parameter names a template uses ('{year}', '{size:g}', '{name!r}' -> year, size, name)."""
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(template) if name}


def message(what: Coded | str, lang: str | None = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    """The sentence for an error, a Phrase or a code, in `lang` ('nl' or 'en'), parameters filled in.

    An error's `field` and `record` are available as {field} and {record}. An unknown code never
    raises (a message is being shown, often about something else going wrong): it gives the code and
    its parameters, which a test (tests/app/test_texts.py) keeps from ever happening.
    """
    if isinstance(what, str):
        code, values = what, dict(params)
    else:
        code = what.code
        values = {"field": getattr(what, "field", None), "record": getattr(what, "record", None),
                  **what.params, **params}
    lang = language(lang)
    entry = catalogue().get(code)
    if entry is None:
        return code + "".join(f" {k}={v}" for k, v in values.items() if v is not None)
    said = {k: _said(v, lang) for k, v in values.items()}
    try:
        return entry[lang].format(**said)
    except (KeyError, IndexError, ValueError):
        return entry[lang]


def _said(value: Any, lang: str) -> Any:
    if isinstance(value, Phrase):
        return message(value, lang)
    if isinstance(value, Sentence):
        return value.text(lang)
    if isinstance(value, Mapping) and value:   # a text the data holds per language
        return value.get(lang) or value.get(DEFAULT_LANGUAGE) or next(iter(value.values()))
    if isinstance(value, list | tuple) and value and all(isinstance(v, Phrase) for v in value):
        return ", ".join(message(v, lang) for v in value)
    return value
