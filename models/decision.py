"""The decision aid: which route fits (klacht, melding, or another way), as a tree held in data.

The tree (resources/decision_tree.json, loaded by app.guidance.decide) is a directed graph of nodes:

- an *ask* node puts one question (a fact) and branches on the answer;
- a *check* node branches on a fact that was already asked earlier on every path to it (no question);
- a *route* node ends the path with a route.

Each branch and route node may carry *effects*: a route that must be primary (acute danger), routes
that also apply, warnings and reasons. Walking the graph with a set of facts gives one path; its
effects and its final route give the outcome. When a fact on the way is missing, every answer is
explored: the result then only states what holds for all of them and lists the facts it `needs`,
so the aid never guesses silently.

Texts are written for the adviser ("de persoon"). The printed handout addresses the person ("u"/"you"):
reasons and warnings may carry a `handout` text, routes a `handout` object with their own explanation
and requirements, and a warning marked `adviser_only` is never printed. `render` puts these texts
under the result's "handout" key, so saved advice can be printed as it was.

Safety rules live in the data too: a `substitutions` entry replaces one route by another on every path
that carries a given warning (after violence, threats or stalking the informal route becomes the one
without confrontation or mediation). Routes, reasons and warnings may name `helplines`, looked up in the
help-line table passed to `from_dict` (resources/helplines.json, with the date it was last checked).
Terms count `days` or calendar `months`, optionally `after` another term (`add_months`,
`term_due_dates`). The tree records `legal_checked`, the date its legal content was last checked.

This module is pure: the tree comes in as a parsed dict and texts go out as strings.
"""
from __future__ import annotations

import calendar
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

LANGUAGES = ("nl", "en")
FACT_TYPES = ("bool", "choice", "number")
BOOL_ANSWERS = {True: "yes", False: "no"}


class TreeError(ValueError):
    """The decision tree data is malformed; `problems` lists every problem found."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        shown = "; ".join(self.problems[:10])
        more = f" (and {len(self.problems) - 10} more)" if len(self.problems) > 10 else ""
        super().__init__(f"decision tree is invalid: {shown}{more}")


class FactError(ValueError):
    """A fact that breaks the contract; `key` names the fact."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key
        self.message = message


# --------------------------------------------------------------------------------------------------
# Structure


@dataclass(frozen=True)
class Effects:
    primary: str | None = None
    also: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: Any) -> Effects:
        if data is None:
            return cls()
        if not isinstance(data, dict):
            raise ValueError("effects must be an object")
        unknown = set(data) - {"primary", "also", "warnings", "reasons"}
        if unknown:
            raise ValueError(f"unknown effect keys {sorted(unknown)}")
        for key in ("also", "warnings", "reasons"):
            if not isinstance(data.get(key, []), list):
                raise ValueError(f"effect {key!r} must be a list")
        return cls(
            primary=data.get("primary"),
            also=tuple(data.get("also", [])),
            warnings=tuple(data.get("warnings", [])),
            reasons=tuple(data.get("reasons", [])),
        )


@dataclass(frozen=True)
class Branch:
    next: str
    when: Any = None  # bool or choice code
    upto: float | None = None  # number branches: value <= upto
    otherwise: bool = False  # number branches: the last, open-ended bucket
    effects: Effects = field(default_factory=Effects)

    def matches(self, value: Any) -> bool:
        if self.otherwise:
            return True
        if self.upto is not None:
            return not isinstance(value, bool) and isinstance(value, int | float) and value <= self.upto
        if isinstance(self.when, bool):
            return isinstance(value, bool) and value is self.when
        return value == self.when


@dataclass(frozen=True)
class Node:
    id: str
    kind: str  # "ask" | "check" | "route"
    fact: str | None = None
    branches: tuple[Branch, ...] = ()
    route: str | None = None
    effects: Effects = field(default_factory=Effects)


@dataclass(frozen=True)
class QuestionView:
    """One question in one language, ready for the wizard."""

    fact: str
    type: str
    short: str
    text: str
    help: str
    choices: tuple[tuple[Any, str], ...] = ()  # (value, label); bool values are True/False
    unit: str = ""
    max: float = 0


@dataclass(frozen=True)
class Outcome:
    """The language-free result of an evaluation."""

    route: str | None
    also: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    reasons: tuple[tuple[str, str | None], ...] = ()  # (reason code, fact that led to it or None)
    needs: tuple[str, ...] = ()
    possible_routes: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.needs

    @classmethod
    def from_result(cls, result: Mapping[str, Any]) -> Outcome:
        """Rebuild the codes of a result dict (as made by `DecisionResult.to_cli_dict`)."""
        details = result.get("reasons_detail") or []
        return cls(
            route=result.get("route"),
            also=tuple(result.get("also") or ()),
            warnings=tuple(result.get("warnings") or ()),
            reasons=tuple((d["code"], d.get("fact")) for d in details if isinstance(d, dict) and "code" in d),
            needs=tuple(result.get("needs") or ()),
            possible_routes=tuple(result.get("possible_routes") or ()),
        )


