"""What ``hemiapp db check`` says about a station's database: where it is, its schema, and
whether this station can use it (read, write, and find the audit log append-only).

A file is opened as every HemiGuide command opens it (an older one is brought up to
date, as the app would). A server is connected to as the station would (its address,
its password from ``~/.pgpass``), without the schema check that refuses a station at
start, and asked: its version, HemiGuide's schema there, and this user's rights. A
station can use a server when its user may read every table, add and change records,
append to the audit log, and may not UPDATE, DELETE or TRUNCATE the audit log (whose
trigger is in place). psycopg is imported only for a server.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hemiapp.store.base import StoreError
from hemiapp.store.db import DbTarget, is_server, open_database
from hemiapp.store.schema import APPEND_ONLY, RECORDS, SCHEMA_VERSION

if TYPE_CHECKING:
    from hemiapp.store.pg import PgDatabase


@dataclass
class Report:
    """Lines of (what, finding) to print; ``problem`` says why the station cannot use the
    database, and what to run ("" when it can)."""

    lines: list[tuple[str, str]] = field(default_factory=list)
    problem: str = ""

    @property
    def usable(self) -> bool:
        return not self.problem

    def add(self, what: str, finding: str) -> None:
        self.lines.append((what, finding))


def check(target: DbTarget, *, station: str | None = None, make_folder: bool = False) -> Report:
    """The report on ``target``: a SQLite file's path or a ``postgresql://`` URL."""
    if is_server(target):
        return _check_server(str(target), station)
    return _check_file(target, station, make_folder)


def _check_file(target: DbTarget, station: str | None, make_folder: bool) -> Report:
    report = Report()
    report.add("engine", "sqlite (one station's own file)")
    report.add("file", str(target))
    try:
        db = open_database(target, station=station, create=False, make_folder=make_folder)
    except StoreError as exc:
        report.problem = exc.message
        return report
    try:
        report.add("schema", f"{SCHEMA_VERSION} (this HemiGuide: {SCHEMA_VERSION})")
        report.add("reads", "yes")
        if db.read_only:
            report.add("writes", "no: the file is read-only")
            report.problem = (
                f"The database {db.where} cannot be written (read-only). Check the file's "
                "permissions and the disk."
            )
        else:
            db.probe()
            report.add("writes", "yes")
        missing = db.missing_guard()
        if missing:
            report.add("audit log", f"NOT append-only: {missing}")
            report.problem = report.problem or (
                f"The audit log in {db.where} is not kept append-only: {missing}. "
                "Run hemiapp audit verify, and restore the file from a backup."
            )
        else:
            report.add("audit log", "append-only (its triggers are in place)")
    except StoreError as exc:
        report.problem = exc.message
    finally:
        db.close()
    return report


_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE")
#: The tables whose ids come from an identity column (a sequence a station uses).
_IDENTITIES = ("staff", "sessions", "signoffs", "audit")


def _check_server(url: str, station: str | None) -> Report:
    from hemiapp.store.pg import PgDatabase  # only a clinic server needs psycopg

    report = Report()
    report.add("engine", "postgresql (a clinic server)")
    try:
        db = PgDatabase(url, station or socket.gethostname())
    except StoreError as exc:  # an address that cannot be read, or holds a password
        report.problem = exc.message
        return report
    report.add("server", db.where)
    try:
        _server(db, report)
    except StoreError as exc:
        report.problem = report.problem or exc.message
    finally:
        db.close()
    return report


