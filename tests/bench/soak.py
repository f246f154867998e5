"""Kiosk soak: ``python -m tests.bench.soak [--sessions 1000] [--every 100]``.

In one process (Qt platform offscreen), the real window as hemiapp.app builds it (fresh
database, staff mode, print controller, the kiosk idle controller with its default 120 s
idle and 30 s countdown). Each kiosk session: "Start" is clicked on the welcome screen;
the quiz is shown and its first question answered (a click on the first choice); the
pre-op checklist is shown and its first patient-editable item ticked ("Done"); then the
visit is wiped through the kiosk idle controller: its watcher's ``idle`` signal is emitted
(as its single-shot timer would after 120 s without input), which puts up the countdown,
whose 1-second tick timer is set to 0 ms so that its 30 real ticks, the expiry and the wipe
(``MainWindow.finish('idle-wipe')``) run at once from the timers. Between steps the posted
events are delivered as the event loop would, deferred deletes (``deleteLater``) included.

Every --every sessions, after ``gc.collect()``: RSS (VmRSS), live Qt wrappers
(``shiboken6.Shiboken.getAllValidWrappers()``), every widget the application knows
(``QApplication.allWidgets()``, which also finds orphaned top-level widgets), QObjects under
the window, the gc's object count, and the time per session. At the end: growth per 100
sessions over the second half. A figure, not an assertion.
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton
from shiboken6 import Shiboken

from hemiapp.kiosk.controller import KioskIdle
from hemiapp.ui.main_window import MainWindow
from tests.bench.common import build_real_window, machine, qt_app, rss_kib, settle


@dataclass(frozen=True)
class Sample:
    sessions: int
    rss_kib: int
    wrappers: int
    widgets: int
    window_objects: int
    gc_objects: int
    ms_per_session: float


def click(widget: QPushButton) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    settle(2)


def one_session(window: MainWindow, idle: KioskIdle) -> None:
    assert window.current_screen() is window.welcome, "not on the welcome screen"
    click(window.welcome.start)
    assert window.current_screen() is window.education
    window.show_screen(window.screens.index(window.quiz))
    settle(2)
    click(window.quiz.choices[0])
    checklist = window.checklist_screens[0]
    window.show_screen(window.screens.index(checklist))
    settle(2)
    row = next(r for r in range(checklist.model.rowCount()) if checklist.model.can_edit(r))
    click(checklist.cards[row].done)
    assert window.session.items, "the tick did not register"
    idle.watcher.idle.emit()
    assert idle.counting_down, "the countdown did not start"
    for _ in range(idle.page.seconds * 4 + 10):
        settle(1)
        if not idle.counting_down:
            break
    assert window.current_screen() is window.welcome and window.untouched(), "not wiped"


def sample(window: MainWindow, sessions: int, ms_per_session: float) -> Sample:
    settle()
    gc.collect()
    return Sample(
        sessions,
        rss_kib(),
        len(Shiboken.getAllValidWrappers()),
        len(QApplication.allWidgets()),
        len(window.findChildren(QObject)),
        len(gc.get_objects()),
        ms_per_session,
    )


def growth(first: Sample, last: Sample, field: str) -> float:
    hundreds = (last.sessions - first.sessions) / 100
    change: float = getattr(last, field) - getattr(first, field)
    return change / hundreds if hundreds else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", "--runs", type=int, default=1000, help="(default 1000)")
    parser.add_argument("--every", type=int, default=100, help="sample every N (default 100)")
    args = parser.parse_args(argv)
    app = qt_app()
    print(f"kiosk soak, {args.sessions} sessions, Qt platform {app.platformName()}; {machine()}")
    print(
        f"  {'sessions':>8} {'RSS MiB':>8} {'wrappers':>9} {'widgets':>8} "
        f"{'win objs':>8} {'gc objs':>9} {'ms/session':>10}"
    )
    with tempfile.TemporaryDirectory(prefix="hemibench-") as folder:
        window, idle = build_real_window(Path(folder) / "hemiguide.db")
        idle.page.tick.setInterval(0)
        samples = [sample(window, 0, 0.0)]
        started = time.perf_counter()
        block = started
        for number in range(1, args.sessions + 1):
            one_session(window, idle)
            if number % args.every == 0 or number == args.sessions:
                now = time.perf_counter()
                done = number - samples[-1].sessions
                samples.append(sample(window, number, (now - block) * 1000 / done))
                block = time.perf_counter()
                s = samples[-1]
                print(
                    f"  {s.sessions:>8} {s.rss_kib / 1024:>8.1f} {s.wrappers:>9} {s.widgets:>8} "
                    f"{s.window_objects:>8} {s.gc_objects:>9} {s.ms_per_session:>10.1f}",
                    flush=True,
                )
        total = time.perf_counter() - started
        idle.watcher.stop()
        window.close()
    half = min(samples, key=lambda s: abs(s.sessions - args.sessions / 2))
    last = samples[-1]
    print(
        f"  total {total:.1f} s; growth per 100 sessions from {half.sessions} to {last.sessions}:"
    )
    print(
        f"    RSS {growth(half, last, 'rss_kib'):+.0f} KiB, "
        f"wrappers {growth(half, last, 'wrappers'):+.1f}, "
        f"widgets {growth(half, last, 'widgets'):+.1f}, "
        f"window objects {growth(half, last, 'window_objects'):+.1f}, "
        f"gc objects {growth(half, last, 'gc_objects'):+.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
