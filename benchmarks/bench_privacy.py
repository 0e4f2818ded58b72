"""Speed of the privacy guard: a 10,000-word note, and one keystroke in the editor highlight.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_privacy.py [--words 10000] [--repeat 5]
Prints figures only; nothing here is a test.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.privacy.guard import load_name_lists, scan  # noqa: E402

CORPUS = ROOT / "tests" / "app" / "privacy_corpus.jsonl"


def make_note(words: int, seed: int = 8) -> list[str]:
    """Paragraphs of adviser-style sentences (from the test corpus), about `words` words in all."""
    sentences = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(seed)
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(rng.choice(sentences) for _ in range(rng.randint(4, 9)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return paragraphs


def bench_scan(paragraphs: list[str], repeat: int) -> None:
    note = "\n".join(paragraphs)
    t0 = time.perf_counter()
    load_name_lists.cache_clear()
    load_name_lists()
    load_ms = (time.perf_counter() - t0) * 1000
    times, findings = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        findings = scan(note)
        times.append(time.perf_counter() - t0)
    print(f"note: {len(note.split())} words, {len(note)} characters, {len(paragraphs)} paragraphs")
    print(f"loading the name lists: {load_ms:.1f} ms (once per process)")
    print(
        f"scan(whole note): median {statistics.median(times) * 1000:.1f} ms, "
        f"best {min(times) * 1000:.1f} ms over {repeat} runs; {len(findings)} findings"
    )
    per_par = []
    for p in paragraphs:
        t0 = time.perf_counter()
        scan(p)
        per_par.append(time.perf_counter() - t0)
    print(
        f"scan(one paragraph): mean {statistics.mean(per_par) * 1000:.2f} ms, "
        f"max {max(per_par) * 1000:.2f} ms"
    )


def bench_highlight(paragraphs: list[str], keystrokes: int) -> None:
    import PySide6
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from ui.privacy_highlighter import PrivacyHighlighter

    if PySide6.__version__ == "6.12.0" and sys.version_info < (3, 12):
        print(
            "warning: PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a Qt "
            "method that returns nothing; a long run can end in 'Fatal Python error: none_dealloc'."
        )
    app = QApplication.instance() or QApplication([])
    edit = QPlainTextEdit()
    edit.resize(900, 700)
    edit.setPlainText("\n".join(paragraphs))
    highlighter = PrivacyHighlighter(edit.document())
    t0 = time.perf_counter()
    highlighter.rehighlight()
    full_ms = (time.perf_counter() - t0) * 1000
    print(f"highlight of the whole note (attach/rehighlight): {full_ms:.1f} ms")

    block = edit.document().findBlockByNumber(len(paragraphs) // 2)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    text = " Gebeld met Sanne op 06-12345678 over de Kerkstraat 12."
    times = []
    for k in range(keystrokes):
        ch = text[k % len(text)]
        t0 = time.perf_counter()
        cursor.insertText(ch)  # Qt re-highlights the changed block inside this call
        times.append(time.perf_counter() - t0)
    app.processEvents()
    times.sort()
    print(
        f"one keystroke in a paragraph of ~{len(block.text().split())} words (insert + re-highlight): "
        f"median {statistics.median(times) * 1000:.2f} ms, 95th percentile "
        f"{times[int(len(times) * 0.95) - 1] * 1000:.2f} ms, max {times[-1] * 1000:.2f} ms "
        f"over {keystrokes} keystrokes"
    )
    edit.deleteLater()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keystrokes", type=int, default=200)
    parser.add_argument("--no-qt", action="store_true", help="skip the editor benchmark")
    args = parser.parse_args()
    paragraphs = make_note(args.words)
    bench_scan(paragraphs, args.repeat)
    if not args.no_qt:
        bench_highlight(paragraphs, args.keystrokes)


if __name__ == "__main__":
    main()
