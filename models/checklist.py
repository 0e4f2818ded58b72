"""Guided checklists: the template schema and the evaluation of answers.

A template is data (TOML in resources/checklists, parsed by app.guidance.checklists); this module checks
its shape and evaluates answers against it. It stays pure: no file access, no Qt, no SQL.

Answers are stored by the caller as JSON in this envelope::

    {"template": "intake", "version": 2, "answers": {"acute_danger": "nee", ...}}

Every function that takes answers accepts either that envelope or the inner mapping. A value is a
bool (check), a code (choice, vocab), a list of codes (multi), an ISO date string (date), a number
(number) or a short string (short). Answers whose item id is unknown to the template (made with an
older or newer version) are kept as they are and stay readable; they never count as errors.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from models.entities import ISO_DATE_RE

LANGUAGES = ("nl", "en")
ITEM_KINDS = ("check", "choice", "multi", "date", "vocab", "number", "short")
# Case fields a checklist item may fill; each is a single-valued vocabulary of the same name.
FILLABLE_FIELDS = ("behaviour", "accused_relation", "reporter_role", "follow_up", "position", "integrity_kind",
                   "outcome")
MAX_SHORT_LENGTH = 40
RESERVED_IDS = frozenset({"template", "version", "answers"})

_ID_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_CODE_RE = re.compile(r"^[a-z0-9][a-z0-9_]{0,63}$")

_TEMPLATE_KEYS = frozenset({"id", "version", "title", "description", "contact_kinds", "items"})
_COMMON_ITEM_KEYS = frozenset({"id", "kind", "required", "text", "hint", "guidance", "section", "show_if"})
_KIND_KEYS = {
    "check": frozenset(),
    "choice": frozenset({"options", "fills"}),
    "multi": frozenset({"options", "vocabulary"}),
    "date": frozenset({"reminder"}),
    "vocab": frozenset({"vocabulary", "fills"}),
    "number": frozenset({"min", "max", "integer"}),
    "short": frozenset({"max_length", "may_identify"}),
}
_ALL_ITEM_KEYS = _COMMON_ITEM_KEYS.union(*_KIND_KEYS.values())
_CONDITION_KINDS = ("check", "choice", "multi", "vocab")

# Words for yes/no and the date pattern used when answers are shown as text.
_YES_NO = {"nl": ("ja", "nee"), "en": ("yes", "no")}
_DATE_FORMAT = {"nl": "%d-%m-%Y", "en": "%d/%m/%Y"}


class TemplateError(ValueError):
    """A checklist template that breaks the schema; `line` is 1-based when the source is known."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return f"line {self.line}: {self.message}"


class AnswerProblem(NamedTuple):
    """One answer that does not fit its item; `item_id` is empty for envelope-level problems."""

    item_id: str
    message: str


# --------------------------------------------------------------------------------------------
# The schema as dataclasses


def _pick(texts: Mapping[str, str], lang: str) -> str:
    return texts.get(lang) or texts.get("nl") or ""


@dataclass(frozen=True)
class Option:
    code: str
    label: Mapping[str, str]

    def label_in(self, lang: str = "nl") -> str:
        return _pick(self.label, lang) or self.code


@dataclass(frozen=True)
class Condition:
    """`show_if`: the item shows when the earlier item's answer equals one of `values`.

    For a multi item the condition holds when any chosen code is among `values`; an unanswered
    check counts as false.
    """

    item: str
    values: tuple[Any, ...]

    def holds(self, value: Any) -> bool:
        if isinstance(value, list):
            return any(_same(v, w) for v in value for w in self.values)
        if value is None:
            return False
        return any(_same(value, w) for w in self.values)


def _same(a: Any, b: Any) -> bool:
    # Keep True apart from 1 and "ja" apart from True.
    return type(a) is type(b) and a == b


