"""CPU used while idle: ``python -m tests.bench.idle [--seconds 60] [--kiosk] [--runs N]``.

Starts the real app (``.venv/bin/hemiapp --db <fresh file>``, empty settings folders, at
its welcome screen; ``--kiosk`` passes ``--kiosk`` to it) and the bare PySide6 window
(tests/bench/bare_window.py) side by side, lets them settle (--settle, 5 s after start),
then reads each one's CPU time over --seconds (60) of nobody touching anything:
utime + stime of all threads from /proc/PID/stat (clock-tick resolution, 10 ms here), the
same in nanoseconds from /proc/PID/task/*/schedstat, and the context switches of all
threads (a rough count of wake-ups). Qt platform offscreen, or xcb when DISPLAY is set
(e.g. ``xvfb-run -a .venv/bin/python -m tests.bench.idle``). Target (issue 7): < 0.1 s of
CPU in 60 s. A figure, not an assertion.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

from tests.bench.common import (
    CpuSample,
    add_platform_option,
    bare_window_command,
    bytecode_note,
    check_platform,
    child_env,
    cpu_sample,
    hemiapp_command,
    machine,
    rss_kib,
)


def start(cmd: list[str], home: Path, args: argparse.Namespace) -> subprocess.Popen[bytes]:
    env = child_env(args.platform, home, exit_when_ready=False, bytecode=args.bytecode)
    with open(home / "stderr", "wb") as err:  # the child keeps its own copy
        return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def report(name: str, before: CpuSample, after: CpuSample, seconds: float, rss: int) -> None:
    stat = after.stat_seconds - before.stat_seconds
    sched = after.sched_seconds - before.sched_seconds
    switches = after.switches - before.switches
    print(
        f"  {name:>11}: CPU {stat:.3f} s (stat), {sched:.4f} s (schedstat) in {seconds:.0f} s "
        f"(target < 0.1 s); {switches / seconds:.1f} context switches/s; {after.threads} threads; "
        f"RSS {rss / 1024:.1f} MiB"
    )


def one_run(args: argparse.Namespace, folder: Path) -> None:
    procs: dict[str, subprocess.Popen[bytes]] = {}
    homes = {"hemiapp": folder / "app", "bare window": folder / "floor"}
    for home in homes.values():
        home.mkdir()
    app_cmd = [*hemiapp_command(), "--db", str(homes["hemiapp"] / "hemiguide.db")]
    if args.kiosk:
        app_cmd.append("--kiosk")
    try:
        procs["hemiapp"] = start(app_cmd, homes["hemiapp"], args)
        procs["bare window"] = start(bare_window_command(), homes["bare window"], args)
        time.sleep(args.settle)
        for name, proc in procs.items():
            if proc.poll() is not None:
                error = (homes[name] / "stderr").read_text(errors="replace").strip()
                print(f"  {name:>11}: exited {proc.returncode} before the measurement: {error}")
                return
        before = {name: cpu_sample(proc.pid) for name, proc in procs.items()}
        began = time.monotonic()
        time.sleep(args.seconds)
        after = {name: cpu_sample(proc.pid) for name, proc in procs.items()}
        took = time.monotonic() - began
        for name, proc in procs.items():
            report(name, before[name], after[name], took, rss_kib(proc.pid))
    finally:
        for proc in procs.values():
            stop(proc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="measurements (default 1)")
    parser.add_argument("--seconds", type=float, default=60.0, help="idle time measured (60)")
    parser.add_argument("--settle", type=float, default=5.0, help="wait after start (5 s)")
    parser.add_argument("--kiosk", action="store_true", help="pass --kiosk to the app")
    add_platform_option(parser, prefer_display=True)
    args = parser.parse_args(argv)
    check_platform(parser, args.platform)
    kiosk = " --kiosk" if args.kiosk else ""
    print(f"idle CPU at the welcome screen{kiosk}, Qt platform {args.platform}; {machine()}")
    print(f"  {bytecode_note(args.bytecode)}")
    for run in range(args.runs):
        if args.runs > 1:
            print(f" run {run + 1}:")
        with tempfile.TemporaryDirectory(prefix="hemibench-") as folder:
            one_run(args, Path(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
