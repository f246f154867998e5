"""Tick with its commit on both engines: ``python -m tests.bench.tick_engines [--ticks N]``.

A tick through the real store path: ``Session.set_status`` on a named session, whose
recorder ``SessionStore.item_changed`` runs one transaction (the item's versioned write, its
audit row with the hash chain's lock, the sign-off check) and commits before it
returns. Every tick toggles done/open, round the bundled pre-op checklist's items, so
each one is a status change with its audit row. The same run, on:

- SQLite: a new file in the temp folder, as the store opens it (WAL, synchronous=FULL:
  an fsync per commit);
- PostgreSQL: a private server (tests/pgserver.py) set up by ``pg_admin.init``, the
  station connecting as the station role over 127.0.0.1 TCP. tests/pgserver.py runs its
  server with fsync off; this one runs with fsync, full_page_writes and
  synchronous_commit on, its data in the temp folder (tests/bench/clinic.py), so a
  commit costs what it costs on a clinic's server (``--fast-server``: as the tests run
  it, fsync off).

After --warmup untimed ticks on each, N ticks each (default 500), interleaved (one on
each engine in turn, the order swapped every round, so both see the same machine).
Then the baseline, measured the same way and interleaved too: a bare INSERT of one row
and its commit through the driver alone, no HemiGuide code: ``sqlite3`` on a file of its
own beside the store's (WAL, synchronous=FULL, ``BEGIN IMMEDIATE``, as the store opens
it), and ``psycopg`` over the same TCP to a database of its own on the same server
(autocommit, ``conn.transaction()``, as the store's ``transaction()``). Below that, the
floor: ``Database.read("SELECT 1")`` on each engine (a round trip with no commit), and
one 4 KiB write with fdatasync in the temp folder (what the disk takes to make a commit
durable). Prints p50 (the median), p95, p99 and max (ms), and their ratios: tick/bare
per engine (the bare commit is what this machine's engine takes for any commit, so the
ratio is what HemiGuide adds) and PostgreSQL/SQLite. Target (issue 15): tick p95 ≤ 16 ms
on both. A figure, not an assertion.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hemiapp.content.models import Content
from hemiapp.content.session import ItemStatus, PatientDetails, Session
from hemiapp.store.db import Database
from tests.bench.clinic import describe, filesystem, set_up_clinic, start_server
from tests.bench.common import machine, percentile
from tests.pgserver import PgServer

TARGET_MS = 16.0
CHECKLIST = "pre-op"
BARE_DBNAME = "hemibare"
PATIENT = PatientDetails("Bench Patient", date(1960, 1, 2), "BENCH-1")


class Ticker:
    """Toggles the checklist's items in turn: all done, then all open, and so on."""

    def __init__(self, db: Database, content: Content) -> None:
        from hemiapp.store.sessions import SessionStore

        self.db = db
        store = SessionStore(db)
        self.session: Session = store.new_named(content, PATIENT, language="en", surgery_date=None)
        self.items = [item.id for item in content.checklist(CHECKLIST).items]
        self.count = 0

    def tick(self) -> None:
        item = self.items[self.count % len(self.items)]
        self.count += 1
        done = self.session.status(CHECKLIST, item) is ItemStatus.DONE
        self.session.set_status(CHECKLIST, item, ItemStatus.OPEN if done else ItemStatus.DONE)

    def select_one(self) -> None:
        self.db.read("SELECT 1")


