"""Which column is which field: the program's proposal (by the column titles, Dutch or English, and
by the values), the adviser's changes, and the mapping saved as a TOML file to use again."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from app import fsutil
from app.errors import UserError
from app.privacy import guard
from app.sheets import values as V
from app.sheets.read import Sheet
from app.texts import Phrase
from models.vocab import Vocabularies

IGNORE = "ignore"
#: the fields a column can fill, in the order the dialog lists them
FIELDS = ("case_ref", "organisation", "unit", "date", "opened", "closed", "behaviour", "accused_relation",
          "reporter_role", "follow_up", "channel", "kind", "minutes", "hours", "notes")
CODE_FIELDS = tuple(V.VOCAB_OF)
#: what an unknown or empty value of a code field becomes unless the mapping says otherwise
DEFAULT_UNKNOWN = {"behaviour": "overig", "accused_relation": "onbekend", "reporter_role": "overig",
                   "follow_up": "opvang_advies", "channel": "persoonlijk", "kind": ""}
ROWS_MODES = ("conversation", "case")
PRIVACY_CHOICES = ("replace", "leave_out")
# column titles (folded, see values.fold) that name a field; a title containing one of these words
TITLES: dict[str, tuple[str, ...]] = {
    "case_ref": ("casus", "casusnummer", "dossier", "dossiernummer", "zaak", "zaaknummer", "case", "case id",
                 "case number", "nr melding", "meldingnummer", "volgnummer"),
    "organisation": ("organisatie", "opdrachtgever", "werkgever", "bedrijf", "klant organisatie",
                     "organisation", "organization", "company", "employer"),
    "unit": ("afdeling", "locatie", "vestiging", "unit", "department", "team"),
    "date": ("datum", "gespreksdatum", "datum gesprek", "gesprek datum", "date", "contact date", "dag"),
    "opened": ("datum melding", "aanmelddatum", "startdatum", "datum eerste contact", "opened", "start"),
    "closed": ("afgesloten", "einddatum", "datum afsluiting", "afsluitdatum", "closed", "end date"),
    "behaviour": ("soort gedrag", "gedrag", "aard", "onderwerp", "thema", "categorie", "soort melding",
                  "ongewenst gedrag", "behaviour", "behavior", "kind of behaviour", "category", "issue"),
    "accused_relation": ("relatie", "relatie beklaagde", "beklaagde", "veroorzaker", "aangeklaagde",
                         "dader", "relation", "accused", "relation to accused"),
    "reporter_role": ("rol", "rol melder", "functie melder", "melder", "role", "reporter", "reporter role"),
    "follow_up": ("vervolg", "afhandeling", "actie", "wat gedaan", "uitkomst", "resultaat", "follow up",
                  "outcome", "action"),
    "channel": ("kanaal", "contactvorm", "wijze", "vorm", "channel", "medium"),
    "kind": ("soort gesprek", "type gesprek", "gesprekstype", "soort contact", "contact type", "kind"),
    "minutes": ("minuten", "duur", "tijd", "tijdsbesteding", "min", "minutes", "duration", "time"),
    "hours": ("uren", "uur", "aantal uren", "tijd uren", "hours", "hrs"),
    "notes": ("opmerkingen", "opmerking", "toelichting", "notities", "notitie", "bijzonderheden",
              "omschrijving", "verslag", "remarks", "notes", "comments", "description"),
}
IDENTITY_TITLES = ("naam", "namen", "voornaam", "achternaam", "name", "e mail", "email", "mail", "telefoon",
                   "telefoonnummer", "tel", "mobiel", "phone", "personeelsnummer", "personeelsnr",
                   "medewerkernummer", "employee number", "staff number", "bsn", "adres", "address",
                   "geboortedatum", "date of birth", "initialen", "initials")
IDENTITY_KINDS = {"naam", "email", "telefoon", "personeelsnummer", "bsn", "adres", "iban", "geboortedatum"}


@dataclass
class Mapping:
    """What the import does with each column and value. Made by `propose`, changed by the adviser,
    saved with `save` and read back with `load`."""

    columns: dict[str, str] = field(default_factory=dict)          # column title -> field or "ignore"
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> {cell text: code}
    unknown: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_UNKNOWN))
    rows: str = "conversation"
    group_gap_days: int = 90
    notes_privacy: str = "replace"
    close_finished: bool = True
    sheet: str | None = None
    organisation: str | None = None    # for a sheet of one organisation without such a column

    def column_of(self, fieldname: str) -> str | None:
        return next((c for c, f in self.columns.items() if f == fieldname), None)


def identity_reason(title: str, cells: list[object]) -> Phrase | None:
    """Why a column holds identities (its title, or most of its cells are names, e-mail addresses,
    phone or personnel numbers), or None."""
    words = V.fold(title)
    if any(words == t or f" {t} " in f" {words} " for t in IDENTITY_TITLES):
        return Phrase("sheets.column.identity_title", title=title)
    texts = [str(c).strip() for c in cells if c not in (None, "") and isinstance(c, str | int)][:200]
    if not texts:
        return None
    hits = 0
    for t in texts:
        found = [f for f in guard.scan(t) if f.kind in IDENTITY_KINDS]
        if found and sum(f.end - f.start for f in found) >= 0.6 * len(t):
            hits += 1
    if hits >= max(2, len(texts) // 2):
        return Phrase("sheets.column.identity_cells", hits=hits, total=len(texts))
    return None


def _title_field(title: str) -> str | None:
    words = V.fold(title)
    for fname, titles in TITLES.items():   # an exact title first
        if words in titles:
            return fname
    best = None
    for fname, titles in TITLES.items():
        for t in titles:
            if f" {t} " in f" {words} " and (best is None or len(t) > best[1]):
                best = (fname, len(t))
    return best[0] if best else None


def _value_field(cells: list[object], vocabs: Vocabularies) -> str | None:
    sample = [c for c in cells if c not in (None, "")][:100]
    if not sample:
        return None
    if sum(1 for c in sample if V.parse_date(c) and not isinstance(c, int | float)) > 0.8 * len(sample):
        return "date"
    for fname in CODE_FIELDS:
        if sum(1 for c in sample if V.lookup(vocabs, fname, c)) > 0.6 * len(sample):
            return fname
    return None


def propose(sheet: Sheet, vocabs: Vocabularies) -> tuple[Mapping, dict[str, Phrase]]:
    """The proposed mapping, and the columns refused because they hold identities (title -> why)."""
    m = Mapping(sheet=sheet.name)
    refused: dict[str, Phrase] = {}
    taken: set[str] = set()
    for i, title in enumerate(sheet.headers):
        cells = sheet.column(i)
        why = identity_reason(title, cells)
        if why:
            refused[title] = why
            m.columns[title] = IGNORE
            continue
        fname = _title_field(title) or _value_field(cells, vocabs)
        if fname == "date" and "date" in taken:
            fname = "closed" if "closed" not in taken else None
        if fname in taken or fname is None:
            fname = IGNORE
        taken.add(fname)
        m.columns[title] = fname
    if "case_ref" not in taken:
        m.rows = "conversation" if "date" in taken else "case"
    return m, refused


# -- TOML -----------------------------------------------------------------------------------------
def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def to_toml(m: Mapping) -> str:
    lines = ["# Vertrouwd: how the columns of a spreadsheet become cases and conversations.",
             "# Fields: " + ", ".join(FIELDS) + ", or ignore.",
             "# rows: conversation (one row per conversation, grouped into cases) or case (one row per case).",
             "# notes_privacy: replace (names, numbers ... become placeholders) or leave_out (no notes).", "",
             "version = 1"]
    if m.sheet:
        lines.append(f"sheet = {_q(m.sheet)}")
    if m.organisation:
        lines.append(f"organisation = {_q(m.organisation)}")
    lines += [f"rows = {_q(m.rows)}", f"group_gap_days = {int(m.group_gap_days)}",
              f"notes_privacy = {_q(m.notes_privacy)}", f"close_finished = {str(m.close_finished).lower()}",
              "", "[columns]"]
    lines += [f"{_q(c)} = {_q(f)}" for c, f in m.columns.items()]
    lines += ["", "# what an unknown or empty value becomes", "[unknown]"]
    lines += [f"{k} = {_q(v)}" for k, v in m.unknown.items()]
    for fname, table in m.values.items():
        if table:
            lines += ["", f"[values.{fname}]"] + [f"{_q(k)} = {_q(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


def save(m: Mapping, path: str | Path) -> None:
    fsutil.write_text_atomic(path, to_toml(m))


def _check(m: Mapping, vocabs: Vocabularies, where: str) -> Mapping:
    for col, fname in m.columns.items():
        if fname != IGNORE and fname not in FIELDS:
            raise UserError("sheets.mapping.unknown_field", where=where, column=col, name=fname,
                            fields=", ".join(FIELDS))
    if m.rows not in ROWS_MODES or m.notes_privacy not in PRIVACY_CHOICES:
        raise UserError("sheets.mapping.bad_choice", where=where, rows_modes=", ".join(ROWS_MODES),
                        privacy_choices=", ".join(PRIVACY_CHOICES))
    for fname, table in [*m.values.items(), *(("", {k: v}) for k, v in m.unknown.items())]:
        for key, code in table.items():
            f = fname or key
            if f not in V.VOCAB_OF or (code and code not in vocabs[V.VOCAB_OF[f]]):
                raise UserError("sheets.mapping.bad_code", where=where, name=f, value=code)
    return m


def load(path: str | Path, vocabs: Vocabularies) -> Mapping:
    """A mapping file written by `save` (and perhaps edited); UserError naming what is wrong."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError("sheets.mapping.missing", path=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UserError("sheets.mapping.bad_toml", path=str(path), detail=str(exc)) from None
    try:
        m = Mapping(columns=dict(data.get("columns", {})), values={k: dict(v) for k, v in data.get("values", {}).items()},
                    unknown={**DEFAULT_UNKNOWN, **data.get("unknown", {})}, rows=data.get("rows", "conversation"),
                    group_gap_days=int(data.get("group_gap_days", 90)),
                    notes_privacy=data.get("notes_privacy", "replace"),
                    close_finished=bool(data.get("close_finished", True)), sheet=data.get("sheet"),
                    organisation=data.get("organisation"))
    except (TypeError, ValueError, AttributeError) as exc:
        raise UserError("sheets.mapping.wrong_kind", path=str(path), detail=str(exc)) from None
    return _check(m, vocabs, str(path))