@dataclass(frozen=True)
class Item:
    id: str
    kind: str
    text: Mapping[str, str]
    required: bool = False
    hint: Mapping[str, str] = field(default_factory=dict)
    guidance: Mapping[str, str] = field(default_factory=dict)
    section: Mapping[str, str] = field(default_factory=dict)
    options: tuple[Option, ...] = ()
    vocabulary: str | None = None
    show_if: Condition | None = None
    fills: str | None = None
    reminder: bool | str = False  # True: the next contact; a code: a reminder of that kind (a term)
    max_length: int | None = None
    may_identify: bool | None = None
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False

    def text_in(self, lang: str = "nl") -> str:
        return _pick(self.text, lang) or self.id

    def hint_in(self, lang: str = "nl") -> str:
        return _pick(self.hint, lang)

    def guidance_in(self, lang: str = "nl") -> str:
        return _pick(self.guidance, lang)

    def section_in(self, lang: str = "nl") -> str:
        return _pick(self.section, lang)

    @property
    def options_known(self) -> bool:
        """False for a vocabulary item parsed without the vocabularies (its codes are unknown)."""
        return bool(self.options) or self.kind not in ("vocab", "multi")

    def option(self, code: str) -> Option | None:
        for opt in self.options:
            if opt.code == code:
                return opt
        return None

    def problem(self, value: Any) -> str | None:
        """Why `value` is not a valid answer to this item, or None when it is valid."""
        return _value_problem(self, value)

    def is_answered(self, value: Any) -> bool:
        """True when `value` is a valid, non-empty answer (a check counts only when ticked)."""
        if value is None or self.problem(value) is not None:
            return False
        if self.kind == "check":
            return value is True
        if self.kind == "multi":
            return len(value) > 0
        if self.kind == "short":
            return value.strip() != ""
        return True

    def format_value(self, value: Any, lang: str = "nl") -> str:
        """The answer as text a person reads; unknown codes and odd values are shown as stored."""
        return _format_value(self, value, lang)


@dataclass(frozen=True)
class Template:
    id: str
    version: int
    title: Mapping[str, str]
    items: tuple[Item, ...]
    contact_kinds: tuple[str, ...] = ()
    description: Mapping[str, str] = field(default_factory=dict)
    source_text: str | None = field(default=None, compare=False, repr=False)

    def title_in(self, lang: str = "nl") -> str:
        return _pick(self.title, lang) or self.id

    def description_in(self, lang: str = "nl") -> str:
        return _pick(self.description, lang)

    def item(self, item_id: str) -> Item | None:
        for it in self.items:
            if it.id == item_id:
                return it
        return None

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(it.id for it in self.items)


# --------------------------------------------------------------------------------------------
# Locating a key in the TOML source text


class _Located(Exception):
    """Internal: a schema problem with the path of the offending key."""

    def __init__(self, message: str, path: Sequence[Any]):
        super().__init__(message)
        self.message = message
        self.path = tuple(path)


_HEADER_RE = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_\-. \"']+?)\s*(\]\]?)\s*(#.*)?$")
_KEY_RE = re.compile(r"^\s*((?:[A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*'))*)\s*=")


def _split_key(text: str) -> tuple[str, ...]:
    parts = re.findall(r"\"[^\"]*\"|'[^']*'|[A-Za-z0-9_\-]+", text)
    return tuple(p[1:-1] if p[:1] in "\"'" else p for p in parts)


@dataclass
class _SourceLine:
    line: int
    block: int | None  # index of the [[items]] block, None outside items
    key: tuple[str, ...]  # full path below the root or below the [[items]] entry
    is_header: bool
    text: str


def _index_source(source: str) -> tuple[list[_SourceLine], list[int]]:
    """Every key and table header of a TOML text with its line, and the [[items]] header lines."""
    entries: list[_SourceLine] = []
    item_headers: list[int] = []
    table: tuple[str, ...] = ()
    block: int | None = None
    in_multiline: str | None = None
    for lineno, raw in enumerate(source.splitlines(), start=1):
        if in_multiline:
            if raw.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        header = _HEADER_RE.match(raw)
        if header and not _KEY_RE.match(raw):
            path = _split_key(header.group(2))
            if header.group(1) == "[[" and path == ("items",):
                item_headers.append(lineno)
                block = len(item_headers) - 1
                table = ()
                entries.append(_SourceLine(lineno, block, (), True, raw))
            elif path[:1] == ("items",) and block is not None:
                table = path[1:]
                entries.append(_SourceLine(lineno, block, table, True, raw))
            else:
                block = None
                table = path
                entries.append(_SourceLine(lineno, None, table, True, raw))
            continue
        key = _KEY_RE.match(raw)
        if key:
            entries.append(_SourceLine(lineno, block, table + _split_key(key.group(1)), False, raw))
            rest = raw[key.end():]
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    in_multiline = quote
                    break
    return entries, item_headers


