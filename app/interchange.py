"""The interchange format `vertrouwd-data/2`: all-or-nothing import and export of a vault's data.

Version 2 (schema 5) adds a case's position, integrity_kind and outcome, an organisation's sector, and
``requests`` (requests for information or advice, counted apart from cases: organisation, date, kind,
asker, topic, minutes, no free text). Files of version 1 are still read: their reporter_role mixed the
position with the role in the case and is split by the one mapping (models.entities.split_role), as the
migration does; they hold no requests.

Every record is checked before anything is written, and the writes run in one transaction, so an
invalid record leaves the vault exactly as it was. Errors name the record and the field.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

from app import fsutil
from app.errors import UserError, ValidationError
from app.resources import vocabularies
from app.store.repository import Repository
from app.texts import Phrase
from models import entities as E
from models import vocab as V
from models.entities import Activity, Case, Contact, Organisation, Request

FORMAT = "vertrouwd-data/2"
FORMAT_V1 = "vertrouwd-data/1"      # before schema 5: still read
TOP_KEYS = {FORMAT_V1: {"format", "organisations", "cases", "activities"}}
TOP_KEYS[FORMAT] = TOP_KEYS[FORMAT_V1] | {"requests"}
MAX_FILE = 200 * 1024 * 1024

CASE_KEYS = {"code", "organisation", "opened", "closed", "reporter_role", "behaviour", "extra_behaviours",
             "accused_relation", "follow_up", "extra_follow_ups", "unit", "contacts"}
CASE_KEYS_V2 = CASE_KEYS | {"position", "integrity_kind", "outcome"}
CASE_REQUIRED = {"code", "organisation", "opened", "reporter_role", "behaviour", "accused_relation",
                 "follow_up"}
CONTACT_KEYS = {"date", "minutes", "channel", "kind", "notes"}
ACTIVITY_KEYS = {"organisation", "date", "kind", "hours"}
REQUEST_KEYS = {"organisation", "date", "kind", "asker", "topic", "minutes"}
REQUEST_REQUIRED = REQUEST_KEYS - {"topic"}
MAX_INT = 2**63 - 1  # what SQLite stores


def check_values(data: object) -> None:
    """Every string valid Unicode (no lone surrogates), every number finite and storable; names the place."""
    stack: list[tuple[object, str]] = [(data, "")]
    while stack:
        value, where = stack.pop()
        if isinstance(value, dict):
            stack.extend((v, f"{where}.{k}" if where else str(k)) for k, v in value.items())
            stack.extend((k, Phrase("interchange.where.field_name", where=where or "-")) for k in value)
        elif isinstance(value, list):
            stack.extend((v, f"{where}[{i}]") for i, v in enumerate(value))
        elif isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise UserError("interchange.bad_character", where=where or Phrase("interchange.where.file")) \
                    from None
        elif isinstance(value, bool) or value is None:
            continue
        elif isinstance(value, int) and not -MAX_INT <= value <= MAX_INT \
                or isinstance(value, float) and not math.isfinite(value):
            raise UserError("interchange.bad_number", where=where or Phrase("interchange.where.file"))


def _list(container: dict, name: str, record: str) -> list:
    value = container.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        _fail(record, name, "interchange.not_list")
    return value


def _text(obj: dict, fields: tuple[str, ...], record: str) -> None:
    for f in fields:
        if obj.get(f) is not None and not isinstance(obj[f], str):
            _fail(record, f, "interchange.not_text")


def _fail(record: str, field: str, code: str, **params) -> None:
    raise ValidationError(code, field=field, record=record, **params)


def _problem(record: str, problem: E.Problem) -> None:
    """A problem the domain found (models.entities), said as "record: field: what is wrong"."""
    raise ValidationError(f"problem.{problem.code}", field=problem.field, record=record, where=f"{record}: ",
                          detail=problem.message)


def _keys(obj, allowed: set[str], required: set[str], record: str) -> None:
    if not isinstance(obj, dict):
        _fail(record, "-", "interchange.record_not_object")
    for k in obj:
        if k not in allowed:
            _fail(record, k, "interchange.unknown_field", allowed=", ".join(sorted(allowed)))
    for k in sorted(required):
        if k not in obj:
            _fail(record, k, "interchange.missing_field")


def _date(value, record: str, field: str, optional: bool = False):
    if value is None and optional:
        return None
    d, problem = E.parse_date(value, field)
    if problem:
        _problem(record, problem)
    return d


def _str_list(value, record: str, field: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        _fail(record, field, "interchange.not_codes")
    return list(value)


def parse(data: dict) -> tuple[list[Organisation], list[Case], list[Activity]]:
    """Turn the parsed JSON into records; raises ValidationError naming the first bad record."""
    if not isinstance(data, dict):
        raise UserError("interchange.not_object")
    if data.get("format") not in TOP_KEYS:
        raise UserError("interchange.unknown_format", value=data.get('format'), format=FORMAT)
    v1 = data["format"] == FORMAT_V1
    unknown = set(data) - TOP_KEYS[data["format"]]
    if unknown:
        raise UserError("interchange.unknown_top_level_field", unknown=', '.join(sorted(unknown)))
    check_values(data)
    orgs, cases, acts = [], [], []
    for i, o in enumerate(_list(data, "organisations", "the file")):
        rec = f"organisations[{i}]"
        _keys(o, {"name", "units"} if v1 else {"name", "units", "sector"}, {"name"}, rec)
        _text(o, ("name", "sector"), rec)
        if not isinstance(o["name"], str):
            _fail(rec, "name", "interchange.not_text")
        org = Organisation(name=o["name"].strip(), units=_str_list(o.get("units"), rec, "units"),
                           sector=o.get("sector") or V.DEFAULT_SECTOR)
        problems = E.validate_organisation(org, vocabularies())
        if problems:
            _problem(rec, problems[0])
        orgs.append(org)
    for i, c in enumerate(_list(data, "cases", "the file")):
        rec = f"cases[{i}]" + (f" ({c.get('code')})" if isinstance(c, dict) and c.get("code") else "")
        _keys(c, CASE_KEYS if v1 else CASE_KEYS_V2, CASE_REQUIRED, rec)
        _text(c, ("code", "organisation", "unit", "reporter_role", "behaviour", "accused_relation",
                  "follow_up", "position", "integrity_kind", "outcome"), rec)
        contacts = []
        for j, k in enumerate(_list(c, "contacts", rec)):
            krec = f"{rec} contacts[{j}]"
            _keys(k, CONTACT_KEYS, {"date", "minutes", "channel", "kind"}, krec)
            _text(k, ("channel", "kind"), krec)
            if isinstance(k["minutes"], bool) or not isinstance(k["minutes"], int):
                _fail(krec, "minutes", "interchange.not_whole_number")
            notes = k.get("notes")
            if notes is not None and not isinstance(notes, str):
                _fail(krec, "notes", "interchange.notes_not_text")
            contacts.append(Contact(date=_date(k["date"], krec, "date"), minutes=k["minutes"],
                                    channel=k["channel"], kind=k["kind"], notes=notes or ""))
        position, role = E.split_role(c["reporter_role"]) if v1 else (c.get("position"), c["reporter_role"])
        case = Case(code=c["code"], organisation=c["organisation"], opened=_date(c["opened"], rec, "opened"),
                    closed=_date(c.get("closed"), rec, "closed", optional=True),
                    reporter_role=role, position=position or E.UNKNOWN_POSITION,
                    integrity_kind=c.get("integrity_kind"), outcome=c.get("outcome"), behaviour=c["behaviour"],
                    accused_relation=c["accused_relation"], follow_up=c["follow_up"],
                    extra_behaviours=_str_list(c.get("extra_behaviours"), rec, "extra_behaviours"),
                    extra_follow_ups=_str_list(c.get("extra_follow_ups"), rec, "extra_follow_ups"),
                    unit=c.get("unit"), contacts=contacts)
        cases.append((rec, case))
    for i, a in enumerate(_list(data, "activities", "the file")):
        rec = f"activities[{i}]"
        _keys(a, ACTIVITY_KEYS, ACTIVITY_KEYS, rec)
        _text(a, ("organisation", "kind"), rec)
        if isinstance(a["hours"], bool) or not isinstance(a["hours"], int | float) or not math.isfinite(a["hours"]):
            _fail(rec, "hours", "interchange.not_finite_number")
        acts.append((rec, Activity(organisation=a["organisation"], date=_date(a["date"], rec, "date"),
                                   kind=a["kind"], hours=a["hours"])))
    return orgs, cases, acts


def parse_requests(data: dict) -> list[tuple[str, Request]]:
    """The requests of a file (parse has checked the file itself); none in a version-1 file."""
    out = []
    for i, r in enumerate(_list(data, "requests", "the file")):
        rec = f"requests[{i}]"
        _keys(r, REQUEST_KEYS, REQUEST_REQUIRED, rec)
        _text(r, ("organisation", "kind", "asker", "topic"), rec)
        if isinstance(r["minutes"], bool) or not isinstance(r["minutes"], int):
            _fail(rec, "minutes", "interchange.not_whole_number")
        out.append((rec, Request(organisation=r["organisation"], date=_date(r["date"], rec, "date"), kind=r["kind"],
                                 asker=r["asker"], topic=r.get("topic"), minutes=r["minutes"])))
    return out


def import_data(repo: Repository, data: dict) -> dict[str, int]:
    orgs, cases, acts = parse(data)
    reqs = parse_requests(data)
    with repo.unit_of_work() as uow:
        known = {E.organisation_key(o.name) for o in repo.list_organisations()}
        for i, org in enumerate(orgs):
            if E.organisation_key(org.name) in known:
                # an organisation that exists already: add missing units only
                existing = repo.organisation(org.name)
                uow.add_units(existing.id, [u for u in org.units if u not in existing.units])
            else:
                try:
                    uow.insert_organisation(org)
                except ValidationError as exc:
                    raise ValidationError(exc.code, field=exc.field, record=f"organisations[{i}]",
                                          params={**exc.params, "where": f"organisations[{i}]: "}) from None
                known.add(E.organisation_key(org.name))
        for rec, case in cases:
            cid = uow.write_case(case, rec)
            for j, contact in enumerate(case.contacts):
                uow.insert_contact(cid, case.opened, contact, f"{rec} contacts[{j}]")
        for rec, act in acts:
            uow.insert_activity(act, rec)
        for rec, req in reqs:
            uow.insert_request(req, rec)
        uow.audit("import", f"{len(cases)} casussen")
    return {"organisations": len(orgs), "cases": len(cases), "activities": len(acts),
            "contacts": sum(len(c.contacts) for _, c in cases), "requests": len(reqs)}


def load_file(path: str | Path) -> dict:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE:
            raise UserError("interchange.too_large", path=path, max_file=MAX_FILE // (1024 * 1024))
        with open(path, encoding="utf-8") as fh:
            return json.load(fh, parse_constant=_no_constant)
    except FileNotFoundError:
        raise UserError("interchange.missing", path=path) from None
    except UnicodeDecodeError:
        raise UserError("interchange.not_utf8", path=path) from None
    except json.JSONDecodeError as exc:
        raise UserError("interchange.not_json", path=path, lineno=exc.lineno, colno=exc.colno, msg=exc.msg) \
            from None
    except OSError as exc:
        raise UserError("interchange.unreadable", path=path, strerror=exc.strerror) from None
    except ValueError as exc:  # a number with thousands of digits, NaN or Infinity
        code = "interchange.nan_or_infinity" if "allows" in str(exc) else "interchange.number_too_large"
        raise UserError(code, path=path) from None


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number this format allows")


def export_data(repo: Repository, path: str | Path, *, include_notes: bool = True) -> None:
    """Write the whole vault as vertrouwd-data/2 JSON (plain text: the caller warns the adviser)."""
    orgs = [{"name": o.name, "units": o.units, "sector": o.sector} for o in repo.list_organisations()]
    cases = []
    for row in reversed(repo.list_cases()):
        c = repo.get_case(row.id)
        cases.append({"code": c.code, "organisation": c.organisation, "opened": c.opened.isoformat(),
                      "closed": c.closed.isoformat() if c.closed else None,
                      "reporter_role": c.reporter_role, "position": c.position,
                      "integrity_kind": c.integrity_kind, "outcome": c.outcome, "behaviour": c.behaviour,
                      "extra_behaviours": c.extra_behaviours, "accused_relation": c.accused_relation,
                      "follow_up": c.follow_up, "extra_follow_ups": c.extra_follow_ups, "unit": c.unit,
                      "contacts": [{"date": k.date.isoformat(), "minutes": k.minutes, "channel": k.channel,
                                    "kind": k.kind, "notes": k.notes if include_notes else ""}
                                   for k in c.contacts]})
    acts = [{"organisation": a.organisation, "date": a.date.isoformat(), "kind": a.kind, "hours": a.hours}
            for a in reversed(repo.list_activities())]
    reqs = [{"organisation": r.organisation, "date": r.date.isoformat(), "kind": r.kind, "asker": r.asker,
             "topic": r.topic, "minutes": r.minutes} for r in reversed(repo.list_requests())]
    fsutil.write_text_atomic(path, json.dumps({"format": FORMAT, "organisations": orgs, "cases": cases,
                                               "activities": acts, "requests": reqs}, ensure_ascii=False, indent=1))
