"""Shared by the benchmarks: statistics, child processes, RSS and CPU readings, the real window.

Nothing here imports Qt at module level, so the whole-process benchmarks (start-up, idle)
stay light in the parent; the in-process helpers import it when called.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from hemiapp.kiosk.controller import KioskIdle
    from hemiapp.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]
BENCH_DIR = Path(__file__).resolve().parent
READY = "hemiapp-ready"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
#: Compiled bytecode for the children, outside the source tree (see child_env).
PYCACHE = Path(tempfile.gettempdir()) / "hemibench-pycache"
_DONT_WRITE = os.environ.get("PYTHONDONTWRITEBYTECODE", "")


# --- statistics ---------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0–100), linear between the closest ranks."""
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def spread(values: Sequence[float], unit: str = "ms", digits: int = 1) -> str:
    """'median M unit (IQR a–b, min c, max d, n N)'."""
    f = f"{{:.{digits}f}}"
    return (
        f"median {f.format(statistics.median(values))} {unit} "
        f"(IQR {f.format(percentile(values, 25))}–{f.format(percentile(values, 75))}, "
        f"min {f.format(min(values))}, max {f.format(max(values))}, n {len(values)})"
    )


def tail(values: Sequence[float], unit: str = "ms") -> str:
    """'p50 …, p95 …, max …' for latencies."""
    return (
        f"p50 {percentile(values, 50):7.2f} {unit}, p95 {percentile(values, 95):7.2f} {unit}, "
        f"max {max(values):7.2f} {unit} (n {len(values)})"
    )


def machine() -> str:
    """What else the machine was doing: figures from a busy machine are not comparable."""
    load = os.getloadavg()
    return f"{os.cpu_count()} CPUs, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"


# --- options --------------------------------------------------------------------------------


def add_platform_option(parser: argparse.ArgumentParser, *, prefer_display: bool) -> None:
    """``--platform offscreen|xcb``; xcb needs DISPLAY (e.g. under ``xvfb-run -a``).
    Also ``--no-bytecode-cache`` (see child_env)."""
    default = "xcb" if prefer_display and os.environ.get("DISPLAY") else "offscreen"
    parser.add_argument(
        "--platform", choices=("offscreen", "xcb"), default=default, help=f"default: {default}"
    )
    parser.add_argument(
        "--no-bytecode-cache",
        dest="bytecode",
        action="store_false",
        help="leave PYTHONDONTWRITEBYTECODE as it is (every start compiles from source)",
    )


def bytecode_note(bytecode: bool) -> str:
    if not bytecode:
        return f"bytecode cache as in this environment (PYTHONDONTWRITEBYTECODE={_DONT_WRITE})"
    return f"bytecode cached in {PYCACHE}"


def check_platform(parser: argparse.ArgumentParser, platform: str) -> None:
    if platform == "xcb" and not os.environ.get("DISPLAY"):
        parser.error("--platform xcb needs DISPLAY (run under xvfb-run -a, or on a desktop)")


# --- child processes ----------------------------------------------------------------------


def hemiapp_command() -> list[str]:
    """The installed console script beside this interpreter (as a clinic starts it)."""
    script = Path(sys.executable).parent / "hemiapp"
    return [str(script)] if script.exists() else [sys.executable, "-m", "hemiapp"]


def bare_window_command() -> list[str]:
    return [sys.executable, str(BENCH_DIR / "bare_window.py")]


def child_env(
    platform: str, home: Path, *, exit_when_ready: bool, bytecode: bool = True
) -> dict[str, str]:
    """The environment for a child: the Qt platform, and settings/data folders of its own
    (so no station settings file on this machine changes what is measured).

    With ``bytecode`` (the default), Python may cache compiled modules (in PYCACHE, not in
    the source tree), as an installed app has them: PYTHONDONTWRITEBYTECODE (set in some
    development environments) otherwise makes every start compile hemiapp from source."""
    env = dict(os.environ)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env["QT_QPA_PLATFORM"] = platform
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_DATA_HOME"] = str(home / "data")
    env.pop("HEMIAPP_EXIT_WHEN_READY", None)
    if exit_when_ready:
        env["HEMIAPP_EXIT_WHEN_READY"] = "1"
    return env


