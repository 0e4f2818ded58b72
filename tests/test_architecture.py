"""The rooms of the program and the one direction of their imports (docs/ARCHITECTURE.md).

Every import counts, also one inside a function: a late import that dodges a circle is still a circle.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Lower rank may be imported by higher rank; never the other way round.
RANKS: list[tuple[str, int]] = [
    ("models", 0),
    ("app", 1), ("app.errors", 1), ("app.texts", 1), ("app.resources", 1), ("app.fsutil", 1),
    ("app.paths", 1), ("app.pdfstyle", 1), ("app.keys", 1), ("app.hardening", 1),
    ("app.privacy.guard", 1),  # pure text analysis: the store marks every note it stores with it
    ("app.store", 2),
    ("app.privacy", 3),
    ("app.guidance", 4),
    ("app.reporting", 5),
    ("app.exchange", 6),
    ("app.casework", 7), ("app.interchange", 7), ("app.demo", 7), ("app.sheets", 7),
    ("app.sheet_cli", 8),
    ("app.cli", 8),
    ("ui", 9),
    ("main", 10),
]


def rank(module: str) -> int:
    best = None
    for prefix, r in RANKS:
        if module == prefix or module.startswith(prefix + "."):
            if best is None or len(prefix) > len(best[0]):
                best = (prefix, r)
    assert best is not None, f"{module} belongs to no room: add it to RANKS and docs/ARCHITECTURE.md"
    return best[1]


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def source_files() -> list[Path]:
    files = [ROOT / "main.py"]
    for top in ("models", "app", "ui"):
        files += sorted((ROOT / top).rglob("*.py"))
    return files


def own(name: str) -> bool:
    return name.split(".")[0] in {"models", "app", "ui", "main"}


def _type_checking_only(tree: ast.AST) -> set[int]:
    """ids of the import nodes under `if TYPE_CHECKING:` (annotations only: not a dependency at run time)."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return skip


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_only(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if own(a.name)}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and own(node.module):
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                found.add(sub if (ROOT / (sub.replace(".", "/") + ".py")).exists()
                          or (ROOT / sub.replace(".", "/")).is_dir() else node.module)
    return found


def graph() -> dict[str, set[str]]:
    mods = {module_name(p): p for p in source_files()}
    g: dict[str, set[str]] = {}
    for name, path in mods.items():
        deps = set()
        for imp in imports_of(path):
            # resolve to the longest known module
            while imp not in mods and "." in imp:
                imp = imp.rsplit(".", 1)[0]
            if imp in mods and imp != name:
                deps.add(imp)
        g[name] = deps
    return g


def test_every_import_points_down_or_within_a_room():
    wrong = [f"{m} (room {rank(m)}) imports {d} (room {rank(d)})"
             for m, deps in graph().items() for d in deps if rank(d) > rank(m)]
    assert not wrong, "\n".join(wrong)


def test_the_import_graph_has_no_circle():
    g = graph()
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[str] = []

    def visit(n: str) -> None:
        state[n] = 1
        stack.append(n)
        for d in sorted(g.get(n, ())):
            if state.get(d) == 1:
                cycles.append(" -> ".join(stack[stack.index(d):] + [d]))
            elif d not in state:
                visit(d)
        stack.pop()
        state[n] = 2

    for n in sorted(g):
        if n not in state:
            visit(n)
    # a package's __init__ importing its own modules is not a circle worth reporting
    assert not cycles, "\n".join(cycles)


@pytest.mark.parametrize("top", ["models", "app"])
def test_no_qt_below_the_window(top):
    bad = [str(p.relative_to(ROOT)) for p in (ROOT / top).rglob("*.py")
           if re.search(r"^\s*(from|import) (PySide6|shiboken6)", p.read_text(encoding="utf-8"), re.M)]
    assert not bad


def test_sql_only_in_the_store():
    bad = []
    for top in ("models", "app", "ui"):
        for p in (ROOT / top).rglob("*.py"):
            rel = p.relative_to(ROOT)
            if rel.parts[:2] == ("app", "store"):
                continue
            for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
                if re.search(r"\.(execute|executemany|executescript)\(", line):
                    bad.append(f"{rel}:{i}: {line.strip()}")
    assert not bad, "\n".join(bad)


def test_models_touch_no_files_or_database():
    bad = []
    for p in (ROOT / "models").rglob("*.py"):
        text = p.read_text(encoding="utf-8")
        if re.search(r"^\s*(import|from) (sqlite3|sqlcipher3|pathlib|os)\b", text, re.M) or "open(" in text:
            bad.append(str(p.relative_to(ROOT)))
    assert not bad
