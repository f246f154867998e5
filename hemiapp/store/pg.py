"""A clinic's PostgreSQL server, shared by its stations (psycopg 3).

Imported only when a ``postgresql://`` database is opened. The station connects as the
station role that ``hemiapp db init`` made (``pg_admin``): it may read and write the
records, and only read and append the audit log. A station never changes the schema:
one that finds the server's schema older or newer than its own refuses, and says which
command to run.

Passwords come from libpq's usual places (``~/.pgpass``, ``PGPASSFILE``, a service
file), never from the address: an address holding one is refused before anything is
sent, and no message ever shows one. TLS follows libpq's ``sslmode``.

Faults are sorted by SQLSTATE (the error's class, never its wording); a connection
that fails before the server answers has no SQLSTATE, and is sorted by what libpq
reports of the password (``needs_password``, ``used_password``). A lost connection is
made again by the next action or the maintenance page's retry, with no restart.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import errors
from psycopg.conninfo import conninfo_to_dict

from hemiapp.content.clock import Clock, system_clock
from hemiapp.store.base import Connection, Cursor, Database, Row, StoreError
from hemiapp.store.schema import SCHEMA_VERSION

#: The schema that holds HemiGuide's tables on the server.
SCHEMA = "hemiguide"
#: The roles ``hemiapp db init`` makes: the owner migrates, the station works.
OWNER_ROLE = "hemiguide_owner"
STATION_ROLE = "hemiguide_station"
#: Key of the advisory lock that serialises audit appends (``"Hemi"`` in ASCII).
AUDIT_LOCK = 0x48656D69
#: A statement that runs longer than this is cancelled (the server may be overloaded).
STATEMENT_TIMEOUT_MS = 15_000
CONNECT_TIMEOUT_S = 5


class PgRow(tuple[Any, ...]):
    """A row that reads like ``sqlite3.Row``: by column name or by position."""

    _index: dict[str, int]

    def __new__(cls, values: Sequence[Any], index: dict[str, int]) -> PgRow:
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return super().__getitem__(self._index[key])
        return super().__getitem__(key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor: Any) -> Callable[[Sequence[Any]], PgRow]:
    index = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: PgRow(values, index)


@functools.lru_cache(maxsize=256)
def _pg_sql(sql: str) -> str:
    """The store's portable SQL (``?`` placeholders) in psycopg's style (``%s``)."""
    return sql.replace("%", "%%").replace("?", "%s")


class _PgConnection:
    """What a transaction's body writes through: ``execute`` with the store's SQL."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self._conn = conn

    def execute(self, sql: str, parameters: Sequence[object] = (), /) -> Cursor:
        return self._conn.execute(_pg_sql(sql), tuple(parameters))


def safe_address(url: str) -> str:
    """``url`` as messages and logs show it: ``postgresql://user@host:port/dbname``,
    whatever else it held (no password, no options)."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "postgresql://(an address that cannot be read)"
    if "service" in parts and "host" not in parts:
        return f"postgresql://(service {parts['service']})"
    user = f"{parts['user']}@" if parts.get("user") else ""
    host = str(parts.get("host") or "localhost")
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{host}{port}/{parts.get('dbname') or ''}"


def check_address(url: str) -> dict[str, Any]:
    """The parts of ``url``; StoreError if it cannot be read or holds a password."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise StoreError(
            "missing",
            "The database address cannot be read. Write it as "
            "postgresql://user@host:port/dbname (--db, or database: in the settings).",
        ) from exc
    if parts.get("password"):
        raise StoreError(
            "password",
            f"The database address {safe_address(url)} holds a password, so it was not "
            "used. Passwords are never kept in the settings or typed on the command line: "
            "put it in ~/.pgpass (or the file PGPASSFILE names, or a service file), and "
            "take it out of the address.",
        )
    return parts


