"""Reading a spreadsheet safely: .xlsx through openpyxl (read-only, data-only; its XML goes through
defusedxml, so entity tricks are refused) after checks on the zip itself, and .csv with the csv
module (delimiter sniffed among ; , and tab; UTF-8, UTF-8 with BOM or cp1252)."""
from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import UserError
from app.texts import Phrase

MAX_FILE = 50 * 1024 * 1024            # bytes on disk
MAX_UNPACKED = 400 * 1024 * 1024       # all zip entries together, unpacked
MAX_RATIO = 200                        # unpacked / packed of one large entry (zip bombs go far beyond)
MAX_ROWS = 100_000
MAX_COLUMNS = 200
HEADER_SCAN = 12                       # rows looked at to find the header
TOTAL_WORDS = re.compile(r"^\s*(sub)?(totaal|totalen|total|totals|som|sum|generaal totaal|grand total)\b",
                         re.IGNORECASE)

Progress = Callable[[float, str], None] | None


@dataclass
class Row:
    number: int                # the row number as the spreadsheet program shows it
    cells: list[object]


@dataclass
class Sheet:
    """One table of a spreadsheet: the header (one text per column) and the data rows."""

    path: str
    name: str
    headers: list[str]
    rows: list[Row]
    sheets: list[tuple[str, bool]] = field(default_factory=list)   # (name, hidden) of every sheet
    skipped: list[tuple[int, Phrase]] = field(default_factory=list)   # (row number, reason)
    encoding: str = ""
    delimiter: str = ""

    def column(self, index: int) -> list[object]:
        return [r.cells[index] if index < len(r.cells) else None for r in self.rows]


def _text(v: object) -> str:
    return "" if v is None else str(v).strip()