def _locate(source: str | None, path: Sequence[Any]) -> int | None:
    """The line of the key at `path` (e.g. ("items", 3, "options", 1, "code")); best effort."""
    if not source:
        return None
    entries, item_headers = _index_source(source)
    path = tuple(path)
    block: int | None = None
    if path[:1] == ("items",) and len(path) >= 2 and isinstance(path[1], int):
        block = path[1]
        rest = path[2:]
        if block >= len(item_headers):
            return None
        fallback: int | None = item_headers[block]
    else:
        rest = path
        fallback = None
    scope = [e for e in entries if e.block == block]
    if rest and rest[0] == "options" and len(rest) >= 2 and isinstance(rest[1], int):
        return _locate_option(source, scope, rest[1]) or _best_key(scope, ("options",)) or fallback
    keys = tuple(p for p in rest if isinstance(p, str))
    return _best_key(scope, keys) or fallback


def _best_key(scope: list[_SourceLine], keys: tuple[str, ...]) -> int | None:
    for n in range(len(keys), 0, -1):
        prefix = keys[:n]
        for entry in scope:
            if entry.key == prefix and not entry.is_header:
                return entry.line
        for entry in scope:
            if entry.key == prefix:
                return entry.line
    return None


def _locate_option(source: str, scope: list[_SourceLine], index: int) -> int | None:
    headers = [e for e in scope if e.is_header and e.key == ("options",)]
    if headers:
        return headers[index].line if index < len(headers) else None
    start = _best_key(scope, ("options",))
    if start is None:
        return None
    lines = source.splitlines()
    seen = -1
    for lineno in range(start, len(lines) + 1):
        text = lines[lineno - 1]
        if lineno > start and (_KEY_RE.match(text) or _HEADER_RE.match(text)):
            break
        body = text.split("=", 1)[1] if lineno == start else text
        # One inline table { code = ..., nl = ..., en = ... } per option, usually one per line.
        for _ in re.finditer(r"\{", body):
            seen += 1
            if seen == index:
                return lineno
    return None


# --------------------------------------------------------------------------------------------
# Parsing


def parse_template(data: Mapping[str, Any], source_text: str | None = None,
                   vocabularies: Any = None) -> Template:
    """Check `data` (a parsed TOML document) against the schema and build a Template.

    `vocabularies` (a models.vocab.Vocabularies) lets vocab items get their options and lets
    codes, `fills` and `contact_kinds` be checked; without it those checks are skipped.
    Raises TemplateError with the line of the offending key when `source_text` is given.
    """
    try:
        return _parse(data, source_text, vocabularies)
    except _Located as exc:
        raise TemplateError(exc.message, _locate(source_text, exc.path)) from None


def _bilingual(value: Any, path: Sequence[Any], what: str, required: bool = True) -> dict[str, str]:
    if value is None:
        if required:
            raise _Located(f"{what} is missing; give it as a table with nl and en texts", path)
        return {}
    if not isinstance(value, Mapping):
        raise _Located(f"{what} must be a table with nl and en texts, not {_type_name(value)}", path)
    unknown = sorted(set(value) - set(LANGUAGES))
    if unknown:
        raise _Located(f"{what} has an unknown language {unknown[0]!r}; use only nl and en",
                       (*path, unknown[0]))
    out: dict[str, str] = {}
    for lang in LANGUAGES:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise _Located(f"{what} lacks a non-empty {lang} text", (*path, lang))
        out[lang] = text.strip()
    return out


def _type_name(value: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "a text", list: "a list",
            dict: "a table"}.get(type(value), type(value).__name__)


