"""A clinic server for the PostgreSQL benchmarks (tick_engines, load_stations).

A private server (tests/pgserver.py) set up as ``hemiapp db init`` sets up a clinic's:
the owner and station roles, the schema in a database of its own, and a password for
the station role in the server's PGPASSFILE (set in os.environ, so child processes
started afterwards find it too). Stations connect as the station role over
127.0.0.1 TCP, as a station on the clinic's network would.

Durable by default: tests/pgserver.py's CONF turns fsync off (enough for tests, which
survive a server's crash but never the machine's); here fsync, full_page_writes and
synchronous_commit are on, as on a clinic's server, and the server's folder is made in
the temp folder (the disk, not /dev/shm's tmpfs, where fsync costs nothing), beside
where the SQLite benchmark puts its file.

Also what the many-process benchmarks share: ``Outcome`` (what one process did) and
``run_processes`` (start them, wait until every one is connected, start them at once).
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import secrets
import subprocess
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.pgserver import PgServer

#: What a clinic's server has (PostgreSQL's defaults), where tests/pgserver.py's CONF
#: trades durability for speed.
DURABLE = {"fsync": "on", "full_page_writes": "on", "synchronous_commit": "on"}
DBNAME = "hemibench"
SET_UP_TIMEOUT_S = 180


def start_server(*, durable: bool = True) -> PgServer:
    """A started private server (close it): durable, on the temp folder's disk; or
    (``durable=False``) as the tests run it."""
    base = Path(tempfile.gettempdir())
    server = PgServer(settings=DURABLE, base=base) if durable else PgServer()
    try:
        server.start()
    except BaseException:
        server.close()
        raise
    return server


def set_up_clinic(server: PgServer) -> str:
    """``hemiapp db init`` on a new database, a password for the station role; the
    station's URL (no password in it: libpq finds it through PGPASSFILE)."""
    from hemiapp.store import pg_admin
    from hemiapp.store.pg import STATION_ROLE

    os.environ.update(server.env())
    pg_admin.init(server.create_database(DBNAME), lambda _: None)
    password = secrets.token_urlsafe(16)
    server.psql(f"ALTER ROLE {STATION_ROLE} PASSWORD '{password}'")
    server.add_password(STATION_ROLE, password)
    return server.url(DBNAME, user=STATION_ROLE)


def describe(server: PgServer) -> str:
    """The server's version and the settings that decide what a commit costs."""
    names = ("fsync", "synchronous_commit", "full_page_writes", "wal_sync_method")
    version = server.psql("SHOW server_version")[0][0]
    shown = ", ".join(f"{name}={server.psql(f'SHOW {name}')[0][0]}" for name in names)
    return f"PostgreSQL {version} ({shown}; data on {filesystem(server.data_dir)})"


def filesystem(path: Path) -> str:
    """'FSTYPE at PATH' of the file system holding ``path`` (df -T)."""
    done = subprocess.run(
        ["df", "--output=fstype,target", str(path)], capture_output=True, text=True, check=False
    )
    lines = done.stdout.split("\n")
    if done.returncode != 0 or len(lines) < 2 or not lines[1].split():
        return f"{path} (file system unknown)"
    fstype, target = lines[1].split(maxsplit=1)
    return f"{fstype} {target.strip()}"


@dataclass
class Outcome:
    """What one process did, sent back to the parent."""

    index: int
    latencies: dict[str, list[float]] = field(default_factory=dict)  # ms, by kind
    errors: Counter[str] = field(default_factory=Counter)
    stale: int = 0
    audit_rows: int = 0  # written by this station's commits (set-up included)
    started: float = 0.0  # wall clock, after the start signal
    ended: float = 0.0

    def record(self, kind: str, ms: float) -> None:
        self.latencies.setdefault(kind, []).append(ms)
        self.audit_rows += 1  # every change a station makes writes exactly one audit row

    @property
    def commits(self) -> int:
        return sum(len(values) for values in self.latencies.values())


#: A process's body: ``target(plan, ready, go, results)``: put ``(index, "")`` (or the
#: traceback) on ``ready`` once connected, wait for ``go``, work, put its Outcome.
Target = Callable[[Any, Any, Any, Any], None]


def run_processes(target: Target, plans: Sequence[Any], seconds: float) -> list[Outcome]:
    """One process per plan (spawn, so each starts as a station's process does); once
    every one is connected, all start at once; what each one did, by index."""
    context = multiprocessing.get_context("spawn")
    ready, results, go = context.Queue(), context.Queue(), context.Event()
    processes = [
        context.Process(target=target, args=(plan, ready, go, results), name=f"station-{i:02d}")
        for i, plan in enumerate(plans)
    ]
    try:
        for process in processes:
            process.start()
        for _ in processes:
            index, failure = ready.get(timeout=SET_UP_TIMEOUT_S)
            if failure:
                raise RuntimeError(f"station {index} could not start:\n{failure}")
        go.set()
        outcomes = [results.get(timeout=seconds + SET_UP_TIMEOUT_S) for _ in processes]
        for process in processes:
            process.join(timeout=SET_UP_TIMEOUT_S)
        return sorted(outcomes, key=lambda o: o.index)
    except queue.Empty:
        raise RuntimeError("a station neither reported nor failed in time") from None
    finally:
        for process in processes:  # only if something went wrong: the others end
            if process.is_alive():
                process.terminate()
                process.join()
