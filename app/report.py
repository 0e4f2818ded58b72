"""The annual report: protected figures as JSON, CSV and PDF, and the signed .vstat export.

Flow: ``app.aggregate`` computes the true figures of the year -> ``disclosure.protect`` hides what
could point at a person, over ALL tables of the report at once -> the audit must pass -> the same
published figures go into every output (JSON, CSV, PDF, .vstat) and are recorded in the vault with
``save_published_report`` so next year's report can compare with them.

Report JSON (format ``vertrouwd-report/1``)::

    {"format": "vertrouwd-report/1", "organisation": str, "year": int, "threshold": int,
     "method": str, "totals": {"cases": int, "contacts": int, "hours": number},
     "tables": [{"id", "unit", "rows", "cols", "cells", "row_totals", "col_totals", "total"}]}

``unit`` is cases | contacts | activities | hours. One-way tables have ``cols: null`` and one cell
per row. A hidden figure is ``null``. Tables of one unit share one population and total: every
case table counts the cases of the year (see ``app.aggregate``) and totals to ``totals.cases``;
the channel table totals to ``totals.contacts``; the hours table (case work + each kind of
activity) totals to ``totals.hours``. When a unit has fewer than k items (but more than 0), its
tables are left out and only the total is given: a table whose total is below k cannot hide a
small cell.

CSV: one long table, UTF-8 **with** a byte-order mark so that Excel (also the Dutch one) shows
accented labels correctly; comma-separated; values use a dot as decimal sign (machine-readable,
the same in both languages); an empty value means "not shown". Columns:
``table,unit,row,col,value,row_label,col_label``. ``col`` is empty in one-way tables; a row total
has an empty ``col``, a column total an empty ``row``, the table total both empty. The last lines
(table ``totals``) repeat the report's totals.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from app import RESOURCES, __version__, disclosure, fsutil
from app.aggregate import (
    ORIGIN_CARRIED,
    STATUS_OPEN,
    TABLE_ORDER,
    TABLE_VOCABS,
    Aggregation,
    aggregate_year,
    slug,
)
from app.errors import UserError
from app.resources import vocabularies

REPORT_FORMAT = "vertrouwd-report/1"
DEFAULT_THRESHOLD = 5
FORMATS = ("pdf", "csv", "json")
CSV_HEADER = ["table", "unit", "row", "col", "value", "row_label", "col_label"]
TREND_YEARS = 5
LANGS = ("nl", "en")


@lru_cache(maxsize=1)
def report_texts() -> dict:
    """The report's fixed texts in Dutch and English (resources/report_texts.json)."""
    with open(RESOURCES / "report_texts.json", encoding="utf-8") as fh:
        return json.load(fh)


def texts(lang: str) -> dict:
    if lang not in LANGS:
        raise UserError(f"Unknown report language {lang!r}; choose nl or en.")
    return report_texts()[lang]


@dataclass
class Prepared:
    """Everything one report needs: the published JSON and what the PDF adds around it."""

    report: dict
    protection: disclosure.Protection
    aggregation: Aggregation
    organisation: str | None   # the organisation's stored name, None for all
    org_id: int | None
    lang: str
    notes: list[str] = field(default_factory=list)
    history: dict[int, dict] = field(default_factory=dict)   # earlier years' published reports

    @property
    def previous(self) -> dict | None:
        return self.history.get(self.report["year"] - 1)

    def label(self, table_id: str, axis: str, code: str) -> str:
        return code_label(table_id, axis, code, self.lang, self.aggregation.units,
                          merged=table_id in self.protection.merged)


# -- labels -----------------------------------------------------------------------------------
def table_title(table_id: str, lang: str) -> str:
    return texts(lang)["tables"].get(table_id, table_id)


def code_label(table_id: str, axis: str, code: str, lang: str, units: dict[str, str] | None = None,
               merged: bool = False) -> str:
    """The printed label of a row (axis "rows") or column ("cols") code of a table. ``merged``: the
    table had small categories merged into "overig", so that row is labelled as combined."""
    if table_id == "unit" and units and code in units:
        return units[code]
    vocab_names = TABLE_VOCABS.get(table_id, (None, None))
    name = vocab_names[0] if axis == "rows" else vocab_names[1]
    own = texts(lang)["codes"]
    if code == disclosure.MERGED_CODE:
        if merged:
            return own[code]
        if name and code in vocabularies()[name]:
            return vocabularies().label(name, code, lang)
        return own[code]
    if code in own:
        return own[code]
    if name and code in vocabularies()[name]:
        return vocabularies().label(name, code, lang)
    return code


