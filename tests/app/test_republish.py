"""Publishing a year a second time: refused unless asked for; then the new version keeps hidden what
the earlier one hid and both versions are checked together (security review: differencing)."""
from __future__ import annotations

import json
from datetime import date

import pytest

from app.errors import UserError
from app.exchange import publish as vstat_publish
from app.reporting import disclosure, report
from models.entities import Case, Contact
from tests.app.test_report import ORG, YEAR, fill
from tests.conftest import build_template, open_copy


@pytest.fixture(scope="module")
def filled_template(tmp_path_factory):
    return build_template(tmp_path_factory.mktemp("filled"), fill)


@pytest.fixture
def filled(filled_template, vault_path):
    """A copy of a vault filled once per module: each test publishes into its own copy."""
    with open_copy(filled_template, vault_path) as repo:
        yield repo


@pytest.fixture(autouse=True)
def _detailed(monkeypatch):
    """These tests are about versions of tables at the detailed level (the same with recoding:
    tests/app/test_recode.py)."""
    real = report.resolve
    monkeypatch.setattr(report, "resolve", lambda *a, **kw: real(*a, **{"recode": False, **kw}))


def _hidden(rep: dict) -> set[tuple]:
    return report._hidden_keys([rep])


def _publish(repo, tmp_path, name, threshold=None, **kw):
    path = report.export_report(repo, report.resolve(repo, ORG, YEAR, threshold), fmt="json", out=tmp_path / name,
                                **kw)
    return json.loads(path.read_text(encoding="utf-8"))


def test_same_figures_again_are_fine(filled, tmp_path):
    first = _publish(filled, tmp_path, "a.json")
    report.export_report(filled, report.resolve(filled, ORG, YEAR), fmt="csv", out=tmp_path / "a.csv")
    report.export_report(filled, report.resolve(filled, ORG, YEAR, lang="en"), fmt="pdf", out=tmp_path / "a.pdf")
    again = _publish(filled, tmp_path, "b.json")
    assert again["tables"] == first["tables"]
    stored = filled.published_report(filled.organisation(ORG).id, YEAR)
    assert "superseded" not in stored


def test_other_threshold_is_refused_without_republish(filled, tmp_path):
    first = _publish(filled, tmp_path, "a.json")
    k3 = report.resolve(filled, ORG, YEAR, threshold=3)
    assert report.prepare(filled, k3).report["tables"] != first["tables"]
    for export in (lambda: report.export_report(filled, k3, fmt="json", out=tmp_path / "b.json"),
                   lambda: vstat_publish.export_vstat(filled, k3, out=tmp_path / "b.vstat")):
        with pytest.raises(UserError, match="--republish") as exc:
            export()
        assert "threshold 5, now 3" in exc.value.message
    assert not (tmp_path / "b.json").exists() and not (tmp_path / "b.vstat").exists()
    assert filled.published_report(filled.organisation(ORG).id, YEAR)["tables"] == first["tables"]


def test_a_late_case_is_refused_too(filled, tmp_path):
    _publish(filled, tmp_path, "a.json")
    _late_case(filled)
    with pytest.raises(UserError, match="published before with other figures"):
        _publish(filled, tmp_path, "b.json")


def _late_case(repo, n=900, behaviour="pesten"):
    repo.add_case(Case(code=f"2025-{n}", organisation=ORG, opened=date(2025, 12, 1), closed=None,
                       reporter_role="betrokkene", behaviour=behaviour, accused_relation="collega",
                       follow_up="lopend", contacts=[Contact(date(2025, 12, 1), 30, "telefonisch", "intake")]))


def test_only_a_lower_threshold_gives_the_same_figures_again(filled, tmp_path):
    first = _publish(filled, tmp_path, "a.json")
    second = _publish(filled, tmp_path, "b.json", threshold=3, republish=True)
    assert second["tables"] == first["tables"]  # everything hidden before stays hidden: nothing new


def test_republish_keeps_every_earlier_hidden_figure_hidden(filled, tmp_path):
    first = _publish(filled, tmp_path, "a.json")
    _late_case(filled)
    second = _publish(filled, tmp_path, "b.json", threshold=3, republish=True)
    assert second["threshold"] == 3 and second["totals"]["cases"] == first["totals"]["cases"] + 1
    # every figure hidden in the first version is hidden in the second (merged rows: in "overig")
    keys = _hidden(first)
    tabs = {t["id"]: t for t in second["tables"]}
    for tid, row, col in keys:
        t = tabs[tid]
        r = t["rows"].index(row if row in t["rows"] else disclosure.MERGED_CODE) if row is not None else None
        if t["cols"] is None:
            assert t["cells"][r][0] is None, (tid, row)
        elif col is not None:
            c = t["cols"].index(col if col in t["cols"] else disclosure.MERGED_CODE)
            assert (t["cells"][r][c] if r is not None else t["col_totals"][c]) is None, (tid, row, col)
        else:
            assert t["row_totals"][r] is None, (tid, row)
    # the reviewer's attack: fill the first version's gaps with the second's printed figures
    union = []
    by_id = {t["id"]: t for t in second["tables"]}
    for t in first["tables"]:
        o = by_id[t["id"]]
        u = json.loads(json.dumps(t))
        if o["rows"] == t["rows"] and o["cols"] == t["cols"]:
            for i, row in enumerate(u["cells"]):
                for j, v in enumerate(row):
                    if v is None and o["cells"][i][j] is not None:
                        row[j] = o["cells"][i][j]
        union.append(u)
    assert union == first["tables"], "the second version printed a figure the first one hid"
    stored = filled.published_report(filled.organisation(ORG).id, YEAR)
    assert stored["tables"] == second["tables"]
    assert [v["tables"] for v in stored["superseded"]] == [first["tables"]]
    assert "superseded" not in second  # the vault keeps the history, the file does not carry it


