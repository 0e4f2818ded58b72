"""Global recoding: coarser before emptier (issue 12, item 5).

A vocabulary may define a coarse level in ``resources/vocabularies.json`` (its ``groups``: group code ->
labels and member codes; a code no group lists falls into the group ``overig``). A report shows each
such variable (behaviour, relation, role, follow-up) at one **level**:

* ``detailed`` - every code of the vocabulary (the tables as counted);
* ``coarse``   - the groups: a group's figure is the sum of its members' figures;
* a table that cannot be protected at either level is left out (only the totals remain; the report
  says so) - that is the third level, "total only", and it is decided by the report's usual dropping.

The level is chosen **per variable**, not per table, so a variable shows the same categories in its
one-way table and in the behaviour x relation table (a two-way table's margins stay the one-way table,
which the audit links; mixed levels within one report would link a coarse figure to a sum of detailed
ones that the audit does not model).

**The rule (more figures wins, detail breaks ties).** For a set of levels, the report's tables are
recoded and protected exactly as they will be published. Its information is the number of published
non-zero cells of the recodable tables (the one-way tables of behaviour, relation, role and follow-up
and behaviour x relation). The coarse level of a variable is taken only when it prints strictly more
non-zero figures than the detailed level; on a tie the detailed level stays (a detailed figure says
more than a group figure: "pesten 8, werkdruk 6" beats "grensoverschrijdend gedrag 15" and a hidden
group). So "pesten 8" beside eight hidden cells (1 figure) loses to three printed group rows (3
figures), while a large organisation whose detailed tables print nearly everything keeps them.
Published zeros are not counted (a table of x's and zeros says little). Levels are chosen greedily:
start with every variable detailed and, variable by variable (behaviour, relation, role, follow-up),
keep the coarse level when it wins; then try behaviour and relation together at the coarse level, and
every variable at the coarse level (a grouped behaviour x relation table often says something only
when both are grouped), each kept when it wins. At most seven protections per report.

**The same level in every release of a scope and year.** A later version of an organisation's year (a
correction, another file format, a .vstat) reuses the levels of the first version (``levels`` in the
recorded report; a version recorded before recoding existed counts as all detailed), so two versions
never differ in level and the version audit compares like with like. The all-organisations report is
always at the coarse level, so that its figures are sums of the organisation reports' figures mapped to
their groups (the ledger's sum link maps a detailed organisation table onto the groups: exact).

**Sensitive categories.** A group holds a stricter threshold only when every member code is sensitive;
a group of several kinds of behaviour does not say which kind a case was.

Choosing a level looks at the true counts, as every global recoding does (tau-ARGUS included): the
choice itself says only "the detailed level would have printed less", never a figure.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from app.reporting.aggregate import TABLE_VOCABS
from app.reporting.disclosure import Table
from app.resources import vocabularies
from models import vocab as V

DETAILED, COARSE = "detailed", "coarse"
ORDER = (V.BEHAVIOUR, V.ACCUSED_RELATION, V.POSITION, V.REPORTER_ROLE, V.FOLLOW_UP)


def variables() -> tuple[str, ...]:
    """The vocabularies with a coarse level, in the order levels are chosen."""
    vocabs = vocabularies()
    return tuple(n for n in ORDER if n in vocabs.by_name and vocabs[n].groups)


def all_at(level: str) -> dict[str, str]:
    return {name: level for name in variables()}


def recodable(table_id: str) -> bool:
    """Does the table have an axis whose vocabulary has a coarse level?"""
    names = TABLE_VOCABS.get(table_id, (None, None))
    return any(n in variables() for n in names if n is not None)


def is_coarse(codes: list[str] | tuple[str, ...], vocab_name: str | None) -> bool:
    """Are these printed codes the coarse level of the vocabulary? (A coarse table lists every group,
    and at least one group code is no code of the vocabulary - models.vocab checks that.)"""
    if vocab_name is None or vocab_name not in vocabularies().by_name:
        return False
    voc = vocabularies()[vocab_name]
    groups = set(voc.group_codes())
    return bool(voc.groups) and set(codes) <= groups and any(c in groups and c not in voc for c in codes)


def group_map(codes: list[str] | tuple[str, ...], vocab_name: str | None) -> dict[str, str]:
    """Each printed code -> its coarse group (a coarse table's codes map to themselves)."""
    if vocab_name is None or vocab_name not in vocabularies().by_name or not vocabularies()[vocab_name].groups:
        return {c: c for c in codes}
    if is_coarse(codes, vocab_name):
        return {c: c for c in codes}
    voc = vocabularies()[vocab_name]
    return {c: voc.group_of(c) for c in codes}


def _axis(codes: list[str], vocab_name: str | None, level: str) -> tuple[list[str], list[int]]:
    """The axis's new codes and, per old code, the index of its new code."""
    if level != COARSE or vocab_name is None or not vocabularies()[vocab_name].groups:
        return list(codes), list(range(len(codes)))
    voc = vocabularies()[vocab_name]
    new = list(voc.group_codes())
    for c in codes:
        g = voc.group_of(c)
        if g not in new:
            new.append(g)   # a code found in the data but in no vocabulary: OTHER_GROUP
    return new, [new.index(voc.group_of(c)) for c in codes]


def _sensitive(vocab_name: str, new_rows: list[str], old: Table) -> dict[str, int]:
    """A group is sensitive (with the strictest member threshold) only when all its members are."""
    voc = vocabularies()[vocab_name]
    out = {}
    for g in new_rows:
        members = [c for c in old.rows if voc.group_of(c) == g]
        if members and all(c in old.sensitive_rows for c in members):
            out[g] = max(old.sensitive_rows[c] for c in members)
    return out


def recode_table(t: Table, levels: dict[str, str]) -> Table:
    """The table at the given levels: a group's cell is the sum of its members' cells."""
    rv, cv = TABLE_VOCABS.get(t.id, (None, None))
    r_level, c_level = levels.get(rv, DETAILED), levels.get(cv, DETAILED)
    if r_level == DETAILED and (t.cols is None or c_level == DETAILED):
        return t
    rows, rmap = _axis(t.rows, rv, r_level)
    cols, cmap = (None, [0]) if t.cols is None else _axis(t.cols, cv, c_level)
    width = 1 if cols is None else len(cols)
    cells = [[0] * width for _ in rows]
    for i, line in enumerate(t.cells):
        for j, v in enumerate(line):
            cells[rmap[i]][cmap[j] if t.cols is not None else 0] += v
    sensitive = _sensitive(rv, rows, t) if r_level == COARSE else dict(t.sensitive_rows)
    return replace(t, rows=rows, cols=cols, cells=cells, sensitive_rows=sensitive)


def recode(tables: list[Table], levels: dict[str, str]) -> list[Table]:
    return [recode_table(t, levels) for t in tables]


def information(published: list[dict]) -> int:
    """Published non-zero cells of the recodable tables: the rule's measure."""
    return sum(1 for t in published if recodable(t["id"]) for line in t["cells"] for v in line if v)


def choose(protect: Callable[[dict[str, str]], list[dict]]) -> dict[str, str]:
    """The levels by the module's rule; ``protect(levels)`` returns the published tables at those
    levels (recoded, protected, unsafe tables left out, as the report would publish them).

    Greedy, one variable at a time; then behaviour and relation together, and every variable, at the
    coarse level (behaviour x relation often says something only when both are grouped)."""
    levels = all_at(DETAILED)
    best = information(protect(levels))
    for name in variables():
        trial = dict(levels, **{name: COARSE})
        score = information(protect(trial))
        if score > best:
            levels, best = trial, score
    pair = {n: COARSE for n in (V.BEHAVIOUR, V.ACCUSED_RELATION) if n in levels}
    for trial in (dict(levels, **pair), all_at(COARSE)):
        if trial != levels:
            score = information(protect(trial))
            if score > best:
                levels, best = trial, score
    return levels


def level_of(table: dict) -> dict[str, str]:
    """The levels a published table shows, read from its codes: {vocabulary: level}."""
    rv, cv = TABLE_VOCABS.get(table["id"], (None, None))
    out = {}
    for name, codes in ((rv, table.get("rows")), (cv, table.get("cols"))):
        if name in variables() and codes:
            out[name] = COARSE if is_coarse(codes, name) else DETAILED
    return out