def _parse(data: Mapping[str, Any], source: str | None, vocabs: Any) -> Template:
    if not isinstance(data, Mapping):
        raise _Located("a checklist template must be a table of keys", ())
    unknown = sorted(set(data) - _TEMPLATE_KEYS)
    if unknown:
        raise _Located(f"unknown key {unknown[0]!r} at the top of the template "
                       f"(allowed: {', '.join(sorted(_TEMPLATE_KEYS))})", (unknown[0],))
    tid = data.get("id")
    if not isinstance(tid, str) or not _ID_RE.match(tid):
        raise _Located("the template needs an id of lower-case ASCII letters, digits and _, "
                       "starting with a letter (e.g. id = \"intake\")", ("id",))
    version = data.get("version")
    if type(version) is not int or version < 1:
        raise _Located("the template needs a whole version number of 1 or more (e.g. version = 1)",
                       ("version",))
    title = _bilingual(data.get("title"), ("title",), "title")
    description = _bilingual(data.get("description"), ("description",), "description", required=False)
    kinds_raw = data.get("contact_kinds", [])
    if not isinstance(kinds_raw, list) or not all(isinstance(k, str) for k in kinds_raw):
        raise _Located("contact_kinds must be a list of contact kind codes (e.g. [\"intake\"])",
                       ("contact_kinds",))
    if len(set(kinds_raw)) != len(kinds_raw):
        raise _Located("contact_kinds names a kind twice", ("contact_kinds",))
    if vocabs is not None:
        known = vocabs["contact_kind"]
        for k in kinds_raw:
            if k not in known:
                raise _Located(f"contact_kinds: {k!r} is not a contact kind "
                               f"(known: {', '.join(known.codes)})", ("contact_kinds",))
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise _Located("the template has no items; add at least one [[items]] table", ("items",))

    items: list[Item] = []
    by_id: dict[str, Item] = {}
    filled: dict[str, str] = {}
    reminders: dict[str, str] = {}
    for index, raw in enumerate(raw_items):
        item = _parse_item(raw, index, by_id, vocabs)
        if item.fills:
            if item.fills in filled:
                raise _Located(f"item {item.id!r}: the case field {item.fills!r} is already filled by "
                               f"item {filled[item.fills]!r}; a field can be filled by one item only",
                               ("items", index, "fills"))
            filled[item.fills] = item.id
        if item.reminder:
            kind = reminder_kind(item)
            if kind in reminders:
                raise _Located(f"item {item.id!r}: only one date item can be the {kind!r} reminder; "
                               f"{reminders[kind]!r} already is", ("items", index, "reminder"))
            reminders[kind] = item.id
        items.append(item)
        by_id[item.id] = item
    return Template(id=tid, version=version, title=title, items=tuple(items),
                    contact_kinds=tuple(kinds_raw), description=description, source_text=source)


