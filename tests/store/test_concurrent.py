"""Many stations writing at once, as real processes on one database (a file, or the
clinic server): every change is kept, and the audit log stays one valid chain that
``hemiapp audit verify`` passes."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hemiapp.store import audit
from hemiapp.store.db import open_database
from tests.store.conftest import ROOT

STATIONS = 6
ACTIONS = 60


@pytest.mark.slow
def test_stations_writing_at_once_keep_one_valid_audit_chain(target: str | Path) -> None:
    open_database(target, station="set-up").close()  # the file exists before they start
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.store.writer_child",
                str(target),
                f"desk-{n}",
                str(ACTIONS),
            ],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(STATIONS)
    ]
    try:
        for child in children:
            assert child.stdout is not None
            assert child.stdout.readline() == "READY\n"
        for child in children:  # all at once
            assert child.stdin is not None
            child.stdin.write("GO\n")
            child.stdin.flush()
        for child in children:
            out, err = child.communicate(timeout=120)
            assert (child.returncode, out, err) == (0, f"DONE {ACTIONS}\n", "")
    finally:
        for child in children:
            child.kill()
            child.wait()
    db = open_database(target, station="check")
    try:
        rows = db.read("SELECT station, action FROM audit ORDER BY id")
        check = audit.verify(db)
    finally:
        db.close()
    assert check.ok, check.reason
    for n in range(STATIONS):
        made = [r["action"] for r in rows if r["station"] == f"desk-{n}"]
        assert made.count("tick") + made.count("note") == ACTIONS
    # interleaved, not one station after another: the appends really ran at once
    stations = [r["station"] for r in rows if r["action"] in ("tick", "note")]
    switches = sum(1 for a, b in itertools.pairwise(stations) if a != b)
    assert switches > STATIONS
    verified = subprocess.run(
        [sys.executable, "-m", "hemiapp", "--db", str(target), "audit", "verify"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert verified.returncode == 0, verified.stdout + verified.stderr