class Faults:
    """Turns psycopg's errors into StoreErrors that name the server and what to do."""

    def __init__(self, where: str, user: str, admin: str = "postgresql://ADMIN@HOST/DBNAME"):
        self.where, self.user, self.admin = where, user, admin

    def of(self, exc: psycopg.Error, *, writing: bool) -> StoreError:
        lost = " The last action was not saved." if writing else ""
        state = exc.sqlstate
        server = f"The clinic server {self.where}"
        said = _first_line(exc)
        if isinstance(exc, errors.InsufficientPrivilege):
            return StoreError(
                "permission",
                f"{server} does not let the user {self.user} do this ({said}).{lost} Ask IT "
                "to check the station's role (hemiapp db check says what it may do); "
                f"hemiapp db upgrade --admin {self.admin} grants what a station needs.",
            )
        if isinstance(exc, errors.ReadOnlySqlTransaction):
            return StoreError(
                "readonly",
                f"{server} is taking no changes just now (it is read-only).{lost} Ask IT to "
                "check the server (a standby, or default_transaction_read_only).",
            )
        if isinstance(exc, errors.DiskFull) or (state or "").startswith("53"):
            return StoreError(
                "full",
                f"{server} is out of space or memory ({said}).{lost} Ask IT to free space "
                "on the server.",
            )
        if isinstance(exc, errors.QueryCanceled | errors.LockNotAvailable):
            return StoreError(
                "timeout",
                f"{server} took too long to answer ({said}).{lost} Try again; if it keeps "
                "happening, ask IT to check the server's load.",
            )
        if isinstance(exc, errors.SerializationFailure | errors.DeadlockDetected):
            return StoreError(
                "locked", f"{server} was busy with another station's change.{lost} Try again."
            )
        if state is None or state.startswith(("08", "57P")):
            return self.unreachable(exc, lost)
        return StoreError("io", f"{server} could not be used ({said}).{lost}")

    def unreachable(self, exc: psycopg.Error, lost: str = "") -> StoreError:
        pgconn = getattr(exc, "pgconn", None)
        said = _first_line(exc)
        if pgconn is not None and (pgconn.needs_password or pgconn.used_password):
            found = (
                "refused"
                if pgconn.used_password
                else "asked for a password, and none was found for"
            )
            return StoreError(
                "password",
                f"The clinic server {self.where} {found} the user {self.user} ({said}).{lost} "
                "Put this station's password in ~/.pgpass (or the file PGPASSFILE names, or a "
                "service file), never in the settings; or ask IT to check the station's role.",
            )
        return StoreError(
            "unreachable",
            f"The clinic server {self.where} cannot be reached ({said}).{lost} Check that "
            "the server is running and that this station is on the clinic's network. "
            "HemiGuide connects again by itself when the server is back.",
        )


def _first_line(exc: BaseException) -> str:
    text = str(exc).removeprefix("connection failed: ").strip()
    text = text.replace("FATAL:  ", "").replace("ERROR:  ", "")
    return text.splitlines()[0] if text else type(exc).__name__


def connect(url: str, faults: Faults, *, role_check: bool = True) -> psycopg.Connection[Any]:
    """A new connection to ``url`` (autocommit: ``transaction()`` begins and commits)."""
    try:
        conn: psycopg.Connection[Any] = psycopg.connect(
            url,
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT_S,
            application_name="HemiGuide",
            row_factory=_row_factory,
        )
    except psycopg.Error as exc:
        raise faults.unreachable(exc) from exc
    try:
        conn.execute(f"SET search_path = {SCHEMA}")
        conn.execute(f"SET statement_timeout = {STATEMENT_TIMEOUT_MS}")
        conn.execute("SET idle_in_transaction_session_timeout = 60000")
    except psycopg.Error as exc:
        conn.close()
        raise faults.of(exc, writing=False) from exc
    return conn