def _parse_item(raw: Any, index: int, earlier: Mapping[str, Item], vocabs: Any) -> Item:
    at = ("items", index)
    if not isinstance(raw, Mapping):
        raise _Located(f"item {index + 1} must be a table ([[items]])", at)
    iid = raw.get("id")
    if not isinstance(iid, str) or not _ID_RE.match(iid):
        raise _Located(f"item {index + 1} needs an id of lower-case ASCII letters, digits and _, "
                       "starting with a letter", (*at, "id"))
    name = f"item {iid!r}"
    if iid in RESERVED_IDS:
        raise _Located(f"{name}: the id {iid!r} is reserved; choose another", (*at, "id"))
    if iid in earlier:
        raise _Located(f"{name}: the id is used twice; every item needs its own id", (*at, "id"))
    unknown = sorted(set(raw) - _ALL_ITEM_KEYS)
    if unknown:
        raise _Located(f"{name}: unknown key {unknown[0]!r}", (*at, unknown[0]))
    kind = raw.get("kind")
    if kind not in ITEM_KINDS:
        raise _Located(f"{name}: kind must be one of {', '.join(ITEM_KINDS)}", (*at, "kind"))
    misplaced = sorted(set(raw) - _COMMON_ITEM_KEYS - _KIND_KEYS[kind])
    if misplaced:
        raise _Located(f"{name}: the key {misplaced[0]!r} does not apply to a {kind} item",
                       (*at, misplaced[0]))
    required = raw.get("required", False)
    if not isinstance(required, bool):
        raise _Located(f"{name}: required must be true or false", (*at, "required"))
    text = _bilingual(raw.get("text"), (*at, "text"), f"{name}: text")
    hint = _bilingual(raw.get("hint"), (*at, "hint"), f"{name}: hint", required=False)
    guidance = _bilingual(raw.get("guidance"), (*at, "guidance"), f"{name}: guidance", required=False)
    section = _bilingual(raw.get("section"), (*at, "section"), f"{name}: section", required=False)

    options: tuple[Option, ...] = ()
    vocabulary: str | None = None
    if kind == "choice" or (kind == "multi" and "options" in raw):
        options = _parse_options(raw.get("options"), at, name, kind)
    if kind == "vocab" or (kind == "multi" and "vocabulary" in raw):
        vocabulary = raw.get("vocabulary")
        if not isinstance(vocabulary, str) or not vocabulary:
            raise _Located(f"{name}: a {kind} item needs vocabulary = \"<name>\" "
                           "(e.g. behaviour, accused_relation)", (*at, "vocabulary"))
        if vocabs is not None:
            if vocabulary not in vocabs.by_name:
                raise _Located(f"{name}: there is no vocabulary {vocabulary!r} "
                               f"(known: {', '.join(vocabs.by_name)})", (*at, "vocabulary"))
            vocab = vocabs[vocabulary]
            options = tuple(Option(code, dict(vocab.labels[code])) for code in vocab.codes)
    if kind == "multi" and ("options" in raw) == ("vocabulary" in raw):
        raise _Located(f"{name}: a multi item needs either options or a vocabulary (one of the two)",
                       (*at, "kind"))

    fills = raw.get("fills")
    if fills is not None:
        if fills not in FILLABLE_FIELDS:
            raise _Located(f"{name}: fills must be one of {', '.join(FILLABLE_FIELDS)}", (*at, "fills"))
        if kind == "vocab" and vocabulary != fills:
            raise _Located(f"{name}: an item that fills {fills!r} must use vocabulary = \"{fills}\"",
                           (*at, "fills"))
        if kind == "choice" and vocabs is not None:
            target = vocabs[fills]
            for j, opt in enumerate(options):
                if opt.code not in target:
                    raise _Located(f"{name}: option {opt.code!r} is not a code of {fills!r}, so it "
                                   f"cannot fill that field", (*at, "options", j, "code"))

    reminder = raw.get("reminder", False)
    if not isinstance(reminder, bool) and not (isinstance(reminder, str) and _CODE_RE.match(reminder)):
        raise _Located(f"{name}: reminder must be true, false or the code of a reminder kind", (*at, "reminder"))

    max_length = may_identify = None
    if kind == "short":
        max_length = raw.get("max_length")
        if type(max_length) is not int or not 1 <= max_length <= MAX_SHORT_LENGTH:
            raise _Located(f"{name}: a short item needs max_length between 1 and {MAX_SHORT_LENGTH}",
                           (*at, "max_length"))
        may_identify = raw.get("may_identify")
        if may_identify is not False:
            raise _Located(f"{name}: a short item needs may_identify = false; short answers are never "
                           "a place for names or other identifying details", (*at, "may_identify"))

    minimum = maximum = None
    integer = False
    if kind == "number":
        integer = raw.get("integer", False)
        if not isinstance(integer, bool):
            raise _Located(f"{name}: integer must be true or false", (*at, "integer"))
        for key in ("min", "max"):
            v = raw.get(key)
            if v is not None and (isinstance(v, bool) or not isinstance(v, int | float)
                                  or not math.isfinite(v)):
                raise _Located(f"{name}: {key} must be a number", (*at, key))
        minimum, maximum = raw.get("min"), raw.get("max")
        if minimum is not None and maximum is not None and minimum > maximum:
            raise _Located(f"{name}: min is larger than max", (*at, "min"))

    show_if = None
    if "show_if" in raw:
        show_if = _parse_condition(raw["show_if"], (*at, "show_if"), name, earlier)

    return Item(id=iid, kind=kind, text=text, required=required, hint=hint, guidance=guidance,
                section=section, options=options, vocabulary=vocabulary, show_if=show_if, fills=fills,
                reminder=reminder, max_length=max_length, may_identify=may_identify,
                minimum=minimum, maximum=maximum, integer=integer)