@dataclass(frozen=True)
class PathOutcome:
    """One complete walk: the facts it assumed for missing ones, the nodes visited and the outcome."""

    assumed: dict[str, Any]
    nodes: tuple[str, ...]
    asked: tuple[str, ...]
    outcome: Outcome


@dataclass(frozen=True)
class DecisionResult:
    """An evaluation in one language: the CLI dict plus what is needed to store it on a case."""

    tree_version: str
    lang: str
    facts: dict[str, Any]
    outcome: Outcome
    result: dict[str, Any]

    @property
    def route(self) -> str | None:
        return self.outcome.route

    def to_cli_dict(self) -> dict[str, Any]:
        return dict(self.result)

    def to_dict(self) -> dict[str, Any]:
        """The saved form: JSON-able, independent of later tree versions."""
        return {
            "tree_version": self.tree_version,
            "lang": self.lang,
            "facts": dict(self.facts),
            "result": self.to_cli_dict(),
        }


def _text_ok(obj: Any) -> bool:
    return isinstance(obj, dict) and all(isinstance(obj.get(lang), str) and obj[lang].strip() for lang in LANGUAGES)


def _code_ok(code: Any) -> bool:
    return isinstance(code, str) and code.isascii() and code.replace("_", "").isalnum() and code.lower() == code


