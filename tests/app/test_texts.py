"""One text mechanism: every message code used in app/ and ui/ has a Dutch and an English sentence.

The source is scanned with ast, so a new `raise UserError("some.code", name=...)` without its
sentences, or with a placeholder the call does not supply, fails here rather than on a screen.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from app import texts
from app.errors import LockedOut, UserError, ValidationError, VStatError, WrongPassphrase
from app.exchange import combine, vstat
from app.privacy import guard
from app.texts import Phrase

ROOT = Path(__file__).resolve().parents[2]
ERRORS = {"VertrouwdError", "UserError", "ValidationError", "WrongPassphrase", "LockedOut", "VaultError",
          "VStatError", "Phrase"}
# `{detail}` is a technical detail from a library or the domain model, in English; a Dutch sentence may
# leave it out (and then say the same in its own words, with `{field}` where the detail named the field).
ONE_SIDED = {"detail", "field"}
CODE = re.compile(r"^([a-z]+)\.[a-z0-9_.]+$")


def _name(func: ast.expr) -> str | None:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _constants(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _constants(node.body) + _constants(node.orelse)
    return []


def _sources() -> list[Path]:
    return sorted([*(ROOT / "app").rglob("*.py"), *(ROOT / "ui").rglob("*.py")])


def error_classes() -> set[str]:
    """The error classes of app/errors.py and every class in app/ and ui/ derived from one of them."""
    names = set(ERRORS)
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in _sources()]
    grew = True
    while grew:
        grew = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names \
                        and any(_name(b) in names for b in node.bases):
                    names.add(node.name)
                    grew = True
    return names


def raised_codes() -> dict[str, list[tuple[str, set[str] | None]]]:
    """code -> [(where, the parameter names the call supplies, or None when they cannot be known)]."""
    found: dict[str, list[tuple[str, set[str] | None]]] = {}
    classes = error_classes()
    assert "PassphraseChangeIncomplete" in classes
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and _name(node.func) in classes and node.args):
                continue
            dynamic = any(k.arg is None or k.arg == "params" for k in node.keywords)
            names = None if dynamic else {k.arg for k in node.keywords} | {"field", "record"}
            for code in _constants(node.args[0]):
                found.setdefault(code, []).append((f"{path.relative_to(ROOT)}:{node.lineno}", names))
    return found


def other_codes() -> dict[str, str]:
    """String constants elsewhere that name a message code (a helper's argument, a table of codes)."""
    prefixes = {code.split(".")[0] for code in texts.catalogue()}
    found = {}
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                for arg in node.args:
                    for value in _constants(arg):
                        m = CODE.match(value)
                        if m and m.group(1) in prefixes and not value.endswith((".json", ".toml", ".pdf", ".py")):
                            found[value] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return found


def test_every_code_raised_has_both_sentences_with_its_placeholders():
    catalogue = texts.catalogue()
    problems = []
    for code, sites in sorted(raised_codes().items()):
        entry = catalogue.get(code)
        if entry is None or set(entry) != {"nl", "en"}:
            problems.append(f"{code} ({sites[0][0]}): no nl and en sentence in resources/messages.json")
            continue
        nl, en = (texts.placeholders(entry[lang]) for lang in ("nl", "en"))
        if nl - ONE_SIDED != en - ONE_SIDED:
            problems.append(f"{code}: placeholders differ: nl {sorted(nl)}, en {sorted(en)}")
        for where, names in sites:
            if names is not None and not (nl | en) <= names:
                problems.append(f"{code} ({where}): the call does not give {sorted((nl | en) - names)}")
    assert not problems, "\n".join(problems)


def test_codes_passed_to_helpers_exist():
    missing = {code: where for code, where in other_codes().items() if code not in texts.catalogue()}
    assert not missing


def test_code_families_are_complete():
    """Codes built at run time (f"problem.{code}", f"privacy.kind.{kind}", ...) exist for every member."""
    catalogue = texts.catalogue()
    entities = (ROOT / "models" / "entities.py").read_text(encoding="utf-8")
    problem_codes = set(re.findall(r'Problem\([^,]+,\s*"(\w+)"', entities))
    assert len(problem_codes) >= 10
    wanted = {f"problem.{c}" for c in problem_codes} | {f"privacy.kind.{k}" for k in guard.KINDS} \
        | {f"vstat.unit.{u}" for u in vstat.UNITS} | {f"note.{n}" for n in combine.NOTES} \
        | {f"combined.{u}" for u in vstat.UNITS}
    assert not wanted - set(catalogue)


def test_every_sentence_formats_in_both_languages():
    for code, entry in texts.catalogue().items():
        for lang in ("nl", "en"):
            template = entry[lang]
            assert template.strip(), (code, lang)
            values = {name: 1 for name in texts.placeholders(template)}
            template.format(**values)   # no stray brace, every format spec fits a number


def test_an_error_speaks_both_languages():
    err = UserError("repo.unknown_organisation", name="Gemeente X")
    assert err.message == "Unknown organisation 'Gemeente X'. See the list with: vertrouwd org list"
    assert err.text("nl") == "Onbekende organisatie 'Gemeente X'. Bekijk de lijst met: vertrouwd org list"
    assert str(err) == err.message and err.code == "repo.unknown_organisation"
    assert texts.message(err, "nl_NL") == err.text("nl") and texts.message(err, "de") == err.message
    assert err.exit_code == 1 and WrongPassphrase("vault.wrong_passphrase").exit_code == 3
    assert issubclass(LockedOut, WrongPassphrase) and issubclass(VStatError, UserError)


def test_field_record_and_phrases_fill_the_sentence():
    err = ValidationError("interchange.not_text", field="name", record="organisations[0]")
    assert err.field == "name" and err.record == "organisations[0]"
    assert err.message == "organisations[0]: name: expected text"
    assert err.text("nl") == "organisations[0]: name: hier hoort tekst"
    nested = VStatError("vstat.not_text", what=Phrase("vstat.what.organisation"))
    assert nested.message == "the organisation must be text" and nested.text("nl") == "de organisatie moet tekst zijn"
    listed = UserError("report.narrative_flagged", kinds=[Phrase("privacy.kind.email"), Phrase("privacy.kind.iban")])
    assert "e-mailadres, rekeningnummer (IBAN)" in listed.text("nl") and "e-mail address" in listed.message


def test_an_unknown_code_still_gives_a_line():
    assert texts.message("no.such_code", "nl", name="x") == "no.such_code name=x"


@pytest.mark.parametrize("tag, expected", [(None, "nl"), ("nl_NL", "nl"), ("en-GB", "en"), ("de", "en")])
def test_language_tags(tag, expected):
    assert texts.language(tag) == expected


def test_environment_language(monkeypatch):
    monkeypatch.delenv(texts.ENV_LANGUAGE, raising=False)
    assert texts.environment_language() == "nl"
    monkeypatch.setenv(texts.ENV_LANGUAGE, "en")
    assert texts.environment_language() == "en"


def test_no_error_is_raised_with_a_sentence():
    """An error's first argument is a code (a.b_c), never an English sentence or an f-string."""
    sentences = []
    classes = error_classes()
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func) in classes and node.args:
                first = node.args[0]
                codes = _constants(first)
                dynamic_code = isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant) \
                    and CODE.match(first.values[0].value + "x")
                if (codes and not all(CODE.match(c) for c in codes)) or (not codes and isinstance(
                        first, ast.JoinedStr | ast.BinOp) and not dynamic_code):
                    sentences.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not sentences


