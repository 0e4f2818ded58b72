"""Signed statistics for supervisors: the `.vstat` file, writing it, reading it and verifying it.

An adviser exports the *published* figures of an annual report as a small JSON file signed with an
Ed25519 key. A supervisor (a bureau coordinator, a complaints committee, an HR director, a ministry's
central point) verifies the signature, decides which adviser keys to trust, and adds the figures of
several files together without ever revealing a cell that one of the advisers had hidden.

Canonical form (what is signed)
-------------------------------
`canonical(obj)` is the UTF-8 encoding of `json.dumps(obj, sort_keys=True, separators=(",", ":"),
ensure_ascii=False, allow_nan=False)` after two normalisations: a float with an integral value is
written as an integer (61.0 -> 61) and NaN/Infinity are refused. Only dicts with string keys, lists,
strings, integers, finite floats, booleans and null may appear. The signature covers the canonical form
of the whole document *without* its "signature" member. The file on disk is exactly the canonical form
of the whole document (signature included), so any changed byte anywhere is detected: either the JSON
breaks, a signed value changes, or the bytes no longer equal the canonical form.

File layout (format "vertrouwd-stats/1")
----------------------------------------
    {"format": "vertrouwd-stats/1", "organisation": str, "year": int, "threshold": int, "method": str,
     "totals": {"cases": int, "contacts": int, "hours": number[, "requests": int]},
     "tables": [{"id", "unit", "rows", "cols", "cells", "row_totals", "col_totals", "total"}],
     "adviser_key": base64(raw Ed25519 public key), "created": "YYYY-MM-DDTHH:MM:SSZ",
     "program_version": str, "signature": base64(64 bytes)}

The period of a file is the calendar year `year`. A hidden value is null. Nothing else can be in the
file: `make_vstat` copies only the whitelisted keys of a report (its narrative, notes and signals are
never copied) and `read_vstat` refuses any unknown key.

Encryption (format "vertrouwd-stats-encrypted/1")
-------------------------------------------------
Optionally the signed file is encrypted to a supervisor's X25519 public key: an ephemeral X25519 key,
HKDF-SHA256 (salt = ephemeral public key + recipient public key) and ChaCha20-Poly1305 with the
envelope's header as associated data. The signed file travels inside, so the sender is still
authenticated by the Ed25519 signature; the encryption only keeps the figures from other eyes.

Keys and fingerprints are in app.keys; adding verified files up is app.exchange.combine.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from app.errors import VStatError
from app.keys import b64, envelope_key, fingerprint, public_key, same_fingerprint, signer, unb64
from app.texts import Phrase
from models.entities import FIRST_YEAR, LAST_YEAR

FORMAT = "vertrouwd-stats/1"
ENCRYPTED_FORMAT = "vertrouwd-stats-encrypted/1"
REPORT_FORMAT = "vertrouwd-report/1"
SUPERVISOR_PUB_PREFIX = "vertrouwd-supervisor-x25519:"
UNITS = ("cases", "contacts", "activities", "requests", "hours")
COUNT_UNITS = ("cases", "contacts", "activities", "requests")
TOTAL_KEYS = ("cases", "contacts", "hours")
# requests for information or advice (counted apart from cases): only in a year that had any, so files
# written before requests existed, and years without them, read exactly as before
OPTIONAL_TOTAL_KEYS = ("requests",)

MAX_SIZE = 5_000_000
MAX_COUNT = 10**9          # no count in a real report comes near this
MAX_HOURS = 10**7
MAX_TABLES = 200
MAX_CODES = 500
MAX_TEXT = 2000
_CODE_RE = re.compile(r"^[a-z0-9_]{1,64}$")
_CREATED_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_HKDF_INFO = b"vertrouwd-stats-encrypted/1 key"

_TOP_KEYS = frozenset({"format", "organisation", "year", "threshold", "method", "totals", "tables",
                       "adviser_key", "created", "program_version", "signature"})
_TABLE_KEYS = frozenset({"id", "unit", "rows", "cols", "cells", "row_totals", "col_totals", "total"})
_ENVELOPE_KEYS = frozenset({"format", "recipient", "ephemeral", "nonce", "ciphertext"})

# --------------------------------------------------------------------------------------------------
# canonical form


def _normalise(value: Any) -> Any:
    if value is None or isinstance(value, bool | str | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise VStatError("vstat.not_finite_number")
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise VStatError("vstat.key_not_text")
            out[k] = _normalise(v)
        return out
    if isinstance(value, list | tuple):
        return [_normalise(v) for v in value]
    raise VStatError("vstat.value_type", name=type(value).__name__)


def canonical(obj: Any) -> bytes:
    """The canonical bytes of a JSON value (see the module documentation)."""
    return json.dumps(_normalise(obj), sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")

# --------------------------------------------------------------------------------------------------
# data classes


@dataclass(frozen=True)
class Table:
    id: str
    unit: str
    rows: tuple[str, ...]
    cols: tuple[str, ...] | None
    cells: tuple[tuple[float | int | None, ...], ...]
    row_totals: tuple[float | int | None, ...]
    col_totals: tuple[float | int | None, ...]
    total: float | int | None

    @property
    def col_codes(self) -> tuple[str, ...]:
        """Column codes; a one-way table has the single column ""."""
        return self.cols if self.cols is not None else ("",)

    def to_dict(self) -> dict:
        return {"id": self.id, "unit": self.unit, "rows": list(self.rows),
                "cols": None if self.cols is None else list(self.cols),
                "cells": [list(r) for r in self.cells], "row_totals": list(self.row_totals),
                "col_totals": list(self.col_totals), "total": self.total}


@dataclass(frozen=True)
class VStat:
    """A verified statistics file. `raw` are the exact signed bytes (kept by the supervisor)."""

    organisation: str
    year: int
    threshold: int
    method: str
    totals: dict[str, float | int]
    tables: tuple[Table, ...]
    adviser_key: bytes
    created: datetime
    program_version: str
    raw: bytes
    encrypted: bool = False

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.adviser_key)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    def table(self, table_id: str) -> Table | None:
        for t in self.tables:
            if t.id == table_id:
                return t
        return None


# --------------------------------------------------------------------------------------------------
# validation (shared by make_vstat and read_vstat)


def _text(value: Any, what: str, *, empty: bool = False, limit: int = MAX_TEXT, one_line: bool = False) -> str:
    if not isinstance(value, str):
        raise VStatError("vstat.not_text", what=what)
    if not empty and not value.strip():
        raise VStatError("vstat.empty", what=what)
    if len(value) > limit:
        raise VStatError("vstat.too_long", what=what, limit=limit)
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in value) or "\x7f" in value:
        raise VStatError("vstat.control_characters", what=what)
    if one_line and ("\n" in value or "\t" in value):
        raise VStatError("vstat.not_single_line", what=what)
    return value


def _int(value: Any, what: str, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise VStatError("vstat.not_whole_number", what=what)
    if not lo <= value <= hi:
        raise VStatError("vstat.outside_range", what=what, value=value, lo=lo, hi=hi)
    return value


def _number(value: Any, what: str, unit: str) -> int | float:
    """A published figure: a whole number for counts, a number for hours."""
    if unit in COUNT_UNITS:
        return _int(value, what, 0, MAX_COUNT)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise VStatError("vstat.not_a_number", what=what)
    if isinstance(value, float) and not math.isfinite(value):
        raise VStatError("vstat.not_finite", what=what)
    if not 0 <= value <= MAX_HOURS:
        raise VStatError("vstat.hours_outside", what=what, value=value, max_hours=MAX_HOURS)
    return value


def _maybe(value: Any, what: str, unit: str) -> int | float | None:
    return None if value is None else _number(value, what, unit)


def _codes(value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise VStatError("vstat.not_a_code_list", what=what)
    if len(value) > MAX_CODES:
        raise VStatError("vstat.too_many_codes", what=what, max_codes=MAX_CODES)
    for code in value:
        if not isinstance(code, str) or not _CODE_RE.match(code):
            raise VStatError("vstat.not_lower_case_code", what=what, value=str(code)[:40])
    if len(set(value)) != len(value):
        raise VStatError("vstat.lists_code_twice", what=what)
    return tuple(value)


def _close(a: float, b: float, unit: str) -> bool:
    if unit in COUNT_UNITS:
        return a == b
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _check_line(values: list, total: Any, unit: str, what: str) -> None:
    """A published total must equal the sum of a line that is fully published, and never be less
    than the published part of a line with hidden cells."""
    if total is None:
        return
    known = sum(v for v in values if v is not None)
    if all(v is not None for v in values):
        if not _close(known, total, unit):
            raise VStatError("vstat.line_does_not_add_up", what=what, known=known, total=total)
    elif known > total + 1e-6 * max(1.0, total):
        raise VStatError("vstat.line_exceeds_total", what=what, known=known, total=total)


def _parse_table(raw: Any, index: int, threshold: int, *, strict_keys: bool = True) -> Table:
    where = Phrase("vstat.what.table_number", number=index + 1)
    if not isinstance(raw, dict):
        raise VStatError("vstat.table_not_object", where=where)
    unknown = set(raw) - _TABLE_KEYS
    if unknown and strict_keys:
        raise VStatError("vstat.table_unknown_field", where=where, unknown=sorted(unknown)[0][:40])
    missing = {"id", "unit", "rows", "cols", "cells", "total"} - set(raw)
    if missing:
        raise VStatError("vstat.table_lacks", where=where, missing=', '.join(sorted(missing)))
    tid = raw["id"]
    if not isinstance(tid, str) or not _CODE_RE.match(tid):
        raise VStatError("vstat.table_bad_id", where=where)
    where = Phrase("vstat.what.table", table=tid)
    unit = raw["unit"]
    if unit not in UNITS:
        raise VStatError("vstat.unknown_unit", where=where, unit=str(unit)[:20], units=', '.join(UNITS))
    rows = _codes(raw["rows"], Phrase("vstat.what.rows", table=tid))
    cols = None if raw["cols"] is None else _codes(raw["cols"], Phrase("vstat.what.columns", table=tid))
    ncols = 1 if cols is None else len(cols)
    cells_raw = raw["cells"]
    if not isinstance(cells_raw, list) or len(cells_raw) != len(rows):
        raise VStatError("vstat.cells_row_count", where=where, n_rows=len(rows))
    cells: list[tuple] = []
    for i, line in enumerate(cells_raw):
        if not isinstance(line, list) or len(line) != ncols:
            raise VStatError("vstat.row_cell_count", where=where, row=rows[i], ncols=ncols)
        cells.append(tuple(_maybe(v, Phrase("vstat.what.cell", table=tid, row=rows[i]), unit) for v in line))
    row_totals_raw = raw.get("row_totals")
    col_totals_raw = raw.get("col_totals")
    if row_totals_raw is None and cols is None:   # a one-way table: each row is its own total
        row_totals_raw = [line[0] for line in cells]
    if col_totals_raw is None and cols is None:
        col_totals_raw = [raw["total"]]
    if not isinstance(row_totals_raw, list) or len(row_totals_raw) != len(rows):
        raise VStatError("vstat.row_totals_count", where=where)
    if not isinstance(col_totals_raw, list) or len(col_totals_raw) != ncols:
        raise VStatError("vstat.column_totals_count", where=where)
    row_totals = tuple(_maybe(v, Phrase("vstat.what.row_total", table=tid), unit) for v in row_totals_raw)
    col_totals = tuple(_maybe(v, Phrase("vstat.what.column_total", table=tid), unit) for v in col_totals_raw)
    total = _maybe(raw["total"], Phrase("vstat.what.total_of_table", table=tid), unit)
    if cols is None:   # in a one-way table each row total is its cell, the column total is the total
        for i, line in enumerate(cells):
            if (row_totals[i] is None) != (line[0] is None):
                raise VStatError("vstat.row_total_cell_disagree", where=where, row=rows[i])
        if (col_totals[0] is None) != (total is None):
            raise VStatError("vstat.column_total_disagrees", where=where)
    if unit in COUNT_UNITS:
        for i, line in enumerate(cells):
            for v in line:
                if v is not None and 0 < v < threshold:
                    raise VStatError("vstat.below_threshold", where=where, row=rows[i], value=v,
                                     threshold=threshold)
    for i, line in enumerate(cells):
        _check_line(list(line), row_totals[i], unit, Phrase("vstat.what.row", table=tid, row=rows[i]))
    for j in range(ncols):
        _check_line([line[j] for line in cells], col_totals[j], unit,
                    Phrase("vstat.what.column_number", table=tid, number=j + 1))
    _check_line(list(row_totals), total, unit, Phrase("vstat.what.row_totals", table=tid))
    _check_line(list(col_totals), total, unit, Phrase("vstat.what.column_totals", table=tid))
    return Table(tid, unit, rows, cols, tuple(cells), row_totals, col_totals, total)


def _parse_body(doc: dict, *, strict_keys: bool = True) -> dict:
    """Validate the figures part shared by a report and a stats file; return clean values."""
    organisation = _text(doc.get("organisation"), Phrase("vstat.what.organisation"), limit=200, one_line=True)
    year = _int(doc.get("year"), Phrase("vstat.what.year"), FIRST_YEAR, LAST_YEAR)
    threshold = _int(doc.get("threshold"), Phrase("vstat.what.threshold"), 1, 1000)
    method = _text(doc.get("method", ""), Phrase("vstat.what.method"), empty=True)
    totals_raw = doc.get("totals")
    if not isinstance(totals_raw, dict):
        raise VStatError("vstat.totals_missing")
    unknown = set(totals_raw) - set(TOTAL_KEYS) - set(OPTIONAL_TOTAL_KEYS)
    if unknown:
        raise VStatError("vstat.totals_unknown_field", unknown=sorted(unknown)[0][:40])
    totals: dict[str, int | float] = {}
    for key in TOTAL_KEYS + OPTIONAL_TOTAL_KEYS:
        if key not in totals_raw:
            if key in OPTIONAL_TOTAL_KEYS:
                continue
            raise VStatError("vstat.totals_lack_key", key=key)
        totals[key] = _number(totals_raw[key], Phrase("vstat.what.total", unit=Phrase(f"vstat.unit.{key}")),
                              key)
    tables_raw = doc.get("tables")
    if not isinstance(tables_raw, list):
        raise VStatError("vstat.tables_missing")
    if len(tables_raw) > MAX_TABLES:
        raise VStatError("vstat.too_many_tables", max_tables=MAX_TABLES)
    tables = tuple(_parse_table(t, i, threshold, strict_keys=strict_keys) for i, t in enumerate(tables_raw))
    ids = [t.id for t in tables]
    if len(set(ids)) != len(ids):
        raise VStatError("vstat.two_tables_same_id")
    for t in tables:   # all tables of one unit describe (part of) the same population
        if t.total is not None and t.unit in totals and t.total > totals[t.unit] \
                and not _close(t.total, totals[t.unit], t.unit):
            raise VStatError("vstat.table_exceeds_total", table=t.id, total=t.total,
                             unit=Phrase(f"vstat.unit.{t.unit}"), totals=totals[t.unit])
    return {"organisation": organisation, "year": year, "threshold": threshold, "method": method,
            "totals": totals, "tables": tables}


def _body_to_json(body: dict) -> dict:
    return {"organisation": body["organisation"], "year": body["year"], "threshold": body["threshold"],
            "method": body["method"], "totals": dict(body["totals"]),
            "tables": [t.to_dict() for t in body["tables"]]}


# --------------------------------------------------------------------------------------------------
# writing


def make_vstat(report: dict, signing_key: bytes, *, program_version: str, created: datetime | None = None,
               recipient_pub: bytes | None = None) -> bytes:
    """Turn an annual report into a signed `.vstat` file (bytes), optionally encrypted.

    Only the report's published figures are copied, by whitelist: organisation, year, threshold,
    method, totals and the tables' figures. Any other top-level part of the report (narrative,
    signals, recommendations) is left out; a table that carries any field besides its figures, or a
    value that is not a number or null, is refused, so no note can slip into the file.
    """
    if not isinstance(report, dict):
        raise VStatError("vstat.report_not_object")
    if report.get("format") != REPORT_FORMAT:
        raise VStatError("vstat.not_a_report", report_format=REPORT_FORMAT)
    body = _parse_body(report, strict_keys=True)
    for t in body["tables"]:
        _refuse_lone_hidden(t)
    created = created or datetime.now(UTC)
    if created.tzinfo is None:
        raise VStatError("vstat.created_without_time_zone")
    doc = _body_to_json(body)
    doc.update({
        "format": FORMAT,
        "adviser_key": b64(public_key(signing_key)),
        "created": created.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "program_version": _text(program_version, Phrase("vstat.what.program_version"), limit=64,
                                 one_line=True),
    })
    doc["signature"] = b64(signer(signing_key).sign(canonical(doc)))
    data = canonical(doc)
    read_vstat(data)  # the file must pass its own reader
    if recipient_pub is not None:
        data = encrypt_for(data, recipient_pub)
    return data


def _refuse_lone_hidden(t: Table) -> None:
    """A line with exactly one hidden figure and a published total gives that figure away."""
    def check(values, total, what):
        if total is not None and sum(v is None for v in values) == 1:
            raise VStatError("vstat.lone_hidden_figure", table=t.id, what=what)
    for i, line in enumerate(t.cells):
        if t.cols is not None:
            check(list(line), t.row_totals[i], Phrase("vstat.what.line_row", row=t.rows[i]))
    for j in range(len(t.col_codes)):
        check([line[j] for line in t.cells], t.col_totals[j],
              Phrase("vstat.what.line_column", column=t.col_codes[j]))
    check(list(t.row_totals), t.total, Phrase("vstat.what.line_row_totals"))
    if t.cols is not None:
        check(list(t.col_totals), t.total, Phrase("vstat.what.line_column_totals"))

def encrypt_for(inner: bytes, recipient_pub: bytes) -> bytes:
    """Wrap signed bytes in an envelope only the holder of the supervisor key can open."""
    if not isinstance(recipient_pub, bytes | bytearray) or len(recipient_pub) != 32:
        raise VStatError("vstat.supervisor_public_key_length")
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    header = {"format": ENCRYPTED_FORMAT, "recipient": fingerprint(bytes(recipient_pub)),
              "ephemeral": b64(eph_pub)}
    shared = eph.exchange(X25519PublicKey.from_public_bytes(bytes(recipient_pub)))
    key = envelope_key(shared, eph_pub, bytes(recipient_pub))
    nonce = os.urandom(12)
    ct = ChaCha20Poly1305(key).encrypt(nonce, inner, canonical(header))
    return canonical({**header, "nonce": b64(nonce), "ciphertext": b64(ct)})


# --------------------------------------------------------------------------------------------------
# reading


def _reject_constant(name: str) -> Any:
    raise VStatError("vstat.not_a_number_constant", name=name)


def _parse_float(text: str) -> float:
    if len(text) > 40:
        raise VStatError("vstat.number_too_long")
    value = float(text)
    if not math.isfinite(value):
        raise VStatError("vstat.number_not_a_figure")
    return value


def _parse_int(text: str) -> int:
    if len(text) > 18:
        raise VStatError("vstat.number_too_large")
    return int(text)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    out: dict = {}
    for k, v in pairs:
        if k in out:
            raise VStatError("vstat.duplicate_field", name=k[:40])
        out[k] = v
    return out


def _load_json(data: bytes, what: str) -> Any:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise VStatError("vstat.not_utf8", what=what) from None
    if not text.strip():
        raise VStatError("vstat.empty", what=what)
    try:
        return json.loads(text, parse_constant=_reject_constant, parse_float=_parse_float,
                          parse_int=_parse_int, object_pairs_hook=_no_duplicates)
    except RecursionError:
        raise VStatError("vstat.too_deep", what=what) from None
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) - 1 or exc.msg.startswith("Unterminated string"):
            raise VStatError("vstat.truncated", what=what) from None
        raise VStatError("vstat.not_json", what=what, pos=exc.pos) from None
    except ValueError:   # int() of a pathological literal
        raise VStatError("vstat.bad_number", what=what) from None


def read_vstat(data: bytes, *, supervisor_key: bytes | None = None, max_size: int = MAX_SIZE) -> VStat:
    """Strictly parse and verify a `.vstat` file (plain or encrypted). Raises VStatError only.

    Trust is not decided here: the caller checks `VStat.fingerprint` against its trusted keys.
    """
    try:
        return _read_vstat(data, supervisor_key, max_size)
    except VStatError:
        raise
    except RecursionError:
        raise VStatError("vstat.too_deep", what=Phrase("vstat.what.file")) from None
    except Exception as exc:  # noqa: BLE001 - a hostile file must never crash the reader
        raise VStatError("vstat.unreadable_content", name=type(exc).__name__) from None


def _too_large(max_size: int) -> VStatError:
    size = f"{max_size / 1_000_000:g} MB" if max_size >= 1_000_000 else f"{max_size} bytes"
    return VStatError("vstat.too_large", size=size)


def _read_vstat(data: bytes, supervisor_key: bytes | None, max_size: int) -> VStat:
    if not isinstance(data, bytes | bytearray | memoryview):
        raise VStatError("vstat.no_content")
    data = bytes(data)
    if len(data) > max_size:
        raise _too_large(max_size)
    doc = _load_json(data, Phrase("vstat.what.file"))
    if not isinstance(doc, dict):
        raise VStatError("vstat.not_object")
    if doc.get("format") == ENCRYPTED_FORMAT:
        inner = _decrypt(doc, data, supervisor_key)
        return _verify(inner, encrypted=True)
    return _verify(data, doc=doc)


def _decrypt(doc: dict, data: bytes, supervisor_key: bytes | None) -> bytes:
    unknown = set(doc) - _ENVELOPE_KEYS
    if unknown:
        raise VStatError("vstat.envelope_unknown_field", unknown=sorted(unknown)[0][:40])
    if set(doc) != _ENVELOPE_KEYS:
        raise VStatError("vstat.envelope_lacks", missing=", ".join(sorted(_ENVELOPE_KEYS - set(doc))))
    recipient = _text(doc["recipient"], Phrase("vstat.what.recipient"), limit=64)
    eph_pub = unb64(doc["ephemeral"], Phrase("vstat.what.ephemeral_key"), 32)
    nonce = unb64(doc["nonce"], Phrase("vstat.what.nonce"), 12)
    ct = unb64(doc["ciphertext"], Phrase("vstat.what.encrypted_content"))
    if canonical(doc) != data:
        raise VStatError("vstat.encrypted_layout")
    if supervisor_key is None:
        raise VStatError("vstat.encrypted_needs_key", recipient=recipient)
    if not isinstance(supervisor_key, bytes | bytearray) or len(supervisor_key) != 32:
        raise VStatError("vstat.supervisor_key_length")
    priv = X25519PrivateKey.from_private_bytes(bytes(supervisor_key))
    own_pub = priv.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    if not same_fingerprint(recipient, fingerprint(own_pub)):
        raise VStatError("vstat.encrypted_other", recipient=recipient)
    try:
        shared = priv.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    except ValueError:
        raise VStatError("vstat.envelope_bad_ephemeral_key") from None
    header = {"format": ENCRYPTED_FORMAT, "recipient": recipient, "ephemeral": doc["ephemeral"]}
    try:
        return ChaCha20Poly1305(envelope_key(shared, eph_pub, own_pub)).decrypt(nonce, ct, canonical(header))
    except InvalidTag:
        raise VStatError("vstat.encrypted_damaged") from None


def _verify(data: bytes, *, doc: Any = None, encrypted: bool = False) -> VStat:
    if doc is None:
        doc = _load_json(data, Phrase("vstat.what.signed_content"))
    if not isinstance(doc, dict):
        raise VStatError("vstat.not_object")
    fmt = doc.get("format")
    if fmt != FORMAT:
        if fmt == REPORT_FORMAT:
            raise VStatError("vstat.is_report")
        raise VStatError("vstat.unknown_format", format=repr(str(fmt)[:40]), expected=FORMAT)
    if "signature" not in doc:
        raise VStatError("vstat.unsigned")
    unknown = set(doc) - _TOP_KEYS
    if unknown:
        raise VStatError("vstat.file_unknown_field", unknown=sorted(unknown)[0][:40])
    missing = _TOP_KEYS - set(doc)
    if missing:
        raise VStatError("vstat.file_lacks", missing=", ".join(sorted(missing)))
    signature = unb64(doc["signature"], Phrase("vstat.what.signature"), 64)
    adviser_key = unb64(doc["adviser_key"], Phrase("vstat.what.adviser_key"), 32)
    content = {k: v for k, v in doc.items() if k != "signature"}
    try:
        signed = canonical(content)
        Ed25519PublicKey.from_public_bytes(adviser_key).verify(signature, signed)
    except InvalidSignature:
        raise VStatError("vstat.signature") from None
    except ValueError:
        raise VStatError("vstat.adviser_key_invalid") from None
    if canonical(doc) != data:
        raise VStatError("vstat.layout")
    created_text = doc["created"]
    if not isinstance(created_text, str) or not _CREATED_RE.match(created_text):
        raise VStatError("vstat.created_not_utc")
    try:
        created = datetime.strptime(created_text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        raise VStatError("vstat.created_not_a_date") from None
    body = _parse_body(doc)
    return VStat(organisation=body["organisation"], year=body["year"], threshold=body["threshold"],
                 method=body["method"], totals=body["totals"], tables=_in_todays_terms(body["tables"]),
                 adviser_key=adviser_key, created=created,
                 program_version=_text(doc["program_version"], Phrase("vstat.what.program_version"), limit=64,
                                       one_line=True),
                 raw=data, encrypted=encrypted)


def _in_todays_terms(tables: tuple[Table, ...]) -> tuple[Table, ...]:
    """A file made before schema 5 counted positions in its "role" table: read as the position table
    (the one rule: app.reporting.aggregate.upgrade_tables), so a merge never adds those figures to
    today's roles in the case. The signed bytes (``raw``) stay as they were."""
    from app.reporting.aggregate import upgrade_tables
    named = upgrade_tables([{"id": t.id, "rows": list(t.rows), "cols": t.cols} for t in tables])
    return tuple(t if d["id"] == t.id else replace(t, id=d["id"], rows=tuple(d["rows"]))
                 for t, d in zip(tables, named, strict=True))


def read_vstat_file(path: str | os.PathLike[str], *, supervisor_key: bytes | None = None,
                    max_size: int = MAX_SIZE) -> VStat:
    """Read and verify a file from disk; a file too big is refused before it is read."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_size:
            raise _too_large(max_size)
        with p.open("rb") as fh:
            data = fh.read(max_size + 1)
    except IsADirectoryError:
        raise VStatError("vstat.folder") from None
    except FileNotFoundError:
        raise VStatError("vstat.missing") from None
    except OSError as exc:
        raise VStatError("vstat.unreadable", detail=exc.strerror or str(exc)) from None
    return read_vstat(data, supervisor_key=supervisor_key, max_size=max_size)
