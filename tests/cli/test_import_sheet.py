"""`vertrouwd import-sheet`: spreadsheets made by tests/sheet_samples.py, through the command line, into
a real vault. No name, e-mail address or phone number from a sheet may end up in the vault."""
from __future__ import annotations

import io
from datetime import date

import pytest

from app import cli
from app.store.repository import Repository
from app.store.vault import Vault
from tests import sheet_samples as S
from tests.conftest import PASSPHRASE


@pytest.fixture
def run(tmp_path, monkeypatch):
    vault = tmp_path / "cli" / "v.vault"
    monkeypatch.setenv("VERTROUWD_PASSPHRASE", PASSPHRASE)

    def _run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = cli.main(["--vault", str(vault), *argv], out, err)
        return code, out.getvalue(), err.getvalue()
    assert _run("init")[0] == 0
    _run.vault = vault
    return _run


def _everything(vault_path) -> tuple[list, str]:
    """Every case (with contacts) and one text holding every stored string (for leak checks)."""
    v = Vault.open(vault_path, PASSPHRASE)
    try:
        repo = Repository(v)
        cases = [repo.get_case(r.id) for r in repo.list_cases()]
        dump = "\n".join(str(row) for table in ("cases", "contacts", "organisations", "units", "audit_log")
                         for row in v.conn.execute(f"SELECT * FROM {table}"))
        return cases, dump
    finally:
        v.close()


def _assert_no_identities(dump: str) -> None:
    for name in S.NAMES:
        assert name not in dump
        assert name.split()[0] not in dump
    assert S.PHONE not in dump and "example.nl" not in dump


def test_tidy_sheet_groups_conversations_by_case_column(run, tmp_path):
    code, out, err = run("import-sheet", str(S.tidy_xlsx(tmp_path / "tidy.xlsx")))
    assert code == 0, err
    assert "Imported: 4 cases, 6 conversations, 2 new organisations." in out
    cases, _ = _everything(run.vault)
    by_opened = {c.opened.isoformat(): c for c in cases}
    first = by_opened["2024-02-05"]
    assert first.organisation == "Gemeente Voorbeeld" and first.behaviour == "pesten"
    assert [(k.minutes, k.kind) for k in first.contacts] == [(60, "intake"), (45, "vervolg")]
    assert first.closed.isoformat() == "2024-02-19"            # finished follow-up: closed at the last talk
    assert by_opened["2024-06-03"].behaviour == "seksuele_intimidatie"      # "SI"
    assert by_opened["2025-03-03"].behaviour == "seksuele_intimidatie"      # "ongewenste intimiteiten"
    assert by_opened["2025-03-03"].closed is None                            # "Loopt nog"
    assert by_opened["2025-01-14"].accused_relation == "derde"               # "Klant"
    assert sorted(c.code for c in cases) == ["2024-001", "2024-002", "2025-001", "2025-002"]


def test_messy_sheet_leaves_identities_out_and_reports_why(run, tmp_path):
    path = S.messy_xlsx(tmp_path / "messy.xlsx")
    code, out, err = run("import-sheet", str(path), "--rows", "case")
    assert code == 0, err
    assert "Column 'Naam melder' left out" in out
    assert "Row 13 skipped: totals row." in out
    assert "Row 10 refused: the date '12-13-2024' is not understood." in out
    assert "'Vage klachten' (1x)" in out and "Imported: 5 cases, 5 conversations" in out
    cases, dump = _everything(run.vault)
    _assert_no_identities(dump)
    minutes = {c.opened.isoformat(): c.contacts[0].minutes for c in cases}
    assert minutes == {"2019-03-04": 90, "2021-03-03": 120, "2022-06-14": 0, "2024-01-02": 45,
                       "2025-04-02": 75}        # "1,5" hours, 2, empty, Excel serial 45293 + "0,75", formula 1.25
    notes = {c.opened.isoformat(): c.contacts[0].notes for c in cases}
    assert "06-12345678" not in notes["2019-03-04"] and "[" in notes["2019-03-04"]
    assert {c.behaviour for c in cases if c.opened.year == 2022} == {"overig"}


def test_hidden_sheet_is_not_read_unless_named(run, tmp_path):
    path = S.messy_xlsx(tmp_path / "messy.xlsx")
    code, out, _ = run("import-sheet", str(path), "--sheet", "Namenlijst", "--organisation", "X",
                       "--dry-run")
    assert code == 0
    assert "Column 'Naam' left out" in out and "Column 'Telefoon' left out" in out
    assert "would import 0 cases" in out


