"""What a published report is made of, apart from how it is computed: its fixed texts and labels in
Dutch and English, the prepared report (``Prepared``) and its machine forms (JSON, CSV).

The PDF, the spreadsheet and the HTML preview read a prepared report through this module, so they never
import app.reporting.report (which calls them).
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from functools import lru_cache

from app.errors import UserError
from app.reporting import disclosure
from app.reporting.aggregate import TABLE_VOCABS, Aggregation
from app.resources import RESOURCES, vocabularies

LANGS = ("nl", "en")
CSV_HEADER = ["table", "unit", "row", "col", "value", "row_label", "col_label"]


@lru_cache(maxsize=1)
def report_texts() -> dict:
    """The report's fixed texts in Dutch and English (resources/report_texts.json)."""
    with open(RESOURCES / "report_texts.json", encoding="utf-8") as fh:
        return json.load(fh)


def texts(lang: str) -> dict:
    if lang not in LANGS:
        raise UserError("report.unknown_language", language=lang)
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
    earlier: list[dict] = field(default_factory=list)   # versions of THIS year given out before, newest first
    republish_needed: bool = False   # published before with other figures and no republish=True given
    republished: bool = False        # a new version, protected and audited together with the earlier ones
    constrained_by: list[str] = field(default_factory=list)  # other releases of the year it was checked with

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
    if name and code in vocabularies()[name].group_codes():
        return vocabularies()[name].group_label(code, lang)
    return code


def level_lines(report: dict, lang: str) -> list[tuple[str, str]]:
    """(vocabulary, sentence) per variable with a coarse level: at which level the report shows it and
    why (app.reporting.recode), in plain words."""
    t = texts(lang)
    out = []
    shown = {name for tb in report.get("tables", []) for name in TABLE_VOCABS.get(tb["id"], ()) if name}
    for name, level in (report.get("levels") or {}).items():
        if name not in shown or name not in vocabularies().by_name:
            continue
        what = t["level_names"].get(name, name)
        if level == "coarse":
            voc = vocabularies()[name]
            groups = ", ".join(voc.group_label(g, lang).lower() for g in voc.group_codes())
            key = "level_coarse_all" if report.get("organisation") == t["all_organisations"] else "level_coarse"
            out.append((name, t[key].format(what=what, groups=groups)))
        else:
            out.append((name, t["level_detailed"].format(what=what)))
    return out


# -- machine forms ----------------------------------------------------------------------------------
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
    for name, line in level_lines(report, lang):
        w.writerow(["levels", "", name, "", report["levels"][name], line, ""])
    labels = {"cases": t["cases_total"], "contacts": t["contacts_total"], "hours": t["hours_total"],
              "requests": t["requests_total"]}
    for key, value in report["totals"].items():
        w.writerow(["totals", key, key, "", _csv_value(value, key), labels.get(key, key), ""])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