def _parse_options(raw: Any, at: tuple, name: str, kind: str) -> tuple[Option, ...]:
    if not isinstance(raw, list) or len(raw) < 2:
        raise _Located(f"{name}: a {kind} item needs a list of at least two options", (*at, "options"))
    out: list[Option] = []
    seen: set[str] = set()
    for j, opt in enumerate(raw):
        where = (*at, "options", j)
        if not isinstance(opt, Mapping):
            raise _Located(f"{name}: option {j + 1} must be a table {{ code = ..., nl = ..., en = ... }}",
                           where)
        extra = sorted(set(opt) - {"code", *LANGUAGES})
        if extra:
            raise _Located(f"{name}: option {j + 1} has an unknown key {extra[0]!r}", (*where, extra[0]))
        code = opt.get("code")
        if not isinstance(code, str) or not _CODE_RE.match(code):
            raise _Located(f"{name}: option {j + 1} needs a code of lower-case ASCII letters, digits "
                           "and _", (*where, "code"))
        if code in seen:
            raise _Located(f"{name}: option code {code!r} is used twice", (*where, "code"))
        seen.add(code)
        label = _bilingual({k: opt.get(k) for k in LANGUAGES}, where, f"{name}: option {code!r}")
        out.append(Option(code, label))
    return tuple(out)


def _parse_condition(raw: Any, at: tuple, name: str, earlier: Mapping[str, Item]) -> Condition:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("item"), str):
        raise _Located(f"{name}: show_if must be a table like {{ item = \"acute_danger\", equals = \"ja\" }}",
                       at)
    extra = sorted(set(raw) - {"item", "equals", "in"})
    if extra:
        raise _Located(f"{name}: show_if has an unknown key {extra[0]!r} (use item with equals or in)", at)
    if ("equals" in raw) == ("in" in raw):
        raise _Located(f"{name}: show_if needs exactly one of equals or in", at)
    ref_id = raw["item"]
    ref = earlier.get(ref_id)
    if ref is None:
        raise _Located(f"{name}: show_if refers to {ref_id!r}, which is not an earlier item", at)
    if ref.kind not in _CONDITION_KINDS:
        raise _Located(f"{name}: show_if can only depend on a check, choice, multi or vocab item; "
                       f"{ref_id!r} is a {ref.kind} item", at)
    if "equals" in raw:
        values: tuple[Any, ...] = (raw["equals"],)
    else:
        if not isinstance(raw["in"], list) or not raw["in"]:
            raise _Located(f"{name}: show_if in must be a non-empty list", at)
        values = tuple(raw["in"])
    for v in values:
        if ref.kind == "check":
            if not isinstance(v, bool):
                raise _Located(f"{name}: show_if on the check item {ref_id!r} must compare with true "
                               "or false", at)
        elif not isinstance(v, str):
            raise _Located(f"{name}: show_if must compare {ref_id!r} with option codes", at)
        elif ref.options_known and ref.option(v) is None:
            raise _Located(f"{name}: show_if uses {v!r}, which is not an option of {ref_id!r} "
                           f"(options: {', '.join(o.code for o in ref.options)})", at)
    return Condition(ref_id, values)


# --------------------------------------------------------------------------------------------
# Evaluation


def answer_values(answers: Mapping[str, Any] | None) -> dict[str, Any]:
    """The item-id -> value mapping from either the stored envelope or a bare mapping."""
    if not answers:
        return {}
    inner = answers.get("answers") if isinstance(answers, Mapping) else None
    if isinstance(inner, Mapping) and ("template" in answers or "version" in answers):
        return dict(inner)
    return dict(answers)


def make_answers(template: Template, values: Mapping[str, Any]) -> dict[str, Any]:
    """The stored envelope for `values` answered on `template`."""
    return {"template": template.id, "version": template.version, "answers": dict(values)}