# -- building ---------------------------------------------------------------------------------
def resolve_threshold(repo, threshold: int | None) -> int:
    """The threshold k: the argument, else the vault setting ``report_threshold``, else 5."""
    if threshold is None:
        raw = repo.get_setting("report_threshold")
        try:
            threshold = int(raw) if raw not in (None, "") else DEFAULT_THRESHOLD
        except ValueError:
            raise UserError(f"The stored report threshold {raw!r} is not a whole number; set it again "
                            "in the settings (3 or more).") from None
    if isinstance(threshold, bool) or not isinstance(threshold, int):
        raise UserError("The threshold must be a whole number of 3 or more.")
    if threshold < disclosure.MIN_K:
        raise UserError(f"A threshold of {threshold} does not protect people; use {disclosure.MIN_K} or "
                        f"more (the common choice is {DEFAULT_THRESHOLD}).")
    if threshold > 50:
        raise UserError(f"A threshold of {threshold} would hide almost every figure; use a number "
                        "between 3 and 50.")
    return threshold


def _organisation(repo, org: str | None) -> tuple[str | None, int | None]:
    if org is None:
        return None, None
    o = repo.organisation(org)   # raises UserError with a hint when unknown
    return o.name, o.id


def _year_link(prev_tables: list[dict] | None, tables: list) -> tuple[set, tuple | None]:
    """Last year's cases still open at its end are this year's carried-over cases: the same number.

    When last year hid that figure, this year must hide it too (else last year's hidden cell is
    worked back from it). Returns the positions to force hidden and the link for the joint audit.
    """
    if not prev_tables:
        return set(), None
    status = next((t for t in prev_tables if t.get("id") == "status"), None)
    origin = next((t for t in tables if t.id == "origin"), None)
    if status is None or origin is None or STATUS_OPEN not in status.get("rows", []) \
            or ORIGIN_CARRIED not in origin.rows:
        return set(), None
    r_open = status["rows"].index(STATUS_OPEN)
    r_over = origin.rows.index(ORIGIN_CARRIED)
    force = {("origin", r_over, 0)} if status["cells"][r_open][0] is None else set()
    return force, (r_open, r_over)


def _joint_audit(protection, prev_tables: list[dict], link: tuple[int, int], k: int) -> None:
    """Attack this year's and last year's published tables together, with the carried-over link.

    Problems that last year's tables had on their own are not new; any other problem refuses export.
    """
    renamed = [dict(t, id=f"vorig_jaar/{t['id']}") for t in prev_tables]
    r_open, r_over = link
    eq = ({("vorig_jaar/status", r_open, 0): 1.0, ("origin", r_over, 0): -1.0}, 0.0)
    try:
        joint = disclosure.audit(protection.tables + renamed, protection.k, extra_equations=[eq])
        alone = disclosure.audit(renamed, protection.k)
    except ValueError:
        return  # last year's figures contradict this year's (data changed since): no joint system
    new = [p for p in joint.problems if p not in set(alone.problems)]
    if new:
        protection.audit = disclosure.AuditResult(ok=False, intervals=joint.intervals, problems=new,
                                                  warnings=joint.warnings)


def prepare(repo, org: str | None, year: int, threshold: int | None = None, lang: str = "nl") -> Prepared:
    """Aggregate, protect and audit one year's report. Does not check the audit (see _require_ok)."""
    t = texts(lang)
    k = resolve_threshold(repo, threshold)
    name, org_id = _organisation(repo, org)
    agg = aggregate_year(repo, name, int(year), k=k)
    notes = list(agg.notes)
    act = agg.table("activities")
    unit_totals = {"cases": agg.totals["cases"], "contacts": agg.totals["contacts"],
                   "activities": sum(r[0] for r in act.cells) if act else 0}
    for unit, total in unit_totals.items():
        if 0 < total < k:
            notes.append(f"too_few_{unit}")
    dropped = {n[len("too_few_"):] for n in notes if n.startswith("too_few_")}
    tables = [tb for tb in agg.tables if tb.unit not in dropped]
    if "cases" in dropped:
        notes = [n for n in notes if n not in ("unit_omitted", "half_year_omitted")]
    history: dict[int, dict] = {}
    if org_id is not None:
        for y in range(int(year) - TREND_YEARS, int(year)):
            rep = repo.published_report(org_id, y)
            if rep and rep.get("format") == REPORT_FORMAT:
                history[y] = rep
    prev = history.get(int(year) - 1)
    prev_tables = None
    if prev and prev.get("tables"):
        prev_tables = prev["tables"]
    force, link = _year_link(prev_tables, tables)
    try:
        protection = (disclosure.protect(tables, k, previous=prev_tables, force_hidden=force)
                      if tables else _empty(k))
        if link is not None and protection.audit.ok:
            _joint_audit(protection, prev_tables, link, k)
    except ValueError:
        if prev_tables is None:
            raise
        # last year's stored figures are unreadable for the audit: protect without them
        notes.append("previous_unusable")
        protection = disclosure.protect(tables, k)
    published = {p["id"]: p for p in protection.tables}
    ordered = [published[tid] for tid in TABLE_ORDER if tid in published]
    ordered += [p for tid, p in published.items() if tid not in TABLE_ORDER]
    totals = {"cases": int(agg.totals["cases"]), "contacts": int(agg.totals["contacts"]),
              "hours": _hours(agg.totals["hours"])}
    report = {"format": REPORT_FORMAT,
              "organisation": name if name is not None else t["all_organisations"],
              "year": int(year), "threshold": k, "method": disclosure.method_text(lang, k),
              "totals": totals,
              "tables": [_clean_table(p) for p in ordered]}
    return Prepared(report=report, protection=protection, aggregation=agg, organisation=name,
                    org_id=org_id, lang=lang, notes=notes, history=history)


