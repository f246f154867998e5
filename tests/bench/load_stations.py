"""Many stations on one server: ``python -m tests.bench.load_stations [--stations 20]
[--seconds 60] [--pause MS] [--baseline-seconds S]``.

A private PostgreSQL server set up as a clinic's (tests/bench/clinic.py: ``pg_admin.init``,
the station role, fsync and synchronous_commit on, data on the temp folder's disk;
``--fast-server``: fsync off, as the tests run it). The parent makes one named session
that every station shares, then starts --stations stations, each a separate OS process
(multiprocessing, spawn) with its own ``PgDatabase`` connection as the station role over
127.0.0.1 TCP, its own station name, and two named sessions of its own. When all are
connected, all start at once and, for --seconds, loop: pick a session (the shared one
for a fifth of the actions, so that stations contend for the same rows as well as for
the audit lock), then an action through the real store path:

- tick (half the actions): ``Session.set_status`` toggling a random item of the bundled
  checklists done/open (``SessionStore.item_changed``, one commit with its audit row);
- note (three in ten): ``Session.set_note`` with a new text (one commit);
- print (one in five): ``SessionStore.print_started`` with a ``PrintRequest`` (to a PDF
  that is never made: nothing is printed), then ``print_finished`` (two commits).

With --pause MS, each station waits a random time (exponential, mean MS) between
actions; by default none, so the figures are what the machine can take flat out.

Every commit is timed, from the store call to its return. A change refused with
``StaleError`` (another station changed the shared session's row since this station
read it: the store's version check doing its job, nothing written) counts as "refused
as stale", not as an error, and the station reads the shared session again; every other
failure is an error, counted by its StoreError kind (or exception type). At the end:
throughput (commits per second, all stations), p50/p95/p99/max commit latency, the
errors, and ``audit.verify`` on the server, with its row count against the rows the
committed changes wrote.

Then the baseline, on the same server with the same number of processes, for
--baseline-seconds each way (tests/bench/bare_commits.py): one-row INSERT+commit through
psycopg alone, free and serialised by an advisory lock (as the audit chain's appends
are); HemiGuide's throughput and median latency against each. Targets (issue 15): no
errors, ``audit verify`` ok. A figure, not an assertion.
"""

from __future__ import annotations

import argparse
import random
import time
import traceback
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from multiprocessing.synchronize import Event
from typing import Any

from tests.bench.bare_commits import BarePlan, bare_station, create_bare_database
from tests.bench.clinic import Outcome, describe, run_processes, set_up_clinic, start_server
from tests.bench.common import machine, percentile

SHARED_SHARE = 0.2
ACTIONS = (("tick", 5), ("note", 3), ("print", 2))
KINDS = ("tick", "note", "print", "print-result")  # what a commit is, as reported
OWN_SESSIONS = 2


@dataclass(frozen=True)
class Plan:
    url: str
    index: int
    seconds: float
    shared_id: int
    pause_ms: float


def station(plan: Plan, ready: Any, go: Event, results: Any) -> None:
    """One station's process: connect, make its sessions, wait for the start, then work."""
    try:
        outcome, work = _set_up(plan)
    except BaseException:
        ready.put((plan.index, traceback.format_exc()))
        return
    ready.put((plan.index, ""))
    go.wait()
    try:
        work(outcome)
    except BaseException:
        outcome.errors[f"station stopped: {traceback.format_exc().splitlines()[-1]}"] += 1
    results.put(outcome)


