"""Checklist templates on disk: the shipped ones, imported ones, export and import.

Shipped templates live in resources/checklists/*.toml. Imported templates are copied into a
store folder chosen by the caller (`store_dir`); an imported template with the same id and a
higher version than the shipped one takes precedence. Older versions stay in the store so
answers made with them can still be read back.
"""
from __future__ import annotations

import os
import re
import tomllib
from functools import lru_cache
from pathlib import Path

from app import fsutil
from app.errors import UserError, ValidationError
from app.resources import RESOURCES, vocabularies
from models.checklist import Template, TemplateError, parse_template, validate_answers

CHECKLIST_DIR = RESOURCES / "checklists"
MAX_TEMPLATE_BYTES = 512 * 1024

_TOML_LINE_RE = re.compile(r"\(at line (\d+), column \d+\)")
_TOML_END_RE = re.compile(r"\(at end of document\)")


def load_template_text(text: str) -> Template:
    """Parse and validate a template from its TOML text.

    Raises TemplateError with the 1-based line of the problem (TOML syntax errors included).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line: int | None = None
        found = _TOML_LINE_RE.search(message)
        if found:
            line = int(found.group(1))
            message = message[: found.start()].strip()
        elif _TOML_END_RE.search(message):
            line = max(1, len(text.splitlines()))
            message = _TOML_END_RE.sub("", message).strip()
        raise TemplateError(f"this is not valid TOML: {message}", line) from None
    except (ValueError, RecursionError) as exc:  # e.g. an integer of thousands of digits
        raise TemplateError("this is not a valid checklist: it holds a number too large to read (or is "
                            f"nested too deeply) ({type(exc).__name__})") from None
    return parse_template(data, text, vocabularies())


def _read_template_file(path: Path) -> Template:
    text = path.read_text(encoding="utf-8-sig")
    return load_template_text(text)


@lru_cache(maxsize=1)
def _shipped() -> tuple[Template, ...]:
    out: list[Template] = []
    for path in sorted(CHECKLIST_DIR.glob("*.toml")):
        try:
            out.append(_read_template_file(path))
        except TemplateError as exc:
            # A broken shipped file is a defect of the program, not of the user's input.
            raise RuntimeError(f"shipped checklist {path.name} is invalid: {exc}") from exc
    ids = [t.id for t in out]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RuntimeError(f"shipped checklists share the id {duplicates[0]!r}")
    return tuple(out)


def shipped_templates() -> list[Template]:
    """The templates that come with the program (read once, then cached)."""
    return list(_shipped())


def user_templates(store_dir: str | os.PathLike | None,
                   problems: list[str] | None = None) -> list[Template]:
    """The templates imported into `store_dir`, sorted by id and version.

    A file in the store that no longer validates (edited by hand) is skipped; when `problems` is
    given, a readable line about it is appended there.
    """
    if store_dir is None:
        return []
    folder = Path(store_dir)
    if not folder.is_dir():
        return []
    out: list[Template] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            out.append(_read_template_file(path))
        except (OSError, UnicodeDecodeError, TemplateError) as exc:
            if problems is not None:
                problems.append(f"{path.name}: {exc}")
    out.sort(key=lambda t: (t.id, t.version))
    return out


def all_templates(store_dir: str | os.PathLike | None = None) -> list[Template]:
    """The newest version of every template id, shipped or imported, sorted by id."""
    newest: dict[str, Template] = {}
    for t in [*_shipped(), *user_templates(store_dir)]:
        if t.id not in newest or t.version > newest[t.id].version:
            newest[t.id] = t
    return [newest[k] for k in sorted(newest)]


def get_template(template_id: str, version: int | None = None,
                 store_dir: str | os.PathLike | None = None) -> Template:
    """The template with this id: the newest, or the given version when it is still available.

    When the asked version is gone, the newest is returned: answers made with an older version
    stay readable against it (models.checklist.readable_answers keeps unknown items).
    Raises UserError when no template has this id.
    """
    candidates = [t for t in [*_shipped(), *user_templates(store_dir)] if t.id == template_id]
    if not candidates:
        raise UserError("checklist.unknown", template_id=template_id)
    if version is not None:
        for t in candidates:
            if t.version == version:
                return t
    return max(candidates, key=lambda t: t.version)


def template_for_kind(contact_kind: str, store_dir: str | os.PathLike | None = None) -> Template:
    """The checklist proposed for a contact kind (intake, vervolg, nazorg).

    When both an imported and a shipped template offer themselves for the kind, the imported one
    wins (the adviser chose to add it); ties are broken by id.
    """
    imported_ids = {t.id for t in user_templates(store_dir)}
    matches = [t for t in all_templates(store_dir) if contact_kind in t.contact_kinds]
    if not matches:
        raise UserError("checklist.none_for_kind", contact_kind=contact_kind)
    matches.sort(key=lambda t: (t.id not in imported_ids, t.id))
    return matches[0]


def check_answers(template: Template, answers: dict) -> None:
    """Raise ValidationError (field = item id) when an answer does not fit its item."""
    problems = validate_answers(template, answers)
    if problems:
        first = problems[0]
        raise ValidationError("checklist.bad_answer", checklist=template.title, problem=first.message,
                              field=first.item_id or None, record=template.id)


# --------------------------------------------------------------------------------------------
# Files


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path` atomically with owner-only access (app.fsutil does the work).

    Raises UserError with a readable message when the file cannot be written; no temporary
    file is left behind.
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise UserError("checklist.folder_missing", folder=folder)
    try:
        fsutil.write_bytes_atomic(target, data)
    except OSError as exc:
        raise UserError("checklist.cannot_write", target=target, strerror=exc.strerror or exc) from exc


def export_template(template_id: str, out_path: str | os.PathLike, *, version: int | None = None,
                    store_dir: str | os.PathLike | None = None) -> Path:
    """Write the TOML text of a template to `out_path` (atomically, mode 0600) and return the path."""
    template = get_template(template_id, version, store_dir)
    if template.source_text is None:
        raise UserError("checklist.no_source_text", template_id=template_id)
    out = Path(out_path)
    write_atomic(out, template.source_text.encode("utf-8"))
    return out


def _stored_name(template: Template) -> str:
    return f"{template.id}-v{template.version}.toml"


def import_template(path: str | os.PathLike, store_dir: str | os.PathLike) -> Template:
    """Validate a template file fully, then copy it into `store_dir` and return it.

    Nothing is written unless the file is valid and allowed. Raises UserError naming the file,
    the line and the problem.
    """
    source = Path(path)
    name = source.name
    try:
        size = source.stat().st_size
        if not source.is_file():
            raise UserError("checklist.not_a_file", name=name)
        if size > MAX_TEMPLATE_BYTES:
            raise UserError("checklist.too_large", name=name, size=size // 1024,
                            max_template_bytes=MAX_TEMPLATE_BYTES // 1024)
        raw = source.read_bytes()
    except FileNotFoundError:
        raise UserError("checklist.missing", name=name) from None
    except OSError as exc:
        raise UserError("checklist.unreadable", name=name, strerror=exc.strerror or exc) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UserError("checklist.not_utf8", name=name, line=line) from None
    try:
        template = load_template_text(text)
    except TemplateError as exc:
        where = f"{name}, line {exc.line}" if exc.line is not None else name
        raise UserError("checklist.invalid_file", where=where, problem=exc.message) from None

    for shipped in _shipped():
        if shipped.id == template.id and template.version <= shipped.version:
            raise UserError("checklist.below_built_in_version", name=name, template_id=template.id,
                            version=template.version, built_in=shipped.version, minimum=shipped.version + 1)

    store = Path(store_dir)
    target = store / _stored_name(template)
    if target.exists():
        try:
            existing = target.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            existing = None
        if existing == text:
            return template  # the same file was imported before: nothing to do
        raise UserError("checklist.version_imported_differently", name=name, template_id=template.id,
                        version=template.version)
    try:
        store.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError("checklist.cannot_create_folder", store=store, strerror=exc.strerror or exc) from exc
    write_atomic(target, text.encode("utf-8"))
    return template