def _dedupe(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _iso_date_ok(value: Any) -> bool:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _positive_int(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, int) and value > 0


def _term_problems(code: str, term: Any, terms: Mapping[str, Any]) -> list[str]:
    """A term counts `days` or calendar `months`, from the start or `after` another term."""
    if not isinstance(term, dict):
        return [f"term {code}: must be an object"]
    p = []
    if ("days" in term) == ("months" in term):
        p.append(f"term {code}: needs either 'days' or 'months'")
    elif not _positive_int(term.get("days", term.get("months"))):
        p.append(f"term {code}: days or months must be a positive whole number")
    after = term.get("after")
    if after is not None and (after == code or after not in terms):
        p.append(f"term {code}: 'after' must name another term")
    return p


def add_months(start: date, months: int) -> date:
    """`start` plus whole calendar months; a day that does not exist becomes the month's last day.

    1 December + 3 months = 1 March; 30 November + 3 months = 28 (or 29) February.
    """
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def add_term(start: date, term: Mapping[str, Any]) -> date:
    """The due date of one term counted from `start` (days, or calendar months)."""
    if "months" in term:
        return add_months(start, int(term["months"]))
    return start + timedelta(days=int(term["days"]))


def term_due_dates(terms: Mapping[str, Mapping[str, Any]], codes: list[str], start: date) -> dict[str, date]:
    """Due dates of the given terms; a term `after` another counts from that term's due date."""
    due: dict[str, date] = {}

    def one(code: str) -> date:
        if code not in due:
            term = terms[code]
            base = one(term["after"]) if term.get("after") else start
            due[code] = add_term(base, term)
        return due[code]

    for code in codes:
        one(code)
    return {code: due[code] for code in codes}


# --------------------------------------------------------------------------------------------------
# The tree


class DecisionTree:
    """A validated decision tree. Build with `from_dict`; it raises TreeError when the data is wrong."""

    def __init__(self, data: dict[str, Any], nodes: dict[str, Node],
                 helplines: Mapping[str, Any] | None = None):
        self.data = data
        self.version: str = data["version"]
        self.legal_checked: str = data.get("legal_checked", "")
        self.substitutions: list[dict[str, str]] = data.get("substitutions", [])
        self.helplines: dict[str, Any] = dict((helplines or {}).get("lines", {}))
        self.helplines_checked: str = str((helplines or {}).get("checked", ""))
        self.start: str = data["start"]
        self.questions: dict[str, dict[str, Any]] = data["questions"]
        self.routes: dict[str, dict[str, Any]] = data["routes"]
        self.terms: dict[str, dict[str, Any]] = data["terms"]
        self.warnings: dict[str, dict[str, str]] = data["warnings"]
        self.reasons: dict[str, dict[str, str]] = data["reasons"]
        self.legal: dict[str, dict[str, str]] = data["legal_references"]
        self.texts: dict[str, Any] = data["texts"]
        self.nodes = nodes

    # ---- building and validation -----------------------------------------------------------------

    @classmethod
    def from_dict(cls, data: Any, helplines: Mapping[str, Any] | None = None) -> DecisionTree:
        """Build and validate; `helplines` is the parsed help-line file ({"checked", "lines"}), if any."""
        if not isinstance(data, dict):
            raise TreeError(["the tree must be a JSON object"])
        problems: list[str] = []
        for key in ("version", "start", "questions", "nodes", "routes", "terms", "warnings", "reasons",
                    "legal_references", "texts"):
            if key not in data:
                problems.append(f"missing top-level key {key!r}")
        if problems:
            raise TreeError(problems)
        nodes: dict[str, Node] = {}
        if not isinstance(data["nodes"], dict):
            raise TreeError(["'nodes' must be an object"])
        for node_id, raw in data["nodes"].items():
            try:
                nodes[node_id] = cls._parse_node(node_id, raw)
            except ValueError as exc:
                problems.append(f"node {node_id}: {exc}")
        if problems:
            raise TreeError(problems)
        tree = cls(data, nodes, helplines)
        problems = tree.problems()
        if problems:
            raise TreeError(problems)
        return tree

    @staticmethod
    def _parse_node(node_id: str, raw: Any) -> Node:
        if not isinstance(raw, dict):
            raise ValueError("must be an object")
        kinds = [k for k in ("ask", "check", "route") if k in raw]
        if len(kinds) != 1:
            raise ValueError("needs exactly one of 'ask', 'check' or 'route'")
        kind = kinds[0]
        effects = Effects.from_dict(raw.get("effects"))
        if kind == "route":
            if "branches" in raw:
                raise ValueError("a route node has no branches")
            return Node(id=node_id, kind=kind, route=raw["route"], effects=effects)
        if "effects" in raw:
            raise ValueError("effects belong on branches of a question node")
        branches_raw = raw.get("branches")
        if not isinstance(branches_raw, list) or not branches_raw:
            raise ValueError("needs a non-empty list of branches")
        branches = []
        for i, b in enumerate(branches_raw):
            if not isinstance(b, dict) or not isinstance(b.get("next"), str):
                raise ValueError(f"branch {i} needs a 'next' node id")
            unknown = set(b) - {"when", "upto", "otherwise", "effects", "next"}
            if unknown:
                raise ValueError(f"branch {i} has unknown keys {sorted(unknown)}")
            upto = b.get("upto")
            if upto is not None and (isinstance(upto, bool) or not isinstance(upto, int | float)):
                raise ValueError(f"branch {i}: 'upto' must be a number")
            conditions = sum(k in b for k in ("when", "upto", "otherwise"))
            if conditions != 1:
                raise ValueError(f"branch {i} needs exactly one of 'when', 'upto' or 'otherwise'")
            if "otherwise" in b and b["otherwise"] is not True:
                raise ValueError(f"branch {i}: 'otherwise' must be true")
            branches.append(Branch(
                next=b["next"], when=b.get("when"), upto=upto, otherwise="otherwise" in b,
                effects=Effects.from_dict(b.get("effects")),
            ))
        return Node(id=node_id, kind=kind, fact=raw[kind], branches=tuple(branches))

    def problems(self) -> list[str]:
        """Every problem with the data: texts in both languages, references, coverage, reachability."""
        p: list[str] = []
        if not isinstance(self.version, str) or not self.version.strip():
            p.append("'version' must be a non-empty string")
        if not _iso_date_ok(self.legal_checked):
            p.append("'legal_checked' must be the date (YYYY-MM-DD) the legal content was last checked")
        p += self._substitution_problems()
        p += self._question_problems()
        p += self._catalogue_problems()
        p += self._node_problems()
        if p:
            return p  # the graph walk below assumes well-formed nodes
        p += self._graph_problems()
        return p

    def _question_problems(self) -> list[str]:
        p: list[str] = []
        for fact, q in self.questions.items():
            where = f"question {fact}"
            if not _code_ok(fact):
                p.append(f"{where}: key is not a lower-case ASCII code")
            if not isinstance(q, dict):
                p.append(f"{where}: must be an object")
                continue
            if q.get("type") not in FACT_TYPES:
                p.append(f"{where}: type must be one of {FACT_TYPES}")
                continue
            for key in ("short", "text", "help"):
                if not _text_ok(q.get(key)):
                    p.append(f"{where}: {key} needs a text in nl and en")
            if q["type"] == "number":
                if not _text_ok(q.get("unit")):
                    p.append(f"{where}: unit needs a text in nl and en")
                mx = q.get("max")
                if isinstance(mx, bool) or not isinstance(mx, int | float) or mx <= 0:
                    p.append(f"{where}: max must be a positive number")
                continue
            answers = q.get("answers")
            if not isinstance(answers, dict) or not answers:
                p.append(f"{where}: needs answers")
                continue
            if q["type"] == "bool" and set(answers) != {"yes", "no"}:
                p.append(f"{where}: a yes/no question has exactly the answers 'yes' and 'no'")
            for code, label in answers.items():
                if not _code_ok(code):
                    p.append(f"{where}: answer {code!r} is not a lower-case ASCII code")
                if not _text_ok(label):
                    p.append(f"{where}: answer {code} needs a label in nl and en")
        return p

    def _catalogue_problems(self) -> list[str]:
        p: list[str] = []
        for code, route in self.routes.items():
            where = f"route {code}"
            if not _code_ok(code):
                p.append(f"{where}: not a lower-case ASCII code")
            if not isinstance(route, dict):
                p.append(f"{where}: must be an object")
                continue
            for key in ("label", "explanation"):
                if not _text_ok(route.get(key)):
                    p.append(f"{where}: {key} needs a text in nl and en")
            reqs = route.get("requirements")
            if not isinstance(reqs, list) or not reqs or not all(_text_ok(r) for r in reqs):
                p.append(f"{where}: requirements must be a non-empty list of nl/en texts")
            for term in route.get("terms", []):
                if term not in self.terms:
                    p.append(f"{where}: unknown term {term!r}")
            for ref in route.get("legal", []):
                if ref not in self.legal:
                    p.append(f"{where}: unknown legal reference {ref!r}")
        for code, term in self.terms.items():
            p += _term_problems(code, term, self.terms)
            if not isinstance(term, dict) or not _text_ok(term.get("label")) or not _text_ok(term.get("note")):
                p.append(f"term {code}: label and note need texts in nl and en")
            if isinstance(term, dict) and "display" in term and not _text_ok(term["display"]):
                p.append(f"term {code}: display needs texts in nl and en")
        for code, route in self.routes.items():
            if isinstance(route, dict) and "handout" in route:
                p += self._route_handout_problems(f"route {code}", route["handout"])
        p += self._helpline_problems()
        allowed = {"warning": {"handout", "adviser_only", "helplines"}, "reason": {"handout", "helplines"},
                   "legal reference": set()}
        for name, table in (("warning", self.warnings), ("reason", self.reasons), ("legal reference", self.legal)):
            for code, text in table.items():
                if not _code_ok(code):
                    p.append(f"{name} {code!r}: not a lower-case ASCII code")
                if not _text_ok(text):
                    p.append(f"{name} {code}: needs a text in nl and en")
                    continue
                unknown = set(text) - set(LANGUAGES) - allowed[name]
                if not isinstance(text.get("helplines", []), list):
                    p.append(f"{name} {code}: helplines must be a list of codes")
                if unknown:
                    p.append(f"{name} {code}: unknown keys {sorted(unknown)}")
                if "handout" in text and not _text_ok(text["handout"]):
                    p.append(f"{name} {code}: handout needs a text in nl and en")
                if "adviser_only" in text:
                    if not isinstance(text["adviser_only"], bool):
                        p.append(f"{name} {code}: adviser_only must be true or false")
                    elif text["adviser_only"] and "handout" in text:
                        p.append(f"{name} {code}: an adviser-only warning is never printed, so it has no handout text")
        for key, text in self.texts.items():
            items = text if isinstance(text, list) else [text]
            if not items or not all(_text_ok(t) for t in items):
                p.append(f"text {key}: needs texts in nl and en")
        for key in ("route_undetermined", "reason_needs", "handout_days", "handout_months", "handout_title",
                    "handout_know_items", "handout_helplines", "handout_footer"):
            if key not in self.texts:
                p.append(f"texts: missing {key!r}")
        return p

    def _substitution_problems(self) -> list[str]:
        p: list[str] = []
        if not isinstance(self.substitutions, list):
            return ["'substitutions' must be a list"]
        for i, sub in enumerate(self.substitutions):
            if not isinstance(sub, dict) or set(sub) != {"if_warning", "route", "by"}:
                p.append(f"substitution {i}: needs exactly 'if_warning', 'route' and 'by'")
                continue
            if sub["if_warning"] not in self.warnings:
                p.append(f"substitution {i}: unknown warning {sub['if_warning']!r}")
            p += [f"substitution {i}: unknown route {sub[k]!r}" for k in ("route", "by") if sub[k] not in self.routes]
        return p

    def _helpline_problems(self) -> list[str]:
        """Help-line codes on routes, reasons and warnings must exist (checked when a table was given)."""
        p: list[str] = []
        tables = (("route", self.routes), ("reason", self.reasons), ("warning", self.warnings))
        for name, table in tables:
            for code, entry in table.items():
                lines = entry.get("helplines", []) if isinstance(entry, dict) else []
                if not isinstance(lines, list):
                    p.append(f"{name} {code}: helplines must be a list of codes")
                    continue
                if self.helplines:
                    p += [f"{name} {code}: unknown help line {h!r}" for h in lines if h not in self.helplines]
        return p

    @staticmethod
    def _route_handout_problems(where: str, handout: Any) -> list[str]:
        """A route's optional handout wording: {"explanation": text, "requirements": [text, ...]}."""
        if not isinstance(handout, dict) or not handout:
            return [f"{where}: handout must be an object with 'explanation' and/or 'requirements'"]
        p = []
        unknown = set(handout) - {"explanation", "requirements"}
        if unknown:
            p.append(f"{where}: handout has unknown keys {sorted(unknown)}")
        if "explanation" in handout and not _text_ok(handout["explanation"]):
            p.append(f"{where}: handout explanation needs a text in nl and en")
        if "requirements" in handout:
            reqs = handout["requirements"]
            if not isinstance(reqs, list) or not reqs or not all(_text_ok(r) for r in reqs):
                p.append(f"{where}: handout requirements must be a non-empty list of nl/en texts")
        return p

    def _effect_problems(self, where: str, e: Effects) -> list[str]:
        p = []
        if e.primary is not None and e.primary not in self.routes:
            p.append(f"{where}: unknown primary route {e.primary!r}")
        p += [f"{where}: unknown route {c!r}" for c in e.also if c not in self.routes]
        p += [f"{where}: unknown warning {c!r}" for c in e.warnings if c not in self.warnings]
        p += [f"{where}: unknown reason {c!r}" for c in e.reasons if c not in self.reasons]
        return p

    def _node_problems(self) -> list[str]:
        p: list[str] = []
        if self.start not in self.nodes:
            p.append(f"start node {self.start!r} does not exist")
        for node in self.nodes.values():
            where = f"node {node.id}"
            if node.kind == "route":
                if node.route not in self.routes:
                    p.append(f"{where}: unknown route {node.route!r}")
                p += self._effect_problems(where, node.effects)
                continue
            q = self.questions.get(node.fact) if isinstance(node.fact, str) else None
            if q is None or not isinstance(q, dict):
                p.append(f"{where}: unknown fact {node.fact!r}")
                continue
            for i, b in enumerate(node.branches):
                if b.next not in self.nodes:
                    p.append(f"{where}: branch {i} goes to unknown node {b.next!r}")
                p += self._effect_problems(f"{where} branch {i}", b.effects)
            qtype = q.get("type")
            if qtype == "number":
                if any(b.when is not None for b in node.branches):
                    p.append(f"{where}: number branches use 'upto'/'otherwise', not 'when'")
                    continue
                uptos = [b.upto for b in node.branches[:-1]]
                if len(node.branches) < 2 or None in uptos or not node.branches[-1].otherwise:
                    p.append(f"{where}: number branches are 'upto' buckets ending with one 'otherwise'")
                elif uptos != sorted(set(uptos)):
                    p.append(f"{where}: 'upto' values must be strictly increasing")
                continue
            if any(b.upto is not None or b.otherwise for b in node.branches):
                p.append(f"{where}: only number questions use 'upto'/'otherwise'")
                continue
            values = [b.when for b in node.branches]
            expected = [True, False] if qtype == "bool" else list(q.get("answers", {}))
            if qtype == "bool" and not all(isinstance(v, bool) for v in values):
                p.append(f"{where}: a yes/no question branches on true and false")
            elif sorted(map(repr, values)) != sorted(map(repr, expected)):
                p.append(f"{where}: branches must cover each answer exactly once ({expected})")
        return p

    def _graph_problems(self) -> list[str]:
        p: list[str] = []
        reached: set[str] = set()
        routes_seen: set[str] = set()
        warnings_seen: set[str] = set()
        reasons_seen: set[str] = set()
        facts_seen: set[str] = set()
        n_paths = 0
        for path in self.all_paths(problems=p):
            n_paths += 1
            reached.update(path.nodes)
            facts_seen.update(path.asked)
            o = path.outcome
            if o.route is None:
                p.append(f"path {' > '.join(path.nodes)} does not end in a route")
                continue
            routes_seen.add(o.route)
            routes_seen.update(o.also)
            warnings_seen.update(o.warnings)
            reasons_seen.update(code for code, _fact in o.reasons)
            if n_paths > 100_000:
                p.append("the tree has too many paths (over 100000)")
                break
        p += [f"node {n} is unreachable from the start" for n in self.nodes if n not in reached]
        p += [f"route {r} is never reached" for r in self.routes if r not in routes_seen]
        p += [f"warning {w} is never given" for w in self.warnings if w not in warnings_seen]
        p += [f"reason {r} is never given" for r in self.reasons if r not in reasons_seen]
        p += [f"question {f} is never asked" for f in self.questions if f not in facts_seen]
        return p

    # ---- facts -----------------------------------------------------------------------------------

    @property
    def fact_keys(self) -> tuple[str, ...]:
        return tuple(self.questions)

    def fact_type(self, fact: str) -> str:
        return self.questions[fact]["type"]

    def check_facts(self, facts: Any, *, require_subject: bool = True) -> dict[str, Any]:
        """Return the facts without null entries; raise FactError naming the first bad key."""
        if not isinstance(facts, dict):
            raise FactError("", "The facts must be a JSON object such as {\"subject\": \"ongewenst_gedrag\"}.")
        clean: dict[str, Any] = {}
        for key, value in facts.items():
            if key not in self.questions:
                known = ", ".join(self.questions)
                raise FactError(str(key), f"Unknown fact {key!r}. Use only these keys: {known}.")
            if value is None:
                continue  # null means: not known yet
            qtype = self.fact_type(key)
            if qtype == "bool" and not isinstance(value, bool):
                raise FactError(key, f"Fact {key!r} must be true or false (without quotes), not {value!r}.")
            if qtype == "choice":
                choices = list(self.questions[key]["answers"])
                if not isinstance(value, str) or value not in choices:
                    raise FactError(key, f"Fact {key!r} must be one of {', '.join(choices)}; got {value!r}.")
            if qtype == "number":
                if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                    raise FactError(key, f"Fact {key!r} must be a number, not {value!r}.")
                if value < 0:
                    raise FactError(key, f"Fact {key!r} cannot be negative; got {value!r}.")
            clean[key] = value
        if require_subject and "subject" in self.questions and "subject" not in clean:
            raise FactError("subject", "The fact 'subject' is required: one of "
                            + ", ".join(self.questions["subject"]["answers"]) + ".")
        return clean

    def _representative(self, node: Node, branch: Branch) -> Any:
        """A value for the fact of `node` that selects `branch` (used when exploring missing facts)."""
        if branch.upto is not None:
            return branch.upto
        if branch.otherwise:
            uptos = [b.upto for b in node.branches if b.upto is not None]
            return (max(uptos) + 1) if uptos else 0
        return branch.when

    # ---- walking ---------------------------------------------------------------------------------

    def _walk(self, facts: Mapping[str, Any], problems: list[str] | None = None) -> Iterator[PathOutcome]:
        """Every path the facts allow: one when all facts on the way are known, more when some are missing."""

        def go(node_id: str, assumed: dict[str, Any], visited: tuple[str, ...], asked: tuple[str, ...],
               effects: tuple[tuple[Effects, str | None], ...]) -> Iterator[PathOutcome]:
            if node_id in visited:
                if problems is not None:
                    problems.append(f"cycle through node {node_id}")
                return
            node = self.nodes[node_id]
            visited = (*visited, node_id)
            if node.kind == "route":
                yield PathOutcome(assumed, visited, asked,
                                  self._outcome(node, (*effects, (node.effects, None))))
                return
            fact = node.fact
            assert fact is not None
            if node.kind == "ask":
                if fact in asked:
                    if problems is not None:
                        problems.append(f"node {node_id} asks {fact} a second time on one path")
                    return
                asked = (*asked, fact)
            elif fact not in asked:
                if problems is not None:
                    problems.append(f"node {node_id} checks {fact} before it was asked on path "
                                    f"{' > '.join(visited)}")
                return
            known = facts.get(fact, assumed.get(fact))
            if fact in facts or fact in assumed:
                branch = next((b for b in node.branches if b.matches(known)), None)
                if branch is None:
                    if problems is not None:
                        problems.append(f"node {node_id}: no branch for {fact}={known!r}")
                    return
                yield from go(branch.next, assumed, visited, asked, (*effects, (branch.effects, fact)))
                return
            for branch in node.branches:
                more = {**assumed, fact: self._representative(node, branch)}
                yield from go(branch.next, more, visited, asked, (*effects, (branch.effects, fact)))

        yield from go(self.start, {}, (), (), ())

    def _outcome(self, leaf: Node, effects: tuple[tuple[Effects, str | None], ...]) -> Outcome:
        primary = next((e.primary for e, _f in effects if e.primary), None) or leaf.route
        also: list[str] = [leaf.route] if leaf.route and leaf.route != primary else []
        warnings: list[str] = []
        reasons: list[tuple[str, str | None]] = []
        for e, fact in effects:
            also += [r for r in e.also if r != primary]
            warnings += list(e.warnings)
            reasons += [(r, fact) for r in e.reasons]
        for sub in self.substitutions:  # e.g. no confrontation or mediation after violence
            if sub["if_warning"] in warnings:
                primary = sub["by"] if primary == sub["route"] else primary
                also = [sub["by"] if r == sub["route"] else r for r in also]
        also = [r for r in also if r != primary]
        return Outcome(route=primary, also=_dedupe(also), warnings=_dedupe(warnings),
                       reasons=tuple(dict.fromkeys(reasons)), possible_routes=(primary,) if primary else ())

    def all_paths(self, problems: list[str] | None = None) -> Iterator[PathOutcome]:
        """Every complete path through the tree (all facts explored)."""
        return self._walk({}, problems)

    def evaluate(self, facts: Mapping[str, Any]) -> Outcome:
        """The outcome for these (checked) facts; missing facts on the way end up in `needs`."""
        paths = list(self._walk(facts))
        if not paths:
            raise TreeError(["no path through the tree for these facts"])
        needs: list[str] = []
        for path in paths:
            needs += [f for f in path.asked if f not in facts]
        if len(paths) == 1 and not needs:
            return paths[0].outcome
        outcomes = [path.outcome for path in paths]
        primaries = _dedupe([o.route for o in outcomes if o.route])
        route = primaries[0] if len(primaries) == 1 else None

        def in_all(getter) -> list:
            first = list(getter(outcomes[0]))
            return [x for x in first if all(x in getter(o) for o in outcomes[1:])]

        certain = in_all(lambda o: ((o.route,) if o.route else ()) + o.also)
        return Outcome(
            route=route,
            also=tuple(r for r in certain if r != route),
            warnings=tuple(in_all(lambda o: o.warnings)),
            reasons=tuple(in_all(lambda o: o.reasons)),
            needs=_dedupe(needs),
            possible_routes=primaries,
        )

    # ---- the wizard ------------------------------------------------------------------------------

    def _follow(self, answers: Mapping[str, Any]) -> tuple[list[str], str | None]:
        """Follow the answers from the start: the facts asked on the way, and the next unanswered one."""
        asked: list[str] = []
        node = self.nodes[self.start]
        while node.kind != "route":
            assert node.fact is not None
            if node.kind == "ask":
                if node.fact not in answers or answers[node.fact] is None:
                    return asked, node.fact
                asked.append(node.fact)
            branch = next((b for b in node.branches if b.matches(answers.get(node.fact))), None)
            if branch is None:
                raise FactError(node.fact, f"Answer {answers.get(node.fact)!r} does not fit question {node.fact!r}.")
            node = self.nodes[branch.next]
        return asked, None

    def next_question(self, answers: Mapping[str, Any]) -> str | None:
        """The fact to ask next given the answers so far, or None when the path reached a route.

        Questions that cannot change the result on this path are never asked: the path decides.
        """
        return self._follow(answers)[1]

    def path_facts(self, answers: Mapping[str, Any]) -> list[str]:
        """The answered facts that lie on the current path, in the order they were asked."""
        return self._follow(answers)[0]

    def prune(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """Only the answers on the current path (after going back and changing an earlier answer)."""
        return {f: answers[f] for f in self.path_facts(answers)}

    def question(self, fact: str, lang: str = "nl") -> QuestionView:
        q = self.questions[fact]
        lang = lang if lang in LANGUAGES else "nl"
        if q["type"] == "bool":
            choices = tuple((value, q["answers"][code][lang]) for value, code in BOOL_ANSWERS.items())
        elif q["type"] == "choice":
            choices = tuple((code, label[lang]) for code, label in q["answers"].items())
        else:
            choices = ()
        return QuestionView(
            fact=fact, type=q["type"], short=q["short"][lang], text=q["text"][lang], help=q["help"][lang],
            choices=choices, unit=q.get("unit", {}).get(lang, ""), max=q.get("max", 0),
        )

    def answer_label(self, fact: str, value: Any, lang: str = "nl") -> str:
        """How an answer reads in the wizard's summary."""
        q = self.questions[fact]
        if q["type"] == "bool" and isinstance(value, bool):
            return q["answers"][BOOL_ANSWERS[value]][lang]
        if q["type"] == "choice" and value in q["answers"]:
            return q["answers"][value][lang]
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return f"{value} {q.get('unit', {}).get(lang, '')}".strip()

    # ---- results in one language -----------------------------------------------------------------

    def text(self, key: str, lang: str) -> Any:
        t = self.texts[key]
        if isinstance(t, list):
            return [item[lang] for item in t]
        return t[lang]

    def route_label(self, code: str, lang: str) -> str:
        return self.routes[code]["label"][lang]

    def adviser_only(self, warning: str) -> bool:
        """True for a warning meant for the adviser only; it is left out of the person's handout."""
        return bool(self.warnings.get(warning, {}).get("adviser_only", False))

    def _handout_route(self, code: str, lang: str) -> tuple[str, list[str]]:
        """A route's explanation and requirements as worded for the person ("u"/"you")."""
        route = self.routes[code]
        own = route.get("handout", {})
        explanation = (own.get("explanation") or route["explanation"])[lang]
        requirements = [r[lang] for r in own.get("requirements") or route["requirements"]]
        return explanation, requirements

    def _handout_texts(self, outcome: Outcome, lang: str, needs_sentence: str | None) -> dict[str, Any]:
        """The texts of the person's handout: addressed to the reader, without adviser-only warnings."""
        def worded(entry: dict[str, Any]) -> str:
            return (entry.get("handout") or entry)[lang]

        explanation, requirements = (self._handout_route(outcome.route, lang) if outcome.route in self.routes
                                     else ("", []))
        reasons = [worded(self.reasons[code]) for code, _fact in outcome.reasons]
        if needs_sentence:
            reasons.append(needs_sentence)
        also = []
        for a in outcome.also:
            also_explanation, _reqs = self._handout_route(a, lang)
            also.append({"route": a, "label": self.routes[a]["label"][lang], "explanation": also_explanation})
        return {
            "explanation": explanation,
            "requirements": requirements,
            "helplines": [f"{h['name']}: {h['contact']} ({h['when']})" for h in self.helplines_for(outcome, lang)],
            "reasons": reasons,
            "warnings": [worded(self.warnings[w]) for w in outcome.warnings if not self.adviser_only(w)],
            "also": also,
        }

    def _term_view(self, code: str, t: Mapping[str, Any], lang: str) -> dict[str, Any]:
        """One term as shown: its count, label, note and how it reads ("7 dagen", "3 maanden")."""
        if "months" in t:
            shown = self.texts["handout_months"][lang].format(months=t["months"])
        else:
            shown = self.texts["handout_days"][lang].format(days=t["days"])
        view = {"code": code, "label": t["label"][lang], "note": t["note"][lang],
                "display": (t.get("display") or {}).get(lang) or shown}
        view.update({k: t[k] for k in ("days", "months", "after") if k in t})
        return view

    def helplines_for(self, outcome: Outcome, lang: str) -> list[dict[str, str]]:
        """The help lines that belong to the outcome's routes, reasons and warnings, each once, in order."""
        codes: list[str] = list(self.routes[outcome.route].get("helplines", [])) if outcome.route else []
        # the specific ones (sexual violence, violence at home) before those of the other routes
        for code, _fact in outcome.reasons:
            codes += self.reasons[code].get("helplines", [])
        for code in outcome.warnings:
            codes += self.warnings[code].get("helplines", [])
        for code in outcome.also:
            codes += self.routes[code].get("helplines", [])
        lines = []
        for code in _dedupe([c for c in codes if c in self.helplines]):
            line = self.helplines[code]
            lines.append({"code": code, "name": line["name"][lang], "contact": line["contact"],
                          "when": line["when"][lang]})
        return lines

    def result(self, facts: Mapping[str, Any], lang: str = "nl") -> DecisionResult:
        """Check the facts (subject required), evaluate them and render the result in `lang`."""
        clean = self.check_facts(dict(facts))
        return self.render(self.evaluate(clean), lang, clean)

    def render(self, outcome: Outcome, lang: str, facts: Mapping[str, Any] | None = None) -> DecisionResult:
        """Texts for an outcome in `lang` (also used to reprint a saved result in the other language)."""
        if lang not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}")
        route = outcome.route
        r = self.routes.get(route) if route else None
        terms = [(code, self.terms[code]) for code in (r or {}).get("terms", [])]
        helplines = self.helplines_for(outcome, lang)
        reasons_detail = [
            {"code": code, "fact": fact, "text": self.reasons[code][lang]} for code, fact in outcome.reasons
        ]
        reasons = [d["text"] for d in reasons_detail]
        needs_labels = [self.questions[f]["short"][lang] for f in outcome.needs]
        needs_sentence = None
        if outcome.needs:
            needs_sentence = self.texts["reason_needs"][lang].format(facts=", ".join(needs_labels))
            reasons.append(needs_sentence)
        result: dict[str, Any] = {
            "route": route,
            "route_label": r["label"][lang] if r else self.texts["route_undetermined"][lang],
            "explanation": r["explanation"][lang] if r else "",
            "also": list(outcome.also),
            "also_details": [
                {"route": a, "label": self.routes[a]["label"][lang], "explanation": self.routes[a]["explanation"][lang]}
                for a in outcome.also
            ],
            "warnings": list(outcome.warnings),
            "warning_texts": {w: self.warnings[w][lang] for w in outcome.warnings},
            "requirements": [req[lang] for req in (r or {}).get("requirements", [])],
            "terms_days": {code: t["days"] for code, t in terms if "days" in t},
            "terms": [self._term_view(code, t, lang) for code, t in terms],
            "reasons": reasons,
            "reasons_detail": reasons_detail,
            "legal_references": [self.legal[ref][lang] for ref in (r or {}).get("legal", [])],
            "needs": list(outcome.needs),
            "needs_labels": needs_labels,
            "possible_routes": list(outcome.possible_routes),
            "complete": outcome.complete,
            "helplines": helplines,
            "helplines_checked": self.helplines_checked,
            "handout": self._handout_texts(outcome, lang, needs_sentence),
            "tree_version": self.version,
            "legal_checked": self.legal_checked,
            "lang": lang,
        }
        return DecisionResult(tree_version=self.version, lang=lang, facts=dict(facts or {}),
                              outcome=outcome, result=result)
