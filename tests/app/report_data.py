"""Hand-built data for the report tests: every figure below is known in advance.

Organisation "Testorg" (units ICT and Zorg), year 2025:
* 6 carried-over cases (opened 2024-10-01, 2 closed 2025-03-01, 4 still open), each with one
  contact in 2024 (not counted) and one 30-minute contact in 2025;
* 20 new cases: 10 opened in January, 10 in August, each with one 60-minute contact on the
  opening day; the January ones close in 2025, the August ones in 2026;
* excluded: a case closed in 2024 and a case opened in 2026;
* activities in 2025: 5 x voorlichting (2 h) and 1 x training (3 h); one voorlichting in 2024.
So 26 cases (6 carried over, 20 new, 12 closed), 26 contacts, 23 + 13 = 36 hours.
"""
from __future__ import annotations

from datetime import date

from models.entities import Activity, Case, Contact

CANARY = "CANARY-Zebra-7781"
ORG = "Testorg"
YEAR = 2025

# behaviour, relation, role, follow-up of the 26 cases of 2025, in the order they are added
_PROFILE = (
    [("pesten", "collega", "medewerker", "opvang_advies")] * 8
    + [("pesten", "leidinggevende", "medewerker", "opvang_advies")] * 4
    + [("intimidatie", "leidinggevende", "medewerker", "doorverwijzing")] * 6
    + [("werkdruk", "leidinggevende", "medewerker", "lopend")] * 5
    + [("seksuele_intimidatie", "collega", "omstander", "klacht")] * 2
    + [("agressie_geweld", "derde", "medewerker", "lopend")] * 1
)


def fill(repo) -> None:
    repo.add_organisation(ORG, ["ICT", "Zorg"])
    n = 0

    def add(opened, closed, profile, contacts, unit=None):
        nonlocal n
        n += 1
        b, rel, role, fu = profile
        repo.add_case(Case(code=f"{opened.year}-{n:03d}", organisation=ORG, opened=opened, closed=closed,
                           reporter_role=role, behaviour=b, accused_relation=rel, follow_up=fu, unit=unit,
                           contacts=contacts))

    profiles = iter(_PROFILE)
    for i in range(6):
        closed = date(2025, 3, 1) if i < 2 else None
        add(date(2024, 10, 1), closed, next(profiles),
            [Contact(date(2024, 10, 1), 45, "persoonlijk", "intake", notes=f"{CANARY} eerste gesprek"),
             Contact(date(2025, 2, 1), 30, "telefonisch", "vervolg", notes=CANARY)], unit="ICT")
    for i in range(10):
        add(date(2025, 1, 10 + i), date(2025, 6, 1), next(profiles),
            [Contact(date(2025, 1, 10 + i), 60, "persoonlijk", "intake", notes=CANARY)], unit="Zorg")
    for i in range(10):
        add(date(2025, 8, 1 + i), date(2026, 1, 15), next(profiles),
            [Contact(date(2025, 8, 1 + i), 60, "video", "intake", notes=CANARY)])
    add(date(2024, 1, 5), date(2024, 12, 31), ("pesten", "collega", "medewerker", "opvang_advies"),
        [Contact(date(2024, 1, 5), 60, "persoonlijk", "intake")])
    add(date(2026, 1, 2), None, ("pesten", "collega", "medewerker", "lopend"),
        [Contact(date(2026, 1, 2), 60, "persoonlijk", "intake")])
    for i in range(5):
        repo.add_activity(Activity(organisation=ORG, date=date(2025, 3, 1 + i), kind="voorlichting", hours=2.0))
    repo.add_activity(Activity(organisation=ORG, date=date(2025, 9, 1), kind="training", hours=3.0))
    repo.add_activity(Activity(organisation=ORG, date=date(2024, 9, 1), kind="voorlichting", hours=2.0))
