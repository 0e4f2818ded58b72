"""Synthetic demo data with plausible distributions, for trying the program and for benchmarks.

Everything is made up: organisation names are invented, notes are assembled from neutral phrases
and never contain a name or another identifier.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from app.store.repository import Repository
from models import entities as E
from models.entities import Organisation

ORG_NAMES = ["Gemeente Voorbeeld", "Zorggroep De Linde", "Transportbedrijf Noordkade", "Hogeschool Westland",
             "Woningstichting Op Dreef", "Ingenieursbureau Stroom", "Stichting Kinderopvang Klimop",
             "Provinciale Dienst Polderland", "Supermarktketen Versplein", "Museum Het Pakhuis",
             "Waterschap Lage Landen", "Thuiszorg Samen", "Drukkerij Letterzetter", "Politieacademie Oost",
             "Ziekenhuis Rijnoever", "Omroep Middenland"]
UNITS = ["Publiekszaken", "ICT", "Financiën", "Facilitair", "Zorg", "Logistiek", "Onderwijs", "Klantcontact",
         "Personeelszaken", "Techniek"]

BEHAVIOUR = {"pesten": 25, "intimidatie": 15, "seksuele_intimidatie": 11, "agressie_geweld": 10,
             "discriminatie": 8, "integriteit": 6, "werkdruk": 9, "arbeidsconflict": 12, "overig": 4}
RELATION = {"leidinggevende": 40, "collega": 38, "derde": 10, "ondergeschikte": 5, "onbekend": 7}
ROLE = {"medewerker": 70, "leidinggevende": 8, "omstander": 8, "oud_medewerker": 3, "stagiair": 3,
        "flexkracht": 5, "vrijwilliger": 1, "overig": 2}
FOLLOW_UP = {"opvang_advies": 35, "doorverwijzing": 12, "bemiddeling": 8, "informele_oplossing": 18,
             "klacht": 6, "melding_intern": 8, "melding_extern": 2, "aangifte": 2, "geen_vervolg": 9}
CHANNEL = {"persoonlijk": 50, "telefonisch": 25, "video": 20, "schriftelijk": 5}
ACTIVITY = {"voorlichting": 40, "training": 15, "beleidsadvies": 20, "overleg": 20, "overig": 5}
REQUEST_KIND = {"informatie_procedure": 35, "advies_leidinggevende": 30, "advies_medewerker": 20,
                "voorlichting_vraag": 10, "overig": 5}
REQUEST_ASKER = {"medewerker": 45, "leidinggevende": 35, "hr": 10, "directie": 4, "ondernemingsraad": 4, "overig": 2}
INTEGRITY_KIND = {"fraude_diefstal": 5, "belangenverstrengeling": 4, "misbruik_bevoegdheden": 3,
                  "misbruik_informatie": 3, "geschenken_uitnodigingen": 2, "corruptie": 1, "overig": 2}
OUTCOME = {"opgelost": 30, "beter": 30, "onveranderd": 20, "slechter": 5, "vertrokken": 8, "onbekend": 7}
NOTE_PARTS = [
    "Verhaal aangehoord en rol van de vertrouwenspersoon toegelicht.",
    "Grenzen van vertrouwelijkheid besproken.",
    "Medewerker ervaart het gedrag al enkele maanden.",
    "Mogelijkheden doorgenomen: informeel gesprek, melding of klacht.",
    "Medewerker wil eerst zelf het gesprek aangaan.",
    "Afgesproken over twee weken opnieuw contact te hebben.",
    "Spanning en slaapproblemen genoemd; bedrijfsarts als mogelijkheid genoemd.",
    "Situatie is verbeterd sinds het vorige gesprek.",
    "Medewerker twijfelt of een formele stap verstandig is.",
    "Toestemming gegeven voor een anonieme registratie.",
]


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def generate(repo: Repository, cases: int, orgs: int = 5, years: int = 3, seed: int = 1,
             today: date | None = None) -> dict[str, int]:
    """Add `cases` synthetic cases spread over `orgs` organisations and the last `years` years."""
    if cases < 0 or orgs < 1 or years < 1:
        raise ValueError("cases must be >= 0, orgs and years >= 1")
    rng = random.Random(seed)
    schema5 = random.Random(seed + 5)   # the fields of schema 5 from their own stream: older demo data stays
    today = today or date.today()
    first_year = today.year - years + 1
    org_ids: list[tuple[int, list[int], float]] = []
    with repo.unit_of_work() as uow:
        existing = {o.name for o in repo.list_organisations()}
        names = [n for n in ORG_NAMES if n not in existing]
        k = 2
        while len(names) < orgs:
            names += [f"{n} {k}" for n in ORG_NAMES if f"{n} {k}" not in existing]
            k += 1
        for i in range(orgs):
            oid = uow.insert_organisation(Organisation(name=names[i]))
            units = uow.add_units(oid, rng.sample(UNITS, rng.randint(2, 6)))
            unit_ids = sorted(units.values())
            org_ids.append((oid, unit_ids, rng.uniform(0.3, 3.0)))  # size weight
        weights = [w for _, _, w in org_ids]
        counters: dict[int, int] = {}
        for code in uow.case_codes():
            y, n = code.split("-", 1)
            if n.isdigit():
                counters[int(y)] = max(counters.get(int(y), 0), int(n))
        n_contacts = 0
        span = (today - date(first_year, 1, 1)).days
        case_rows, contact_rows = [], []
        for _ in range(cases):
            oid, unit_ids, _w = rng.choices(org_ids, weights=weights)[0]
            opened = date(first_year, 1, 1) + timedelta(days=rng.randint(0, max(span, 0)))
            counters[opened.year] = counters.get(opened.year, 0) + 1
            code = f"{opened.year}-{counters[opened.year]:03d}"
            k = max(1, min(8, round(rng.gauss(3, 1.3))))
            dates = sorted(opened + timedelta(days=rng.randint(0, 120)) for _ in range(k - 1))
            dates = [opened] + [d for d in dates if d <= today]
            last = dates[-1]
            closed = last + timedelta(days=rng.randint(0, 30))
            is_open = closed > today or rng.random() < 0.04
            follow = "lopend" if is_open else _pick(rng, FOLLOW_UP)
            case_rows.append((code, oid, opened.isoformat(), None if is_open else closed.isoformat(),
                              _pick(rng, ROLE), _pick(rng, BEHAVIOUR), _pick(rng, RELATION), follow,
                              rng.choice(unit_ids) if rng.random() < 0.5 else None, dates))
        reminder_rows = []
        for row in case_rows:
            position, role = E.LEGACY_ROLES[row[4]]   # the demo's mix of positions and bystanders
            kind = _pick(schema5, INTEGRITY_KIND) if row[5] == E.INTEGRITY else None
            outcome = _pick(schema5, OUTCOME) if row[3] is not None else None
            cid = uow.insert_case_row((*row[:4], role, *row[5:9], position, kind, outcome))
            if row[3] is None and rng.random() < 0.6:
                due = today + timedelta(days=rng.randint(-3, 21))
                reminder_rows.append((cid, due.isoformat(), "volgend_contact", "demo"))
            for j, d in enumerate(row[9]):
                kind = "intake" if j == 0 else ("nazorg" if j == len(row[9]) - 1 and j > 1 else "vervolg")
                notes = " ".join(rng.sample(NOTE_PARTS, rng.randint(1, 3)))
                contact_rows.append((cid, d.isoformat(), rng.choice([30, 45, 45, 60, 60, 75, 90]),
                                     _pick(rng, CHANNEL), kind, notes))
        uow.insert_contact_rows(contact_rows)
        n_contacts = len(contact_rows)
        uow.insert_reminder_rows(reminder_rows)
        act_rows = []
        for oid, _units, w in org_ids:
            for year in range(first_year, today.year + 1):
                for _ in range(max(1, round(rng.gauss(4 * w, 2)))):
                    d = date(year, 1, 1) + timedelta(days=rng.randint(0, 364))
                    if d <= today:
                        act_rows.append((oid, d.isoformat(), _pick(rng, ACTIVITY),
                                         rng.choice([1.0, 1.5, 2.0, 2.5, 3.0, 4.0])))
        uow.insert_activity_rows(act_rows)
        req_rows = _request_rows(random.Random(seed * 7919 + 13), org_ids, first_year, today)
        uow.insert_request_rows(req_rows)
        uow.audit("demo", f"{cases} casussen")
    return {"organisations": orgs, "cases": cases, "contacts": n_contacts, "activities": len(act_rows),
            "requests": len(req_rows)}


def _request_rows(rng: random.Random, org_ids: list[tuple[int, list[int], float]], first_year: int,
                  today: date) -> list[tuple[int, str, str, str, str | None, int]]:
    """Requests for information or advice: a few short questions per organisation and year (their own
    random stream, so the cases and activities of a seed stay the same as before requests existed)."""
    rows = []
    for oid, _units, w in org_ids:
        for year in range(first_year, today.year + 1):
            for _ in range(max(0, round(rng.gauss(6 * w, 2)))):
                d = date(year, 1, 1) + timedelta(days=rng.randint(0, 364))
                if d <= today:
                    kind = _pick(rng, REQUEST_KIND)
                    topic = _pick(rng, BEHAVIOUR) if kind.startswith("advies") and rng.random() < 0.6 else None
                    rows.append((oid, d.isoformat(), kind, _pick(rng, REQUEST_ASKER), topic,
                                 rng.choice([5, 5, 10, 10, 15, 20, 30])))
    return rows