# -- xlsx ------------------------------------------------------------------------------------------
def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            if len(infos) > 10_000:
                raise UserError("sheets.too_many_parts", name=path.name, parts=len(infos))
            total = sum(i.file_size for i in infos)
            bomb = any(i.file_size > 1024 * 1024 and i.file_size > MAX_RATIO * max(i.compress_size, 1)
                       for i in infos)
            if total > MAX_UNPACKED or bomb:
                raise UserError("sheets.zip_bomb", name=path.name, size_mb=total // (1024 * 1024))
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                raise UserError("sheets.incomplete_xlsx", name=path.name)
    except zipfile.BadZipFile:
        raise UserError("sheets.broken_zip", name=path.name) from None


def _refuse(path: Path, exc: BaseException) -> UserError:
    import defusedxml
    seen, cause = 0, exc
    while cause is not None and not isinstance(cause, defusedxml.DefusedXmlException) and seen < 10:
        cause, seen = cause.__cause__ or cause.__context__, seen + 1
    if isinstance(cause, defusedxml.DefusedXmlException):
        return UserError("sheets.xml_bomb", name=path.name)
    if isinstance(exc, UserError):
        return exc
    return UserError("sheets.unreadable_xlsx", name=path.name, detail=f"{type(exc).__name__}: {exc}")


_MERGE = re.compile(rb'<mergeCell\s+ref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _merged_spans(path: Path, member: str) -> dict[tuple[int, int], int]:
    """(row, first column) -> last column of each merged range in the sheet, 0-based, read from the
    sheet's <mergeCells> list with a pattern (no XML parsing: the list is short and at the end)."""
    with zipfile.ZipFile(path) as z:
        data = z.read(member.lstrip("/"))
    at = data.rfind(b"<mergeCells")
    if at < 0:
        return {}
    return {(int(r1) - 1, _column_number(c1) - 1): _column_number(c2) - 1
            for c1, r1, c2, _r2 in _MERGE.findall(data, at)}


def _xlsx_values(path: Path, sheet: str | None, progress: Progress) -> tuple[str, list, list, dict]:
    import openpyxl
    if not openpyxl.DEFUSEDXML:   # pragma: no cover - defusedxml is a dependency
        raise UserError("sheets.no_defusedxml")
    _check_zip(path)
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = [(ws.title, ws.sheet_state != "visible") for ws in wb.worksheets]
        if sheet is None:
            visible = [n for n, hidden in sheets if not hidden]
            if not visible:
                raise UserError("sheets.no_visible_sheet", name=path.name)
            sheet = visible[0]
        elif sheet not in wb.sheetnames:
            raise UserError("sheets.no_such_sheet", name=path.name, sheet=sheet,
                            sheets=", ".join(n for n, _ in sheets))
        ws = wb[sheet]
        size = ws.max_row or 0
        rows = []
        for i, values in enumerate(ws.iter_rows(values_only=True), start=1):
            if i > MAX_ROWS or len(values) > MAX_COLUMNS:
                raise UserError("sheets.sheet_too_large", sheet=sheet, rows=MAX_ROWS, columns=MAX_COLUMNS)
            rows.append(list(values))
            if progress and i % 2000 == 0:
                progress(min(0.5, 0.5 * i / max(size, 1)), "")
        return sheet, sheets, rows, _merged_spans(path, ws._worksheet_path)
    finally:
        wb.close()


# -- csv -------------------------------------------------------------------------------------------
def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _csv_values(path: Path) -> tuple[list, str, str]:
    text, encoding = _decode(path.read_bytes())
    sample = text[:65536]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        delimiter = max(";,\t", key=first.count)
    rows = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for i, values in enumerate(reader, start=1):
            if i > MAX_ROWS or len(values) > MAX_COLUMNS:
                raise UserError("sheets.csv_too_large", name=path.name, rows=MAX_ROWS, columns=MAX_COLUMNS)
            rows.append([v if v.strip() else None for v in values])
    except csv.Error as exc:
        raise UserError("sheets.bad_csv", name=path.name, line=reader.line_num, detail=str(exc)) from None
    return rows, encoding, delimiter


# -- the table -------------------------------------------------------------------------------------
def _header_index(rows: list[list]) -> int:
    """The row (index) among the first ones with the most text cells: the column titles."""
    best, best_count = 0, -1
    for i, r in enumerate(rows[:HEADER_SCAN]):
        count = sum(1 for v in r if isinstance(v, str) and v.strip() and not v.strip()[0].isdigit())
        if count > best_count:
            best, best_count = i, count
    return best


def _headers(rows: list[list], at: int, spans: dict[tuple[int, int], int]) -> list[str]:
    """The titles of row `at`; a row just above with fewer cells is a group title ("Gesprek" over
    "datum" and "minuten"), put in front of the titles below it: of the merged range it spans, or
    (without merge information, as in a CSV file) up to the next group title."""
    width = max((len(r) for r in rows), default=0)
    own = [_text(v) for v in rows[at]] + [""] * (width - len(rows[at]))
    if at > 0:
        above = [_text(v) for v in rows[at - 1]] + [""] * (width - len(rows[at - 1]))
        if 0 < sum(1 for v in above if v) < sum(1 for v in own if v):
            carried, last, until = [], "", width
            for i, v in enumerate(above):
                if v:
                    last, until = v, spans.get((at - 1, i), width - 1 if not spans else i)
                carried.append(last if i <= until else "")
            own = [f"{g} {o}".strip() if o and g and g.casefold() != o.casefold() else (o or g)
                   for g, o in zip(carried, own, strict=True)]
    return [h or f"Kolom {i + 1}" for i, h in enumerate(own)]


def _table(path: Path, name: str, values: list[list], spans: dict[tuple[int, int], int] | None = None) -> Sheet:
    at = _header_index(values) if values else 0
    headers = _headers(values, at, spans or {}) if values else []
    sheet = Sheet(str(path), name, headers, [])
    for i, r in enumerate(values[at + 1:], start=at + 2):
        cells = [v.strip() if isinstance(v, str) else v for v in r][:len(headers)]
        cells += [None] * (len(headers) - len(cells))
        filled = [v for v in cells if v not in (None, "")]
        if not filled:
            continue
        if any(isinstance(v, str) and TOTAL_WORDS.match(v) for v in filled[:2]):
            sheet.skipped.append((i, Phrase("sheets.skip.totals_row")))
            continue
        sheet.rows.append(Row(i, cells))
    return sheet


def read_sheet(path: str | Path, sheet: str | None = None, progress: Progress = None) -> Sheet:
    """The table of a .xlsx sheet (the first visible one unless `sheet` names one) or a .csv file.
    Raises UserError with a clear message for a file that is damaged, too large or hostile."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UserError("sheets.no_file", path=str(path)) from None
    if size > MAX_FILE:
        raise UserError("sheets.file_too_large", name=path.name, size_mb=MAX_FILE // (1024 * 1024))
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        values, encoding, delimiter = _csv_values(path)
        out = _table(path, path.stem, values)
        out.encoding, out.delimiter = encoding, delimiter
        return out
    if suffix not in (".xlsx", ".xlsm"):
        raise UserError("sheets.wrong_kind", name=path.name)
    try:
        name, sheets, values, spans = _xlsx_values(path, sheet, progress)
    except UserError:
        raise
    except Exception as exc:   # openpyxl raises many kinds for a damaged or hostile file
        raise _refuse(path, exc) from None
    out = _table(path, name, values, spans)
    out.sheets = sheets
    return out
