"""The Dutch translation is complete and faithful, and the committed .qm files match the .ts sources.

Every check collects all problems first and fails once with the full list, so one run shows a
translator everything that needs fixing. `python translations/update.py` fixes most of them.
"""
from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
NL_TS = TRANSLATIONS / "vertrouwd_nl.ts"
EN_TS = TRANSLATIONS / "vertrouwd_en.ts"

_BRACE = re.compile(r"\{(\w*)(?:[!:][^{}]*)?\}")   # str.format fields: {name}, {n:,}, {}
_QT_ARG = re.compile(r"%(\d{1,2}|n)(?![A-Za-z0-9])")  # Qt arguments: %1, %2, %n
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")  # &amp; &nbsp; in rich text


def _load_update():
    spec = importlib.util.spec_from_file_location("vertrouwd_translations_update", TRANSLATIONS / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


update = _load_update()


def messages(path: Path):
    """(context, source, [translations], message element) for every message; numerus forms listed."""
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None:
                texts = []
            elif msg.get("numerus") == "yes":
                texts = [f.text or "" for f in tr.findall("numerusform")]
            else:
                texts = [tr.text or ""]
            out.append((name, msg.findtext("source") or "", texts, msg))
    return out


def has_accelerator(text: str) -> bool:
    """True when `text` marks a keyboard accelerator: a single & before a character (&& is a literal &)."""
    text = _ENTITY.sub("", text).replace("&&", "")
    return re.search(r"&\S", text) is not None


def placeholder_problems(source: str, translation: str) -> list[str]:
    problems = []
    src_brace, tr_brace = set(_BRACE.findall(source)), set(_BRACE.findall(translation))
    if src_brace != tr_brace:
        problems.append(f"{{}} fields {sorted(src_brace)} became {sorted(tr_brace)}")
    src_qt, tr_qt = set(_QT_ARG.findall(source)), set(_QT_ARG.findall(translation))
    if src_qt != tr_qt:
        problems.append(f"% arguments {sorted(src_qt)} became {sorted(tr_qt)}")
    if has_accelerator(source) and not has_accelerator(translation):
        problems.append("the & accelerator is missing")
    return problems


# ----------------------------------------------------------------------------- the helpers themselves

def test_placeholder_check_catches_what_it_should():
    assert placeholder_problems("Case {code}", "Casus {code}") == []
    assert placeholder_problems("Case {code}", "Casus {cod}")
    assert placeholder_problems("Export failed: {reason}", "Exporteren mislukt")
    assert placeholder_problems("%1 of %2", "%1 van %2") == []
    assert placeholder_problems("%1 of %2", "%1 van %1")
    assert placeholder_problems("Question %n", "Vraag")
    assert placeholder_problems("&File", "&Bestand") == []
    assert placeholder_problems("&File", "Bestand")
    assert placeholder_problems("Tom && Jerry", "Tom && Jerry") == []
    assert not has_accelerator("<b>A</b>&nbsp;B")
    assert placeholder_problems("{n:,} cases", "{n:,} casussen") == []


# ----------------------------------------------------------------------------- the .ts files

def test_ts_files_exist_and_are_not_empty():
    for path in (NL_TS, EN_TS):
        assert path.is_file(), f"{path.name} is missing: run `python translations/update.py`"
        assert len(messages(path)) > 50, f"{path.name} holds almost nothing: run translations/update.py"


def test_dutch_is_complete():
    todo = []
    for ctx, source, texts, msg in messages(NL_TS):
        tr = msg.find("translation")
        if tr is None or tr.get("type") is not None or not texts or not all(t.strip() for t in texts):
            todo.append(f"[{ctx}] {source!r}")
    assert not todo, (f"{len(todo)} Dutch entries are unfinished or empty; translate them in Qt Linguist "
                      f"(pyside6-linguist translations/vertrouwd_nl.ts):\n" + "\n".join(todo))


def test_dutch_plural_entries_have_both_forms():
    bad = [f"[{ctx}] {source!r}" for ctx, source, texts, msg in messages(NL_TS)
           if msg.get("numerus") == "yes" and len(texts) != 2]
    assert not bad, "Dutch needs a singular and a plural form for:\n" + "\n".join(bad)


@pytest.mark.parametrize("path", [NL_TS, EN_TS], ids=["nl", "en"])
def test_translations_keep_placeholders_and_accelerators(path):
    bad = []
    for ctx, source, texts, _msg in messages(path):
        for text in texts:
            if not text:
                continue
            for problem in placeholder_problems(source, text):
                bad.append(f"[{ctx}] {source!r} -> {text!r}: {problem}")
    assert not bad, f"{path.name}: translations that change a placeholder:\n" + "\n".join(bad)


def test_english_is_finished_and_equals_the_source():
    bad = []
    for ctx, source, texts, msg in messages(EN_TS):
        tr = msg.find("translation")
        if tr is None or tr.get("type") is not None or any(t != source for t in texts) or not texts:
            bad.append(f"[{ctx}] {source!r}")
    assert not bad, "vertrouwd_en.ts is out of date: run `python translations/update.py`\n" + "\n".join(bad)


def test_both_files_hold_the_same_messages():
    def keys(path):
        return sorted((ctx, src) for ctx, src, _t, _m in messages(path))
    assert keys(NL_TS) == keys(EN_TS), "nl and en .ts differ: run `python translations/update.py`"


def test_ts_files_cover_every_string_in_the_source(tmp_path):
    """A fresh lupdate over ui/ gives exactly the messages in the committed files (none new, none gone)."""
    fresh = tmp_path / "fresh.ts"
    lupdate = update.find_tool("lupdate")
    subprocess.run([lupdate, "-silent", "-locations", "none", *map(str, update.sources()), "-ts", str(fresh)],
                   check=True, cwd=ROOT)
    expected = {(ctx, src) for ctx, src, _t, _m in messages(fresh)}
    committed = {(ctx, src) for ctx, src, _t, _m in messages(NL_TS)}
    new = sorted(expected - committed)
    gone = sorted(committed - expected)
    assert not new and not gone, (
        "translations/vertrouwd_nl.ts is out of date with ui/: run `python translations/update.py` and "
        "translate what it reports.\nNew: " + repr(new) + "\nNo longer in the source: " + repr(gone))


def _defined_contexts() -> set[str]:
    """Class names in ui/ and main.py, plus literal contexts of translate()/QT_TRANSLATE_NOOP() calls."""
    names: set[str] = set()
    for path in update.sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                func = node.func
                fname = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if fname in ("translate", "QT_TRANSLATE_NOOP") and isinstance(node.args[0].value, str):
                    names.add(node.args[0].value)
    return names


def test_every_context_is_one_qt_looks_up_at_run_time():
    """lupdate names a context after the class around self.tr(); a call like `tr = self.tr; tr("x")` or
    `ctx.tr("x")` lands in a context ("" or "ctx") that Qt never asks for, so the text stays English."""
    defined = _defined_contexts()
    stray = {}
    for ctx, source, _t, _m in messages(NL_TS):
        if ctx not in defined:
            stray.setdefault(ctx, []).append(source)
    assert not stray, (
        "These strings are extracted under a context no class or translate() call uses, so they are never "
        "translated on screen. Call self.tr(\"...\") directly inside the class, or use "
        "QCoreApplication.translate(\"SomeContext\", \"...\"):\n"
        + "\n".join(f"  context {ctx!r}: {srcs}" for ctx, srcs in sorted(stray.items())))


def _aliases_of_tr() -> list[str]:
    """Places where tr/translate is bound to another name (`t = QCoreApplication.translate`)."""
    found = []
    for path in update.sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Attribute) \
                    and node.value.attr in ("tr", "translate"):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_alias_finder_sees_an_alias(tmp_path, monkeypatch):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    t = QCoreApplication.translate\n    return t('C', 'x')\n", encoding="utf-8")
    monkeypatch.setattr(update, "sources", lambda: [sample])
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert _aliases_of_tr() == ["sample.py:2"]