class PgDatabase(Database):
    """A station's connection to the clinic server, made again when it is lost."""

    engine = "postgresql"

    def __init__(self, url: str, station: str, clock: Clock = system_clock) -> None:
        super().__init__(station, clock=clock)
        parts = check_address(url)
        self.url = url
        self.address = safe_address(url)
        self.user = str(parts.get("user") or "")
        self.faults = Faults(self.address, self.user or "(this account's name)", admin_hint(url))
        self._conn: psycopg.Connection[Any] | None = None

    @property
    def where(self) -> str:
        return self.address

    @property
    def connection(self) -> psycopg.Connection[Any]:
        """The live connection, made again if it was lost."""
        conn = self._conn
        if conn is None or conn.closed or conn.broken:
            if conn is not None:
                conn.close()
            self._conn = None
            self._conn = conn = connect(self.url, self.faults)
        return conn

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        conn = self.connection
        try:
            with conn.transaction():
                yield _PgConnection(conn)
        except psycopg.Error as exc:
            raise self.faults.of(exc, writing=True) from exc

    def probe(self) -> None:
        try:
            row = self.connection.execute("SHOW transaction_read_only").fetchone()
        except psycopg.Error as exc:
            raise self.faults.of(exc, writing=False) from exc
        if row is not None and row[0] == "on":
            raise self.faults.of(errors.ReadOnlySqlTransaction(), writing=False)

    def read(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        try:
            return self.connection.execute(_pg_sql(sql), tuple(params)).fetchall()
        except psycopg.Error as exc:
            raise self.faults.of(exc, writing=False) from exc

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def lock_audit(self, conn: Connection) -> None:
        conn.execute("SELECT pg_advisory_xact_lock(?)", (AUDIT_LOCK,))

    def missing_guard(self) -> str:
        trigger = self.read(
            "SELECT tgenabled FROM pg_trigger WHERE tgname = 'audit_append_only' "
            "AND tgrelid = to_regclass('audit')"
        )
        if not trigger or trigger[0][0] == "D":
            return (
                "the append-only trigger audit_append_only is missing or disabled "
                "(someone with the owner's rights took it away)"
            )
        granted = self.read(
            "SELECT has_table_privilege(?, 'audit', 'UPDATE, DELETE, TRUNCATE')",
            (STATION_ROLE,),
        )
        if granted and granted[0][0]:
            return (
                f"the station role {STATION_ROLE} may change or delete audit rows "
                "(someone granted it UPDATE, DELETE or TRUNCATE on the audit table)"
            )
        return ""

    def schema_version(self) -> int | None:
        """The server's schema version; None if HemiGuide was never set up there."""
        exists = self.read("SELECT to_regclass('schema_versions') IS NOT NULL")
        if not exists or not exists[0][0]:
            return None
        rows = self.read("SELECT max(version) FROM schema_versions")
        return int(rows[0][0] or 0)


def open_server(url: str, *, station: str, clock: Clock = system_clock) -> PgDatabase:
    """Connect to the clinic server at ``url`` and check that this station can use it."""
    db = PgDatabase(url, station, clock)
    try:
        check_schema(db)
    except BaseException:
        db.close()
        raise
    return db


def check_schema(db: PgDatabase) -> None:
    """StoreError unless the server's schema is the one this HemiGuide knows."""
    version = db.schema_version()
    admin = admin_hint(db.url)
    if version is None:
        raise StoreError(
            "missing",
            f"The clinic server {db.where} has no HemiGuide database yet. Ask IT to run: "
            f"hemiapp db init --admin {admin}",
        )
    if version < SCHEMA_VERSION:
        raise StoreError(
            "older",
            f"The clinic server {db.where} holds an older HemiGuide database (schema "
            f"{version}; this station needs {SCHEMA_VERSION}). Ask IT to run: "
            f"hemiapp db upgrade --admin {admin}",
        )
    if version > SCHEMA_VERSION:
        raise StoreError(
            "newer",
            f"The clinic server {db.where} was set up by a newer HemiGuide (schema "
            f"{version}; this station knows up to {SCHEMA_VERSION}). Update HemiGuide on "
            "this station.",
        )


def admin_hint(url: str) -> str:
    """The address the set-up commands want, for messages: this one with the admin's name."""
    address = safe_address(url)
    if "@" in address:
        return "postgresql://ADMIN@" + address.split("@", 1)[1]
    return address.replace("postgresql://", "postgresql://ADMIN@", 1)
