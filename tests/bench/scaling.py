"""Content scaling: ``python -m tests.bench.scaling [--runs N] [--sizes 100,1000,10000]``.

Copies the bundled content (resources/, checklists/) to a temporary folder and adds
synthetic checklists of N items in all (sections of 20; items in English and Spanish, a
due date, every third with a detail, every tenth a warning sign, every 25th nurse-only).
A content file may be at most 1 MiB (hemiapp.content.yamlstrict.MAX_BYTES), so N is split
into files of at most 1,000 items; the script also shows what a single 10,000-item file
gets. Times, per size, the median over --runs of

- load: ``hemiapp.content.loader.load_content(root)`` (what the app does at start-up);
- validate: ``hemiapp.content.validate.validate([root])`` (what ``hemiapp validate``
  does, reading grades included, without the printing);

minus the same for the bundled content alone, divided by N (the per-item time; linear
growth keeps it flat). The first run is printed too, in case a cache makes the later ones
cheap; ``gc.collect()`` runs, untimed, before each run. Then, for one 1,000-item
checklist: building its ``ChecklistScreen``, giving it the app's stylesheet and showing it
at 1280×800 until laid out and painted, scrolling to its end, a language refresh; and a
whole ``MainWindow`` over that content (the review screen lists the 1,000 items too). The
event loop is blocked for each of these as a whole. A figure, not an assertion.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from hemiapp.content.errors import ContentError
from hemiapp.content.loader import load_content, load_file
from hemiapp.content.validate import validate
from hemiapp.paths import bundled_content_root
from tests.bench.common import machine, qt_app, settle

PER_FILE = 1000
PER_SECTION = 20


def synthetic_checklist(name: str, first: int, count: int) -> str:
    """A checklist ``name`` of ``count`` items, numbered from ``first``."""
    lines = [
        f"id: {name}",
        "kind: other",
        'version: "0.1"',
        "review_status: draft",
        "title:",
        f"  en: Synthetic checklist {name}",
        f"  es: Lista sintética {name}",
        "sections:",
    ]
    for number in range(first, first + count):
        if (number - first) % PER_SECTION == 0:
            section = (number - first) // PER_SECTION + 1
            lines += [
                f"  - id: s{section}",
                "    title:",
                f"      en: Part {section} of the list",
                f"      es: Parte {section} de la lista",
                "    items:",
            ]
        kind = "warning-sign" if number % 10 == 0 else "task"
        lines += [
            f"      - id: item-{number}",
            "        text:",
            f'          en: "Item {number}: walk for ten minutes, then rest in a chair."',
            f'          es: "Punto {number}: camine diez minutos y luego descanse en una silla."',
            f'        when: "{"-" if number % 2 else "+"}{number % 60 + 1}d"',
            f"        kind: {kind}",
        ]
        if number % 3 == 0:
            lines += [
                "        detail:",
                '          en: "Walking helps your back heal. Stop if it hurts a lot."',
                '          es: "Caminar ayuda a sanar la espalda. Pare si le duele mucho."',
            ]
        if number % 25 == 0:
            lines.append("        nurse_only: true")
    return "\n".join(lines) + "\n"


def content_copy(folder: Path, items: int, per_file: int = PER_FILE) -> Path:
    """The bundled content plus ``items`` synthetic items in files of ``per_file``."""
    root = folder / f"content-{items}-{per_file}"
    if root.exists():
        return root
    bundled = bundled_content_root()
    shutil.copytree(bundled / "resources", root / "resources")
    shutil.copytree(bundled / "checklists", root / "checklists")
    for start in range(0, items, per_file):
        name = f"synthetic-{start // per_file + 1}"
        text = synthetic_checklist(name, start + 1, min(per_file, items - start))
        (root / "checklists" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


def times(action: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        gc.collect()  # not a collection that earlier runs' garbage brings on
        start = time.perf_counter()
        action()
        out.append(time.perf_counter() - start)
    return out


def check_validate(root: Path) -> None:
    report = validate([root])
    if report.errors:
        raise RuntimeError(f"synthetic content has errors: {report.findings[:3]}")


def content_scaling(folder: Path, sizes: list[int], runs: int) -> None:
    base = content_copy(folder, 0)
    start = time.perf_counter()
    validate([base])  # the first call also imports textstat (reading grades)
    print(f"  first validate in this process: {(time.perf_counter() - start) * 1000:.1f} ms")
    base_load = statistics.median(times(lambda: load_content(base), runs))
    base_validate = statistics.median(times(lambda: validate([base]), runs))
    print(
        f"  bundled content alone: load {base_load * 1000:.1f} ms, "
        f"validate {base_validate * 1000:.1f} ms (warm, medians of {runs})"
    )
    for size in sizes:
        root = content_copy(folder, size)
        check_validate(root)
        for name, action, base_time in (
            ("load", lambda r=root: load_content(r), base_load),
            ("validate", lambda r=root: validate([r]), base_validate),
        ):
            measured = times(action, runs)
            median = statistics.median(measured)
            per_item = (median - base_time) / size * 1e6
            print(
                f"  {size:>6} items {name:>8}: median {median * 1000:8.1f} ms "
                f"(min {min(measured) * 1000:.1f}, max {max(measured) * 1000:.1f}, "
                f"first {measured[0] * 1000:.1f}), {per_item:6.1f} µs per item"
            )
    single = content_copy(folder, 10_000, per_file=10_000) / "checklists" / "synthetic-1.yaml"
    try:
        load_file(single)
        print(f"  one 10,000-item file ({single.stat().st_size:,} bytes): loads")
    except ContentError as exc:
        first = exc.findings[0]
        print(f"  one 10,000-item file ({single.stat().st_size:,} bytes): refused: {first.message}")


def checklist_screen(folder: Path) -> None:
    from PySide6.QtWidgets import QWidget

    from hemiapp.content.session import Session
    from hemiapp.ui.checklist import ChecklistScreen
    from hemiapp.ui.main_window import MainWindow
    from hemiapp.ui.theme import NORMAL, TextSize, stylesheet

    app = qt_app()
    content = load_content(content_copy(folder, 1000)).content
    session = Session(content)
    marks = [time.perf_counter()]
    screen = ChecklistScreen(session, "synthetic-1")
    marks.append(time.perf_counter())
    screen.setStyleSheet(stylesheet(NORMAL, TextSize.NORMAL))  # as the main window has it
    screen.resize(1280, 800)
    screen.show()
    settle()
    marks.append(time.perf_counter())
    first_cards = len(screen.cards)
    # Scrolling to the end again and again brings the cards a batch at a time: each
    # batch is one event (the longest is how long the screen can be unresponsive).
    bar = screen.scroll_area.verticalScrollBar()
    batches: list[float] = []
    while screen.more.isVisible():
        before = time.perf_counter()
        bar.setValue(bar.maximum())
        settle()
        batches.append(time.perf_counter() - before)
    marks.append(time.perf_counter())
    session.set_language("es")
    screen.refresh()
    settle()
    marks.append(time.perf_counter())
    widgets = len(screen.findChildren(QWidget))
    screen.close()
    ms = [f"{(b - a):.2f} s" for a, b in pairwise(marks)]
    print(f"  1,000-item ChecklistScreen ({widgets} widgets, Qt platform {app.platformName()}):")
    print(f"    first {first_cards} cards: build {ms[0]}, style + show + lay out + paint {ms[1]}")
    longest = max(batches, default=0.0) * 1000
    print(f"    the rest in {len(batches)} scrolls: {ms[2]} in all, longest {longest:.0f} ms")
    print(f"    language refresh with all 1,000 cards: {ms[3]}")
    start = time.perf_counter()
    window = MainWindow(content)  # every screen: the review lists the 1,000 items too
    window.resize(1280, 800)
    window.show()
    settle()
    took = time.perf_counter() - start
    widgets = len(window.findChildren(QWidget))
    print(f"  whole MainWindow with it ({widgets} widgets): build + show + paint {took:.2f} s")
    window.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per size (default 3)")
    parser.add_argument("--sizes", default="100,1000,10000", help="items (default 100,1000,10000)")
    parser.add_argument("--no-screen", action="store_true", help="skip the ChecklistScreen part")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="hemibench-") as folder:
        print(f"content scaling (load = load_content, validate = hemiapp validate); {machine()}")
        content_scaling(Path(folder), sizes, args.runs)
        if not args.no_screen:
            checklist_screen(Path(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
