"""Vocabularies: stable ASCII codes with Dutch and English labels.

The labels live in resources/vocabularies.json (loaded by app.resources); this module only
describes and queries them, so it stays free of file I/O.
"""
from __future__ import annotations

from dataclasses import dataclass, field

LANGUAGES = ("nl", "en")

# The names of the vocabularies every other part relies on.
REPORTER_ROLE = "reporter_role"
BEHAVIOUR = "behaviour"
ACCUSED_RELATION = "accused_relation"
FOLLOW_UP = "follow_up"
CHANNEL = "channel"
CONTACT_KIND = "contact_kind"
ACTIVITY_KIND = "activity_kind"
STATUS = "status"
REQUEST_KIND = "request_kind"
REQUEST_ASKER = "request_asker"
POSITION = "position"
INTEGRITY_KIND = "integrity_kind"
OUTCOME = "outcome"
SECTOR = "sector"
DEFAULT_SECTOR = "algemeen"
OTHER_GROUP = "overig"   # the coarse group of every code that no group lists


@dataclass(frozen=True)
class Vocabulary:
    name: str
    label: dict[str, str]
    codes: tuple[str, ...]
    labels: dict[str, dict[str, str]]
    sensitive: frozenset[str] = field(default_factory=frozenset)
    sectors: dict[str, frozenset[str]] = field(default_factory=dict)   # code -> the only sectors offering it
    # coarse level (global recoding): group code -> (labels {lang: label}, member codes); optional
    groups: dict[str, tuple[dict[str, str], tuple[str, ...]]] = field(default_factory=dict)

    def __contains__(self, code: object) -> bool:
        return code in self.labels

    def label_of(self, code: str, lang: str = "nl") -> str:
        entry = self.labels.get(code)
        if entry is None:
            return code
        return entry.get(lang) or entry.get("nl") or code

    def title(self, lang: str = "nl") -> str:
        return self.label.get(lang) or self.label.get("nl") or self.name

    def choices(self, lang: str = "nl") -> list[tuple[str, str]]:
        return [(c, self.label_of(c, lang)) for c in self.codes]

    def offered(self, sector: str | None, keep: str | None = None) -> tuple[str, ...]:
        """The codes offered to an organisation of ``sector``: every code without ``sectors``, plus
        the codes of that sector, plus ``keep`` (a code a case already has stays valid and shown)."""
        return tuple(c for c in self.codes
                     if c not in self.sectors or sector in self.sectors[c] or c == keep)

    def group_of(self, code: str) -> str:
        """The coarse group of a code; a code that no group lists (a new or unknown one) goes to
        OTHER_GROUP, so the coarse level always covers every case."""
        for gcode, (_labels, members) in self.groups.items():
            if code in members:
                return gcode
        return OTHER_GROUP

    def group_codes(self) -> tuple[str, ...]:
        """The coarse level's codes in their order, with OTHER_GROUP last when a code of the
        vocabulary lacks a group and no group is called so."""
        extra = self.ungrouped() and OTHER_GROUP not in self.groups
        return tuple(self.groups) + ((OTHER_GROUP,) if extra else ())

    def group_label(self, gcode: str, lang: str = "nl") -> str:
        """A group's label; a group called like a code of the vocabulary carries that code's label (so
        a table reads the same whichever level it shows)."""
        if gcode in self.labels:
            return self.label_of(gcode, lang)
        labels = self.groups.get(gcode, ({}, ()))[0]
        return labels.get(lang) or labels.get("nl") or self.label_of(gcode, lang)

    def ungrouped(self) -> list[str]:
        """Codes that no group lists (they fall into OTHER_GROUP at the coarse level)."""
        listed = {c for _labels, members in self.groups.values() for c in members}
        return [c for c in self.codes if c not in listed] if self.groups else []


@dataclass(frozen=True)
class Vocabularies:
    version: int
    by_name: dict[str, Vocabulary]

    def __getitem__(self, name: str) -> Vocabulary:
        return self.by_name[name]

    def label(self, name: str, code: str | None, lang: str = "nl") -> str:
        if code is None:
            return ""
        return self.by_name[name].label_of(code, lang)

    @classmethod
    def from_dict(cls, data: dict) -> Vocabularies:
        """Build from the parsed JSON; raises ValueError with a readable message when malformed."""
        if not isinstance(data, dict) or "vocabularies" not in data:
            raise ValueError("vocabularies: missing key 'vocabularies'")
        out: dict[str, Vocabulary] = {}
        for name, v in data["vocabularies"].items():
            codes = v.get("codes")
            if not isinstance(codes, dict) or not codes:
                raise ValueError(f"vocabulary {name}: no codes")
            for code, labels in codes.items():
                if not code.isascii() or not code.replace("_", "").isalnum() or code.lower() != code:
                    raise ValueError(f"vocabulary {name}: code {code!r} is not lower-case ASCII")
                for lang in LANGUAGES:
                    if not isinstance(labels, dict) or not labels.get(lang):
                        raise ValueError(f"vocabulary {name}: code {code} lacks a {lang} label")
                if not isinstance(labels.get("sectors", []), list) or labels.get("sectors") == []:
                    raise ValueError(f"vocabulary {name}: code {code}: sectors must be a non-empty list")
            sensitive = frozenset(v.get("sensitive", []))
            unknown = sensitive - set(codes)
            if unknown:
                raise ValueError(f"vocabulary {name}: sensitive codes not in vocabulary: {sorted(unknown)}")
            out[name] = Vocabulary(
                name=name,
                label=dict(v.get("label", {})),
                codes=tuple(codes),
                labels={c: {k: t for k, t in lbl.items() if k != "sectors"} for c, lbl in codes.items()},
                sensitive=sensitive,
                sectors={c: frozenset(lbl["sectors"]) for c, lbl in codes.items() if "sectors" in lbl},
                groups=_groups(name, v.get("groups"), codes),
            )
        return cls(version=int(data.get("version", 1)), by_name=out)


def _groups(name: str, raw: object, codes: dict) -> dict[str, tuple[dict[str, str], tuple[str, ...]]]:
    """Validate a vocabulary's optional ``groups``: every group has labels and member codes of the
    vocabulary, no code is in two groups, and at least one group code is not also a code (so a
    table at the coarse level can always be told apart from one at the detailed level)."""
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not raw:
        raise ValueError(f"vocabulary {name}: groups must be a non-empty object")
    out: dict[str, tuple[dict[str, str], tuple[str, ...]]] = {}
    seen: dict[str, str] = {}
    for gcode, g in raw.items():
        if not gcode.isascii() or not gcode.replace("_", "").isalnum() or gcode.lower() != gcode:
            raise ValueError(f"vocabulary {name}: group {gcode!r} is not lower-case ASCII")
        members = g.get("codes") if isinstance(g, dict) else None
        if not isinstance(members, list) or not members:
            raise ValueError(f"vocabulary {name}: group {gcode} lists no codes")
        for lang in LANGUAGES:
            if not g.get(lang):
                raise ValueError(f"vocabulary {name}: group {gcode} lacks a {lang} label")
        for c in members:
            if c not in codes:
                raise ValueError(f"vocabulary {name}: group {gcode} lists unknown code {c!r}")
            if c in seen:
                raise ValueError(f"vocabulary {name}: code {c} is in groups {seen[c]} and {gcode}")
            seen[c] = gcode
        out[gcode] = ({lang: g[lang] for lang in LANGUAGES}, tuple(members))
    if all(gcode in codes for gcode in out):
        raise ValueError(f"vocabulary {name}: every group code is also a code; name one group apart")
    return out
