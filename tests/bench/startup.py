"""Start-up against the floor: ``python -m tests.bench.startup [--runs N] [--platform xcb]``.

Whole-process runs, the app and a bare PySide6 window (tests/bench/bare_window.py)
alternating (app first on even runs, floor first on odd ones), after one discarded warm-up
run of each. The app is ``.venv/bin/hemiapp --db <fresh file>`` with
``HEMIAPP_EXIT_WHEN_READY=1``: it prints ``hemiapp-ready <epoch>`` once the welcome screen
has been painted (bundled content loaded, database open) and quits (hemiapp.app.FirstPaint).

Time: from just before spawning (``time.time()``) to the printed epoch. Peak RSS: the
child's ``ru_maxrss`` from ``os.wait4`` (the whole life, exit included). Each child gets
empty settings/data folders of its own, and Python's bytecode cache (an installed app has
its modules compiled; ``--no-bytecode-cache`` keeps PYTHONDONTWRITEBYTECODE).
Targets (issue 7): time ratio ≤ 1.5, RSS ≤ 1.3. A figure, not an assertion.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from tests.bench.common import (
    ChildRun,
    add_platform_option,
    bare_window_command,
    bytecode_note,
    check_platform,
    child_env,
    hemiapp_command,
    machine,
    run_until_ready,
    spread,
)


def run_app(platform: str, bytecode: bool) -> ChildRun:
    with tempfile.TemporaryDirectory(prefix="hemibench-") as folder:
        home = Path(folder)
        command = [*hemiapp_command(), "--db", str(home / "hemiguide.db")]
        env = child_env(platform, home, exit_when_ready=True, bytecode=bytecode)
        return run_until_ready(command, env)


def run_floor(platform: str, bytecode: bool) -> ChildRun:
    with tempfile.TemporaryDirectory(prefix="hemibench-") as folder:
        env = child_env(platform, Path(folder), exit_when_ready=True, bytecode=bytecode)
        return run_until_ready(bare_window_command(), env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="pairs of runs (default 15)")
    add_platform_option(parser, prefer_display=False)
    args = parser.parse_args(argv)
    check_platform(parser, args.platform)
    platform, bytecode = args.platform, args.bytecode
    run_app(platform, bytecode), run_floor(platform, bytecode)  # warm-up: caches, bytecode
    app: list[ChildRun] = []
    floor: list[ChildRun] = []
    for run in range(args.runs):
        if run % 2 == 0:
            app.append(run_app(platform, bytecode))
            floor.append(run_floor(platform, bytecode))
        else:
            floor.append(run_floor(platform, bytecode))
            app.append(run_app(platform, bytecode))
    print(f"start-up, {args.runs} alternating pairs, Qt platform {platform}; {machine()}")
    print(f"  {bytecode_note(bytecode)}")
    for name, runs in (("hemiapp", app), ("bare window", floor)):
        print(f"  {name:>11} time to painted: {spread([r.seconds * 1000 for r in runs])}")
        rss = [r.maxrss_kib / 1024 for r in runs]
        print(f"  {name:>11} peak RSS:        {spread(rss, 'MiB')}")
    time_ratio = statistics.median(r.seconds for r in app) / statistics.median(
        r.seconds for r in floor
    )
    rss_ratio = statistics.median(r.maxrss_kib for r in app) / statistics.median(
        r.maxrss_kib for r in floor
    )
    pairs = [a.seconds / f.seconds for a, f in zip(app, floor, strict=True)]
    print(
        f"  ratio of medians: time {time_ratio:.2f} (target ≤ 1.5), "
        f"peak RSS {rss_ratio:.2f} (target ≤ 1.3)"
    )
    print(f"  time ratio per pair: {spread(pairs, 'x', 2)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