def test_dutch_excel_csv_cp1252_semicolons(run, tmp_path):
    code, out, err = run("import-sheet", str(S.dutch_excel_csv(tmp_path / "export.csv")))
    assert code == 0, err
    assert "Imported: 3 cases, 4 conversations, 2 new organisations." in out
    cases, dump = _everything(run.vault)
    _assert_no_identities(dump)
    een = sorted((c for c in cases if c.organisation == "Stichting Één"), key=lambda c: c.opened)
    assert [len(c.contacts) for c in een] == [2, 1]    # January talks grouped; September is a new case
    assert een[1].contacts[0].minutes == 60 or een[1].contacts[0].minutes == 61   # "60,5" rounds
    assert "café besproken" in een[0].contacts[0].notes


def test_dry_run_writes_nothing_and_mapping_round_trips(run, tmp_path):
    path = S.dutch_excel_csv(tmp_path / "export.csv")
    mapping = tmp_path / "mapping.toml"
    code, out, _ = run("import-sheet", str(path), "--write-mapping", str(mapping))
    assert code == 0 and mapping.exists()
    text = mapping.read_text(encoding="utf-8")
    assert '"Gedrag" = "behaviour"' in text
    mapping.write_text(text.replace('[unknown]', '[values.behaviour]\n"pesten" = "intimidatie"\n\n[unknown]'),
                       encoding="utf-8")
    code, out, _ = run("import-sheet", str(path), "--mapping", str(mapping), "--dry-run")
    assert code == 0 and "Dry run: nothing was written." in out and "Cases per behaviour: intimidatie 2, discriminatie 1" in out
    assert _everything(run.vault)[0] == []


def test_bad_mapping_names_the_problem(run, tmp_path):
    path = S.dutch_excel_csv(tmp_path / "export.csv")
    bad = tmp_path / "bad.toml"
    bad.write_text('[columns]\n"Gedrag" = "naam"\n', encoding="utf-8")
    code, _, err = run("import-sheet", str(path), "--mapping", str(bad))
    assert code == 1 and "unknown field 'naam'" in err


@pytest.mark.parametrize("make, message", [
    (S.xml_bomb_xlsx, "XML bomb"), (S.zip_bomb_xlsx, "zip bomb"), (S.broken_zip_xlsx, "cannot be read")])
def test_hostile_workbooks_are_refused_and_nothing_is_written(run, tmp_path, make, message):
    good = S.tidy_xlsx(tmp_path / "good.xlsx")
    code, out, err = run("import-sheet", str(make(tmp_path / "evil.xlsx", good)))
    assert code == 1 and message in err and "Nothing was imported" in err
    assert _everything(run.vault)[0] == []


def test_a_sheet_beyond_the_row_limit_is_refused(run, tmp_path, monkeypatch):
    from app.sheets import read
    monkeypatch.setattr(read, "MAX_ROWS", 5)
    code, _, err = run("import-sheet", str(S.tidy_xlsx(tmp_path / "tidy.xlsx")))
    assert code == 1 and "larger than 5 rows" in err
    assert _everything(run.vault)[0] == []


def test_import_is_all_or_nothing(run, tmp_path, monkeypatch):
    from app.store.repository import UnitOfWork
    calls = []

    def failing(self, cid, opened, contact, record=None):
        calls.append(record)
        if len(calls) == 5:
            raise OSError(28, "No space left on device")
        return original(self, cid, opened, contact, record)
    original = UnitOfWork.insert_contact
    monkeypatch.setattr(UnitOfWork, "insert_contact", failing)
    code, _, err = run("import-sheet", str(S.tidy_xlsx(tmp_path / "tidy.xlsx")))
    assert code == 1 and "disk is full" in err and "nothing was changed" in err
    assert _everything(run.vault)[0] == []


