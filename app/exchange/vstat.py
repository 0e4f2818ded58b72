"""Signed statistics for supervisors: the `.vstat` file, its verification and combining files.

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
     "totals": {"cases": int, "contacts": int, "hours": number},
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

Combining
---------
`merge()` adds files per group (organisation, adviser, year, or all). A cell hidden in any part stays
hidden in the sum unless the attacker's linear program (app.reporting.disclosure.attack_intervals) over all the
parts' published figures plus the combined figures still leaves every hidden part's value an interval
at least k wide (k = the largest threshold among the parts). See `merge` for the row-set rule.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.errors import UserError, WrongPassphrase
from app.fsutil import write_bytes_atomic, write_text_atomic
from models.entities import FIRST_YEAR, LAST_YEAR

FORMAT = "vertrouwd-stats/1"
ENCRYPTED_FORMAT = "vertrouwd-stats-encrypted/1"
REPORT_FORMAT = "vertrouwd-report/1"
SUPERVISOR_PUB_PREFIX = "vertrouwd-supervisor-x25519:"
UNITS = ("cases", "contacts", "activities", "hours")
COUNT_UNITS = ("cases", "contacts", "activities")
TOTAL_KEYS = ("cases", "contacts", "hours")
MERGE_BY = ("organisation", "adviser", "year", "all")

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


class VStatError(UserError):
    """A statistics file that cannot be used; the message says what is wrong in plain words.

    `code` names the kind of problem (one of REASONS, or "invalid" for any check of the figures) and
    `values` holds what the message mentions, so a window can say it in the person's own language.
    """

    def __init__(self, message: str, *, code: str = "invalid", **values: Any):
        super().__init__(message)
        self.code = code
        self.values = values


# The problems a person meets when handing in a file, as English templates (the message of the error).
# Everything else (a figure that breaks a rule) has the code "invalid" and a message of its own.
REASONS: dict[str, str] = {
    "not_utf8": "{what} is not UTF-8 text (is it a statistics file?)",
    "empty": "{what} is empty",
    "too_deep": "{what} is nested too deeply to be a statistics file",
    "truncated": "{what} is truncated (not valid JSON)",
    "not_json": "{what} is not valid JSON (error at character {pos})",
    "bad_number": "{what} contains a number that cannot be read",
    "not_object": "the file is not a statistics file (no JSON object)",
    "too_large": "the file is larger than {size}; a statistics file is much smaller",
    "folder": "this is a folder, not a file",
    "missing": "the file does not exist",
    "unreadable": "the file cannot be read: {detail}",
    "encrypted_needs_key": "the file is encrypted for supervisor key {recipient}; open it with that key",
    "encrypted_other": "the file is encrypted for another supervisor (key {recipient}), not for yours",
    "encrypted_damaged": "the encrypted file cannot be opened: it was changed or damaged",
    "encrypted_layout": "the encrypted file was changed after it was written (layout differs)",
    "is_report": "this is an annual report, not a signed statistics file; export it first",
    "unknown_format": "unknown format {format}; expected {expected}",
    "unsigned": "unsigned file: it has no signature",
    "signature": "signature does not match: the file was changed after signing",
    "layout": "the file was changed after signing (its layout differs from the signed form)",
    "overlap": "files overlap: {detail}. Leave out either that file or those organisation files",
}
_WHAT = "the file|the signed content"


def _err(code: str, **values: Any) -> VStatError:
    """The error of a known kind, its English message filled in from REASONS."""
    return VStatError(REASONS[code].format(**values), code=code, **values)


def _reason_pattern(template: str) -> re.Pattern[str]:
    out, pos = [], 0
    for m in re.finditer(r"\{(\w+)\}", template):
        out.append(re.escape(template[pos:m.start()]))
        name = m.group(1)
        out.append(f"(?P<{name}>{_WHAT})" if name == "what" else f"(?P<{name}>.+?)")
        pos = m.end()
    out.append(re.escape(template[pos:]))
    return re.compile("^" + "".join(out) + "$", re.DOTALL)


_REASON_PATTERNS = {code: _reason_pattern(t) for code, t in REASONS.items()}


def reason_code(message: str) -> tuple[str, dict[str, str]]:
    """(code, values) of an error message made by this module (for callers that kept only the text,
    such as app.exchange.supervisor's ImportOutcome.reason); ("invalid", {}) for any other message."""
    for code, pattern in _REASON_PATTERNS.items():
        m = pattern.match(message or "")
        if m:
            return code, m.groupdict()
    return "invalid", {}


# --------------------------------------------------------------------------------------------------
# keys


def generate_signing_key() -> bytes:
    """A new Ed25519 private key as its raw 32 bytes (the adviser keeps it inside the vault)."""
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())


def _signing_key(priv: bytes) -> Ed25519PrivateKey:
    if not isinstance(priv, bytes | bytearray) or len(priv) != 32:
        raise VStatError("the signing key must be 32 bytes; make a new one with generate_signing_key()")
    return Ed25519PrivateKey.from_private_bytes(bytes(priv))


def public_key(priv: bytes) -> bytes:
    """The raw 32-byte Ed25519 public key that belongs to a raw private key."""
    return _signing_key(priv).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(pub: bytes) -> str:
    """SHA-256 of the raw public key, first 16 bytes as 8 groups of 4 upper-case hex digits.

    Short enough to read out over the phone: "3F2A 9C01 ...".
    """
    if not isinstance(pub, bytes | bytearray) or len(pub) != 32:
        raise VStatError("a public key must be 32 bytes")
    digest = hashlib.sha256(bytes(pub)).hexdigest().upper()[:32]
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def normalise_fingerprint(text: str) -> str:
    """Upper-case hex without spaces, for comparing what a person typed with a fingerprint."""
    return "".join(ch for ch in str(text) if not ch.isspace() and ch not in "-:").upper()


def same_fingerprint(a: str, b: str) -> bool:
    return normalise_fingerprint(a) == normalise_fingerprint(b)


# --------------------------------------------------------------------------------------------------
# canonical form


def _normalise(value: Any) -> Any:
    if value is None or isinstance(value, bool | str | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise VStatError("a number in the statistics is not finite (NaN or infinity)")
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise VStatError("a key in the statistics is not text")
            out[k] = _normalise(v)
        return out
    if isinstance(value, list | tuple):
        return [_normalise(v) for v in value]
    raise VStatError(f"a value of type {type(value).__name__} cannot be put in a statistics file")


def canonical(obj: Any) -> bytes:
    """The canonical bytes of a JSON value (see the module documentation)."""
    return json.dumps(_normalise(obj), sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, what: str, length: int | None = None) -> bytes:
    """Strict base64: only the canonical encoding is accepted (no spare bits, no line breaks)."""
    if not isinstance(text, str):
        raise VStatError(f"{what} is not text")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise VStatError(f"{what} is not valid base64") from None
    if _b64(raw) != text:
        raise VStatError(f"{what} is not in canonical base64")
    if length is not None and len(raw) != length:
        raise VStatError(f"{what} has {len(raw)} bytes instead of {length}")
    return raw


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
        raise VStatError(f"{what} must be text")
    if not empty and not value.strip():
        raise _err("empty", what=what)
    if len(value) > limit:
        raise VStatError(f"{what} is longer than {limit} characters")
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in value) or "\x7f" in value:
        raise VStatError(f"{what} contains control characters")
    if one_line and ("\n" in value or "\t" in value):
        raise VStatError(f"{what} must be a single line")
    return value


