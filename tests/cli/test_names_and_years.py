"""One rule for organisation names and one range of years, the same in the command line, the report
(``ReportRequest``), the aggregation, the stats export and the .vstat reader."""
from __future__ import annotations

import io
import json

import pytest

from app import cli
from app.errors import UserError
from app.exchange import vstat as exchange
from app.reporting import aggregate, report
from models.entities import FIRST_YEAR, LAST_YEAR, is_year, organisation_key
from tests.app.test_report import ORG, YEAR, fill
from tests.conftest import PASSPHRASE, build_template, copy_vault, open_copy

TYPED = ("testorg", "TESTORG", "  Testorg ", "\ttestORG\n")
NOT_IT = ("Test org", "Testorg BV", "Testor", "")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return build_template(tmp_path_factory.mktemp("filled"), fill)


@pytest.fixture
def filled_path(template, vault_path, monkeypatch):
    """A copy of a vault filled once per module."""
    copy_vault(template, vault_path)
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)
    return str(vault_path)


@pytest.fixture
def filled(template, vault_path):
    with open_copy(template, vault_path) as repo:
        yield repo


# -- the organisation rule ---------------------------------------------------------------------------
def test_the_rule_ignores_case_and_runs_of_white_space_only():
    assert organisation_key("  Gemeente   VOORBEELD\n") == organisation_key("Gemeente Voorbeeld")
    assert organisation_key("STRASSE") == organisation_key("straße")      # casefold, not lower()
    assert organisation_key("Gemeente Voorbeeld") != organisation_key("GemeenteVoorbeeld")
    assert organisation_key("Zorg-groep") != organisation_key("Zorg groep")


@pytest.mark.parametrize("typed", TYPED)
def test_repository_and_report_resolve_a_name_by_the_rule(filled, typed):
    repo = filled
    org = repo.organisation(typed)
    assert org.name == ORG
    request = report.resolve(repo, typed, YEAR)
    assert request.organisation_id == org.id
    assert report.prepare(repo, request).report["organisation"] == ORG   # the stored spelling


@pytest.mark.parametrize("typed", NOT_IT)
def test_other_names_are_unknown_everywhere(filled, typed):
    repo = filled
    with pytest.raises(UserError, match="org list"):
        repo.organisation(typed)
    with pytest.raises(UserError, match="org list"):
        report.resolve(repo, typed, YEAR)


def test_a_second_organisation_with_a_matching_name_is_refused(repo):
    repo.add_organisation("Gemeente Voorbeeld")
    for name in ("gemeente voorbeeld", " GEMEENTE  Voorbeeld "):
        with pytest.raises(UserError, match="already exists"):
            repo.add_organisation(name)
    other = repo.add_organisation("Zorggroep")
    with pytest.raises(UserError, match="already exists"):
        repo.update_organisation(other, "gemeente VOORBEELD", [])
    repo.update_organisation(other, "ZORGGROEP", [])      # its own name in other letters is fine
    assert [o.name for o in repo.list_organisations()] == ["Gemeente Voorbeeld", "ZORGGROEP"]


def test_an_old_vault_with_two_matching_names_asks_to_rename(repo):
    repo.add_organisation("Acme Zorg")
    with repo.vault.transaction() as conn:   # as an older version allowed
        conn.execute("INSERT INTO organisations(name, created) VALUES (?, ?)", ("Acme  zorg", "2020-01-01T00:00:00"))
    with pytest.raises(UserError, match="fits 2 organisations"):
        report.resolve(repo, "acme zorg", 2025)


def test_command_line_report_stats_export_and_case_list_use_the_rule(filled_path, tmp_path):
    code, _out, err = run("--vault", filled_path, "report", "--org", " testorg ", "--year", str(YEAR),
                          "--format", "json", "--out", str(tmp_path / "r.json"))
    assert code == 0, err
    assert json.loads((tmp_path / "r.json").read_text("utf-8"))["organisation"] == ORG
    code, _out, err = run("--vault", filled_path, "stats", "export", "--org", "TESTORG", "--year", str(YEAR),
                          "--out", str(tmp_path / "r.vstat"))
    assert code == 0, err
    assert exchange.read_vstat((tmp_path / "r.vstat").read_bytes()).organisation == ORG
    code, out, err = run("--vault", filled_path, "case", "list", "--org", "testORG", "--year", str(YEAR))
    assert code == 0 and "20 case(s)" in err and ORG in out
    for argv in (("report", "--format", "json", "--out", str(tmp_path / "x.json")),
                 ("stats", "export", "--out", str(tmp_path / "x.vstat"))):
        code, _out, err = run("--vault", filled_path, *argv, "--org", "Test org", "--year", str(YEAR))
        assert code == 1 and "Unknown organisation" in err
    assert not (tmp_path / "x.json").exists() and not (tmp_path / "x.vstat").exists()


# -- the year range ----------------------------------------------------------------------------------
@pytest.mark.parametrize("year", [FIRST_YEAR, 2026, LAST_YEAR])
def test_the_ends_of_the_range_are_years_everywhere(filled, year):
    repo = filled
    assert is_year(year)
    assert aggregate.check_year(year) == year
    request = report.resolve(repo, ORG, year)
    assert request.year == year and report.ReportRequest(None, year, 5).year == year
    assert aggregate.aggregate_year(repo, request.organisation_id, year).start.year == year
    rep = dict(report.build_report(repo, report.resolve(repo, ORG, YEAR)), year=year)
    data = exchange.make_vstat(rep, repo.signing_key(), program_version="test")
    assert exchange.read_vstat(data).year == year


@pytest.mark.parametrize("year", [FIRST_YEAR - 1, LAST_YEAR + 1, 0, -2026, True, 2025.0, "2025"])
def test_outside_the_range_is_refused_everywhere(filled, year):
    repo = filled
    assert not is_year(year)
    with pytest.raises(UserError, match=f"{FIRST_YEAR} to {LAST_YEAR}"):
        report.resolve(repo, ORG, year)
    with pytest.raises(UserError, match=f"{FIRST_YEAR} to {LAST_YEAR}"):
        report.ReportRequest(None, year, 5)
    with pytest.raises(UserError):
        aggregate.aggregate_year(repo, None, year)
    rep = dict(report.build_report(repo, report.resolve(repo, ORG, YEAR)), year=year)
    with pytest.raises(exchange.VStatError, match="the year"):
        exchange.make_vstat(rep, repo.signing_key(), program_version="test")


@pytest.mark.parametrize("year,ok", [(FIRST_YEAR, True), (LAST_YEAR, True), (FIRST_YEAR - 1, False),
                                     (LAST_YEAR + 1, False)])
def test_the_command_line_takes_the_same_years(filled_path, tmp_path, year, ok):
    code, _out, err = run("--vault", filled_path, "case", "list", "--year", str(year))
    assert (code == 0) is ok, err
    out = tmp_path / "r.json"
    code, _out, err = run("--vault", filled_path, "report", "--org", ORG, "--year", str(year),
                          "--format", "json", "--out", str(out))
    if ok:   # no cases then: a report of zeros, written
        assert code == 0 and json.loads(out.read_text("utf-8"))["year"] == year, err
    else:
        assert code == 2 and f"{FIRST_YEAR} to {LAST_YEAR}" in err and not out.exists()
