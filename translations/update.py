"""Refresh and build the program's translations.

Run with the project's Python (the one PySide6 is installed in), from anywhere:

    python translations/update.py            # lupdate + fill English + lrelease, print the Dutch to-do
    python translations/update.py --check    # the same, but exit 1 if any Dutch entry is unfinished
    python translations/update.py --reuse    # also fill new Dutch entries whose English text is
                                             # already translated in another context

Steps: (1) pyside6-lupdate collects every tr()/translate()/QT_TRANSLATE_NOOP string from ui/*.py (and
main.py when it has any) into vertrouwd_nl.ts and vertrouwd_en.ts, keeping existing translations and
dropping strings that no longer exist; (2) in the English file every entry becomes finished with the
source text as its translation; (3) pyside6-lrelease compiles both into .qm files beside them;
(4) the number of unfinished Dutch entries is printed.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LANGUAGES = {"nl": "nl_NL", "en": "en_GB"}
SOURCE_LANGUAGE = "en_GB"
_TR_CALL = re.compile(r"\b(tr|translate|QT_TRANSLATE_NOOP|QT_TR_NOOP)\s*\(")


def ts_path(lang: str) -> Path:
    return HERE / f"vertrouwd_{lang}.ts"


def qm_path(lang: str) -> Path:
    return HERE / f"vertrouwd_{lang}.qm"


def find_tool(name: str) -> str:
    """Locate a PySide6 tool (`lupdate`/`lrelease`) beside the running Python, then on PATH.

    A virtualenv puts `pyside6-lupdate` in the same bin/ (Scripts\\ on Windows) as `python`; the binary
    itself also ships inside the PySide6 package, which covers installs without the wrappers.
    """
    exe = ".exe" if os.name == "nt" else ""
    bindir = Path(sys.executable).parent  # not resolved: a venv's python may be a symlink
    candidates = [bindir / f"pyside6-{name}{exe}", bindir / "Scripts" / f"pyside6-{name}{exe}"]
    try:
        import PySide6

        pkg = Path(PySide6.__file__).parent
        candidates += [pkg / f"{name}{exe}", pkg / "Qt" / "libexec" / f"{name}{exe}"]
    except ImportError:
        pass
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return str(c)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    raise SystemExit(
        f"Could not find pyside6-{name}. Run this script with the Python that has PySide6 installed "
        f"(for example .venv/bin/python translations/update.py), or install it with: pip install PySide6-Essentials"
    )


def sources() -> list[Path]:
    """Every Python file under ui/ (and its packages), plus main.py when it contains translatable strings."""
    files = sorted((ROOT / "ui").rglob("*.py"))
    main = ROOT / "main.py"
    if main.is_file() and _TR_CALL.search(main.read_text(encoding="utf-8")):
        files.append(main)
    return files


def run_lupdate(files: list[Path]) -> None:
    lupdate = find_tool("lupdate")
    for lang, locale in LANGUAGES.items():
        cmd = [lupdate, "-silent", "-no-obsolete", "-locations", "none",
               "-source-language", SOURCE_LANGUAGE, "-target-language", locale,
               *[os.path.relpath(f, ROOT) for f in files], "-ts", os.path.relpath(ts_path(lang), ROOT)]
        subprocess.run(cmd, cwd=ROOT, check=True)


def _write_ts(tree: ET.ElementTree, path: Path) -> None:
    """Write a .ts file the way Qt Linguist does (DOCTYPE line, UTF-8, trailing newline)."""
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    text = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n"
    tmp = path.with_suffix(".ts.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def fill_english(path: Path) -> int:
    """Make every message in the English file finished, translated to its own source text.

    Returns the number of entries changed.
    """
    tree = ET.parse(path)
    changed = 0
    for msg in tree.getroot().iter("message"):
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        if tr is None:
            tr = ET.SubElement(msg, "translation")
        if msg.get("numerus") == "yes":
            forms = tr.findall("numerusform") or [ET.SubElement(tr, "numerusform")]
            for form in forms:
                if form.text != source:
                    form.text = source
                    changed += 1
        elif tr.text != source:
            tr.text = source
            changed += 1
        if tr.get("type") is not None:
            del tr.attrib["type"]
            changed += 1
    _write_ts(tree, path)
    return changed


def unfinished(path: Path) -> list[tuple[str, str]]:
    """(context, source) of every entry that is unfinished, vanished or has an empty translation."""
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            texts = [f.text for f in tr.findall("numerusform")] if tr is not None and msg.get("numerus") == "yes" \
                else [tr.text if tr is not None else None]
            if tr is None or tr.get("type") is not None or not all(t and t.strip() for t in texts):
                out.append((name, msg.findtext("source") or ""))
    return out


def reuse_translations(path: Path) -> list[tuple[str, str, str]]:
    """Fill unfinished entries whose identical source text is already translated in another context.

    Useful after a string moves to another class: lupdate sees a new entry there. Only entries whose
    source has exactly one translation elsewhere are filled (plural entries are left alone); returns
    (context, source, translation) of each, so a translator can look them over.
    """
    tree = ET.parse(path)
    known: dict[str, set[str]] = {}
    todo = []
    for ctx in tree.getroot().iter("context"):
        for msg in ctx.iter("message"):
            if msg.get("numerus") == "yes":
                continue
            tr = msg.find("translation")
            source = msg.findtext("source") or ""
            if tr is not None and tr.get("type") is None and (tr.text or "").strip():
                known.setdefault(source, set()).add(tr.text)
            else:
                todo.append((ctx.findtext("name") or "", source, msg))
    filled = []
    for ctx_name, source, msg in todo:
        options = known.get(source, set())
        if len(options) != 1:
            continue
        text = next(iter(options))
        tr = msg.find("translation")
        if tr is None:
            tr = ET.SubElement(msg, "translation")
        tr.text = text
        tr.attrib.pop("type", None)
        filled.append((ctx_name, source, text))
    if filled:
        _write_ts(tree, path)
    return filled


def run_lrelease(out_dir: Path | None = None) -> dict[str, Path]:
    """Compile both .ts files; into `out_dir` when given (tests compare bytes), else beside the .ts."""
    lrelease = find_tool("lrelease")
    built = {}
    for lang in LANGUAGES:
        target = (out_dir / qm_path(lang).name) if out_dir else qm_path(lang)
        subprocess.run([lrelease, "-silent", str(ts_path(lang)), "-qm", str(target)], check=True)
        built[lang] = target
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Update and compile Vertrouwd's translations.")
    parser.add_argument("--check", action="store_true", help="exit with status 1 if Dutch is incomplete")
    parser.add_argument("--list", action="store_true", help="print every unfinished Dutch entry")
    parser.add_argument("--reuse", action="store_true",
                        help="fill unfinished Dutch entries from the same English text translated elsewhere")
    args = parser.parse_args(argv)

    files = sources()
    run_lupdate(files)
    fill_english(ts_path("en"))
    if args.reuse:
        for ctx, src, text in reuse_translations(ts_path("nl")):
            print(f"Reused for [{ctx}] {src!r}: {text!r} (check it fits)")
    run_lrelease()
    todo = unfinished(ts_path("nl"))
    print(f"Scanned {len(files)} source files; unfinished Dutch entries: {len(todo)}")
    if args.list:
        for ctx, src in todo:
            print(f"  [{ctx}] {src}")
    return 1 if (args.check and todo) else 0


if __name__ == "__main__":
    sys.exit(main())