def test_tr_is_never_called_through_an_alias():
    """lupdate only extracts literal self.tr(...)/QCoreApplication.translate(...) calls: a string passed
    through `t = QCoreApplication.translate; t("Ctx", "text")` never reaches the .ts and stays English."""
    found = _aliases_of_tr()
    assert not found, ("tr/translate is called through another name here, so lupdate misses those strings; "
                       "write self.tr(\"...\") or QCoreApplication.translate(\"Ctx\", \"...\") in full:\n"
                       + "\n".join(found))


# ----------------------------------------------------------------------------- the compiled .qm files

def test_qm_files_match_the_ts_files(tmp_path):
    built = update.run_lrelease(tmp_path)
    for lang, fresh in built.items():
        committed = update.qm_path(lang)
        assert committed.is_file(), f"{committed.name} is missing: run `python translations/update.py`"
        assert committed.read_bytes() == fresh.read_bytes(), (
            f"{committed.name} is out of sync with {update.ts_path(lang).name}: "
            f"run `python translations/update.py` and commit both files")


@pytest.fixture
def dutch(qapp):
    translator = QTranslator()
    assert translator.load(str(update.qm_path("nl"))), "vertrouwd_nl.qm does not load"
    QCoreApplication.installTranslator(translator)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)


def test_dutch_qm_translates_on_screen_strings(dutch):
    t = QCoreApplication.translate
    assert t("Workspace", "Overview") == "Overzicht"
    assert t("Workspace", "Cases") == "Casussen"
    assert t("MainWindow", "&File") == "&Bestand"
    assert t("UnlockPage", "Unlock") == "Ontgrendelen"
    assert t("Problems", "Enter a valid date.") != "Enter a valid date."


