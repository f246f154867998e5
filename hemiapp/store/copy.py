"""``hemiapp db copy``: one station's SQLite file moved onto a new clinic server.

Every table is copied as it is (ids, times, PIN hashes, the audit log's hashes and its
head record), so the audit chain on the server is the station's chain and ``hemiapp
audit verify`` passes there. It all happens in one transaction, as the owner role (so
the identity sequences can be moved past the copied ids); a server that already holds
any record is refused, as is a file whose schema is not this HemiGuide's. Nothing is
written to the file, or to the server when anything is refused or fails.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from hemiapp.store import files
from hemiapp.store.audit import ANCHOR_DIGITS
from hemiapp.store.base import StoreError
from hemiapp.store.pg import AUDIT_LOCK, SCHEMA, safe_address

# Set-up work shares the administrator's connection, the owner role and the version
# lookup with ``db init`` and ``db upgrade``.
from hemiapp.store.pg_admin import _admin, _as_owner, _version
from hemiapp.store.schema import APPEND_ONLY, MIGRATIONS, RECORDS, SCHEMA_VERSION

#: Every table, in an order that keeps each row's references to rows copied before it.
TABLES = (*RECORDS, *APPEND_ONLY)
#: The tables whose ``id`` is an identity column on the server.
IDENTITIES = ("staff", "sessions", "signoffs", "audit")
_NOUNS = {
    "meta": ("setting", "settings"),
    "staff": ("staff account", "staff accounts"),
    "sessions": ("session", "sessions"),
    "item_states": ("item state", "item states"),
    "quiz_answers": ("quiz answer", "quiz answers"),
    "signoffs": ("sign-off", "sign-offs"),
    "audit": ("audit row", "audit rows"),
}

Rows = tuple[list[str], list[tuple[Any, ...]]]


def counted(counts: dict[str, int], *, all_tables: bool = True) -> str:
    """``3 staff accounts, 1 session, …`` (only the tables with rows, unless ``all_tables``)."""
    parts = []
    for table in TABLES:
        number = counts.get(table, 0)
        if number or all_tables:
            one, many = _NOUNS[table]
            parts.append(f"{number} {one if number == 1 else many}")
    return ", ".join(parts)


@dataclass(frozen=True)
class Copied:
    counts: dict[str, int]
    #: The audit chain's head as an anchor (``42:1a2b…``); "" when the log was empty.
    head: str

    def summary(self) -> str:
        return counted(self.counts)


def copy_station(source: Path, url: str) -> Copied:
    """Copy the station file ``source`` into the server at ``url`` (an administrator's
    address; the server set up by ``db init``, at this HemiGuide's schema, no records)."""
    tables = read_station(source)
    conn, faults = _admin(url)
    where = safe_address(url)
    try:
        with conn:
            _check_server(where, _version(conn))
            with conn.transaction():
                _as_owner(conn)
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (AUDIT_LOCK,))
                names = sql.SQL(", ").join(sql.Identifier(SCHEMA, t) for t in TABLES)
                conn.execute(sql.SQL("LOCK TABLE {} IN EXCLUSIVE MODE").format(names))
                _refuse_records(conn, where)
                for table in TABLES:
                    _copy_table(conn, table, *tables[table])
                for table in IDENTITIES:
                    _move_sequence(conn, table)
    except psycopg.Error as exc:
        raise faults.of(exc, writing=True) from exc
    finally:
        conn.close()
    audit = tables["audit"][1]
    head = f"{audit[-1][0]}:{str(audit[-1][-1])[:ANCHOR_DIGITS]}" if audit else ""
    return Copied({table: len(rows) for table, (_, rows) in tables.items()}, head)