def timed_ms(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def interleaved(actions: dict[str, Callable[[], None]], runs: int) -> dict[str, list[float]]:
    """Each action ``runs`` times, one of each in turn, the order reversed every round."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    names = list(actions)
    for round_ in range(runs):
        for name in names if round_ % 2 == 0 else reversed(names):
            times[name].append(timed_ms(actions[name]))
    return times


class BareSqlite:
    """One row INSERTed and committed through sqlite3 alone, the file as the store has it."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute("CREATE TABLE bare (id INTEGER PRIMARY KEY, at TEXT NOT NULL)")

    def commit(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("INSERT INTO bare (at) VALUES (?)", (time.time(),))
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


class BarePostgres:
    """One row INSERTed and committed through psycopg alone, over the same TCP to the same
    server (a database of its own, as its superuser)."""

    def __init__(self, server: PgServer) -> None:
        server.create_database(BARE_DBNAME)
        self.conn = server.connect(BARE_DBNAME)
        self.conn.execute("CREATE TABLE bare (id bigserial PRIMARY KEY, at text NOT NULL)")

    def commit(self) -> None:
        with self.conn.transaction():
            self.conn.execute("INSERT INTO bare (at) VALUES (%s)", (str(time.time()),))

    def close(self) -> None:
        self.conn.close()


def fdatasync_ms(folder: Path, runs: int) -> list[float]:
    """One 4 KiB write + fdatasync per run, in ``folder`` (the disk's floor for a commit)."""
    block = os.urandom(4096)
    fd = os.open(folder / "fsync-probe", os.O_WRONLY | os.O_CREAT, 0o600)
    try:

        def write() -> None:
            os.pwrite(fd, block, 0)
            os.fdatasync(fd)

        return [timed_ms(write) for _ in range(runs)]
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Row:
    label: str
    values: list[float]

    def line(self) -> str:
        figures = [percentile(self.values, q) for q in (50, 95, 99)] + [max(self.values)]
        cells = "".join(f"{f:9.2f}" for f in figures)
        return f"  {self.label:<32}{cells}   (n {len(self.values)})"


def ratio_line(label: str, top: list[float], bottom: list[float]) -> str:
    """``top``/``bottom`` at p50, p95, p99 and max."""
    cells = ""
    for q in (50, 95, 99, 100):
        a, b = percentile(top, q), percentile(bottom, q)
        cells += f"{a / b:8.1f}×" if b > 0 else f"{'–':>9}"
    return f"  {label:<32}{cells}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ticks", type=int, default=500, help="timed ticks per engine (500)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed ticks first (20)")
    parser.add_argument(
        "--fast-server",
        action="store_true",
        help="run PostgreSQL as the tests do (fsync off): not a clinic's commit cost",
    )
    args = parser.parse_args(argv)
    if args.ticks < 1 or args.warmup < 0:
        parser.error("--ticks must be at least 1 and --warmup at least 0")

    from hemiapp.content.loader import load_content
    from hemiapp.paths import bundled_content_root
    from hemiapp.store.db import open_database

    content = load_content(bundled_content_root()).content
    server = start_server(durable=not args.fast_server)
    dbs: list[Database | BareSqlite | BarePostgres] = []
    try:
        url = set_up_clinic(server)
        with tempfile.TemporaryDirectory(prefix="hemibench-") as name:
            folder = Path(name)
            lite = open_database(folder / "hemiguide.db", station="bench-sqlite")
            dbs.append(lite)
            pg = open_database(url, station="bench-pg")
            dbs.append(pg)
            tickers = {"SQLite": Ticker(lite, content), "PostgreSQL": Ticker(pg, content)}
            for ticker in tickers.values():
                for _ in range(args.warmup):
                    ticker.tick()
            ticks = interleaved({k: t.tick for k, t in tickers.items()}, args.ticks)
            bare_lite = BareSqlite(folder / "bare.db")
            dbs.append(bare_lite)
            bare_pg = BarePostgres(server)
            dbs.append(bare_pg)
            bares = {"SQLite": bare_lite.commit, "PostgreSQL": bare_pg.commit}
            for commit in bares.values():
                for _ in range(args.warmup):
                    commit()
            bare = interleaved(bares, args.ticks)
            selects = interleaved({k: t.select_one for k, t in tickers.items()}, args.ticks)
            disk = fdatasync_ms(folder, args.ticks)
            modes = [lite.read(f"PRAGMA {p}")[0][0] for p in ("journal_mode", "synchronous")]
            where = filesystem(folder)
            pg_facts = describe(server)
    finally:
        for db in dbs:
            db.close()
        server.close()

    sync = {2: "FULL", 3: "EXTRA"}.get(modes[1], str(modes[1]))
    print(
        f"tick with its commit (Session.set_status → SessionStore.item_changed), "
        f"{args.ticks} per engine interleaved after {args.warmup} untimed; {machine()}"
    )
    facts = f"journal {modes[0]}, synchronous={sync}; file on {where}"
    print(f"  SQLite {sqlite3.sqlite_version} ({facts})")
    print(f"  {pg_facts}, station role over TCP 127.0.0.1")
    if args.fast_server:
        print("  NOTE: --fast-server: fsync off, so PostgreSQL's commits are not durable here")
    print(f"  {'ms':<32}{'p50':>9}{'p95':>9}{'p99':>9}{'max':>9}")
    for engine in ("SQLite", "PostgreSQL"):
        print(Row(f"tick, {engine}", ticks[engine]).line())
        print(Row(f"bare INSERT+commit, {engine}", bare[engine]).line())
        print(ratio_line(f"tick/bare, {engine}", ticks[engine], bare[engine]))
    print(ratio_line("tick, PostgreSQL/SQLite", ticks["PostgreSQL"], ticks["SQLite"]))
    print(ratio_line("bare, PostgreSQL/SQLite", bare["PostgreSQL"], bare["SQLite"]))
    print("  floor:")
    print(Row("SELECT 1, SQLite", selects["SQLite"]).line())
    print(Row("SELECT 1, PostgreSQL", selects["PostgreSQL"]).line())
    print(Row("4 KiB write + fdatasync", disk).line())
    verdicts = []
    for engine, values in ticks.items():
        p95 = percentile(values, 95)
        verdicts.append(f"{engine} {'met' if p95 <= TARGET_MS else 'missed'} ({p95:.2f} ms)")
    print(f"  target: tick p95 ≤ {TARGET_MS:.0f} ms on both: {', '.join(verdicts)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