def test_third_version_is_checked_against_both_earlier_ones(filled, tmp_path):
    first = _publish(filled, tmp_path, "a.json")
    _late_case(filled, 900)
    second = _publish(filled, tmp_path, "b.json", republish=True)
    _late_case(filled, 901)
    prep = report.prepare(filled, report.resolve(filled, ORG, YEAR, threshold=4), republish=True)
    assert [v["tables"] for v in prep.earlier] == [second["tables"], first["tables"]]
    assert prep.republished and "republished" in prep.notes
    third = _publish(filled, tmp_path, "c.json", threshold=4, republish=True)
    assert _hidden(first) | _hidden(second) <= _hidden(third) | _merged_keys(third, first)
    stored = filled.published_report(filled.organisation(ORG).id, YEAR)
    assert len(stored["superseded"]) == 2


def _merged_keys(rep: dict, other: dict) -> set[tuple]:
    """Keys of categories that ``rep`` no longer prints on their own (merged into "overig")."""
    rows = {t["id"]: set(t["rows"]) for t in rep["tables"]}
    return {(tid, row, col) for tid, row, col in _hidden(other)
            if row is not None and row not in rows.get(tid, set())}


def test_joint_audit_refuses_a_version_that_narrows_a_hidden_figure(filled, tmp_path):
    _late_case(filled)
    prep = report.prepare(filled, report.resolve(filled, ORG, YEAR, threshold=3), republish=True)
    assert prep.protection.audit.ok
    prot = prep.protection
    # an earlier version that printed one figure the new version hides: laid side by side with the
    # new one (same data, so the attacker's guess "unchanged" holds), that figure is known exactly
    beh = next(t for t in prot.tables if t["id"] == "behaviour")
    r = next(i for i, row in enumerate(beh["cells"]) if row[0] is None)
    truth = prep.aggregation.table("behaviour")
    fake = json.loads(json.dumps(beh))
    fake["cells"][r] = [truth.cells[truth.rows.index(beh["rows"][r])][0]]
    fake["row_totals"] = [c[0] for c in fake["cells"]]
    report._versions_audit(prot, [{"tables": [fake]}], prep.aggregation, 3)
    assert not prot.audit.ok
    # the figure the earlier version printed is public already; what it gives away is not: the
    # figures hidden together with it in the new version are narrowed
    assert any(p.startswith("behaviour") for p in prot.audit.problems), prot.audit.problems
    assert not any(p.startswith(f"behaviour/{beh['rows'][r]}:") for p in prot.audit.problems)


def test_report_page_default_still_refuses_cleanly(filled, tmp_path):
    _publish(filled, tmp_path, "a.json")
    prep = report.prepare(filled, report.resolve(filled, ORG, YEAR, threshold=3))
    assert prep.republish_needed and not prep.republished
    with pytest.raises(UserError):
        report.require_publishable(prep)


def test_a_difference_that_singles_out_one_late_case_is_hidden_or_refused(filled, tmp_path):
    first = _publish(filled, tmp_path, "a.json")
    _late_case(filled, 900, "werkdruk")   # werkdruk x collega was a printed 0: the new case shows by difference
    try:
        second = _publish(filled, tmp_path, "b.json", republish=True)
    except UserError as exc:
        assert "cannot be published safely next to the version" in exc.message
        assert "werkdruk" in exc.message
        assert not (tmp_path / "b.json").exists()
        return
    # published: then it hides more, so that the difference no longer says what the case was about
    assert _revealed(first, second) == []
    two = next(t for t in second["tables"] if t["id"] == "behaviour_relation")
    assert two["cells"][two["rows"].index("werkdruk")][two["cols"].index("collega")] is None


def _revealed(first: dict, second: dict) -> list:
    """Attributes of the changed case an attacker with both versions can pin down."""
    from app.reporting import ledger
    n1, n0 = second["totals"]["cases"], first["totals"]["cases"]
    return ledger.changed_case_revealed(second["tables"], first["tables"], max(n1 - n0, 0), max(n0 - n1, 0))


def test_a_correction_that_adds_one_case_does_not_show_what_that_case_was_about(filled, tmp_path):
    first = _publish(filled, tmp_path, "a.json")
    _late_case(filled, 900, "pesten")
    try:
        second = _publish(filled, tmp_path, "b.json", republish=True)
    except UserError as exc:
        assert "cannot be published safely" in exc.message
        return
    assert _revealed(first, second) == []


def test_a_correction_that_removes_one_case_does_not_show_what_that_case_was_about(filled, tmp_path):
    first = _publish(filled, tmp_path, "a.json")
    code = next(r.code for r in filled.list_cases() if r.code.startswith("2025-01"))
    filled.delete_case(next(r.id for r in filled.list_cases() if r.code == code))
    try:
        second = _publish(filled, tmp_path, "b.json", republish=True)
    except UserError as exc:
        assert "cannot be published safely" in exc.message
        return
    assert _revealed(first, second) == []