def _value_problem(item: Item, value: Any) -> str | None:
    kind = item.kind
    if value is None:
        return None
    if kind == "check":
        return None if isinstance(value, bool) else "must be true or false"
    if kind in ("choice", "vocab"):
        if not isinstance(value, str):
            return "must be an option code"
        if item.options_known and item.option(value) is None:
            return f"{value!r} is not one of the options"
        return None
    if kind == "multi":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return "must be a list of option codes"
        if len(set(value)) != len(value):
            return "names an option twice"
        if item.options_known:
            bad = [v for v in value if item.option(v) is None]
            if bad:
                return f"{bad[0]!r} is not one of the options"
        return None
    if kind == "date":
        if not isinstance(value, str) or not ISO_DATE_RE.fullmatch(value):
            return "must be a date written as YYYY-MM-DD"
        try:
            date.fromisoformat(value)
        except ValueError:
            return "must be a date written as YYYY-MM-DD"
        return None
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            return "must be a number"
        if item.integer and not isinstance(value, int):
            return "must be a whole number"
        if item.minimum is not None and value < item.minimum:
            return f"must be at least {_number_text(item.minimum, 'en')}"
        if item.maximum is not None and value > item.maximum:
            return f"must be at most {_number_text(item.maximum, 'en')}"
        return None
    if kind == "short":
        if not isinstance(value, str):
            return "must be a short text"
        if item.max_length is not None and len(value) > item.max_length:
            return f"is longer than {item.max_length} characters"
        if "\n" in value or "\r" in value:
            return "must be on one line"
        return None
    return f"has an unknown kind {kind!r}"


def visible_items(template: Template, answers: Mapping[str, Any] | None) -> list[Item]:
    """The items that apply given the answers, in template order.

    An item whose condition refers to a hidden item is hidden too, so a chain of conditions
    collapses when its first answer changes.
    """
    values = answer_values(answers)
    shown: dict[str, Item] = {}
    out: list[Item] = []
    for item in template.items:
        cond = item.show_if
        if cond is not None:
            ref = shown.get(cond.item)
            if ref is None:
                continue
            value = values.get(cond.item)
            if ref.kind == "check":
                value = value is True
            elif ref.problem(value) is not None:
                value = None
            if not cond.holds(value):
                continue
        shown[item.id] = item
        out.append(item)
    return out


def missing_required(template: Template, answers: Mapping[str, Any] | None) -> list[Item]:
    """Visible required items without a valid answer, in template order."""
    values = answer_values(answers)
    return [it for it in visible_items(template, values)
            if it.required and not it.is_answered(values.get(it.id))]


def progress(template: Template, answers: Mapping[str, Any] | None) -> tuple[int, int]:
    """(answered, total) over the visible items, required and optional alike."""
    values = answer_values(answers)
    shown = visible_items(template, values)
    done = sum(1 for it in shown if it.is_answered(values.get(it.id)))
    return done, len(shown)


def unknown_answers(template: Template, answers: Mapping[str, Any] | None) -> dict[str, Any]:
    """Answers whose item id the template does not have (e.g. from an older version)."""
    known = set(template.item_ids)
    return {k: v for k, v in answer_values(answers).items() if k not in known}


def validate_answers(template: Template, answers: Mapping[str, Any] | None) -> list[AnswerProblem]:
    """Problems with the answers; an empty list means they can be stored.

    Answers to items the template does not know are not problems: they are kept and stay
    readable. Answers to items that are currently hidden are checked for their type too.
    """
    problems: list[AnswerProblem] = []
    if isinstance(answers, Mapping) and "answers" in answers and "template" in answers:
        if answers.get("template") != template.id:
            problems.append(AnswerProblem("", f"the answers belong to checklist {answers.get('template')!r}, "
                                              f"not {template.id!r}"))
        if not isinstance(answers.get("answers"), Mapping):
            problems.append(AnswerProblem("", "the answers must be a table of item ids and values"))
            return problems
        version = answers.get("version")
        if version is not None and (type(version) is not int or version < 1):
            problems.append(AnswerProblem("", "the version must be a whole number of 1 or more"))
    for item_id, value in answer_values(answers).items():
        if not isinstance(item_id, str):
            problems.append(AnswerProblem(str(item_id), "an item id must be text"))
            continue
        item = template.item(item_id)
        if item is None:
            if not _plain_value(value):
                problems.append(AnswerProblem(item_id, "holds a value that cannot be stored as an answer"))
            continue
        problem = item.problem(value)
        if problem is not None:
            problems.append(AnswerProblem(item_id, f"{item.text_in('en')}: the answer {problem}"))
    return problems