def test_a_name_in_the_organisation_column_is_refused(run, tmp_path):
    path = tmp_path / "orgs.csv"
    path.write_text("Datum;Organisatie;Afdeling;Gedrag\n1-3-2025;Bakkerij Jansen;Jan de Vries;pesten\n"
                    "2-3-2025;Jan de Vries;Winkel;pesten\n3-3-2025;Gemeente Voorbeeld;ICT;pesten\n"
                    "4-3-2025;Gemeente Voorbeeld;;pesten\n", encoding="utf-8")
    code, out, err = run("import-sheet", str(path), "--rows", "case")
    assert code == 0, err
    assert "Row 3 refused: the organisation cell looks like a person's name" in out
    assert "1 unit names left out" in out
    cases, dump = _everything(run.vault)
    assert sorted((c.organisation, c.unit or "") for c in cases) == [
        ("Bakkerij Jansen", ""), ("Gemeente Voorbeeld", ""), ("Gemeente Voorbeeld", "ICT")]
    assert "Jan de Vries" not in dump


def test_an_organisation_column_of_names_is_refused_whole(run, tmp_path):
    path = tmp_path / "names.csv"
    path.write_text("Datum;Organisatie;Gedrag\n1-3-2025;Jan de Vries;pesten\n2-3-2025;Kees Smit;pesten\n",
                    encoding="utf-8")
    code, out, err = run("import-sheet", str(path))
    assert code == 1 and "Column 'Organisatie' left out" in out and "Nothing to import" in err
    assert _everything(run.vault)[0] == []


@pytest.mark.parametrize("lang, said", [
    ("en", ["4 cases seem to be in the vault already (rows 2, 3, 4, 5, 6, 7)",
            "Nothing was imported: every case in this file is in the vault already."]),
    ("nl", ["4 casussen lijken al in de kluis te staan (rijen 2, 3, 4, 5, 6, 7)",
            "Er is niets geïmporteerd: alle casussen uit dit bestand staan al in de kluis."])])
def test_the_same_sheet_twice_adds_nothing_the_second_time(run, tmp_path, monkeypatch, lang, said):
    monkeypatch.setenv("VERTROUWD_LANG", lang)
    path = S.tidy_xlsx(tmp_path / "tidy.xlsx")
    assert run("import-sheet", str(path))[0] == 0
    before, _ = _everything(run.vault)
    code, out, err = run("import-sheet", str(path))
    assert code == 0, err
    for sentence in said:
        assert sentence in out
    after, _ = _everything(run.vault)
    assert len(before) == len(after) == 4
    assert sorted(c.code for c in after) == sorted(c.code for c in before)


def test_messy_sheet_twice_by_case_rows_is_recognised(run, tmp_path):
    path = S.messy_xlsx(tmp_path / "messy.xlsx")
    assert run("import-sheet", str(path), "--rows", "case")[0] == 0
    code, out, _ = run("import-sheet", str(path), "--rows", "case")
    assert code == 0 and "5 cases seem to be in the vault already" in out
    assert len(_everything(run.vault)[0]) == 5


def test_dry_run_lists_the_duplicates_and_only_new_rows_come_in(run, tmp_path):
    import openpyxl
    path = S.tidy_xlsx(tmp_path / "tidy.xlsx")
    assert run("import-sheet", str(path))[0] == 0
    wb = openpyxl.load_workbook(path)
    wb.active.append(["A5", "Zorggroep Noord", date(2025, 5, 6), "Pesten", "Collega", "Medewerker", "Advies", 40])
    wb.active["H3"] = 50                                  # A1's second talk was 45 minutes: now another case
    wb.save(path)
    code, out, _ = run("import-sheet", str(path), "--dry-run")
    assert code == 0 and "Dry run: nothing was written." in out
    assert "3 cases seem to be in the vault already (rows 4, 5, 6, 7)" in out
    assert "would import 2 cases with 3 conversations" in out
    assert len(_everything(run.vault)[0]) == 4
    code, out, _ = run("import-sheet", str(path))
    assert code == 0 and "Imported: 2 cases, 3 conversations, 0 new organisations." in out
    assert len(_everything(run.vault)[0]) == 6


def test_allow_duplicates_imports_them_anyway(run, tmp_path):
    path = S.tidy_xlsx(tmp_path / "tidy.xlsx")
    assert run("import-sheet", str(path))[0] == 0
    code, out, _ = run("import-sheet", str(path), "--allow-duplicates")
    assert code == 0 and "4 cases seem to be in the vault already (rows 2, 3, 4, 5, 6, 7); you chose to import" in out
    assert "Imported: 4 cases, 6 conversations, 0 new organisations." in out
    cases, _ = _everything(run.vault)
    assert len(cases) == 8 and "2024-004" in {c.code for c in cases}
