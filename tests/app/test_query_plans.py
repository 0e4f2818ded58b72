"""The case list's queries use the indexes of schema 4 (checked with EXPLAIN QUERY PLAN)."""
from __future__ import annotations

from datetime import date

import pytest

from app import demo
from app.store import vault as vault_module
from app.store.repository import case_list_query


@pytest.fixture
def filled(repo):
    demo.generate(repo, 60, orgs=3, years=3, seed=2, today=date(2026, 6, 1))
    repo.conn.execute("ANALYZE")
    return repo


def plan(repo, sql: str, args) -> list[str]:
    return [str(r[-1]) for r in repo.conn.execute("EXPLAIN QUERY PLAN " + sql, args)]


def test_a_year_touches_only_the_contacts_of_its_cases(filled):
    sql, args = case_list_query(year=2025)
    steps = plan(filled, sql, args)
    contacts = [s for s in steps if " k " in f" {s} "]
    assert contacts and all("COVERING INDEX contacts_case_date_minutes (case_id=?)" in s for s in contacts), steps
    assert not any(s.startswith("SCAN k") or "SCAN contacts" in s for s in steps), steps
    assert any("cases_opened (opened>? AND opened<?)" in s for s in steps), steps
    years = {r.opened.year for r in filled.list_cases(year=2025)}
    assert years == {2025}


@pytest.mark.parametrize("filters", [{"organisation": "x"}, {"status": "open"}, {"behaviour": "pesten"},
                                     {"year": 2024, "status": "gesloten"}])
def test_every_filter_reads_contacts_through_the_covering_index(filled, filters):
    sql, args = case_list_query(**filters)
    steps = plan(filled, sql, args)
    assert not any("SCAN k" in s or "SCAN contacts" in s for s in steps), steps


def test_the_whole_list_reads_the_contacts_once_from_the_covering_index(filled):
    sql, args = case_list_query()
    steps = plan(filled, sql, args)
    assert any("SCAN contacts USING COVERING INDEX contacts_case_date_minutes" in s for s in steps), steps


def test_filtered_and_whole_list_give_the_same_sums(filled):
    whole = {r.id: (r.contacts, r.minutes, r.last_contact) for r in filled.list_cases()}
    for year in (2024, 2025, 2026):
        for r in filled.list_cases(year=year):
            assert (r.contacts, r.minutes, r.last_contact) == whole[r.id]
    assert sum(len(filled.list_cases(year=y)) for y in (2024, 2025, 2026)) == len(whole)


def test_the_page_cache_is_sized_for_the_vault(vault, vault_path):
    cache = vault.conn.execute("PRAGMA cache_size").fetchone()[0]
    assert cache == -vault_module.cache_kib(vault_path) == -vault_module.CACHE_MIN_KIB
    big = vault_path.with_name("big.bin")
    with open(big, "wb") as f:
        f.truncate(100 * 1024 * 1024)
    assert vault_module.cache_kib(big) == 125 * 1024
    with open(big, "wb") as f:
        f.truncate(1024 * 1024 * 1024)
    assert vault_module.cache_kib(big) == vault_module.CACHE_MAX_KIB