def _empty(k: int) -> disclosure.Protection:
    return disclosure.Protection(tables=[], k=k, hidden_cells=0, hidden_value=0.0, primary=0, secondary=0,
                                 merged={}, audit=disclosure.AuditResult(True, {}, []), reasons={})


def _hours(v: float) -> int | float:
    v = round(float(v), 2)
    return int(v) if v == int(v) else v


def _clean_table(p: dict) -> dict:
    keys = ("id", "unit", "rows", "cols", "cells", "row_totals", "col_totals", "total")
    out = {key: p[key] for key in keys}
    if out["unit"] == "hours":
        def conv(v):
            return None if v is None else _hours(v)

        out["cells"] = [[conv(v) for v in r] for r in out["cells"]]
        out["row_totals"] = [conv(v) for v in out["row_totals"]]
        out["col_totals"] = [conv(v) for v in out["col_totals"]]
        out["total"] = conv(out["total"])
    return out


def build_report(repo, org: str | None, year: int, threshold: int | None = None, lang: str = "nl") -> dict:
    """The published report JSON of one organisation (or all: None) and one calendar year."""
    return prepare(repo, org, year, threshold, lang).report


def _require_ok(prep: Prepared) -> None:
    audit = prep.protection.audit
    if audit.ok:
        return
    first = "; ".join(audit.problems[:3])
    more = f" (and {len(audit.problems) - 3} more)" if len(audit.problems) > 3 else ""
    raise UserError(
        f"The figures of {prep.report['organisation']} {prep.report['year']} could not be protected well "
        f"enough to publish, so nothing was written. The check found: {first}{more}. With this few "
        "cases a breakdown may not be safe at all; try a threshold closer to 3, or report this year "
        "together with all organisations.")


# -- rendering ----------------------------------------------------------------------------------
def report_json(report: dict) -> bytes:
    return (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _csv_value(v, unit: str) -> str:
    if v is None:
        return ""
    if unit == "hours":
        return f"{float(v):.2f}".rstrip("0").rstrip(".")
    return str(int(v))


def report_csv(report: dict, lang: str = "nl", units: dict[str, str] | None = None,
               merged: set[str] | frozenset[str] = frozenset()) -> bytes:
    """The long CSV described in the module docstring (bytes, UTF-8 with BOM). ``merged``: ids of
    tables whose "overig" row holds merged categories."""
    t = texts(lang)
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_HEADER)
    for tb in report["tables"]:
        tid, unit = tb["id"], tb["unit"]

        def lab(axis, code, tid=tid):
            return code_label(tid, axis, code, lang, units, merged=tid in merged)

        if tb["cols"] is None:
            for r, code in enumerate(tb["rows"]):
                w.writerow([tid, unit, code, "", _csv_value(tb["cells"][r][0], unit), lab("rows", code), ""])
        else:
            for r, code in enumerate(tb["rows"]):
                for c, col in enumerate(tb["cols"]):
                    w.writerow([tid, unit, code, col, _csv_value(tb["cells"][r][c], unit),
                                lab("rows", code), lab("cols", col)])
            for r, code in enumerate(tb["rows"]):
                w.writerow([tid, unit, code, "", _csv_value(tb["row_totals"][r], unit), lab("rows", code),
                            t["total"]])
            for c, col in enumerate(tb["cols"]):
                w.writerow([tid, unit, "", col, _csv_value(tb["col_totals"][c], unit), t["total"],
                            lab("cols", col)])
        w.writerow([tid, unit, "", "", _csv_value(tb["total"], unit), t["total"], ""])
    labels = {"cases": t["cases_total"], "contacts": t["contacts_total"], "hours": t["hours_total"]}
    for key, value in report["totals"].items():
        w.writerow(["totals", key, key, "", _csv_value(value, key), labels.get(key, key), ""])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


