"""The parts of the spreadsheet import: reading (headers, totals, encodings), cell values (dates,
durations, words for codes), the mapping proposal and its TOML round trip."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from app.errors import UserError
from app.resources import vocabularies
from app.sheets import mapping as M
from app.sheets import values as V
from app.sheets.read import read_sheet
from app.texts import Phrase
from tests import sheet_samples as S


@pytest.mark.parametrize("cell, want", [
    ("3 maart 2025", date(2025, 3, 3)), ("di 3 mrt 2025", date(2025, 3, 3)), ("03-04-2025", date(2025, 4, 3)),
    ("3-4-25", date(2025, 4, 3)), ("3/4/1999", date(1999, 4, 3)), ("14.6.22", date(2022, 6, 14)),
    ("2025-04-03", date(2025, 4, 3)), (45293, date(2024, 1, 2)), ("45293", date(2024, 1, 2)),
    (datetime(2024, 5, 6, 0, 0), date(2024, 5, 6)), ("12 October 2020", date(2020, 10, 12)),
    ("31-02-2025", None), ("12-13-2024", None), ("morgen", None), ("", None), (None, None)])
def test_dates_in_dutch_and_excel_forms(cell, want):
    assert V.parse_date(cell) == want


@pytest.mark.parametrize("cell, unit, want", [
    (45, "minutes", 45), ("45 min", "minutes", 45), ("1,5 uur", "minutes", 90), ("1:30", "minutes", 90),
    ("1,5", "hours", 90), (2, "hours", 120), ("0,75", "hours", 45), (time(1, 15), "minutes", 75),
    (timedelta(minutes=50), "minutes", 50), (0.0625, "minutes", 90), ("veel", "minutes", None),
    (True, "minutes", None)])
def test_durations_with_decimal_commas(cell, unit, want):
    assert V.parse_minutes(cell, unit) == want


@pytest.mark.parametrize("field, word, code", [
    ("behaviour", "SI", "seksuele_intimidatie"), ("behaviour", "ongewenste intimiteiten", "seksuele_intimidatie"),
    ("behaviour", "Seksuele  intimidatie!", "seksuele_intimidatie"), ("behaviour", "Sexual harassment",
                                                                      "seksuele_intimidatie"),
    ("accused_relation", "Klant", "derde"), ("accused_relation", "Derde", "derde"),
    ("follow_up", "Loopt nog", "lopend"), ("channel", "Teams", "video"), ("behaviour", "Vage klachten", None)])
def test_words_for_codes(field, word, code):
    assert V.lookup(vocabularies(), field, word) == code


def test_merged_group_header_only_over_its_own_columns(tmp_path):
    sheet = read_sheet(S.messy_xlsx(tmp_path / "m.xlsx"))
    assert sheet.headers == ["Naam melder", "Opdrachtgever", "Gesprek Datum", "Gesprek Uren", "Aard", "Wie",
                             "Afhandeling", "Opmerkingen"]
    assert sheet.skipped == [(13, Phrase("sheets.skip.totals_row"))] and [r.number for r in sheet.rows][:2] == [5, 6]
    assert [s for s, hidden in sheet.sheets if hidden] == ["Namenlijst"]


def test_csv_encodings_and_delimiters(tmp_path):
    rows = "Datum,Organisatie,Gedrag\n1-2-2025,Café Één,pesten\n"
    for name, data in (("utf8.csv", rows.encode()), ("bom.csv", b"\xef\xbb\xbf" + rows.encode()),
                       ("tab.csv", rows.replace(",", "\t").encode("cp1252"))):
        (tmp_path / name).write_bytes(data)
        sheet = read_sheet(tmp_path / name)
        assert sheet.headers == ["Datum", "Organisatie", "Gedrag"]
        assert sheet.rows[0].cells[1] == "Café Één", name
    assert read_sheet(S.dutch_excel_csv(tmp_path / "nl.csv")).encoding == "cp1252"


def test_other_files_are_refused_clearly(tmp_path):
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UserError, match="save an old .xls from Excel as .xlsx"):
        read_sheet(tmp_path / "old.xls")
    with pytest.raises(UserError, match="does not exist"):
        read_sheet(tmp_path / "nope.xlsx")
    (tmp_path / "fake.xlsx").write_text("not a zip")
    with pytest.raises(UserError, match="not a valid zip"):
        read_sheet(tmp_path / "fake.xlsx")


def test_identity_columns_are_refused_by_title_and_by_values():
    assert M.identity_reason("E-mail", ["x"]) and M.identity_reason("Naam melder", [])
    assert M.identity_reason("Wie belde", list(S.NAMES))
    assert M.identity_reason("Kolom 4", ["06-12345678", "06-87654321", "0612345679"])
    assert M.identity_reason("Opmerkingen", ["Gesprek over werkdruk", "belde op 06-12345678", "rustig"]) is None


def test_mapping_toml_round_trip(tmp_path):
    vocabs = vocabularies()
    m, refused = M.propose(read_sheet(S.messy_xlsx(tmp_path / "m.xlsx")), vocabs)
    assert refused.keys() == {"Naam melder"}
    m.values["behaviour"] = {'Vage "klachten"': "intimidatie"}
    m.organisation = "Gemeente Voorbeeld"
    M.save(m, tmp_path / "m.toml")
    back = M.load(tmp_path / "m.toml", vocabs)
    assert back == m
    (tmp_path / "bad.toml").write_text('[values.behaviour]\n"x" = "onzin"\n', encoding="utf-8")
    with pytest.raises(UserError, match="'onzin' is not a code"):
        M.load(tmp_path / "bad.toml", vocabs)


def test_each_case_in_the_vault_answers_for_one_planned_case(tmp_path):
    """Two identical rows in a sheet of one row per case, one such case in the vault: one is a
    duplicate, the other still comes in; a case differing only in minutes is not a duplicate."""
    import csv
    from collections import Counter

    from app.sheets import plan as P
    path = tmp_path / "twice.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["Organisatie", "Datum", "Gedrag", "Relatie", "Rol", "Minuten"])
        w.writerows([["Gemeente Voorbeeld", "3-3-2025", "Pesten", "Collega", "Medewerker", "45"]] * 2)
        w.writerow(["Gemeente Voorbeeld", "3-3-2025", "Pesten", "Collega", "Medewerker", "50"])
    sheet, vocabs = read_sheet(path), vocabularies()
    mapping, _ = M.propose(sheet, vocabs)
    mapping.rows = "case"
    first = P.build(sheet, mapping, vocabs, [])
    assert len(first.cases) == 3 and first.duplicate_rows == []
    in_vault = Counter([P.fingerprint(first.cases[0])])
    again = P.build(sheet, mapping, vocabs, [], in_vault=in_vault)
    assert again.duplicate_rows == [[2]] and [c.contacts[0].minutes for c in again.cases] == [45, 50]
    anyway = P.build(sheet, mapping, vocabs, [], in_vault=in_vault, allow_duplicates=True)
    assert anyway.duplicate_rows == [[2]] and len(anyway.cases) == 3 and in_vault[P.fingerprint(first.cases[0])] == 1
