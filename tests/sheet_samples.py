"""Spreadsheets as advisers keep them, made here (nothing copied): tidy, messy, a Dutch-Excel CSV,
and hostile ones. The invented people in them must never reach the vault."""
from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

NAMES = ("Jan de Vries", "Fatima el Amrani", "Sanne Bakker", "Pieter Jansen", "Ayse Yilmaz", "Kees Smit")
PHONE = "06-12345678"


def tidy_xlsx(path: Path) -> Path:
    """One row per conversation, a case column, real dates, minutes: 4 cases, 6 conversations."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Registratie"
    ws.append(["Casus", "Organisatie", "Datum", "Soort gedrag", "Relatie tot beklaagde", "Rol melder",
               "Vervolg", "Minuten"])
    rows = [("A1", "Gemeente Voorbeeld", date(2024, 2, 5), "Pesten", "Collega", "Medewerker", "Advies", 60),
            ("A1", "Gemeente Voorbeeld", date(2024, 2, 19), "Pesten", "Collega", "Medewerker", "Advies", 45),
            ("A2", "Gemeente Voorbeeld", date(2024, 6, 3), "SI", "Leidinggevende", "Medewerker",
             "Doorverwezen", 90),
            ("A3", "Zorggroep Noord", date(2025, 1, 14), "Agressie", "Klant", "Omstander", "Geen", 30),
            ("A3", "Zorggroep Noord", date(2025, 2, 11), "Agressie", "Klant", "Omstander", "Geen", 30),
            ("A4", "Zorggroep Noord", date(2025, 3, 3), "ongewenste intimiteiten", "Collega", "Stagiair",
             "Loopt nog", 50)]
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


def _set_cached_value(path: Path, sheet_xml: str, cell: str, value: str) -> None:
    """Give a formula cell the stored result Excel would have written (openpyxl writes none)."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == sheet_xml:
                text = data.decode()
                text = re.sub(rf'(<c r="{cell}"[^>]*>)<f>([^<]*)</f><v\s*/?>(</v>)?', rf"\1<f>\2</f><v>{value}</v>",
                              text)
                data = text.encode()
            dst.writestr(info, data)
    tmp.replace(path)


def messy_xlsx(path: Path) -> Path:
    """Title row, merged group header over two header rows, empty rows, a names column, remarks with a
    phone number, mixed dates, hours with decimal commas, a formula, totals at the bottom, a hidden
    sheet with names. One row per case; 5 cases."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Meldingen 2019-2025"
    ws.append(["Registratie vertrouwenspersoon"])
    ws.append([None, None, "Gesprek", None, None, None, None, None])
    ws.merge_cells("C2:D2")
    ws.append(["Naam melder", "Opdrachtgever", "Datum", "Uren", "Aard", "Wie", "Afhandeling", "Opmerkingen"])
    ws.append([])
    ws.append([NAMES[0], "Gemeente Voorbeeld", datetime(2019, 3, 4), "1,5", "Pesten", "Collega", "Advies",
               f"Wil teruggebeld worden op {PHONE}"])
    ws.append([NAMES[1], "Gemeente Voorbeeld", "3 maart 2021", 2, "Seksuele intimidatie", "Leidinggevende",
               "Klacht ingediend", "Gesprek ging goed"])
    ws.append([])
    ws.append([NAMES[2], "Gemeente Voorbeeld", "14-6-22", None, "Vage klachten", "Onbekend", "Geen",
               None])
    ws.append([NAMES[3], "Bouwbedrijf Zuid", 45293, "0,75", "Discriminatie", "Derde", "Doorverwijzing", None])
    ws.append([NAMES[4], "Bouwbedrijf Zuid", "12-13-2024", 1, "Pesten", "Collega", "Advies", None])
    ws.append([NAMES[5], "Bouwbedrijf Zuid", "02-04-2025", "=1+0.25", "Werkdruk", "Leidinggevende",
               "Advies", "Kees belde later"])
    ws.append([])
    ws.append(["Totaal", None, None, "=SUM(D5:D11)", None, None, None, None])
    hidden = wb.create_sheet("Namenlijst")
    hidden.append(["Naam", "Telefoon"])
    for n in NAMES:
        hidden.append([n, PHONE])
    hidden.sheet_state = "hidden"
    wb.save(path)
    _set_cached_value(path, "xl/worksheets/sheet1.xml", "D11", "1.25")
    return path


def dutch_excel_csv(path: Path) -> Path:
    """What Dutch Excel writes as 'CSV (gescheiden door lijstscheidingsteken)': cp1252, ';', decimal
    commas, d-m-jjjj dates. One row per conversation, no case column: grouped by org + date rules."""
    lines = ["Datum;Organisatie;Gedrag;Relatie;Vervolg;Duur (min);Opmerking",
             "7-1-2025;Stichting Één;pesten;collega;opvang;45;Eerste gesprek, café besproken",
             "21-1-2025;Stichting Één;pesten;collega;opvang;30;",
             "3-9-2025;Stichting Één;discriminatie;derde;doorverwezen;60,5;",
             ";;;;;;",
             "10-2-2025;Café Zeezicht;intimidatie;leidinggevende;advies;40;mail naar j.devries@example.nl"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def xml_bomb_xlsx(path: Path, good: Path) -> Path:
    """A workbook whose sheet declares nested entities (billion laughs)."""
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>')
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info, bomb.encode() if info.filename == "xl/worksheets/sheet1.xml" else data)
    return path


def zip_bomb_xlsx(path: Path, good: Path) -> Path:
    """A 'huge sheet': an entry that unpacks to hundreds of megabytes of zeros."""
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        dst.writestr("xl/worksheets/sheet9.xml", b"\0" * (60 * 1024 * 1024))
    return path


def broken_zip_xlsx(path: Path, good: Path) -> Path:
    """A zip whose sheet entry is damaged (bytes overwritten in the middle)."""
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start, start + min(info.compress_size, 40)):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    return path