# -- exports ----------------------------------------------------------------------------------
def _target(out, organisation: str, year: int, suffix: str) -> Path:
    path = Path(out)
    if path.is_dir():
        path = path / f"jaarverslag-{slug(organisation)}-{year}.{suffix}"
    if not path.parent.exists():
        raise UserError(f"The folder {path.parent} does not exist; choose an existing folder for the file.")
    return path


def _write(path: Path, data: bytes) -> None:
    try:
        fsutil.write_bytes_atomic(path, data)
    except OSError as exc:
        raise UserError(f"Cannot write {path}: {exc.strerror or exc}. Choose another place.") from None


def check_narrative(text: str) -> list[str]:
    """Readable kinds of identifiers the privacy guard finds in the narrative ([] when none)."""
    if not text.strip():
        return []
    try:
        from app import privacy
    except ImportError:  # pragma: no cover - the guard ships with the program
        return []
    kinds: list[str] = []
    for f in privacy.scan(text):
        kind = str(getattr(f, "kind", "identifier"))
        try:
            kind = privacy.kind_label(kind, "en")
        except (AttributeError, ValueError):
            pass
        if kind not in kinds:
            kinds.append(kind)
    return kinds


def export_report(repo, *, org: str | None, year: int, fmt: str, out, threshold: int | None = None,
                  lang: str = "nl", allow_flagged: bool = False) -> Path:
    """Write the report as pdf, csv or json; record the published figures. Returns the path written.

    Refuses (UserError, nothing written) when the disclosure audit fails, or - for the PDF - when the
    privacy guard finds identifiers in the narrative (unless ``allow_flagged``)."""
    if fmt not in FORMATS:
        raise UserError(f"Unknown report format {fmt!r}; choose pdf, csv or json.")
    prep = prepare(repo, org, year, threshold, lang)
    _require_ok(prep)
    path = _target(out, prep.report["organisation"], prep.report["year"], fmt)
    if fmt == "json":
        data = report_json(prep.report)
    elif fmt == "csv":
        data = report_csv(prep.report, lang, prep.aggregation.units, set(prep.protection.merged))
    else:
        from app import report_pdf
        narrative = repo.report_text(prep.org_id, int(year)) if prep.org_id is not None else ""
        kinds = check_narrative(narrative)
        if kinds and not allow_flagged:
            raise UserError("The text 'Signals and recommendations' may point at people: the privacy "
                            f"check found {', '.join(kinds)}. Rewrite it in general terms (patterns, "
                            "not incidents), or confirm that it may be printed as it is.")
        data = report_pdf.render(prep, narrative=narrative, practice=repo.get_setting("practice_name") or "",
                                 fingerprint=_fingerprint(repo))
    _write(path, data)
    if prep.org_id is not None:
        repo.save_published_report(prep.org_id, int(year), prep.report)
    return path


def _fingerprint(repo) -> str:
    from app import exchange
    try:
        return exchange.fingerprint(exchange.public_key(repo.signing_key()))
    except UserError:
        return ""


def export_vstat(repo, *, org: str | None, year: int, out, to=None, threshold: int | None = None) -> Path:
    """Write a signed (and with ``to`` = a supervisor.pub file: encrypted) .vstat of the report."""
    from app import exchange
    prep = prepare(repo, org, year, threshold, "nl")
    _require_ok(prep)
    recipient = None
    if to is not None:
        try:
            text = Path(to).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"Cannot read the supervisor key file {to}: {getattr(exc, 'strerror', None) or exc}. "
                            "Ask the supervisor for their supervisor.pub file.") from None
        recipient = exchange.parse_supervisor_pub(text)
    data = exchange.make_vstat(prep.report, repo.signing_key(), program_version=__version__,
                               recipient_pub=recipient)
    path = _target(out, prep.report["organisation"], prep.report["year"], "vstat")
    _write(path, data)
    if prep.org_id is not None:
        repo.save_published_report(prep.org_id, int(year), prep.report)
    return path


def today() -> date:
    return date.today()