def _set_up(plan: Plan) -> tuple[Outcome, Any]:
    from hemiapp.content.loader import load_content
    from hemiapp.content.session import ItemStatus, PatientDetails, Session
    from hemiapp.paths import bundled_content_root
    from hemiapp.store.base import StaleError, StoreError
    from hemiapp.store.db import open_database
    from hemiapp.store.printlog import PrintRequest
    from hemiapp.store.sessions import SessionStore

    content = load_content(bundled_content_root()).content
    items = [(c.id, item.id) for c in content.checklists for item in c.items]
    db = open_database(plan.url, station=f"station-{plan.index:02d}")
    store = SessionStore(db)
    outcome = Outcome(plan.index)
    own: list[Session] = []
    for n in range(OWN_SESSIONS):
        patient = PatientDetails(f"Patient {plan.index}-{n}", date(1950 + n, 1, 1 + plan.index))
        own.append(store.new_named(content, patient, language="en", surgery_date=None))
        outcome.audit_rows += 1  # session-start
    shared = [store.resume(plan.shared_id, content)]
    rng = random.Random(plan.index)
    kinds = [kind for kind, _ in ACTIONS]
    weights = [weight for _, weight in ACTIONS]
    request = PrintRequest("pdf", f"/nonexistent/station-{plan.index}.pdf", 2, ("pre-op",), "en")

    def commit(kind: str, session: Session, change: Any) -> Any:
        start = time.perf_counter()
        try:
            result = change()
        except StaleError:
            if session is shared[0]:
                outcome.stale += 1
                shared[0] = store.resume(plan.shared_id, content)
            else:
                outcome.errors["stale (own session)"] += 1
            return None
        except StoreError as error:
            outcome.errors[error.kind] += 1
            return None
        except Exception as error:  # what the store should have turned into a StoreError
            outcome.errors[type(error).__name__] += 1
            return None
        outcome.record(kind, (time.perf_counter() - start) * 1000)
        return result if result is not None else True

    def work(outcome: Outcome) -> None:
        outcome.started = time.time()
        deadline = time.monotonic() + plan.seconds
        notes = 0
        try:
            while time.monotonic() < deadline:
                session = shared[0] if rng.random() < SHARED_SHARE else rng.choice(own)
                kind = rng.choices(kinds, weights)[0]
                checklist, item = rng.choice(items)
                if kind == "tick":
                    done = session.status(checklist, item) is ItemStatus.DONE
                    status = ItemStatus.OPEN if done else ItemStatus.DONE
                    commit(kind, session, partial(session.set_status, checklist, item, status))
                elif kind == "note":
                    notes += 1
                    text = f"note {notes} from station {plan.index}"
                    commit(kind, session, partial(session.set_note, checklist, item, text))
                else:
                    attempt = commit(kind, session, partial(store.print_started, session, request))
                    if attempt is not None:
                        finish = partial(store.print_finished, session, attempt, "")
                        commit("print-result", session, finish)
                if plan.pause_ms > 0:
                    time.sleep(rng.expovariate(1 / plan.pause_ms) / 1000)
        finally:
            outcome.ended = time.time()
            db.close()

    return outcome, work


def span(outcomes: Sequence[Outcome]) -> float:
    """Seconds from the first process's start to the last one's end."""
    return max(o.ended for o in outcomes) - min(o.started for o in outcomes)


