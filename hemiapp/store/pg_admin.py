"""Setting up a clinic's PostgreSQL server: what ``hemiapp db init`` and ``db upgrade`` do.

Run with an administrator's address (a superuser, or a role with CREATEROLE that owns
the database). ``init`` makes two roles and a schema:

- ``hemiguide_owner`` (NOLOGIN) owns the schema and every table; migrations run as it.
- ``hemiguide_station`` (LOGIN, no password until IT gives it one) is what stations
  connect as. It may read and write the records, and only SELECT and INSERT the audit
  log: no UPDATE, DELETE or TRUNCATE is granted, so nobody holding a station's
  credentials can rewrite history (and a trigger refuses it to the owner too).

Migrations are ``schema.MIGRATIONS``, the same list SQLite runs, each one applied in
one transaction and recorded in ``schema_versions`` (version, when, by whom).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import psycopg
from psycopg import sql

from hemiapp.store.base import StoreError
from hemiapp.store.pg import (
    AUDIT_LOCK,
    OWNER_ROLE,
    SCHEMA,
    STATION_ROLE,
    Faults,
    check_address,
    safe_address,
)
from hemiapp.store.schema import APPEND_ONLY, MIGRATIONS, RECORDS, SCHEMA_VERSION, for_postgresql

Say = Callable[[str], None]


def _admin(url: str) -> tuple[psycopg.Connection[Any], Faults]:
    parts = check_address(url)
    faults = Faults(safe_address(url), str(parts.get("user") or "(this account's name)"))
    try:
        conn: psycopg.Connection[Any] = psycopg.connect(
            url, autocommit=True, connect_timeout=10, application_name="HemiGuide set-up"
        )
    except psycopg.Error as exc:
        raise faults.unreachable(exc) from exc
    return conn, faults


def _version(conn: psycopg.Connection[Any]) -> int | None:
    found = conn.execute(
        "SELECT to_regclass(%s) IS NOT NULL", (f"{SCHEMA}.schema_versions",)
    ).fetchone()
    if not found or not found[0]:
        return None
    row = conn.execute(
        sql.SQL("SELECT max(version) FROM {}.schema_versions").format(sql.Identifier(SCHEMA))
    ).fetchone()
    return int(row[0] or 0) if row else 0


def init(url: str, say: Say) -> int:
    """Make the roles, the schema and every table; the schema version made."""
    conn, faults = _admin(url)
    try:
        with conn:
            if _version(conn) is not None:
                raise StoreError(
                    "exists",
                    f"The server {safe_address(url)} already holds a HemiGuide database "
                    f"(schema {_version(conn)}). Nothing was changed. To bring it up to date, "
                    "run: hemiapp db upgrade --admin URL",
                )
            with conn.transaction():
                for role, login in ((OWNER_ROLE, "NOLOGIN"), (STATION_ROLE, "LOGIN")):
                    known = "SELECT 1 FROM pg_roles WHERE rolname = %s"
                    if not conn.execute(known, (role,)).fetchone():
                        make = sql.SQL("CREATE ROLE {} " + login)
                        conn.execute(make.format(sql.Identifier(role)))
                        say(f"made the role {role} ({login.lower()})")
                    else:
                        say(f"the role {role} is already there")
                conn.execute(sql.SQL("GRANT {} TO CURRENT_USER").format(sql.Identifier(OWNER_ROLE)))
                conn.execute(
                    sql.SQL("CREATE SCHEMA IF NOT EXISTS {} AUTHORIZATION {}").format(
                        sql.Identifier(SCHEMA), sql.Identifier(OWNER_ROLE)
                    )
                )
                conn.execute(
                    sql.SQL("REVOKE ALL ON SCHEMA {} FROM PUBLIC").format(sql.Identifier(SCHEMA))
                )
            version = _migrate(conn, 0, say)
            _grant(conn)
            say(
                f"granted {STATION_ROLE} what a station needs (the audit log: SELECT and "
                "INSERT only)"
            )
    except psycopg.Error as exc:
        raise faults.of(exc, writing=True) from exc
    finally:
        conn.close()
    return version


def upgrade(url: str, say: Say) -> tuple[int, int]:
    """Apply the migrations the server lacks: (version before, version after)."""
    conn, faults = _admin(url)
    try:
        with conn:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_lock(%s)", (AUDIT_LOCK + 1,))
            before = _version(conn)
            if before is None:
                raise StoreError(
                    "missing",
                    f"The server {safe_address(url)} has no HemiGuide database yet. Nothing "
                    "was changed. Set it up first: hemiapp db init --admin URL",
                )
            if before > SCHEMA_VERSION:
                raise StoreError(
                    "newer",
                    f"The server {safe_address(url)} is at schema {before}, newer than this "
                    f"HemiGuide knows ({SCHEMA_VERSION}). Nothing was changed. Upgrade "
                    "HemiGuide on this machine first.",
                )
            after = _migrate(conn, before, say)
            _grant(conn)
    except psycopg.Error as exc:
        raise faults.of(exc, writing=True) from exc
    finally:
        conn.close()
    return before, after


def _as_owner(conn: psycopg.Connection[Any]) -> None:
    conn.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(OWNER_ROLE)))
    conn.execute(sql.SQL("SET LOCAL search_path = {}").format(sql.Identifier(SCHEMA)))


def _migrate(conn: psycopg.Connection[Any], version: int, say: Say) -> int:
    """Each missing migration in its own transaction, as the owner."""
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        with conn.transaction():
            _as_owner(conn)
            if number == 1:  # with the first tables, so a failed set-up leaves none
                conn.execute(
                    "CREATE TABLE schema_versions (version INTEGER PRIMARY KEY, "
                    "applied_at TEXT NOT NULL, applied_by TEXT NOT NULL)"
                )
            for statement in for_postgresql(script):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_versions (version, applied_at, applied_by) "
                "VALUES (%s, %s, session_user)",
                (number, datetime.now(UTC).isoformat(timespec="seconds")),
            )
        say(f"schema {number} of {SCHEMA_VERSION} applied")
    return max(version, SCHEMA_VERSION)


def _grant(conn: psycopg.Connection[Any]) -> None:
    """What the station role may do: the records, read and written; the audit log, read
    and appended to, never changed."""
    schema, station = sql.Identifier(SCHEMA), sql.Identifier(STATION_ROLE)
    records = sql.SQL(", ").join(sql.Identifier(SCHEMA, t) for t in RECORDS)
    append_only = sql.SQL(", ").join(sql.Identifier(SCHEMA, t) for t in APPEND_ONLY)
    with conn.transaction():
        _as_owner(conn)
        for statement in (
            "REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM PUBLIC",
            "GRANT USAGE ON SCHEMA {schema} TO {station}",
            "GRANT SELECT, INSERT, UPDATE ON {records} TO {station}",
            "REVOKE UPDATE, DELETE, TRUNCATE ON {append_only} FROM {station}",
            "GRANT SELECT, INSERT ON {append_only} TO {station}",
            "GRANT SELECT ON {schema}.schema_versions TO {station}",
            "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {station}",
        ):
            conn.execute(
                sql.SQL(statement).format(
                    schema=schema, station=station, records=records, append_only=append_only
                )
            )
