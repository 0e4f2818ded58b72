"""From a sheet and a mapping to cases and conversations; the dry run; the import in one transaction.

A row whose date cannot be read, or that does not make a valid record, is refused and listed with
its row number and the reason; the other rows are imported together or not at all. Case references
from the sheet only group rows: they are never stored (a case gets a fresh code like 2025-004).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from app.errors import UserError
from app.privacy import guard
from app.privacy.guard import Finding
from app.sheets import values as V
from app.sheets.mapping import CODE_FIELDS, IGNORE, Mapping, identity_reason
from app.sheets.read import Progress, Sheet
from app.store import queries
from app.store.repository import Repository
from app.texts import Phrase, message
from models import entities as E
from models.entities import Case, Contact, Organisation
from models.vocab import Vocabularies


@dataclass(frozen=True)
class CellFindings:
    row: int
    column: str
    text: str
    findings: tuple[Finding, ...]


@dataclass
class _Line:
    """One usable row: the values the import takes from it."""
    row: int
    org: str
    day: date
    minutes: int
    codes: dict[str, str]
    ref: str | None = None
    opened: date | None = None
    closed: date | None = None
    unit: str | None = None
    notes: str = ""
    flagged: bool = False


@dataclass
class Plan:
    cases: list[Case] = field(default_factory=list)
    rows: dict[int, int] = field(default_factory=dict)                 # case index -> first row number
    refused_rows: list[tuple[int, Phrase]] = field(default_factory=list)  # (row number, reason)
    skipped_rows: list[tuple[int, Phrase]] = field(default_factory=list)  # totals rows and such
    refused_columns: dict[str, Phrase] = field(default_factory=dict)      # title -> why (identities)
    ignored_columns: list[str] = field(default_factory=list)
    unknown_values: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    findings: list[CellFindings] = field(default_factory=list)
    identifiers_replaced: int = 0
    identifiers_kept: int = 0
    notes_left_out: int = 0
    units_left_out: int = 0
    new_organisations: list[str] = field(default_factory=list)
    unknown_as: dict[str, str] = field(default_factory=dict)            # field -> code of unknown values
    duplicate_rows: list[list[int]] = field(default_factory=list)       # rows of each case already in the vault
    duplicates_allowed: bool = False
    _codes: dict = field(default_factory=dict, repr=False)   # (field, cell text) -> code, per build

    @property
    def contacts(self) -> int:
        return sum(len(c.contacts) for c in self.cases)

    def per_organisation(self) -> Counter:
        return Counter(c.organisation for c in self.cases)

    def per_year(self) -> Counter:
        return Counter(c.opened.year for c in self.cases)

    def per_field(self, fieldname: str) -> Counter:
        return Counter(getattr(c, fieldname) for c in self.cases)


def _columns(sheet: Sheet, mapping: Mapping) -> dict[str, int]:
    """field -> the index of its column in the sheet."""
    out = {}
    for i, title in enumerate(sheet.headers):
        fname = mapping.columns.get(title, IGNORE)
        if fname != IGNORE and fname not in out:
            out[fname] = i
    return out


def _code(plan: Plan, mapping: Mapping, vocabs: Vocabularies, fieldname: str, raw) -> str:
    text = "" if raw is None else str(raw).strip()
    if text in mapping.values.get(fieldname, {}):
        return mapping.values[fieldname][text]
    key = (fieldname, text)
    if key not in plan._codes:
        plan._codes[key] = V.lookup(vocabs, fieldname, text) if text else None
    code = plan._codes[key]
    if code is None:
        if text:
            plan.unknown_values[fieldname][text] += 1
        code = mapping.unknown.get(fieldname, "")
    return code


def _notes(plan: Plan, row: int, column: str, text: str, mapping: Mapping,
           keep: frozenset[tuple[int, int]]) -> tuple[str, bool]:
    if not text:
        return "", False
    if mapping.notes_privacy == "leave_out":
        plan.notes_left_out += 1
        return "", False
    found = guard.scan(text)
    if not found:
        return text, False
    plan.findings.append(CellFindings(row, column, text, tuple(found)))
    replace = [f for f in found if (row, f.start) not in keep]
    plan.identifiers_replaced += len(replace)
    plan.identifiers_kept += len(found) - len(replace)
    return guard.redact(text, replace), len(replace) < len(found)


def personal(text: str) -> bool:
    """True when a short value (an organisation, a unit) is a person's name or contact detail: an
    e-mail address or phone number anywhere, or a name that is (nearly) the whole value."""
    found = guard.scan(text)
    return any(f.kind != "naam" for f in found) or \
        sum(f.end - f.start for f in found) >= 0.9 * len(text.strip())


def _line(index: dict[str, int], cells: list, number: int, mapping: Mapping, vocabs: Vocabularies, plan: Plan,
          keep: frozenset[tuple[int, int]]) -> _Line | Phrase:
    """The values of one row, or the reason it is refused."""
    get = lambda f: cells[index[f]] if f in index else None  # noqa: E731
    org = str(get("organisation") or mapping.organisation or "").strip()
    if not org:
        return Phrase("sheets.row.no_organisation")
    if personal(org):
        return Phrase("sheets.row.personal_organisation")
    raw_day = get("date") if get("date") not in (None, "") else get("opened")
    day = V.parse_date(raw_day)
    if day is None:
        return Phrase("sheets.row.bad_date", value=raw_day) if raw_day not in (None, "") \
            else Phrase("sheets.row.no_date")
    minutes = 0
    for f, unit in (("minutes", "minutes"), ("hours", "hours")):
        raw = get(f)
        if raw not in (None, ""):
            minutes = V.parse_minutes(raw, unit)
            if minutes is None:
                return Phrase(f"sheets.row.bad_{f}", value=raw)
    codes = {f: _code(plan, mapping, vocabs, f, get(f)) for f in CODE_FIELDS}
    unit = str(get("unit") or "").strip() or None
    if unit and personal(unit):
        plan.units_left_out += 1
        unit = None
    notes, flagged = _notes(plan, number, mapping.column_of("notes") or "", str(get("notes") or "").strip(),
                            mapping, keep)
    ref = get("case_ref")
    closed = V.parse_date(get("closed")) if get("closed") not in (None, "") else None
    opened = V.parse_date(get("opened")) if get("opened") not in (None, "") else None
    return _Line(number, org, day, minutes, codes, None if ref in (None, "") else V.fold(ref), opened, closed,
                 unit, notes, flagged)


def _groups(lines: list[_Line], mapping: Mapping) -> list[list[_Line]]:
    if mapping.rows == "case":
        return [[ln] for ln in lines]
    groups: dict[tuple, list[list[_Line]]] = defaultdict(list)
    for ln in sorted(lines, key=lambda x: (x.day, x.row)):
        if ln.ref is not None:
            key: tuple = (E.organisation_key(ln.org), ln.ref)
        else:
            key = (E.organisation_key(ln.org), ln.codes["behaviour"], ln.codes["accused_relation"])
        runs = groups[key]
        if runs and (ln.ref is not None or (ln.day - runs[-1][-1].day).days <= mapping.group_gap_days):
            runs[-1].append(ln)
        else:
            runs.append([ln])
    return sorted((g for runs in groups.values() for g in runs), key=lambda g: (g[0].day, g[0].row))


def _case(group: list[_Line], mapping: Mapping, names: dict[str, str], vocabs: Vocabularies) -> Case:
    first, last = group[0], group[-1]
    opened = min([first.day] + [ln.opened for ln in group if ln.opened])
    closed = max((ln.closed for ln in group if ln.closed), default=None)
    follow_up = last.codes["follow_up"]
    if closed is None and mapping.close_finished and follow_up != "lopend":
        closed = max(ln.day for ln in group)
    contacts = [Contact(date=ln.day, minutes=ln.minutes, channel=ln.codes["channel"],
                        kind=ln.codes["kind"] or ("intake" if i == 0 else "vervolg"), notes=ln.notes,
                        flagged=ln.flagged) for i, ln in enumerate(group)]
    position, role = E.split_role(first.codes["reporter_role"], vocabs, legacy=False)
    return Case(code=f"{opened.year}-000", organisation=names[E.organisation_key(first.org)], opened=opened,
                closed=closed, reporter_role=role, position=position or E.UNKNOWN_POSITION,
                behaviour=first.codes["behaviour"],
                accused_relation=first.codes["accused_relation"], follow_up=follow_up,
                unit=next((ln.unit for ln in group if ln.unit), None), contacts=contacts)


def _problem(case: Case, vocabs: Vocabularies) -> Phrase | None:
    problems = E.validate_case(case, vocabs)
    for c in case.contacts:
        problems += E.validate_contact(c, vocabs, case.opened)
    if not problems:
        return None
    p = problems[0]
    return Phrase(f"problem.{p.code}", where="", field=p.field, detail=p.message)


def fingerprint(case: Case) -> tuple:
    """What makes two cases the same import: organisation, opening date, behaviour, relation, role and
    the dates and minutes of the conversations."""
    return (E.organisation_key(case.organisation), case.opened.isoformat(), case.behaviour,
            case.accused_relation, case.reporter_role,
            tuple(sorted((k.date.isoformat(), k.minutes) for k in case.contacts)))


def existing(repo: Repository) -> Counter:
    """The fingerprints of the cases in the vault, each with how many cases have it."""
    return Counter((E.organisation_key(org), *rest[:4], tuple(sorted(rest[4])))
                   for org, *rest in queries.case_fingerprints(repo))


def build(sheet: Sheet, mapping: Mapping, vocabs: Vocabularies, known_organisations: list[str],
          keep: frozenset[tuple[int, int]] = frozenset(), *, in_vault: Counter | None = None,
          allow_duplicates: bool = False) -> Plan:
    """What importing `sheet` with `mapping` would store. `keep`: (row, start) of privacy findings
    the adviser chose to keep (the conversation is then marked for review); all others are replaced.
    `in_vault` (from `existing`): a planned case matching one there is listed in `duplicate_rows` and
    left out, unless `allow_duplicates`."""
    plan = Plan(skipped_rows=list(sheet.skipped), unknown_as=dict(mapping.unknown),
                duplicates_allowed=allow_duplicates)
    in_vault = Counter(in_vault or {})
    for i, title in enumerate(sheet.headers):
        why = identity_reason(title, sheet.column(i))
        if why:
            plan.refused_columns[title] = why
            mapping.columns[title] = IGNORE
        elif mapping.columns.get(title, IGNORE) == IGNORE:
            plan.ignored_columns.append(title)
    lines = []
    index = _columns(sheet, mapping)
    for r in sheet.rows:
        got = _line(index, r.cells, r.number, mapping, vocabs, plan, keep)
        if isinstance(got, Phrase):
            plan.refused_rows.append((r.number, got))
        else:
            lines.append(got)
    names = {E.organisation_key(n): n for n in known_organisations}
    for ln in lines:
        key = E.organisation_key(ln.org)
        if key not in names:
            names[key] = " ".join(ln.org.split())
            plan.new_organisations.append(names[key])
    for group in _groups(lines, mapping):
        case = _case(group, mapping, names, vocabs)
        why = _problem(case, vocabs)
        if why:
            plan.refused_rows += [(ln.row, why) for ln in group]
            continue
        if in_vault[fp := fingerprint(case)] > 0:
            in_vault[fp] -= 1
            plan.duplicate_rows.append(sorted(ln.row for ln in group))
            if not allow_duplicates:
                continue
        plan.rows[len(plan.cases)] = group[0].row
        plan.cases.append(case)
    plan.refused_rows.sort()
    return plan


def apply(repo: Repository, plan: Plan, progress: Progress = None) -> dict[str, int]:
    """Store the plan's cases in one transaction: all of them, or (on any error) none."""
    if not plan.cases:
        raise UserError("sheets.nothing_to_import")
    numbers = {y: int(repo.next_case_code(y).split("-")[1]) for y in plan.per_year()}
    orgs = {E.organisation_key(o.name): o for o in repo.list_organisations()}
    units: dict[str, set[str]] = defaultdict(set)
    for c in plan.cases:
        if c.unit:
            units[E.organisation_key(c.organisation)].add(c.unit)
    with repo.unit_of_work() as uow:
        for key in {E.organisation_key(c.organisation) for c in plan.cases}:
            name = next(c.organisation for c in plan.cases if E.organisation_key(c.organisation) == key)
            if key in orgs:
                uow.add_units(orgs[key].id, sorted(units[key] - set(orgs[key].units)))
            else:
                uow.insert_organisation(Organisation(name=name, units=sorted(units[key])))
        for i, case in enumerate(plan.cases):
            year = case.opened.year
            case.code, numbers[year] = f"{year}-{numbers[year]:03d}", numbers[year] + 1
            record = f"row {plan.rows[i]}"
            cid = uow.write_case(case, record)
            for contact in case.contacts:
                uow.insert_contact(cid, case.opened, contact, record)
            if progress and i % 250 == 0:
                progress(0.5 + 0.5 * i / len(plan.cases), "")
        uow.audit("import", f"spreadsheet: {len(plan.cases)} casussen")
    return {"cases": len(plan.cases), "contacts": plan.contacts, "organisations": len(plan.new_organisations)}


