"""Printing a completed session: ``python -m tests.bench.printing [--runs N] [--items 60,600]``.

(Folds in tests/report/bench_print.py.) For each size, a named session over one checklist
of that many items (tests.report.conftest.big_checklist: sections of ten, items of varying
height, the last section warning signs; fill_session: every item done, open or a question,
every third with a note, half of them changed by a nurse, the checklist signed off) in a
small content folder (tests.content.conftest.make_content). Times, over --runs, building the
document (``hemiapp.report.document.build_document``) and building it and writing the PDF
(``hemiapp.report.printing.print_pdf``: layout, pagination, painting) to a temporary file;
prints the median and spread, the page count, and the per-item time of each size relative
to the first. Target (issue 7): 60 items < 300 ms; 600 items linear (ratio ≈ 1).
A figure, not an assertion.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tests.bench.common import machine, qt_app, spread


@dataclass(frozen=True)
class Result:
    items: int
    pages: int
    build: list[float]  # ms
    build_and_print: list[float]  # ms


def timed(action: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        out.append((time.perf_counter() - start) * 1000)
    return out


def measure(folder: Path, items: int, runs: int) -> Result:
    from hemiapp.content.loader import load_content
    from hemiapp.content.session import Session
    from hemiapp.report.document import ReportOptions, build_document
    from hemiapp.report.printing import print_pdf
    from tests.content.conftest import make_content
    from tests.report.conftest import PATIENT, big_checklist, fill_session

    sections = max(1, items // 10)
    text = big_checklist(sections, items // sections)
    root = make_content(folder / f"c{items}", checklists={"big.yaml": text})
    content = load_content(root).content
    session = fill_session(Session(content, patient=PATIENT))
    checklists = list(content.checklists)
    count = sum(len(c.items) for c in checklists)
    out = folder / f"out-{items}.pdf"

    def build() -> object:
        return build_document(session, checklists, ReportOptions(), printed_at=datetime.now(UTC))

    pages: list[int] = []

    def build_and_print() -> None:
        document = build_document(
            session, checklists, ReportOptions(), printed_at=datetime.now(UTC)
        )
        pages.append(print_pdf(document, out, "A4"))

    build_and_print()  # warm-up: fonts, the PDF engine
    return Result(count, pages[0], timed(build, runs), timed(build_and_print, runs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs per size (default 10)")
    parser.add_argument("--items", default="60,600", help="checklist sizes (default 60,600)")
    args = parser.parse_args(argv)
    app = qt_app()
    with tempfile.TemporaryDirectory(prefix="hemibench-") as folder:
        results = [measure(Path(folder), int(n), args.runs) for n in args.items.split(",")]
    print(f"printing a session to PDF (A4), Qt platform {app.platformName()}; {machine()}")
    first = results[0]
    for result in results:
        print(f"  {result.items} items, {result.pages} pages:")
        print(f"    {'build_document':>17}: {spread(result.build)}")
        print(f"    {'build + print_pdf':>17}: {spread(result.build_and_print)}")
        per_item = statistics.median(result.build_and_print) / result.items
        ratio = per_item / (statistics.median(first.build_and_print) / first.items)
        print(
            f"    per item {per_item:.2f} ms (build + print), "
            f"{ratio:.2f}× the per-item time at {first.items} items"
        )
    if first.items == 60:
        verdict = "met" if statistics.median(first.build_and_print) < 300 else "missed"
        print(f"  target: 60 items < 300 ms: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
