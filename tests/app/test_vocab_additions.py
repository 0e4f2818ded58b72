"""Issue 13, registration: the behaviour code `bedreiging` and the accused relation `directie_bestuur`.

Vocabulary-only additions: the case columns are free codes (no CHECK in the schema, so no migration),
the report tables list every code of a vocabulary, and the interchange format reads them."""
from __future__ import annotations

from datetime import date

from app import interchange
from app.reporting import aggregate
from app.resources import vocabularies
from models.entities import Case, Contact


def test_the_new_codes_have_dutch_and_english_labels_at_the_end_of_their_lists():
    vocabs = vocabularies()
    # appended after the codes before them (later additions, such as misstand_wbk, come after these)
    assert list(vocabs["behaviour"].codes).index("bedreiging") == 9
    assert list(vocabs["accused_relation"].codes).index("directie_bestuur") == 5
    assert vocabs.label("behaviour", "bedreiging", "nl") == "Bedreiging"
    assert vocabs.label("behaviour", "bedreiging", "en") == "Threats"
    assert vocabs.label("accused_relation", "directie_bestuur", "nl") == "Directie of bestuur"


def _case(n: int, behaviour: str, relation: str) -> Case:
    return Case(code=f"2026-{n:03d}", organisation="Org", opened=date(2026, 2, n), closed=None,
                reporter_role="betrokkene", behaviour=behaviour, accused_relation=relation,
                follow_up="opvang_advies", contacts=[Contact(date(2026, 2, n), 30, "persoonlijk", "intake")])


def test_threats_and_board_are_counted_in_the_report_tables(repo):
    org_id = repo.add_organisation("Org", [])
    for n in range(1, 7):
        repo.add_case(_case(n, "bedreiging", "directie_bestuur"))
    repo.add_case(_case(7, "pesten", "collega"))
    agg = aggregate.aggregate_year(repo, org_id, 2026)
    beh = agg.table("behaviour")
    assert "bedreiging" in beh.rows
    assert beh.cells[beh.rows.index("bedreiging")] == [6]
    cross = agg.table("behaviour_relation")
    assert cross.cells[cross.rows.index("bedreiging")][cross.cols.index("directie_bestuur")] == 6


def test_interchange_reads_the_new_codes(repo, tmp_path):
    repo.add_organisation("Org", [])
    repo.add_case(_case(1, "bedreiging", "directie_bestuur"))
    path = tmp_path / "export.json"
    interchange.export_data(repo, path)
    _orgs, cases, _acts = interchange.parse(interchange.load_file(path))
    case = cases[0][1]
    assert (case.behaviour, case.accused_relation) == ("bedreiging", "directie_bestuur")