def duplicate_rows_text(plan: Plan, limit: int = 20) -> str:
    """The sheet rows of the cases already in the vault, in order: "3, 4, 9" (with " ..." past `limit`)."""
    rows = sorted(r for case in plan.duplicate_rows for r in case)
    return ", ".join(str(r) for r in rows[:limit]) + (" ..." if len(rows) > limit else "")


def summary(plan: Plan, sheet: Sheet, lang: str = "en", *, limit: int = 20) -> list[str]:
    """The dry run's account in `lang`, one line each: what would come in, what is left out and why."""
    def say(code: str, **params) -> str:
        return message(code, lang, **params)

    def counts(pairs) -> str:
        return ", ".join(f"{k} {v}" for k, v in pairs)
    out = [say("sheets.summary.head", sheet=sheet.name, rows=len(sheet.rows), cases=len(plan.cases),
               contacts=plan.contacts)]
    if plan.new_organisations:
        out.append(say("sheets.summary.new_organisations", names=", ".join(plan.new_organisations)))
    out.append(say("sheets.summary.per_organisation", counts=counts(sorted(plan.per_organisation().items()))))
    out.append(say("sheets.summary.per_year", counts=counts(sorted(plan.per_year().items()))))
    for f in ("behaviour", "accused_relation", "follow_up"):
        out.append(say("sheets.summary.per_field", name=Phrase(f"sheets.field.{f}"),
                       counts=counts(plan.per_field(f).most_common())))
    if plan.duplicate_rows:
        out.append(say("sheets.summary.duplicates_allowed" if plan.duplicates_allowed else "sheets.summary.duplicates",
                       n=len(plan.duplicate_rows), rows=duplicate_rows_text(plan, limit)))
    for title, why in plan.refused_columns.items():
        out.append(say("sheets.summary.column_left_out", title=title, reason=why))
    if plan.ignored_columns:
        out.append(say("sheets.summary.columns_not_used", names=", ".join(repr(c) for c in plan.ignored_columns)))
    for f, found in plan.unknown_values.items():
        out.append(say("sheets.summary.unknown_values", name=Phrase(f"sheets.field.{f}"),
                       stored_as=plan.unknown_as.get(f) or "intake / vervolg",
                       values=", ".join(f"{v!r} ({n}x)" for v, n in found.most_common(limit))))
    out.append(say("sheets.summary.privacy", replaced=plan.identifiers_replaced, notes=len(plan.findings),
                   kept=plan.identifiers_kept, left_out=plan.notes_left_out, units=plan.units_left_out))
    out += [say("sheets.summary.row_skipped", row=n, reason=why) for n, why in plan.skipped_rows[:limit]]
    out += [say("sheets.summary.row_refused", row=n, reason=why) for n, why in plan.refused_rows[:limit]]
    if len(plan.refused_rows) > limit:
        out.append(say("sheets.summary.more_refused", n=len(plan.refused_rows) - limit))
    return out