def tail_line(label: str, values: list[float]) -> str:
    if not values:
        return f"  {label:<22} (none)"
    cells = "".join(f"{percentile(values, q):9.2f}" for q in (50, 95, 99)) + f"{max(values):9.2f}"
    return f"  {label:<22}{cells}   (n {len(values)})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stations", type=int, default=20, help="station processes (20)")
    parser.add_argument("--seconds", type=float, default=60, help="how long they work (60)")
    parser.add_argument(
        "--pause", type=float, default=0, metavar="MS", help="mean pause between actions (0)"
    )
    parser.add_argument(
        "--fast-server",
        action="store_true",
        help="run PostgreSQL as the tests do (fsync off): not a clinic's commit cost",
    )
    parser.add_argument(
        "--baseline-seconds",
        type=float,
        default=10,
        metavar="S",
        help="how long the bare baseline runs, each way (10; 0: none)",
    )
    args = parser.parse_args(argv)
    if args.stations < 1 or args.seconds <= 0 or args.pause < 0 or args.baseline_seconds < 0:
        parser.error(
            "--stations must be at least 1, --seconds above 0, --pause and "
            "--baseline-seconds not below 0"
        )

    from hemiapp.content.loader import load_content
    from hemiapp.content.session import PatientDetails
    from hemiapp.paths import bundled_content_root
    from hemiapp.store import audit
    from hemiapp.store.db import open_database
    from hemiapp.store.sessions import SessionStore

    content = load_content(bundled_content_root()).content
    server = start_server(durable=not args.fast_server)
    try:
        url = set_up_clinic(server)
        db = open_database(url, station="bench-parent")
        try:
            patient = PatientDetails("Shared Patient", date(1970, 6, 1), "SHARED-1")
            shared = SessionStore(db).new_named(content, patient, language="en", surgery_date=None)
            assert shared.id is not None
        finally:
            db.close()
        plans = [Plan(url, i, args.seconds, shared.id, args.pause) for i in range(args.stations)]
        outcomes = run_processes(station, plans, args.seconds)
        db = open_database(url, station="bench-verify")
        try:
            verified = audit.verify(db)
            counted = int(db.read("SELECT count(*) FROM audit")[0][0])
        finally:
            db.close()
        baselines: dict[str, list[Outcome]] = {}
        if args.baseline_seconds > 0:
            bare_url = create_bare_database(server)
            for name, serialised in (("free", False), ("serialised", True)):
                bare = [
                    BarePlan(bare_url, i, args.baseline_seconds, serialised)
                    for i in range(args.stations)
                ]
                baselines[name] = run_processes(bare_station, bare, args.baseline_seconds)
        facts = describe(server)
    finally:
        server.close()

    window, commits = span(outcomes), sum(o.commits for o in outcomes)
    by_kind: dict[str, list[float]] = {kind: [] for kind in KINDS}
    for outcome in outcomes:
        for kind, values in outcome.latencies.items():
            by_kind.setdefault(kind, []).extend(values)
    every = [ms for values in by_kind.values() for ms in values]
    errors: Counter[str] = sum((o.errors for o in outcomes), Counter())
    stale = sum(o.stale for o in outcomes)
    expected = 1 + sum(o.audit_rows for o in outcomes)  # the parent's shared session-start

    pause = f"a mean pause of {args.pause:g} ms between actions" if args.pause else "no pause"
    print(
        f"{args.stations} stations (processes), each its own PgDatabase as the station role "
        f"over TCP 127.0.0.1, {args.seconds:g} s, {pause}; {machine()}"
    )
    print(f"  {facts}")
    if args.fast_server:
        print("  NOTE: --fast-server: fsync off, so the server's commits are not durable here")
    shares = ", ".join(f"{kind} {weight * 10} %" for kind, weight in ACTIONS)
    print(
        f"  each station: {OWN_SESSIONS} sessions of its own and a shared one "
        f"({SHARED_SHARE * 100:.0f} % of its actions); {shares} "
        "(print: print_started + print_finished)"
    )
    counts = ", ".join(f"{kind} {len(values)}" for kind, values in by_kind.items())
    per_station = [o.commits for o in outcomes]
    print(
        f"  throughput: {commits} commits in {window:.1f} s = {commits / window:.1f} commits/s "
        f"({counts}); per station {min(per_station)}–{max(per_station)}"
    )
    print(f"  {'commit latency, ms':<22}{'p50':>9}{'p95':>9}{'p99':>9}{'max':>9}")
    print(tail_line("every commit", every))
    for kind, values in by_kind.items():
        print(tail_line(kind, values))
    listed = ", ".join(f"{kind}: {n}" for kind, n in errors.most_common()) or "none"
    print(f"  errors: {sum(errors.values())} ({listed})")
    print(f"  refused as stale (shared session; StaleError, nothing written): {stale}")
    state = "ok" if verified.ok else f"FAILED at row {verified.first_bad}: {verified.reason}"
    print(
        f"  audit verify: {state}; {verified.rows} rows on the server "
        f"(count(*) {counted}; the committed changes and set-up wrote {expected})"
    )
    if baselines:
        print(
            f"  baseline, the same {args.stations} processes for {args.baseline_seconds:g} s "
            "each way, one-row INSERT+commit through psycopg alone (tests/bench/bare_commits.py):"
        )
        print(f"  {'commit latency, ms':<22}{'p50':>9}{'p95':>9}{'p99':>9}{'max':>9}")
        for name, runs in baselines.items():
            values = [ms for o in runs for ms in o.latencies.get("bare", [])]
            print(tail_line(f"bare, {name}", values))
            bare_rate = sum(o.commits for o in runs) / span(runs)
            bare_errors = sum(sum(o.errors.values()) for o in runs)
            p50 = percentile(every, 50) / percentile(values, 50) if values else 0.0
            print(
                f"    {bare_rate:.1f} commits/s, errors {bare_errors}; HemiGuide/bare: "
                f"throughput {commits / window / bare_rate:.2f}×, p50 latency {p50:.1f}×"
            )
    met = "met" if not errors else "missed"
    print(f"  targets: errors 0: {met}; audit verify ok: {'met' if verified.ok else 'missed'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