@dataclass(frozen=True)
class ChildRun:
    seconds: float  # from just before spawning to the epoch the child printed when ready
    maxrss_kib: int  # the child's peak resident set (ru_maxrss, KiB on Linux)
    stderr: str


def run_until_ready(cmd: list[str], env: dict[str, str], timeout: float = 120) -> ChildRun:
    """Run ``cmd`` (which prints 'hemiapp-ready <epoch>' and exits) and reap it with wait4."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.time()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=REPO)
        watchdog = threading.Timer(timeout, proc.kill)
        watchdog.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            watchdog.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode(errors="replace")
    ready = [line.split() for line in stdout.splitlines() if line.startswith(READY)]
    if proc.returncode != 0 or not ready:
        raise RuntimeError(f"{cmd} exited {proc.returncode} without '{READY}':\n{stderr}")
    return ChildRun(float(ready[0][1]) - start, usage.ru_maxrss, stderr)


# --- memory and CPU -----------------------------------------------------------------------


def rss_kib(pid: int | str = "self") -> int:
    """Resident set size now (VmRSS), KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


@dataclass(frozen=True)
class CpuSample:
    stat_seconds: float  # utime + stime of every thread, /proc/PID/stat (clock-tick resolution)
    sched_seconds: float  # time on CPU of every thread, /proc/PID/task/*/schedstat (ns)
    switches: int  # voluntary + involuntary context switches of every thread (≈ wake-ups)
    threads: int


def cpu_sample(pid: int) -> CpuSample:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    stat = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    sched, switches, threads = 0.0, 0, 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            sched += int((task / "schedstat").read_text().split()[0]) / 1e9
            for line in (task / "status").read_text().splitlines():
                if "ctxt_switches:" in line:
                    switches += int(line.split()[1])
        except (FileNotFoundError, ProcessLookupError):
            continue  # a thread that ended meanwhile
        threads += 1
    return CpuSample(stat, sched, switches, threads)


# --- the real window, in this process -----------------------------------------------------


def qt_app(platform: str = "offscreen") -> QApplication:
    """The QApplication (offscreen by default); the offscreen plugin's one harmless warning
    ("does not support propagateSizeHints()") is dropped, every other message is printed."""
    os.environ.setdefault("QT_QPA_PLATFORM", platform)
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    return app


def settle(passes: int = 5) -> None:
    """Deliver what the event loop would next: layout requests, update requests (paints),
    and the deferred deletes (``deleteLater``) that returning to the loop carries out."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(passes):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def build_real_window(db_path: Path) -> tuple[MainWindow, KioskIdle]:
    """The window as hemiapp.app.build_window makes it (bundled content, default settings,
    a database at ``db_path``; "Print" writes a PDF beside it), 1280×800, shown and painted."""
    from hemiapp.content.loader import load_content
    from hemiapp.paths import bundled_content_root
    from hemiapp.report.document import ReportOptions
    from hemiapp.store.db import open_database
    from hemiapp.store.sessions import SessionStore
    from hemiapp.store.staff import StaffStore
    from hemiapp.ui.main_window import MainWindow
    from hemiapp.wiring import attach_printing, attach_staff, watch_idle

    loaded = load_content(bundled_content_root())
    db = open_database(db_path)
    sessions = SessionStore(db)
    window = MainWindow(loaded.content, sessions=sessions)
    staff = attach_staff(window, StaffStore(db), sessions)
    attach_printing(
        window, ReportOptions(), None, sessions, pdf=db_path.with_suffix(".pdf"), staff=staff
    )
    idle = watch_idle(window, staff=staff)
    window.resize(1280, 800)
    window.show()
    settle()
    return window, idle