def _server(db: PgDatabase, report: Report) -> None:
    from hemiapp.store.pg import SCHEMA, STATION_ROLE, admin_hint, check_schema

    version, user, superuser = db.read(
        "SELECT current_setting('server_version'), current_user, "
        "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"
    )[0]
    report.add("server version", f"PostgreSQL {version}")
    report.add("user", f"{user} (a superuser)" if superuser else str(user))
    fix = (
        f"Stations connect as {STATION_ROLE} (hemiapp db init made it); if this one does, "
        f"ask IT to run: hemiapp db upgrade --admin {admin_hint(db.url)}, which grants "
        "what a station needs."
    )
    usable = db.read(
        "SELECT has_schema_privilege(oid, 'USAGE') FROM pg_namespace WHERE nspname = ?",
        (SCHEMA,),
    )
    if usable and not usable[0][0]:
        report.add("schema", "there, but this user may not use it")
        report.problem = f"The user {user} may not use HemiGuide's tables on {db.where}. {fix}"
        return
    there = db.schema_version()
    report.add(
        "schema", f"{'none' if there is None else there} there; this HemiGuide: {SCHEMA_VERSION}"
    )
    try:
        check_schema(db)
    except StoreError as exc:
        report.problem = exc.message
        if there is None:
            return
    may = _rights(db)
    unread = [t for t in (*RECORDS, *APPEND_ONLY) if "SELECT" not in may[t]]
    report.add("reads", "yes" if not unread else f"no: not {', '.join(unread)}")
    unwritten = [t for t in RECORDS if not {"INSERT", "UPDATE"} <= may[t]]
    unwritten += [t for t in APPEND_ONLY if "INSERT" not in may[t]]
    unwritten += [f"{t}'s ids" for t in _IDENTITIES if not _may_number(db, t)]
    if unread or unwritten:
        report.add("writes", "no" if not unwritten else f"no: not {', '.join(unwritten)}")
        report.problem = report.problem or (
            f"The user {user} may not read and write HemiGuide's records on {db.where}. {fix}"
        )
    else:
        try:
            db.probe()
        except StoreError as exc:
            report.add("writes", "no: the server is taking no changes")
            report.problem = report.problem or exc.message
        else:
            report.add("writes", "yes")
    _check_audit(db, report, str(user), bool(superuser), may["audit"] - {"SELECT", "INSERT"})


def _check_audit(
    db: PgDatabase, report: Report, user: str, superuser: bool, changes: set[str]
) -> None:
    from hemiapp.store.pg import STATION_ROLE, admin_hint

    if changes:
        rights = ", ".join(p for p in _PRIVILEGES if p in changes)
        report.add("audit log", f"NOT append-only for {user}: it may {rights} audit rows")
        who = f"{user} is a superuser, who" if superuser else f"The user {user}"
        report.problem = report.problem or (
            f"{who} may change or delete audit rows on {db.where} ({rights}), so a station "
            f"must not use the server as {user}: the audit log must be append-only. Stations "
            f"connect as {STATION_ROLE} (hemiapp db init made it); if this one does, ask IT "
            f"to run: hemiapp db upgrade --admin {admin_hint(db.url)}, which takes those "
            "rights away."
        )
        return
    missing = db.missing_guard()
    if missing:
        report.add("audit log", f"NOT append-only: {missing}")
        report.problem = report.problem or (
            f"The audit log on {db.where} is not kept append-only: {missing}. Ask IT to "
            f"restore it (hemiapp db upgrade --admin {admin_hint(db.url)} takes away rights "
            f"granted to {STATION_ROLE} since), then check the log: hemiapp audit verify."
        )
        return
    report.add(
        "audit log",
        f"append-only for {user} (SELECT and INSERT only; no UPDATE, DELETE or TRUNCATE)",
    )


def _rights(db: PgDatabase) -> dict[str, set[str]]:
    """What the user may do with each of HemiGuide's tables (nothing with a missing one)."""
    from hemiapp.store.pg import SCHEMA

    rights: dict[str, set[str]] = {}
    for table in (*RECORDS, *APPEND_ONLY):
        columns = ", ".join(
            f"coalesce(has_table_privilege(to_regclass(?)::oid, '{p}'), false)" for p in _PRIVILEGES
        )
        name = f"{SCHEMA}.{table}"
        row = db.read(f"SELECT {columns}", (name,) * len(_PRIVILEGES))[0]
        rights[table] = {p for p, allowed in zip(_PRIVILEGES, row, strict=True) if allowed}
    return rights


def _may_number(db: PgDatabase, table: str) -> bool:
    """The user may take new ids from ``table``'s identity column."""
    from hemiapp.store.pg import SCHEMA

    rows = db.read(
        "SELECT coalesce(has_sequence_privilege(pg_get_serial_sequence(?, 'id'), 'USAGE'), false)",
        (f"{SCHEMA}.{table}",),
    )
    return bool(rows and rows[0][0])