def _int(value: Any, what: str, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise VStatError(f"{what} must be a whole number")
    if not lo <= value <= hi:
        raise VStatError(f"{what} ({value}) is outside {lo}..{hi}")
    return value


def _number(value: Any, what: str, unit: str) -> int | float:
    """A published figure: a whole number for counts, a number for hours."""
    if unit in COUNT_UNITS:
        return _int(value, what, 0, MAX_COUNT)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise VStatError(f"{what} must be a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise VStatError(f"{what} is not a finite number")
    if not 0 <= value <= MAX_HOURS:
        raise VStatError(f"{what} ({value}) is outside 0..{MAX_HOURS}")
    return value


def _maybe(value: Any, what: str, unit: str) -> int | float | None:
    return None if value is None else _number(value, what, unit)


def _codes(value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise VStatError(f"{what} must be a non-empty list of codes")
    if len(value) > MAX_CODES:
        raise VStatError(f"{what} has more than {MAX_CODES} codes")
    for code in value:
        if not isinstance(code, str) or not _CODE_RE.match(code):
            raise VStatError(f"{what} holds {str(code)[:40]!r}, which is not a lower-case code")
    if len(set(value)) != len(value):
        raise VStatError(f"{what} lists a code twice")
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
            raise VStatError(f"{what}: the figures add up to {known:g}, not to the published total {total:g}")
    elif known > total + 1e-6 * max(1.0, total):
        raise VStatError(f"{what}: the published figures ({known:g}) exceed the total {total:g}")


def _parse_table(raw: Any, index: int, threshold: int, *, strict_keys: bool = True) -> Table:
    where = f"table {index + 1}"
    if not isinstance(raw, dict):
        raise VStatError(f"{where} is not an object")
    unknown = set(raw) - _TABLE_KEYS
    if unknown and strict_keys:
        raise VStatError(f"{where} has an unknown field {sorted(unknown)[0][:40]!r}; only figures may be exported")
    missing = {"id", "unit", "rows", "cols", "cells", "total"} - set(raw)
    if missing:
        raise VStatError(f"{where} lacks {', '.join(sorted(missing))}")
    tid = raw["id"]
    if not isinstance(tid, str) or not _CODE_RE.match(tid):
        raise VStatError(f"{where} has no valid id (lower-case code expected)")
    where = f"table {tid!r}"
    unit = raw["unit"]
    if unit not in UNITS:
        raise VStatError(f"{where} has unit {str(unit)[:20]!r}; expected one of {', '.join(UNITS)}")
    rows = _codes(raw["rows"], f"{where} rows")
    cols = None if raw["cols"] is None else _codes(raw["cols"], f"{where} columns")
    ncols = 1 if cols is None else len(cols)
    cells_raw = raw["cells"]
    if not isinstance(cells_raw, list) or len(cells_raw) != len(rows):
        raise VStatError(f"{where} has {len(rows)} rows but its cells do not have {len(rows)} rows")
    cells: list[tuple] = []
    for i, line in enumerate(cells_raw):
        if not isinstance(line, list) or len(line) != ncols:
            raise VStatError(f"{where} row {rows[i]!r} does not have {ncols} cell(s)")
        cells.append(tuple(_maybe(v, f"{where} cell {rows[i]}", unit) for v in line))
    row_totals_raw = raw.get("row_totals")
    col_totals_raw = raw.get("col_totals")
    if row_totals_raw is None and cols is None:   # a one-way table: each row is its own total
        row_totals_raw = [line[0] for line in cells]
    if col_totals_raw is None and cols is None:
        col_totals_raw = [raw["total"]]
    if not isinstance(row_totals_raw, list) or len(row_totals_raw) != len(rows):
        raise VStatError(f"{where} needs one row total per row")
    if not isinstance(col_totals_raw, list) or len(col_totals_raw) != ncols:
        raise VStatError(f"{where} needs one column total per column")
    row_totals = tuple(_maybe(v, f"{where} row total", unit) for v in row_totals_raw)
    col_totals = tuple(_maybe(v, f"{where} column total", unit) for v in col_totals_raw)
    total = _maybe(raw["total"], f"{where} total", unit)
    if cols is None:   # in a one-way table each row total is its cell, the column total is the total
        for i, line in enumerate(cells):
            if (row_totals[i] is None) != (line[0] is None):
                raise VStatError(f"{where} row {rows[i]!r}: the row total and the cell disagree on being hidden")
        if (col_totals[0] is None) != (total is None):
            raise VStatError(f"{where}: the column total and the table total disagree on being hidden")
    if unit in COUNT_UNITS:
        for i, line in enumerate(cells):
            for v in line:
                if v is not None and 0 < v < threshold:
                    raise VStatError(f"{where} row {rows[i]!r} publishes {v}, below the threshold {threshold}")
    for i, line in enumerate(cells):
        _check_line(list(line), row_totals[i], unit, f"{where} row {rows[i]!r}")
    for j in range(ncols):
        _check_line([line[j] for line in cells], col_totals[j], unit, f"{where} column {j + 1}")
    _check_line(list(row_totals), total, unit, f"{where} row totals")
    _check_line(list(col_totals), total, unit, f"{where} column totals")
    return Table(tid, unit, rows, cols, tuple(cells), row_totals, col_totals, total)


def _parse_body(doc: dict, *, strict_keys: bool = True) -> dict:
    """Validate the figures part shared by a report and a stats file; return clean values."""
    organisation = _text(doc.get("organisation"), "the organisation", limit=200, one_line=True)
    year = _int(doc.get("year"), "the year", FIRST_YEAR, LAST_YEAR)
    threshold = _int(doc.get("threshold"), "the threshold", 1, 1000)
    method = _text(doc.get("method", ""), "the method description", empty=True)
    totals_raw = doc.get("totals")
    if not isinstance(totals_raw, dict):
        raise VStatError("the totals are missing")
    unknown = set(totals_raw) - set(TOTAL_KEYS)
    if unknown:
        raise VStatError(f"the totals have an unknown field {sorted(unknown)[0][:40]!r}")
    totals: dict[str, int | float] = {}
    for key in TOTAL_KEYS:
        if key not in totals_raw:
            raise VStatError(f"the totals lack {key}")
        totals[key] = _number(totals_raw[key], f"the total of {key}", key)
    tables_raw = doc.get("tables")
    if not isinstance(tables_raw, list):
        raise VStatError("the tables are missing")
    if len(tables_raw) > MAX_TABLES:
        raise VStatError(f"more than {MAX_TABLES} tables")
    tables = tuple(_parse_table(t, i, threshold, strict_keys=strict_keys) for i, t in enumerate(tables_raw))
    ids = [t.id for t in tables]
    if len(set(ids)) != len(ids):
        raise VStatError("two tables have the same id")
    for t in tables:   # all tables of one unit describe (part of) the same population
        if t.total is not None and t.unit in totals and t.total > totals[t.unit] \
                and not _close(t.total, totals[t.unit], t.unit):
            raise VStatError(f"table {t.id!r} counts {t.total:g} {t.unit}, more than the total {totals[t.unit]:g}")
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
        raise VStatError("the report is not a JSON object")
    if report.get("format") != REPORT_FORMAT:
        raise VStatError(f"this is not an annual report of format {REPORT_FORMAT}")
    body = _parse_body(report, strict_keys=True)
    for t in body["tables"]:
        _refuse_lone_hidden(t)
    created = created or datetime.now(UTC)
    if created.tzinfo is None:
        raise VStatError("the creation time must carry a time zone")
    doc = _body_to_json(body)
    doc.update({
        "format": FORMAT,
        "adviser_key": _b64(public_key(signing_key)),
        "created": created.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "program_version": _text(program_version, "the program version", limit=64, one_line=True),
    })
    doc["signature"] = _b64(_signing_key(signing_key).sign(canonical(doc)))
    data = canonical(doc)
    read_vstat(data)  # the file must pass its own reader
    if recipient_pub is not None:
        data = encrypt_for(data, recipient_pub)
    return data


def _refuse_lone_hidden(t: Table) -> None:
    """A line with exactly one hidden figure and a published total gives that figure away."""
    def check(values, total, what):
        if total is not None and sum(v is None for v in values) == 1:
            raise VStatError(f"table {t.id!r} {what}: one hidden figure can be worked out from the published "
                             "total; protect the report again before exporting")
    for i, line in enumerate(t.cells):
        if t.cols is not None:
            check(list(line), t.row_totals[i], f"row {t.rows[i]!r}")
    for j in range(len(t.col_codes)):
        check([line[j] for line in t.cells], t.col_totals[j], f"column {t.col_codes[j]!r}")
    check(list(t.row_totals), t.total, "row totals")
    if t.cols is not None:
        check(list(t.col_totals), t.total, "column totals")


def encrypt_for(inner: bytes, recipient_pub: bytes) -> bytes:
    """Wrap signed bytes in an envelope only the holder of the supervisor key can open."""
    if not isinstance(recipient_pub, bytes | bytearray) or len(recipient_pub) != 32:
        raise VStatError("the supervisor's public key must be 32 bytes")
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    header = {"format": ENCRYPTED_FORMAT, "recipient": fingerprint(bytes(recipient_pub)),
              "ephemeral": _b64(eph_pub)}
    shared = eph.exchange(X25519PublicKey.from_public_bytes(bytes(recipient_pub)))
    key = _envelope_key(shared, eph_pub, bytes(recipient_pub))
    nonce = os.urandom(12)
    ct = ChaCha20Poly1305(key).encrypt(nonce, inner, canonical(header))
    return canonical({**header, "nonce": _b64(nonce), "ciphertext": _b64(ct)})


def _envelope_key(shared: bytes, eph_pub: bytes, recipient_pub: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=eph_pub + recipient_pub,
                info=_HKDF_INFO).derive(shared)


# --------------------------------------------------------------------------------------------------
# supervisor keys


def generate_supervisor_keypair(out_dir: str | os.PathLike[str], passphrase: str | None = None) -> bytes:
    """Write `supervisor.key` (PKCS#8 PEM, mode 0600, encrypted when a passphrase is given) and
    `supervisor.pub` (one line "vertrouwd-supervisor-x25519:<base64>"). Returns the raw public key.

    Refuses to overwrite an existing key: losing it would make every file sent to it unreadable.
    """
    folder = Path(out_dir)
    key_path, pub_path = folder / "supervisor.key", folder / "supervisor.pub"
    if key_path.exists() or pub_path.exists():
        raise UserError(f"{key_path} or {pub_path} already exists; choose another folder or move the old "
                        "key away first (files encrypted to it need it)")
    priv = X25519PrivateKey.generate()
    enc = (serialization.BestAvailableEncryption(passphrase.encode("utf-8")) if passphrase
           else serialization.NoEncryption())
    pem = priv.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, enc)
    pub = priv.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    try:
        write_bytes_atomic(key_path, pem)
        write_text_atomic(pub_path, format_supervisor_pub(pub) + "\n")
    except OSError as exc:
        raise UserError(f"cannot write the key files in {folder}: {exc.strerror or exc}") from None
    return pub


def format_supervisor_pub(pub: bytes) -> str:
    return SUPERVISOR_PUB_PREFIX + _b64(pub)


def parse_supervisor_pub(text: str) -> bytes:
    """The raw X25519 key from a `supervisor.pub` line."""
    line = text.strip() if isinstance(text, str) else ""
    if not line.startswith(SUPERVISOR_PUB_PREFIX):
        raise UserError(f"this is not a supervisor public key (it should start with {SUPERVISOR_PUB_PREFIX})")
    try:
        return _unb64(line[len(SUPERVISOR_PUB_PREFIX):], "the supervisor public key", 32)
    except VStatError as exc:
        raise UserError(exc.message) from None


def load_supervisor_key(path: str | os.PathLike[str], passphrase: str | None = None) -> bytes:
    """Read `supervisor.key`; returns the raw 32-byte X25519 private key."""
    try:
        pem = Path(path).read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read the supervisor key {path}: {exc.strerror or exc}") from None
    pw = passphrase.encode("utf-8") if passphrase else None
    try:
        key = serialization.load_pem_private_key(pem, password=pw)
    except TypeError:
        if pw is None:
            raise UserError("the supervisor key is protected by a passphrase; give the passphrase") from None
        raise UserError("the supervisor key is not protected by a passphrase; leave the passphrase empty") from None
    except ValueError:
        if pw is not None:
            raise WrongPassphrase("the passphrase does not open the supervisor key; check it and try again") from None
        raise UserError(f"{path} is not a supervisor key file") from None
    if not isinstance(key, X25519PrivateKey):
        raise UserError(f"{path} holds another kind of key, not a supervisor key")
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def supervisor_public_key(priv: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(priv).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)


# --------------------------------------------------------------------------------------------------
# reading


def _reject_constant(name: str) -> Any:
    raise VStatError(f"the file contains {name}, which is not a number")


def _parse_float(text: str) -> float:
    if len(text) > 40:
        raise VStatError("the file contains an absurdly long number")
    value = float(text)
    if not math.isfinite(value):
        raise VStatError("the file contains a number too large to be a figure")
    return value


def _parse_int(text: str) -> int:
    if len(text) > 18:
        raise VStatError("the file contains an absurdly large number")
    return int(text)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    out: dict = {}
    for k, v in pairs:
        if k in out:
            raise VStatError(f"the field {k[:40]!r} appears twice")
        out[k] = v
    return out


def _load_json(data: bytes, what: str) -> Any:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _err("not_utf8", what=what) from None
    if not text.strip():
        raise _err("empty", what=what)
    try:
        return json.loads(text, parse_constant=_reject_constant, parse_float=_parse_float,
                          parse_int=_parse_int, object_pairs_hook=_no_duplicates)
    except RecursionError:
        raise _err("too_deep", what=what) from None
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) - 1 or exc.msg.startswith("Unterminated string"):
            raise _err("truncated", what=what) from None
        raise _err("not_json", what=what, pos=exc.pos) from None
    except ValueError:   # int() of a pathological literal
        raise _err("bad_number", what=what) from None


def read_vstat(data: bytes, *, supervisor_key: bytes | None = None, max_size: int = MAX_SIZE) -> VStat:
    """Strictly parse and verify a `.vstat` file (plain or encrypted). Raises VStatError only.

    Trust is not decided here: the caller checks `VStat.fingerprint` against its trusted keys.
    """
    try:
        return _read_vstat(data, supervisor_key, max_size)
    except VStatError:
        raise
    except RecursionError:
        raise _err("too_deep", what="the file") from None
    except Exception as exc:  # noqa: BLE001 - a hostile file must never crash the reader
        raise VStatError(f"the file cannot be read ({type(exc).__name__})") from None


def _too_large(max_size: int) -> VStatError:
    size = f"{max_size / 1_000_000:g} MB" if max_size >= 1_000_000 else f"{max_size} bytes"
    return _err("too_large", size=size)


def _read_vstat(data: bytes, supervisor_key: bytes | None, max_size: int) -> VStat:
    if not isinstance(data, bytes | bytearray | memoryview):
        raise VStatError("no file content was given")
    data = bytes(data)
    if len(data) > max_size:
        raise _too_large(max_size)
    doc = _load_json(data, "the file")
    if not isinstance(doc, dict):
        raise _err("not_object")
    if doc.get("format") == ENCRYPTED_FORMAT:
        inner = _decrypt(doc, data, supervisor_key)
        return _verify(inner, encrypted=True)
    return _verify(data, doc=doc)


def _decrypt(doc: dict, data: bytes, supervisor_key: bytes | None) -> bytes:
    unknown = set(doc) - _ENVELOPE_KEYS
    if unknown:
        raise VStatError(f"the encrypted file has an unknown field {sorted(unknown)[0][:40]!r}")
    if set(doc) != _ENVELOPE_KEYS:
        raise VStatError("the encrypted file lacks " + ", ".join(sorted(_ENVELOPE_KEYS - set(doc))))
    recipient = _text(doc["recipient"], "the recipient", limit=64)
    eph_pub = _unb64(doc["ephemeral"], "the ephemeral key", 32)
    nonce = _unb64(doc["nonce"], "the nonce", 12)
    ct = _unb64(doc["ciphertext"], "the encrypted content")
    if canonical(doc) != data:
        raise _err("encrypted_layout")
    if supervisor_key is None:
        raise _err("encrypted_needs_key", recipient=recipient)
    if not isinstance(supervisor_key, bytes | bytearray) or len(supervisor_key) != 32:
        raise VStatError("the supervisor key must be 32 bytes")
    priv = X25519PrivateKey.from_private_bytes(bytes(supervisor_key))
    own_pub = priv.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    if not same_fingerprint(recipient, fingerprint(own_pub)):
        raise _err("encrypted_other", recipient=recipient)
    try:
        shared = priv.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    except ValueError:
        raise VStatError("the encrypted file has an invalid ephemeral key") from None
    header = {"format": ENCRYPTED_FORMAT, "recipient": recipient, "ephemeral": doc["ephemeral"]}
    try:
        return ChaCha20Poly1305(_envelope_key(shared, eph_pub, own_pub)).decrypt(nonce, ct, canonical(header))
    except InvalidTag:
        raise _err("encrypted_damaged") from None


def _verify(data: bytes, *, doc: Any = None, encrypted: bool = False) -> VStat:
    if doc is None:
        doc = _load_json(data, "the signed content")
    if not isinstance(doc, dict):
        raise _err("not_object")
    fmt = doc.get("format")
    if fmt != FORMAT:
        if fmt == REPORT_FORMAT:
            raise _err("is_report")
        raise _err("unknown_format", format=repr(str(fmt)[:40]), expected=FORMAT)
    if "signature" not in doc:
        raise _err("unsigned")
    unknown = set(doc) - _TOP_KEYS
    if unknown:
        raise VStatError(f"the file has an unknown field {sorted(unknown)[0][:40]!r}")
    missing = _TOP_KEYS - set(doc)
    if missing:
        raise VStatError("the file lacks " + ", ".join(sorted(missing)))
    signature = _unb64(doc["signature"], "the signature", 64)
    adviser_key = _unb64(doc["adviser_key"], "the adviser key", 32)
    content = {k: v for k, v in doc.items() if k != "signature"}
    try:
        signed = canonical(content)
        Ed25519PublicKey.from_public_bytes(adviser_key).verify(signature, signed)
    except InvalidSignature:
        raise _err("signature") from None
    except ValueError:
        raise VStatError("the adviser key in the file is not a valid key") from None
    if canonical(doc) != data:
        raise _err("layout")
    created_text = doc["created"]
    if not isinstance(created_text, str) or not _CREATED_RE.match(created_text):
        raise VStatError("the creation time is not a UTC time like 2026-01-31T12:00:00Z")
    try:
        created = datetime.strptime(created_text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        raise VStatError("the creation time is not a real date") from None
    body = _parse_body(doc)
    return VStat(organisation=body["organisation"], year=body["year"], threshold=body["threshold"],
                 method=body["method"], totals=body["totals"], tables=body["tables"],
                 adviser_key=adviser_key, created=created,
                 program_version=_text(doc["program_version"], "the program version", limit=64, one_line=True),
                 raw=data, encrypted=encrypted)


# --------------------------------------------------------------------------------------------------
# combining


PUBLISHED, HIDDEN, UNKNOWN = "published", "hidden", "unknown"

# Notes about a combination, as English templates. `Note` keeps the code and values beside the English
# text so that exports (app.exchange.render.note_text) can say it in Dutch or English with proper names.
NOTES: dict[str, str] = {
    "same_file_twice": "{organisation} {year}: the same file was given twice; counted once",
    "two_versions": "{organisation} {year} ({fingerprint}): two versions from the same adviser; only the newest "
                    "({created}) is counted",
    "table_missing": "{group}: table {table} left out, the file of {organisation} {year} does not have it",
    "units_other_orgs": "{group}: the table of organisational units is left out, units of different "
                        "organisations cannot be added",
    "table_shapes": "{group}: table {table} left out, the files count it in different units or shapes",
    "parts_inconsistent": "{group}, table {table}: the parts' figures do not fit together ({detail}); "
                          "figures that need hidden cells stay hidden",
    "halves_joined": "{group}, table {table}: the file of {organisation} {year} does not split new cases by "
                     "half-year, so the half-years are added up to new cases in the year",
    "years_added": "{group}: several years of one organisation ({years}) are added up; cases carried over "
                   "from one year into the next are counted in each of those years",
    "whole_left_out": "{organisation} {year} ({fingerprint}): left out, the files of {parts} from the same "
                      "adviser hold the same cases",
}


class Note(str):
    """One note about a combination: the English text, plus `code` (a key of NOTES) and `values`."""

    code: str
    values: dict[str, Any]

    def __new__(cls, code: str, **values: Any) -> Note:
        obj = super().__new__(cls, NOTES[code].format(**values))
        obj.code = code
        obj.values = dict(values)
        return obj


@dataclass(frozen=True)
class Source:
    """One file that went into a combination (for the provenance lines of an export)."""

    organisation: str
    year: int
    fingerprint: str
    created: datetime
    program_version: str
    threshold: int
    sha256: str


@dataclass
class CombinedTable:
    """The sum of one table over the parts of a group.

    Each figure has a status: "published" (the value), "hidden" (value None: it cannot be given
    without risk, or the parts' published figures do not determine it) or "unknown" (value None: a
    part does not list the code and its table does not cover its whole population).
    """

    id: str
    unit: str
    rows: list[str]
    cols: list[str] | None
    cells: list[list[float | int | None]]
    cell_status: list[list[str]]
    row_totals: list[float | int | None]
    row_status: list[str]
    col_totals: list[float | int | None]
    col_status: list[str]
    total: float | int | None
    total_status: str
    k: int

    def to_dict(self) -> dict:
        return {"id": self.id, "unit": self.unit, "rows": self.rows, "cols": self.cols, "cells": self.cells,
                "cell_status": self.cell_status, "row_totals": self.row_totals, "row_status": self.row_status,
                "col_totals": self.col_totals, "col_status": self.col_status, "total": self.total,
                "total_status": self.total_status, "k": self.k}


@dataclass
class Group:
    key: str
    label: str
    sources: list[int]                  # indices into Combined.sources
    totals: dict[str, float | int]
    tables: list[CombinedTable]
    k: int
    notes: list[Note] = field(default_factory=list)   # warnings about this group's figures as a whole

    def to_dict(self) -> dict:
        return {"key": self.key, "label": self.label, "sources": self.sources, "totals": self.totals,
                "k": self.k, "tables": [t.to_dict() for t in self.tables]}


@dataclass(frozen=True)
class TrendRow:
    year: int
    files: int
    cases: float | int
    contacts: float | int
    hours: float | int


@dataclass
class Combined:
    by: str
    sources: list[Source]
    groups: list[Group]
    trends: list[TrendRow]
    notes: list[Note] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "format": "vertrouwd-combined/1", "by": self.by,
            "sources": [{"organisation": s.organisation, "year": s.year, "fingerprint": s.fingerprint,
                         "created": s.created.strftime("%Y-%m-%dT%H:%M:%SZ"), "threshold": s.threshold,
                         "program_version": s.program_version, "sha256": s.sha256} for s in self.sources],
            "groups": [g.to_dict() for g in self.groups],
            "trends": [{"year": t.year, "files": t.files, "cases": t.cases, "contacts": t.contacts,
                        "hours": t.hours} for t in self.trends],
            "notes": self.notes,
        }


def _dedupe(vstats: list[VStat], notes: list[Note]) -> list[VStat]:
    """One file per adviser, organisation and year: an identical copy is dropped, and of two
    different versions the most recently created one is kept (a corrected export)."""
    chosen: dict[tuple, VStat] = {}
    order: list[tuple] = []
    for v in vstats:
        key = (v.adviser_key, v.organisation, v.year)
        old = chosen.get(key)
        if old is None:
            chosen[key] = v
            order.append(key)
        elif old.raw == v.raw:
            notes.append(Note("same_file_twice", organisation=v.organisation, year=v.year))
        else:
            newer = v if v.created > old.created else old
            chosen[key] = newer
            notes.append(Note("two_versions", organisation=v.organisation, year=v.year, fingerprint=v.fingerprint,
                              created=f"{newer.created:%Y-%m-%d %H:%M}"))
    return [chosen[k] for k in order]


def _whole_scopes(vstats: list[VStat], notes: list[Note]) -> list[VStat]:
    """An all-organisations file beside the same adviser's organisation files of that year holds
    their cases again. When those organisation files hold all of its cases, it is left out (with a
    note naming the files); when it holds more, the overlap cannot be undone and the merge is refused."""
    from app.reporting.report import report_texts  # the name an all-organisations report carries
    names = {report_texts()[lang]["all_organisations"].casefold() for lang in ("nl", "en")}
    wholes = [v for v in vstats if v.organisation.casefold().strip() in names]
    keep = list(vstats)
    for w in wholes:
        parts = [v for v in vstats if v not in wholes and v.adviser_key == w.adviser_key and v.year == w.year]
        if not parts:
            continue
        listed = ", ".join(sorted(v.organisation for v in parts))
        covered = all(_close(sum(v.totals[n] for v in parts), w.totals[n], n) for n in ("cases", "contacts"))
        if not covered:
            detail = (f"the file of {w.organisation} {w.year} ({w.fingerprint}) already holds the cases of {listed} "
                      "from the same adviser, and more, so combined they would count those cases twice")
            raise _err("overlap", detail=detail, whole=w.organisation, year=w.year, parts=listed)
        keep.remove(w)
        notes.append(Note("whole_left_out", organisation=w.organisation, year=w.year, parts=listed,
                          fingerprint=w.fingerprint))
    return keep


def _group_key(v: VStat, by: str) -> tuple[str, str]:
    if by == "organisation":
        return v.organisation.casefold().strip(), v.organisation
    if by == "adviser":
        return v.fingerprint, v.fingerprint
    if by == "year":
        return f"{v.year:04d}", str(v.year)
    return "all", "all"


def _add(a: float | int, b: float | int) -> float | int:
    s = a + b
    return round(s, 6) if isinstance(s, float) else s


def _full_code_set(table_id: str, axis: int, codes: tuple[str, ...] | None) -> frozenset[str] | None:
    """The vocabulary codes a table's rows (axis 0) or columns (axis 1) are drawn from, if known."""
    if codes is None:
        return None
    from app.reporting.aggregate import TABLE_VOCABS
    from app.resources import vocabularies

    vocabs = vocabularies()
    name = TABLE_VOCABS.get(table_id, (None, None))[axis]
    if name is not None and name in vocabs.by_name:
        return frozenset(vocabs[name].codes)
    for vocab in vocabs.by_name.values():
        if all(c in vocab for c in codes):
            return frozenset(vocab.codes)
    return None


def _lists_code_set(t: Table, axis: int) -> bool:
    """Does the part's table list every code of its vocabulary on this axis? Then a code it does not
    list lies outside that vocabulary, none of its cases can be there, and it counts as 0. A part that
    lists fewer codes (categories merged into "overig", an older vocabulary, a table without a
    vocabulary) leaves other parts' extra codes unknown."""
    codes = t.rows if axis == 0 else t.cols
    if codes is None:
        return True
    full = _full_code_set(t.id, axis, codes)
    return full is not None and full <= set(codes)


Expr = tuple[dict[int, float], float] | None   # (variables with coefficient 1, constant), None = unknown


def _sum_exprs(exprs: Iterable[Expr]) -> Expr:
    coefs: dict[int, float] = {}
    const: float = 0
    for e in exprs:
        if e is None:
            return None
        for i, c in e[0].items():
            coefs[i] = coefs.get(i, 0) + c
        const = _add(const, e[1])
    return coefs, const


# Row codes that are the sum of finer row codes: a report splits new cases into half-years (app.reporting.aggregate)
# only when it can, so one file may list "nieuw" where another lists "nieuw_h1" and "nieuw_h2".
JOINED_ROWS: dict[str, dict[str, tuple[str, ...]]] = {"origin": {"nieuw": ("nieuw_h1", "nieuw_h2")}}


def _joined_rows(tid: str, parts: list[tuple[VStat, Table]]) -> dict[str, tuple[str, ...]]:
    """The coarse codes whose finer codes must be added up, because some part lists only the coarse one."""
    out = {}
    for coarse, fine in JOINED_ROWS.get(tid, {}).items():
        if any(coarse in t.rows for _v, t in parts) and \
                any(coarse not in t.rows and all(f in t.rows for f in fine) for _v, t in parts):
            out[coarse] = fine
    return out


def _merge_table(tid: str, parts: list[tuple[VStat, Table]], k: int, notes: list[Note],
                 label: str) -> CombinedTable:
    from app.reporting.disclosure import attack_intervals  # imported late: the LP pulls in highspy

    unit = parts[0][1].unit
    two_way = parts[0][1].cols is not None
    joins = _joined_rows(tid, parts)
    part_rows: list[list[str]] = []     # each part's row codes after joining finer codes
    for _v, t in parts:
        prow = list(t.rows)
        for coarse, fine in joins.items():
            if coarse not in prow and all(f in prow for f in fine):
                at = min(prow.index(f) for f in fine)
                prow = [r for r in prow if r not in fine]
                prow.insert(at, coarse)
        part_rows.append(prow)
    for coarse in joins:
        v = next(v for v, t in parts if coarse in t.rows)
        notes.append(Note("halves_joined", group=label, table=tid, organisation=v.organisation, year=v.year))
    rows: list[str] = []
    cols: list[str] = []
    for p, (_v, t) in enumerate(parts):
        rows.extend(r for r in part_rows[p] if r not in rows)
        cols.extend(c for c in t.col_codes if c not in cols)
    n_vars = 0
    equations: list[tuple[dict[int, float], float]] = []
    upper: list[float | None] = []
    # per part: code -> expression for every cell, row total, column total and the total
    cell_expr: list[dict[tuple[str, str], Expr]] = []
    row_expr: list[dict[str, Expr]] = []
    col_expr: list[dict[str, Expr]] = []
    total_expr: list[Expr] = []
    rows_listed: list[bool] = []
    cols_listed: list[bool] = []
    for v, t in parts:
        bound = t.total if t.total is not None else v.totals.get(unit)
        cexp: dict[tuple[str, str], Expr] = {}
        for i, r in enumerate(t.rows):
            for j, c in enumerate(t.col_codes):
                value = t.cells[i][j]
                if value is None:
                    cexp[(r, c)] = ({n_vars: 1.0}, 0)
                    upper.append(bound)
                    n_vars += 1
                else:
                    cexp[(r, c)] = ({}, value)
        rexp = {}
        for i, r in enumerate(t.rows):
            line = _sum_exprs(cexp[(r, c)] for c in t.col_codes)
            rexp[r] = line if t.row_totals[i] is None else ({}, t.row_totals[i])
            if t.row_totals[i] is not None and line and line[0]:
                equations.append((line[0], t.row_totals[i] - line[1]))
        cxp = {}
        for j, c in enumerate(t.col_codes):
            line = _sum_exprs(cexp[(r, c)] for r in t.rows)
            cxp[c] = line if t.col_totals[j] is None else ({}, t.col_totals[j])
            if t.col_totals[j] is not None and line and line[0]:
                equations.append((line[0], t.col_totals[j] - line[1]))
        everything = _sum_exprs(cexp.values())
        if t.total is not None and everything and everything[0]:
            equations.append((everything[0], t.total - everything[1]))
        cell_expr.append(cexp)
        row_expr.append(rexp)
        col_expr.append(cxp)
        total_expr.append(everything if t.total is None else ({}, t.total))
        for coarse, fine in joins.items():   # the finer cells become one cell: the sum of their expressions
            if coarse not in t.rows and all(f in t.rows for f in fine):
                for c in t.col_codes:
                    cexp[(coarse, c)] = _sum_exprs([cexp.pop((f, c)) for f in fine])
                rexp[coarse] = _sum_exprs([rexp.pop(f) for f in fine])
        rows_listed.append(_lists_code_set(t, 0))
        cols_listed.append(_lists_code_set(t, 1))
    zero: Expr = ({}, 0)

    def part_sum(get, row: str | None, col: str | None) -> Expr:
        exprs = []
        for p, (_v, t) in enumerate(parts):
            e = get(p)
            if e is None:
                missing_row = row is not None and row not in part_rows[p]
                missing_col = col is not None and col not in t.col_codes
                if (missing_row and rows_listed[p]) or (missing_col and cols_listed[p]):
                    e = zero
                else:
                    return None
            exprs.append(e)
        return _sum_exprs(exprs)

    # every combined figure as an expression over the parts' hidden cells
    quantities: list[tuple[str, Any, Expr]] = []
    for r in rows:
        for c in cols:
            quantities.append(("cell", (r, c), part_sum(lambda p, r=r, c=c: cell_expr[p].get((r, c)), r, c)))
        quantities.append(("row", r, part_sum(lambda p, r=r: row_expr[p].get(r), r, None)))
    for c in cols:
        quantities.append(("col", c, part_sum(lambda p, c=c: col_expr[p].get(c), None, c)))
    quantities.append(("total", None, _sum_exprs(total_expr)))

    # one LP run: the parts' own hidden cells and, as extra variables y = sum(x), every combined figure
    # that involves hidden cells. A figure whose interval has zero width is determined by what the
    # parts published; any other cannot be computed by anyone and stays hidden.
    probe: list[tuple[int, int]] = []        # (quantity index, y variable)
    probe_eqs = list(equations)
    n_all = n_vars
    for qi, (_kind, _key, e) in enumerate(quantities):
        if e is not None and e[0]:
            coefs = {i: -c for i, c in e[0].items()}
            coefs[n_all] = 1.0
            probe_eqs.append((coefs, 0.0))
            probe.append((qi, n_all))
            n_all += 1
    status = [UNKNOWN if e is None else PUBLISHED if not e[0] else HIDDEN for (_k, _key, e) in quantities]
    values: list[float | int | None] = [None if e is None or e[0] else e[1] for (_k, _key, e) in quantities]
    if probe:
        try:
            iv = attack_intervals(n_all, probe_eqs, upper + [None] * (n_all - n_vars))
        except ValueError as exc:
            notes.append(Note("parts_inconsistent", group=label, table=tid, detail=str(exc)))
            iv = None
        if iv is not None:
            base = iv[:n_vars]
            candidates = []
            for qi, y in probe:
                lo, hi = iv[y]
                if math.isfinite(hi) and hi - lo <= 1e-6:
                    candidates.append((qi, lo))
            accepted = _audit(attack_intervals, n_vars, equations, upper, base, quantities, candidates, k)
            for qi, lo in accepted:
                e = quantities[qi][2]
                total = e[1] + lo
                values[qi] = int(round(total)) if unit in COUNT_UNITS else round(total, 6)
                status[qi] = PUBLISHED
    cells = [[None] * len(cols) for _ in rows]
    cell_status = [[HIDDEN] * len(cols) for _ in rows]
    row_totals: list = [None] * len(rows)
    row_status = [HIDDEN] * len(rows)
    col_totals: list = [None] * len(cols)
    col_status = [HIDDEN] * len(cols)
    total, total_status = None, HIDDEN
    for qi, (kind, key, _e) in enumerate(quantities):
        if kind == "cell":
            i, j = rows.index(key[0]), cols.index(key[1])
            cells[i][j], cell_status[i][j] = values[qi], status[qi]
        elif kind == "row":
            i = rows.index(key)
            row_totals[i], row_status[i] = values[qi], status[qi]
        elif kind == "col":
            j = cols.index(key)
            col_totals[j], col_status[j] = values[qi], status[qi]
        else:
            total, total_status = values[qi], status[qi]
    return CombinedTable(tid, unit, rows, cols if two_way else None, cells, cell_status, row_totals,
                         row_status, col_totals, col_status, total, total_status, k)


def _audit(attack_intervals, n_vars: int, equations: list, upper: list, base: list, quantities: list,
           candidates: list[tuple[int, float]], k: int) -> list[tuple[int, float]]:
    """The final check: with the combined figures added to everything the parts published, every
    hidden part value must keep an interval at least k wide (a value whose own file already left it
    narrower may not become any narrower). Candidates that break this stay hidden."""
    if not candidates:
        return []

    def equation(qi: int, lo: float) -> tuple[dict[int, float], float]:
        return dict(quantities[qi][2][0]), lo

    def safe(extra: list) -> bool:
        try:
            iv = attack_intervals(n_vars, equations + extra, upper)
        except ValueError:
            return False
        for (lo0, hi0), (lo, hi) in zip(base, iv, strict=True):
            width, width0 = hi - lo, hi0 - lo0
            if width < k - 1e-9 and width < width0 - 1e-6:
                return False
        return True

    all_eqs = [equation(qi, lo) for qi, lo in candidates]
    if safe(all_eqs):
        return candidates
    accepted: list[tuple[int, float]] = []
    extra: list = []
    for qi, lo in candidates:   # greedy, in table order: keep each one only if it is still safe
        eq = equation(qi, lo)
        if safe(extra + [eq]):
            extra.append(eq)
            accepted.append((qi, lo))
    return accepted


def merge(vstats: list[VStat], by: str = "all") -> Combined:
    """Add verified files together per group.

    `by` is "organisation", "adviser", "year" or "all". Totals add up. Tables are matched by id; a table
    that a part lacks, or whose unit differs, is left out of that group (with a note). Row and column
    codes are the union over the parts. A code a part does not list counts as 0 only when that part's
    table lists the whole code set of its vocabulary (as every report does unless it merged small
    categories into "overig"); otherwise the combined figure is "unknown". The table of organisational
    units is only combined within one organisation. Where a table lists a coarse code in one part and
    its finer codes in another (JOINED_ROWS: new cases per half-year), the finer codes are added up.
    A group that holds several years of one organisation gets a note: carried-over cases count in
    each year. A figure that involves a part's hidden cell is published only when the parts' published figures
    determine it exactly and the attacker's linear program, run over all parts' published figures
    plus the combined ones, leaves every hidden part value at least k wide (k = the largest threshold
    among the parts of the group). Two versions of one adviser's file for the same organisation and
    year are not added: the newest counts. An all-organisations file beside the same adviser's
    organisation files of that year is left out when they hold all its cases, else refused.
    """
    if by not in MERGE_BY:
        raise VStatError(f"cannot combine by {by!r}; choose one of {', '.join(MERGE_BY)}")
    if not vstats:
        raise VStatError("no files to combine")
    notes: list[Note] = []
    parts = sorted(_whole_scopes(_dedupe(list(vstats), notes), notes),
                   key=lambda v: (v.year, v.organisation.casefold(), v.fingerprint))
    sources = [Source(v.organisation, v.year, v.fingerprint, v.created, v.program_version, v.threshold, v.sha256)
               for v in parts]
    grouped: dict[str, tuple[str, list[int]]] = {}
    for idx, v in enumerate(parts):
        key, label = _group_key(v, by)
        grouped.setdefault(key, (label, []))[1].append(idx)
    groups = []
    for key in sorted(grouped):
        label, members = grouped[key]
        members_v = [parts[i] for i in members]
        k = max(v.threshold for v in members_v)
        totals: dict[str, float | int] = {}
        for name in TOTAL_KEYS:
            s: float | int = 0
            for v in members_v:
                s = _add(s, v.totals[name])
            totals[name] = s
        group_notes: list[Note] = []
        years_of: dict[str, set[int]] = {}
        for v in members_v:
            years_of.setdefault(v.organisation.casefold().strip(), set()).add(v.year)
        repeated = sorted({y for ys in years_of.values() if len(ys) > 1 for y in ys})
        if repeated:
            group_notes.append(Note("years_added", group=label, years=", ".join(str(y) for y in repeated)))
            notes.extend(group_notes)
        tables = []
        ids: list[str] = []
        for v in members_v:
            ids.extend(t.id for t in v.tables if t.id not in ids)
        for tid in ids:
            pieces = [(v, v.table(tid)) for v in members_v]
            lacking = [v for v, t in pieces if t is None]
            if lacking:
                notes.append(Note("table_missing", group=label, table=tid, organisation=lacking[0].organisation,
                                  year=lacking[0].year))
                continue
            if tid == "unit" and len({v.organisation.casefold() for v in members_v}) > 1:
                notes.append(Note("units_other_orgs", group=label))
                continue
            shapes = {(t.unit, t.cols is None) for _v, t in pieces}
            if len(shapes) > 1:
                notes.append(Note("table_shapes", group=label, table=tid))
                continue
            tables.append(_merge_table(tid, pieces, k, notes, label))
        groups.append(Group(key, label, members, totals, tables, k, group_notes))
    by_year: dict[int, list[VStat]] = {}
    for v in parts:
        by_year.setdefault(v.year, []).append(v)
    trends = []
    for year in sorted(by_year):
        vs = by_year[year]
        sums = {}
        for name in TOTAL_KEYS:
            s = 0
            for v in vs:
                s = _add(s, v.totals[name])
            sums[name] = s
        trends.append(TrendRow(year, len(vs), sums["cases"], sums["contacts"], sums["hours"]))
    return Combined(by, sources, groups, trends, notes)


# --------------------------------------------------------------------------------------------------
# command line (wired into app/cli.py by the lead)


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
        raise _err("folder") from None
    except FileNotFoundError:
        raise _err("missing") from None
    except OSError as exc:
        raise _err("unreadable", detail=exc.strerror or str(exc)) from None
    return read_vstat(data, supervisor_key=supervisor_key, max_size=max_size)


def cmd_verify(files: list[str], trusted: list[str], out: TextIO, err: TextIO, *,
               supervisor_key: bytes | None = None) -> int:
    """Print "OK <file> <org> <year> <fingerprint>" or "FAILED <file>: <reason>" per file.

    A file signed by a key that `trusted` (fingerprints; spaces and case ignored) does not name fails.
    Exit code 0 only when every file verifies; 1 otherwise.
    """
    if not files:
        err.write("no files given: name one or more .vstat files\n")
        return 1
    wanted = {normalise_fingerprint(f) for f in trusted or []}
    ok = True
    for name in files:
        try:
            v = read_vstat_file(name, supervisor_key=supervisor_key)
            if normalise_fingerprint(v.fingerprint) not in wanted:
                raise VStatError(f"signed by the untrusted key {v.fingerprint}; if you checked this fingerprint "
                                 "with the adviser, repeat with --trust followed by it")
        except VStatError as exc:
            ok = False
            out.write(f"FAILED {name}: {exc.message}\n")
            continue
        out.write(f"OK {name} {v.organisation} {v.year} {v.fingerprint}\n")
    return 0 if ok else 1


def cmd_merge(files: list[str], out_path: str, by: str, lang: str, out: TextIO, err: TextIO, *,
              trusted: list[str] | None = None, supervisor_key: bytes | None = None) -> int:
    """Verify and combine files, then write the result as .pdf, .csv or .json (from the extension).

    Nothing is written when any file fails. When `trusted` is given, every file must be signed by one
    of those fingerprints.
    """
    from app import __version__
    from app.exchange import render as stats_render

    ext = Path(out_path).suffix.lower()
    if ext not in (".pdf", ".csv", ".json"):
        err.write(f"cannot tell the output format from {out_path!r}: end the name in .pdf, .csv or .json\n")
        return 1
    if by not in MERGE_BY:
        err.write(f"cannot combine by {by!r}: choose one of {', '.join(MERGE_BY)}\n")
        return 1
    if lang not in ("nl", "en"):
        err.write(f"unknown language {lang!r}: choose nl or en\n")
        return 1
    if not files:
        err.write("no files given: name one or more .vstat files\n")
        return 1
    wanted = None if trusted is None else {normalise_fingerprint(f) for f in trusted}
    vstats, failed = [], False
    for name in files:
        try:
            v = read_vstat_file(name, supervisor_key=supervisor_key)
            if wanted is not None and normalise_fingerprint(v.fingerprint) not in wanted:
                raise VStatError(f"signed by the untrusted key {v.fingerprint}; add --trust with that fingerprint")
        except VStatError as exc:
            err.write(f"FAILED {name}: {exc.message}\n")
            failed = True
            continue
        vstats.append(v)
        out.write(f"OK {name} {v.organisation} {v.year} {v.fingerprint}\n")
    if failed:
        err.write("nothing written: remove or replace the files that failed\n")
        return 1
    try:
        combined = merge(vstats, by)
        if ext == ".pdf":
            stats_render.write_pdf(combined, out_path, lang=lang, program_version=__version__)
        elif ext == ".csv":
            stats_render.write_csv(combined, out_path, lang=lang)
        else:
            stats_render.write_json(combined, out_path)
    except UserError as exc:
        err.write(exc.message + "\n")
        return 1
    except OSError as exc:
        err.write(f"cannot write {out_path}: {exc.strerror or exc}\n")
        return 1
    for note in combined.notes:
        out.write(f"note: {note}\n")
    out.write(f"written {out_path}\n")
    return 0


def cmd_keygen(out_dir: str, out: TextIO, err: TextIO, *, passphrase: str | None = None) -> int:
    """Make a supervisor key pair in `out_dir`; print the public line and its fingerprint."""
    try:
        pub = generate_supervisor_keypair(out_dir, passphrase=passphrase)
    except UserError as exc:
        err.write(exc.message + "\n")
        return 1
    out.write(f"{format_supervisor_pub(pub)}\n")
    out.write(f"fingerprint {fingerprint(pub)}\n")
    out.write(f"give {Path(out_dir) / 'supervisor.pub'} to the advisers; keep supervisor.key to yourself\n")
    return 0
