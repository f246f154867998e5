"""The baseline for tests/bench/load_stations.py: the same number of processes committing
one-row INSERTs through psycopg alone, no HemiGuide code, on the same server.

Each process has its own connection (autocommit; ``conn.transaction()`` per commit, as
the store's ``transaction()``) over the same TCP to a database of its own on the server
(``BARE_DBNAME``, as its superuser; the password from PGPASSFILE). Two ways:

- free: each transaction one INSERT (how many commits the server and its disk take from
  that many clients; PostgreSQL groups their WAL flushes);
- serialised: each transaction takes ``pg_advisory_xact_lock`` first, as the store's
  ``lock_audit`` does for the audit chain, then INSERTs (the floor for commits that
  must follow one another).
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass
from typing import Any

from tests.bench.clinic import Outcome
from tests.pgserver import PgServer

BARE_DBNAME = "hemibare"
LOCK = 0x6865_6D69  # any number: the bare database has no other advisory lock


@dataclass(frozen=True)
class BarePlan:
    url: str
    index: int
    seconds: float
    serialised: bool


def create_bare_database(server: PgServer) -> str:
    """The baseline's database and table; its URL (superuser, no password in it)."""
    server.create_database(BARE_DBNAME)
    server.psql(
        "CREATE TABLE bare (id bigserial PRIMARY KEY, station int NOT NULL, at text NOT NULL)",
        dbname=BARE_DBNAME,
    )
    return server.url(BARE_DBNAME)


def bare_station(plan: BarePlan, ready: Any, go: Any, results: Any) -> None:
    """One process: connect, wait for the start, commit for ``plan.seconds``."""
    import psycopg

    try:
        conn = psycopg.connect(plan.url, autocommit=True)
    except BaseException:
        ready.put((plan.index, traceback.format_exc()))
        return
    ready.put((plan.index, ""))
    go.wait()
    outcome = Outcome(plan.index)
    outcome.started = time.time()
    deadline = time.monotonic() + plan.seconds
    try:
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                with conn.transaction():
                    if plan.serialised:
                        conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK,))
                    conn.execute(
                        "INSERT INTO bare (station, at) VALUES (%s, %s)",
                        (plan.index, str(time.time())),
                    )
            except psycopg.Error as error:
                outcome.errors[type(error).__name__] += 1
                continue
            outcome.record("bare", (time.perf_counter() - start) * 1000)
    except BaseException:
        outcome.errors[f"stopped: {traceback.format_exc().splitlines()[-1]}"] += 1
    finally:
        outcome.ended = time.time()
        conn.close()
    results.put(outcome)
