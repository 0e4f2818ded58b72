"""One word for one thing: the Dutch texts follow translations/glossary.toml."""
from __future__ import annotations

import json
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = tomllib.loads((ROOT / "translations" / "glossary.toml").read_text("utf-8"))["term"]


def _dutch_ts() -> list[tuple[str, str]]:
    out = []
    for msg in ET.parse(ROOT / "translations" / "vertrouwd_nl.ts").getroot().iter("message"):
        tr = msg.find("translation")
        forms = [n.text or "" for n in tr.iter("numerusform")] or [tr.text or ""]
        out += [(msg.findtext("source") or "", f) for f in forms]
    return out


def _dutch_in(value, found: list[str]) -> None:
    """Every string under an "nl" key (or a `*.nl` key in TOML) of a resource."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "nl" and isinstance(v, str):
                found.append(v)
            else:
                _dutch_in(v, found)
    elif isinstance(value, list):
        for v in value:
            _dutch_in(v, found)


def _dutch_resources() -> list[tuple[str, str]]:
    out = []
    res = ROOT / "resources"
    for path in [*res.glob("*.json"), *(res / "checklists").glob("*.toml")]:
        data = json.loads(path.read_text("utf-8")) if path.suffix == ".json" else tomllib.loads(path.read_text("utf-8"))
        texts: list[str] = []
        _dutch_in(data, texts)
        out += [(path.name, t) for t in texts]
    return out


def test_glossary_is_well_formed():
    assert len(GLOSSARY) >= 8
    for term in GLOSSARY:
        assert term["nl"] and term["en"] and isinstance(term.get("avoid", []), list)
        for word in term.get("avoid", []):
            re.compile(word)
            assert not re.search(rf"\b(?:{word})\b", term["nl"], re.IGNORECASE), term


def _readable(text: str) -> str:
    """What the adviser reads as words: {placeholders} are filled in and `vertrouwd <command>` is typed as is."""
    return re.sub(r"\{\w+\}|\bvertrouwd [a-z-]+", " ", text)


def test_dutch_texts_use_the_glossary_words():
    texts = [(where, _readable(t)) for where, t in _dutch_ts() + _dutch_resources()]
    assert len(texts) > 400
    wrong = []
    for term in GLOSSARY:
        for word in term.get("avoid", []):
            rx = re.compile(rf"(?<![\w-])(?:{word})(?![\w-])", re.IGNORECASE)
            wrong += [f"{where!r}: '{rx.search(t).group()}' (say '{term['nl']}')" for where, t in texts if rx.search(t)]
    assert not wrong, "\n".join(wrong)


def test_the_english_term_is_translated_with_the_glossary_word():
    """Where an English source names a term ("Decision aid: ..."), its Dutch says the glossary word."""
    pairs = {"decision aid": "beslishulp", "handout": "informatieblad", "passphrase": "wachtwoordzin",
             "threshold": "drempel", "organisations": "organisaties"}
    wrong = [f"{src!r} -> {nl!r}" for src, nl in _dutch_ts() for en, word in pairs.items()
             if re.search(rf"\b{en}\b", src, re.IGNORECASE) and nl and word not in nl.lower()]
    assert not wrong, "\n".join(wrong)