def test_dutch_qm_chooses_the_plural_form(dutch):
    source = "Retention period set to %n month(s)."
    one = QCoreApplication.translate("RetentionPanel", source, "", 1)
    many = QCoreApplication.translate("RetentionPanel", source, "", 6)
    assert one.startswith("Bewaartermijn") and "1 maand." in one
    assert "6 maanden." in many


def test_without_a_translator_the_source_text_shows(qapp):
    assert QCoreApplication.translate("Workspace", "Overview") == "Overview"


# ----------------------------------------------------------------------------- update.py's own logic

_SAMPLE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en_GB">
<context><name>Old</name>
  <message><source>Organisation</source><translation>Organisatie</translation></message>
  <message><source>Close</source><translation>Sluiten</translation></message>
</context>
<context><name>Other</name>
  <message><source>Close</source><translation>Afsluiten</translation></message>
</context>
<context><name>New</name>
  <message><source>Organisation</source><translation type="unfinished"></translation></message>
  <message><source>Close</source><translation type="unfinished"></translation></message>
  <message><source>Brand new</source><translation type="unfinished"></translation></message>
</context>
</TS>
"""


def test_reuse_fills_only_unambiguous_entries(tmp_path):
    path = tmp_path / "sample.ts"
    path.write_text(_SAMPLE, encoding="utf-8")
    assert len(update.unfinished(path)) == 3
    filled = update.reuse_translations(path)
    assert filled == [("New", "Organisation", "Organisatie")]
    left = update.unfinished(path)
    assert left == [("New", "Close"), ("New", "Brand new")]  # two different Dutch words: left to a person


def test_fill_english_copies_the_source(tmp_path):
    path = tmp_path / "sample.ts"
    path.write_text(_SAMPLE, encoding="utf-8")
    update.fill_english(path)
    assert update.unfinished(path) == []
    assert all(texts == [src] for _c, src, texts, _m in messages(path))
