"""Global recoding (issue 12, items 5 and 7): coarser before emptier, one level per scope and year,
supervisor merges at the common coarse level."""
from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from app.exchange import combine
from app.exchange import publish as vstat_publish
from app.exchange import vstat as ex
from app.reporting import content, disclosure, ledger, recode, report
from app.resources import vocabularies
from models import vocab as V
from models.vocab import Vocabularies
from tests.app.test_publish_leaks import _org, _tables

# 12 cases, 3 of each of four kinds in two groups: every detailed behaviour figure is hidden
SMALL = [(b, ["collega", "derde"][(i // 4) % 2], "betrokkene", "opvang_advies")
         for i, b in enumerate(["pesten", "intimidatie", "werkdruk", "arbeidsconflict"] * 3)]


def _vocab(groups: dict) -> dict:
    codes = {c: {"nl": c, "en": c} for c in ("a", "b", "c")}
    return {"vocabularies": {"x": {"label": {"nl": "X", "en": "X"}, "codes": codes, "groups": groups}}}


def test_the_hierarchy_validates():
    vocabs = vocabularies()
    beh = vocabs[V.BEHAVIOUR]
    assert beh.group_of("seksuele_intimidatie") == "grensoverschrijdend_gedrag"
    assert beh.group_of("werkdruk") == beh.group_of("arbeidsconflict") == "werk_arbeidsverhoudingen"
    assert vocabs[V.ACCUSED_RELATION].group_of("derde") == "buiten_de_organisatie"
    assert beh.group_of("a_code_added_later") == V.OTHER_GROUP
    good = {"ab": {"nl": "AB", "en": "AB", "codes": ["a", "b"]}, "c": {"nl": "C", "en": "C", "codes": ["c"]}}
    assert Vocabularies.from_dict(_vocab(good))["x"].group_codes() == ("ab", "c")
    bad = [{"ab": {"nl": "AB", "en": "AB", "codes": ["a", "zz"]}},                       # unknown code
           {"ab": {"nl": "AB", "en": "AB", "codes": ["a", "b"]}, "bc": {"nl": "B", "en": "B", "codes": ["b"]}},
           {"a": {"nl": "A", "en": "A", "codes": ["a"]}},                                # no group apart
           {"ab": {"nl": "AB", "codes": ["a", "b"]}}]                                     # no English
    for groups in bad:
        with pytest.raises(ValueError):
            Vocabularies.from_dict(_vocab(groups))
    # a code without a group is not refused: it falls into "overig" at the coarse level
    lone = Vocabularies.from_dict(_vocab({"ab": {"nl": "AB", "en": "AB", "codes": ["a", "b"]}}))["x"]
    assert lone.ungrouped() == ["c"] and lone.group_codes() == ("ab", V.OTHER_GROUP)


def test_every_reported_code_has_a_group():
    """Lists the codes that fall into "overig" at the coarse level only because no group names them
    (codes added by other work: give them a group in resources/vocabularies.json)."""
    lacking = {name: vocabularies()[name].ungrouped() for name in recode.variables()}
    assert not any(lacking.values()), f"codes without a group: {lacking}"


def test_the_coarse_level_publishes_a_group_row_the_detailed_level_hid(repo):
    _org(repo, "Twaalf", SMALL)
    detailed = report.prepare(repo, report.resolve(repo, "Twaalf", 2025, recode=False))
    beh = _tables(detailed.report)["behaviour"]
    assert [beh["cells"][beh["rows"].index(c)][0] for c in ("werkdruk", "arbeidsconflict")] == [None, None]
    assert recode.information([beh]) == 0
    prep = report.prepare(repo, report.resolve(repo, "Twaalf", 2025))
    assert prep.protection.audit.ok
    assert prep.report["levels"][V.BEHAVIOUR] == recode.COARSE
    beh = _tables(prep.report)["behaviour"]
    assert beh["cells"][beh["rows"].index("werk_arbeidsverhoudingen")][0] == 6
    assert recode.information(prep.protection.tables) > recode.information(detailed.protection.tables)
    lines = dict(content.level_lines(prep.report, "nl"))
    assert "in hoofdgroepen" in lines[V.BEHAVIOUR] and "werk en arbeidsverhoudingen" in lines[V.BEHAVIOUR]


def test_a_large_organisation_keeps_the_detailed_level(repo):
    profiles = [(b, r, "betrokkene", "opvang_advies") for b in ("pesten", "intimidatie", "werkdruk")
                for r in ("collega", "leidinggevende", "derde")] * 8
    _org(repo, "Groot", profiles)
    prep = report.prepare(repo, report.resolve(repo, "Groot", 2025))
    assert prep.report["levels"][V.BEHAVIOUR] == recode.DETAILED
    assert "pesten" in _tables(prep.report)["behaviour"]["rows"]


def test_later_versions_of_a_scope_and_year_reuse_its_levels(repo, tmp_path, monkeypatch):
    _org(repo, "Twaalf", SMALL)
    first = json.loads(report.export_report(repo, report.resolve(repo, "Twaalf", 2025), fmt="json",
                                            out=tmp_path / "a.json").read_text(encoding="utf-8"))
    assert first["levels"][V.BEHAVIOUR] == recode.COARSE

    def no_new_choice(_protect):
        raise AssertionError("a later version chose its levels again")

    monkeypatch.setattr(recode, "choose", no_new_choice)
    _org(repo, "Ander", [("pesten", "collega", "betrokkene", "opvang_advies")] * 6, first=500)  # another scope
    report.prepare(repo, report.resolve(repo, "Twaalf", 2025, recode=False))          # also when asked detailed
    path = vstat_publish.export_vstat(repo, report.resolve(repo, "Twaalf", 2025), out=tmp_path / "a.vstat")
    file = ex.read_vstat(path.read_bytes())
    assert list(file.table("behaviour").rows) == _tables(first)["behaviour"]["rows"]
    rel = ledger.releases(repo, [2025])
    assert {r.figures["levels"][V.BEHAVIOUR] for r in rel} == {recode.COARSE}


def test_the_all_organisations_report_is_coarse_and_audited_with_detailed_organisation_reports(repo, tmp_path):
    big = [(b, r, "betrokkene", "opvang_advies") for b in ("pesten", "intimidatie", "werkdruk")
           for r in ("collega", "leidinggevende", "derde")] * 6
    _org(repo, "Groot", big)
    _org(repo, "Twaalf", SMALL, first=200)
    reps = {}
    for org in ("Groot", "Twaalf", None):
        path = report.export_report(repo, report.resolve(repo, org, 2025), fmt="json", out=tmp_path / f"{org}.json")
        reps[org] = json.loads(path.read_text(encoding="utf-8"))
    assert set(reps[None]["levels"].values()) == {recode.COARSE}
    assert reps["Groot"]["levels"][V.BEHAVIOUR] == recode.DETAILED
    parts = [("g/", reps["Groot"]["tables"]), ("t/", reps["Twaalf"]["tables"])]
    rest, groups = ledger.sum_link(reps[None]["tables"], "", parts)
    linked = {tuple(sorted(k[0] for k in eq)) for g in groups for eq, _rhs in g}
    assert any("g/behaviour" in ids and "behaviour" in ids for ids in linked)   # linked per group
    others = [ledger.apart(reps["Groot"]["tables"], "g/"), ledger.apart(reps["Twaalf"]["tables"], "t/")]
    res = ledger.joint_audit(reps[None]["tables"], others + ([rest] if rest else []), groups, 5)
    assert res.ok, res.problems


def test_a_recoded_correction_keeps_the_joint_audit(repo, tmp_path):
    from datetime import date

    from models.entities import Case, Contact
    _org(repo, "Twaalf", SMALL)
    first = json.loads(report.export_report(repo, report.resolve(repo, "Twaalf", 2025), fmt="json",
                                            out=tmp_path / "a.json").read_text(encoding="utf-8"))
    repo.add_case(Case(code="2025-900", organisation="Twaalf", opened=date(2025, 12, 1), closed=None,
                       reporter_role="betrokkene", behaviour="werkdruk", accused_relation="leidinggevende",
                       follow_up="klacht", contacts=[Contact(date(2025, 12, 1), 30, "telefonisch", "intake")]))
    prep = report.prepare(repo, report.resolve(repo, "Twaalf", 2025), republish=True)
    assert prep.report["levels"] == first["levels"]
    if prep.protection.audit.ok:
        second = prep.report
        assert ledger.changed_case_revealed(second["tables"], first["tables"], 1, 0) == []
        joint = disclosure.audit(second["tables"] + ledger.apart(first["tables"], "v1/"), 5)
        assert not [p for p in joint.problems if not p.startswith("v1/")]


def _files(repo, tmp_path, orgs, recode_on: bool):
    out = []
    for org in orgs:
        path = vstat_publish.export_vstat(repo, report.resolve(repo, org, 2025, recode=recode_on),
                                          out=tmp_path / f"{org}-{recode_on}.vstat")
        out.append(ex.read_vstat(path.read_bytes()))
    return out


def _published(combined) -> int:
    """Published non-zero case cells of a combination."""
    return sum(1 for g in combined.groups for t in g.tables if t.unit == "cases"
               for row, status in zip(t.cells, t.cell_status, strict=True)
               for v, st in zip(row, status, strict=True) if st == combine.PUBLISHED and v)


def test_a_supervisor_merge_of_two_organisations_publishes_more_cells_at_the_coarse_level(vault_path, tmp_path):
    from tests.conftest import build_template, open_copy

    def fill(repo):   # two organisations of 12 cases: 3 of each of four kinds in two groups
        for n, name in enumerate(("Een", "Twee")):
            _org(repo, name, SMALL, first=100 * n + 1)

    template = build_template(tmp_path / "t", fill)
    with open_copy(template, vault_path) as repo:
        before = combine.merge(_files(repo, tmp_path, ["Een", "Twee"], False), "adviser", coarse=False)
    with open_copy(template, tmp_path / "other.vault") as repo:
        files = _files(repo, tmp_path, ["Een", "Twee"], True)
        after = combine.merge(files, "adviser")
    assert _published(after) > _published(before)
    beh = next(t for t in after.groups[0].tables if t.id == "behaviour")
    assert beh.cells[beh.rows.index("werk_arbeidsverhoudingen")][0] == 12


def test_a_merge_of_a_detailed_and_a_coarse_file_is_at_the_coarse_level(repo, tmp_path):
    big = [(b, r, "betrokkene", "opvang_advies") for b in ("pesten", "intimidatie", "werkdruk")
           for r in ("collega", "leidinggevende", "derde")] * 6
    _org(repo, "Groot", big)
    _org(repo, "Twaalf", SMALL, first=200)
    files = _files(repo, tmp_path, ["Groot"], False) + _files(repo, tmp_path, ["Twaalf"], True)  # an older file
    assert {recode.level_of(f.table("behaviour").to_dict())[V.BEHAVIOUR] for f in files} == {recode.DETAILED,
                                                                                           recode.COARSE}
    beh = next(t for t in combine.merge(files, "all").groups[0].tables if t.id == "behaviour")
    assert list(beh.rows) == list(vocabularies()[V.BEHAVIOUR].group_codes())
    assert beh.total == 66 and beh.cells[beh.rows.index("grensoverschrijdend_gedrag")][0] == 6 * 6 + 6


def test_a_supervisor_file_carries_the_levels_of_its_report(repo, tmp_path):
    _org(repo, "Twaalf", SMALL)
    rep = json.loads(report.export_report(repo, report.resolve(repo, "Twaalf", 2025), fmt="json",
                                          out=tmp_path / "t.json").read_text(encoding="utf-8"))
    path = vstat_publish.export_vstat(repo, report.resolve(repo, "Twaalf", 2025), out=tmp_path / "t.vstat")
    assert [t.to_dict() for t in ex.read_vstat(path.read_bytes()).tables] == rep["tables"]   # one release, one level


def test_releases_of_one_scope_at_other_levels_are_linked_as_sums(repo, tmp_path):
    """A release at another level of the same organisation and year (one made before recoding, or by
    hand) is audited as the same cases: each group is the sum of its members."""
    _org(repo, "Twaalf", SMALL)
    detailed = json.loads(report.export_report(repo, report.resolve(repo, "Twaalf", 2025, recode=False),
                                               fmt="json", out=tmp_path / "d.json").read_text(encoding="utf-8"))
    others, groups, names, _figures = ledger.other_levels(ledger.releases(repo, [2025]),
                                                          repo.organisation("Twaalf").id, 2025,
                                                          behaviour_in_groups(detailed["tables"]))
    assert names and groups
    linked = {key[0] for g in groups for eq, _rhs in g for key in eq}
    assert any(k.startswith("niveau0/behaviour") for k in linked) and "behaviour" in linked
    assert detailed["levels"][V.BEHAVIOUR] == recode.DETAILED


def behaviour_in_groups(tables: list[dict]) -> list[dict]:
    """A release's tables with behaviour shown in its groups (hidden) and no two-way table."""
    groups = list(vocabularies()[V.BEHAVIOUR].group_codes())
    return [dict(t, rows=groups, cells=[[None] for _ in groups], row_totals=[None] * len(groups))
            if t["id"] == "behaviour" else t for t in tables if t["id"] != "behaviour_relation"]


def test_the_pdf_says_which_level_each_table_shows(repo, tmp_path):
    _org(repo, "Twaalf", SMALL)
    path = report.export_report(repo, report.resolve(repo, "Twaalf", 2025), fmt="pdf", out=tmp_path / "t.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)
    text = " ".join(text.split())
    assert "Grensoverschrijdend gedrag" in text and "Werk en arbeidsverhoudingen" in text
    assert "in hoofdgroepen getoond" in text
    csv_path = report.export_report(repo, report.resolve(repo, "Twaalf", 2025), fmt="csv", out=tmp_path / "t.csv")
    assert "levels,,behaviour,,coarse," in csv_path.read_text(encoding="utf-8-sig")
    from app.reporting.html import preview_html
    prep = report.prepare(repo, report.resolve(repo, "Twaalf", 2025, lang="en"))
    assert "shown in main groups" in preview_html(prep, "")