def _plain_value(value: Any) -> bool:
    if value is None or isinstance(value, bool | str):
        return True
    if isinstance(value, int | float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(isinstance(v, str | bool | int | float) for v in value)
    return False


def _number_text(value: float, lang: str) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    return text.replace(".", ",") if lang == "nl" else text


def _raw_text(value: Any, lang: str) -> str:
    yes, no = _YES_NO.get(lang, _YES_NO["en"])
    if isinstance(value, bool):
        return yes if value else no
    if isinstance(value, list):
        return ", ".join(_raw_text(v, lang) for v in value)
    if value is None:
        return ""
    return str(value)


def _format_value(item: Item, value: Any, lang: str) -> str:
    if item.problem(value) is not None or value is None:
        return _raw_text(value, lang)
    if item.kind == "check":
        return _raw_text(value, lang)
    if item.kind in ("choice", "vocab"):
        opt = item.option(value)
        return opt.label_in(lang) if opt else value
    if item.kind == "multi":
        return ", ".join(item.option(v).label_in(lang) if item.option(v) else v for v in value)
    if item.kind == "date":
        return date.fromisoformat(value).strftime(_DATE_FORMAT.get(lang, _DATE_FORMAT["en"]))
    if item.kind == "number":
        return _number_text(value, lang)
    return value


def _has_content(value: Any) -> bool:
    return not (value is None or value == "" or value == [])


def readable_answers(template: Template, answers: Mapping[str, Any] | None,
                     lang: str = "nl") -> list[tuple[str, str]]:
    """(question, answer) pairs for reading back a record.

    Visible items come first in template order; answers whose item the template no longer has
    follow with their stored id and value, so nothing recorded disappears after an update.
    """
    values = answer_values(answers)
    out: list[tuple[str, str]] = []
    for item in visible_items(template, values):
        if item.id in values and _has_content(values[item.id]):
            out.append((item.text_in(lang), item.format_value(values[item.id], lang)))
    for item_id, value in unknown_answers(template, values).items():
        if _has_content(value):
            out.append((str(item_id), _raw_text(value, lang)))
    return out


def case_fields(template: Template, answers: Mapping[str, Any] | None) -> dict[str, str]:
    """The case fields (behaviour, accused_relation, ...) filled by visible, validly answered items."""
    values = answer_values(answers)
    out: dict[str, str] = {}
    for item in visible_items(template, values):
        if item.fills and item.is_answered(values.get(item.id)):
            out[item.fills] = values[item.id]
    return out


NEXT_CONTACT = "volgend_contact"


def reminder_kind(item: Item) -> str:
    """The reminder kind a date item sets: `reminder = true` is the next contact."""
    return NEXT_CONTACT if item.reminder is True else str(item.reminder)


def reminder_dates(template: Template, answers: Mapping[str, Any] | None) -> list[tuple[date, str]]:
    """(date, reminder kind) of every visible, answered reminder item: the next contact, a filing deadline."""
    values = answer_values(answers)
    return [(date.fromisoformat(values[item.id]), reminder_kind(item)) for item in visible_items(template, values)
            if item.reminder and item.is_answered(values.get(item.id))]


def next_contact_date(template: Template, answers: Mapping[str, Any] | None) -> date | None:
    """The date of the next-contact reminder item, when visible and answered."""
    return next((d for d, kind in reminder_dates(template, answers) if kind == NEXT_CONTACT), None)


def items_by_section(items: Iterable[Item], lang: str = "nl") -> list[tuple[str, list[Item]]]:
    """Group consecutive items under their section heading (an item without one joins the previous)."""
    groups: list[tuple[str, list[Item]]] = []
    for item in items:
        heading = item.section_in(lang)
        if heading or not groups:
            groups.append((heading, [item]))
        else:
            groups[-1][1].append(item)
    return groups
