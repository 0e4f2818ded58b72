"""A figure hidden in last year's report must not be worked back from this year's.

Last year's "still open at year end" equals this year's "carried over": when one is hidden, the
other must be too, and the two years are audited together.
"""
from __future__ import annotations

from app import interchange
from app.reporting import report
from app.reporting.disclosure import attack_intervals


def _case(n, opened, closed):
    return {"code": f"{opened[:4]}-{n:03d}", "organisation": "Org", "opened": opened, "closed": closed,
            "reporter_role": "medewerker", "behaviour": "pesten", "accused_relation": "collega",
            "follow_up": "opvang_advies",
            "contacts": [{"date": opened, "minutes": 60, "channel": "persoonlijk", "kind": "intake"}]}


def _table(rep, tid):
    return next(t for t in rep["tables"] if t["id"] == tid)


def test_carried_over_does_not_reveal_last_years_hidden_cells(repo, tmp_path):
    cases, n = [], 0
    for _ in range(2):  # 2024: 2 closed in the year ...
        n += 1
        cases.append(_case(n, "2024-02-01", "2024-06-01"))
    for i in range(7):  # ... and 7 still open at its end
        n += 1
        cases.append(_case(n, "2024-03-01", None if i < 4 else "2025-03-01"))
    for _ in range(10):
        n += 1
        cases.append(_case(n, "2025-04-01", None))
    interchange.import_data(repo, {"format": "vertrouwd-data/1", "organisations": [{"name": "Org"}],
                                   "cases": cases, "activities": []})
    report.export_report(repo, report.resolve(repo, "Org", 2024), fmt="json", out=tmp_path / "r24.json")
    r24 = repo.published_report(repo.organisation("Org").id, 2024)
    status = _table(r24, "status")
    assert status["cells"] == [[None], [None]]  # 2 and 7 of 9: both hidden
    report.export_report(repo, report.resolve(repo, "Org", 2025), fmt="json", out=tmp_path / "r25.json")
    r25 = repo.published_report(repo.organisation("Org").id, 2025)
    origin = _table(r25, "origin")
    carried = origin["cells"][origin["rows"].index("overgenomen")][0]
    assert carried is None, "publishing the carried-over count would reveal 2024's hidden cells"
    # the attacker's LP over both years together: 2024 'gesloten' stays at least k wide
    # unknowns: x0 = 2024 gesloten, x1 = 2024 open = 2025 overgenomen, then 2025's other hidden origin cells
    hidden = [i for i, row in enumerate(origin["cells"]) if row[0] is None and i != origin["rows"].index("overgenomen")]
    known = sum(row[0] for row in origin["cells"] if row[0] is not None)
    eqs = [({0: 1.0, 1: 1.0}, float(status["total"])),
           ({1: 1.0, **{2 + j: 1.0 for j in range(len(hidden))}}, float(origin["total"] - known))]
    lo, hi = attack_intervals(2 + len(hidden), eqs)[0]
    assert hi - lo >= r24["threshold"]