def test_notes_of_the_unlock_throttle_are_said_in_the_message_language():
    err = WrongPassphrase("vault.wrong_passphrase", note=Phrase("vault.note.wait", wait=30))
    assert err.message.endswith("try again. After repeated failures you must wait 30 seconds before the next try.")
    assert "30 seconden" in err.text("nl") and "wachtwoordzin" in err.text("nl")
    assert WrongPassphrase("vault.wrong_passphrase", note="").text("nl").endswith("opnieuw.")
    damaged = Phrase("vault.note.attempts_damaged", name="v.attempts", reason=Phrase("vault.unreadable"))
    assert "onleesbaar" in LockedOut("vault.locked_out", wait=5, note=damaged).text("nl")


def test_a_file_held_open_by_another_program_speaks_both_languages(tmp_path, monkeypatch):
    import errno
    import os

    from app import fsutil
    from app.guidance import checklists

    def held(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", held)
    monkeypatch.setattr(fsutil, "_transient", lambda exc: True)
    monkeypatch.setattr(fsutil, "REPLACE_DELAYS", ())
    with pytest.raises(fsutil.FileInUse) as caught:
        fsutil.write_bytes_atomic(tmp_path / "x.toml", b"new")
    reason = caught.value.strerror
    assert isinstance(reason, texts.Sentence) and "another program keeps it open" in reason
    assert "een ander programma houdt het bestand open" in reason.text("nl")
    with pytest.raises(UserError) as wrapped:
        checklists.write_atomic(tmp_path / "y.toml", b"new")
    assert "een ander programma" in wrapped.value.text("nl") and "another program" in wrapped.value.message