def read_station(path: Path) -> dict[str, Rows]:
    """Every table of the station file at ``path``, read in one snapshot, for reading only
    (nothing is written to it or beside it): its columns and its rows in id order."""
    if not path.is_file():
        raise StoreError("missing", f"There is no database at {path}. Nothing was copied.")
    not_ours = StoreError(
        "foreign",
        f"The file {path} is not a HemiGuide database. Nothing was copied. "
        "Check the path after --from.",
    )
    try:
        head = files.header(path)
        app_id = files.header_application_id(head)
        if not head.startswith(files.HEADER) or app_id not in (0, files.APPLICATION_ID):
            raise not_ours
        if app_id == 0 and not files.looks_like_ours(path, MIGRATIONS):
            raise not_ours
        conn = sqlite3.connect(files.read_only_uri(path), uri=True, isolation_level=None)
        try:
            conn.execute("BEGIN")  # one snapshot of every table
            _check_file(path, int(conn.execute("PRAGMA user_version").fetchone()[0]))
            tables = {table: _read_table(conn, table) for table in TABLES}
            conn.execute("COMMIT")
        finally:
            conn.close()
    except OSError as exc:
        raise StoreError("io", f"The file {path} cannot be read: {exc.strerror}.") from exc
    except sqlite3.Error as exc:
        raise StoreError(
            "io", f"The file {path} could not be read ({exc}). Nothing was copied."
        ) from exc
    return tables


def _read_table(conn: sqlite3.Connection, table: str) -> Rows:
    columns = [str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")]
    order = "id" if "id" in columns else "rowid"
    listed = ", ".join(columns)
    return columns, conn.execute(f"SELECT {listed} FROM {table} ORDER BY {order}").fetchall()


def _check_file(path: Path, version: int) -> None:
    if version < SCHEMA_VERSION:
        raise StoreError(
            "older",
            f"The file {path} holds an older HemiGuide database (schema {version}; this "
            f"HemiGuide copies schema {SCHEMA_VERSION}). Nothing was copied. Open it once "
            f"with this HemiGuide, which brings it up to date (for example: hemiapp --db "
            f"{path} staff list), then copy it.",
        )
    if version > SCHEMA_VERSION:
        raise StoreError(
            "newer",
            f"The file {path} was written by a newer HemiGuide (schema {version}; this one "
            f"knows up to {SCHEMA_VERSION}). Nothing was copied. Update HemiGuide here first.",
        )


def _check_server(where: str, version: int | None) -> None:
    if version is None:
        raise StoreError(
            "missing",
            f"The server {where} has no HemiGuide database yet. Nothing was copied. Set it "
            "up first: hemiapp db init --admin URL",
        )
    if version < SCHEMA_VERSION:
        raise StoreError(
            "older",
            f"The server {where} is at schema {version}; this HemiGuide copies schema "
            f"{SCHEMA_VERSION}. Nothing was copied. Bring it up to date first: hemiapp db "
            "upgrade --admin URL",
        )
    if version > SCHEMA_VERSION:
        raise StoreError(
            "newer",
            f"The server {where} is at schema {version}, newer than this HemiGuide knows "
            f"({SCHEMA_VERSION}). Nothing was copied. Upgrade HemiGuide on this machine first.",
        )


def _refuse_records(conn: psycopg.Connection[Any], where: str) -> None:
    """A server holding any record already is refused: two stations' ids and audit
    chains are never mixed."""
    held = {}
    for table in TABLES:
        count = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(SCHEMA, table))
        row = conn.execute(count).fetchone()
        held[table] = int(row[0]) if row else 0
    if any(held.values()):
        raise StoreError(
            "exists",
            f"The server {where} already holds records ({counted(held, all_tables=False)}). "
            "Nothing was copied. db copy fills only a server that holds none, so that no "
            "two stations' ids and audit logs are mixed: copy into a new database made with "
            "hemiapp db init.",
        )


def _copy_table(
    conn: psycopg.Connection[Any], table: str, columns: list[str], rows: list[tuple[Any, ...]]
) -> None:
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(SCHEMA, table), sql.SQL(", ").join(sql.Identifier(c) for c in columns)
    )
    with conn.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def _move_sequence(conn: psycopg.Connection[Any], table: str) -> None:
    """The next id the server hands out follows the highest one copied."""
    statement = sql.SQL(
        "SELECT setval(pg_get_serial_sequence(%s, 'id'), max(id)) FROM {} "
        "HAVING max(id) IS NOT NULL"
    ).format(sql.Identifier(SCHEMA, table))
    conn.execute(statement, (f"{SCHEMA}.{table}",))
