"""How long does a printout take? ``python -m tests.report.bench_print [ITEMS]``.

Builds a named session over a checklist of ITEMS items (default 60, one in ten a
warning sign; every item done, open or a question, every third with a note, half of
them checked by a nurse), then times building the
document and writing the PDF (layout, pagination, painting) to a temporary file.
Prints the median and spread over repeated runs and the page count. A figure, not
an assertion; the product's bar is "well under a second".
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

RUNS = 15


def _time(action: Callable[[], object]) -> list[float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main(items: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from hemiapp.content.loader import load_content
    from hemiapp.content.session import Session
    from hemiapp.report.document import ReportOptions, build_document
    from hemiapp.report.printing import print_pdf
    from tests.content.conftest import make_content
    from tests.report.conftest import PATIENT, big_checklist, fill_session

    app = QGuiApplication.instance() or QGuiApplication([])
    with tempfile.TemporaryDirectory() as folder:
        sections = max(1, items // 10)
        text = big_checklist(sections, items // sections)
        content = load_content(make_content(Path(folder) / "c", checklists={"b.yaml": text}))
        session = fill_session(Session(content.content, patient=PATIENT))
        checklists = list(content.content.checklists)
        count = sum(len(c.items) for c in checklists)

        def build() -> object:
            return build_document(
                session, checklists, ReportOptions(), printed_at=datetime.now(UTC)
            )

        pages: list[int] = []

        def build_and_print() -> None:
            pages.append(print_pdf(build(), Path(folder) / "out.pdf", "A4"))

        build_times, print_times = _time(build), _time(build_and_print)
    for name, times in (("build_document", build_times), ("build + print_pdf", print_times)):
        print(
            f"{name:>18}: median {statistics.median(times):6.1f} ms, "
            f"min {min(times):6.1f} ms, max {max(times):6.1f} ms"
        )
    print(f"{count} items, {pages[0]} pages, {RUNS} runs, Qt platform {app.platformName()}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
