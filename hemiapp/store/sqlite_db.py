"""The embedded SQLite database of one station: opening it safely, migrations, one
transaction per action.

Python's sqlite3 only. WAL journal, synchronous=FULL, foreign keys on, and every
fault (locked, read-only, full disk, corrupt, newer schema) turned into a
StoreError with a message a person can act on. A file that is not a HemiGuide
database is never replaced by a new empty one.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from hemiapp.content.clock import Clock, system_clock
from hemiapp.store import files
from hemiapp.store.base import Connection, Database, Row, StoreError
from hemiapp.store.schema import MIGRATIONS, SCHEMA_VERSION, for_sqlite

_HEADER = files.HEADER


def read_only_error(path: Path) -> StoreError:
    return StoreError(
        "readonly",
        f"The database {path} cannot be written (read-only), so HemiGuide opened it for "
        "reading only and changed nothing. Check the file's permissions and the disk.",
    )


#: SQLite's primary result codes (the low byte of an extended code) and the fault each is.
_FAULT_OF_CODE = {
    sqlite3.SQLITE_BUSY: "locked",
    sqlite3.SQLITE_LOCKED: "locked",
    sqlite3.SQLITE_READONLY: "readonly",
    sqlite3.SQLITE_FULL: "full",
    sqlite3.SQLITE_CORRUPT: "corrupt",
    sqlite3.SQLITE_NOTADB: "corrupt",
}


def fault(kind: str, path: Path, detail: object = "") -> StoreError:
    """The StoreError for a fault of ``kind``, in words a person can act on."""
    messages = {
        "locked": f"The database {path} is in use by another program and stayed locked. "
        "Close the other program, then try again.",
        "readonly": f"The database {path} cannot be written (read-only). "
        "Check the file's permissions and the disk.",
        "full": f"The disk holding {path} is full. Free some space, then try again.",
        "corrupt": f"The database {path} is damaged. Nothing was changed. "
        "Restore it from a backup, or ask IT for help.",
    }
    return StoreError(kind, messages.get(kind, f"The database {path} could not be used: {detail}"))


def _translate(exc: sqlite3.Error, path: Path) -> StoreError:
    """Sort a SQLite fault by its result code (``sqlite_errorcode``), never its wording."""
    code = getattr(exc, "sqlite_errorcode", None)
    kind = _FAULT_OF_CODE.get(code & 0xFF, "io") if isinstance(code, int) else "io"
    return fault(kind, path, exc)


class SQLiteDatabase(Database):
    """An open, checked SQLite file."""

    engine = "sqlite"
    insertion_order = "rowid"

    def __init__(
        self,
        path: Path,
        connection: sqlite3.Connection,
        station: str,
        read_only: bool = False,
        clock: Clock = system_clock,
    ) -> None:
        super().__init__(station, read_only=read_only, clock=clock)
        self.path = path
        self.connection = connection

    @property
    def where(self) -> str:
        return str(self.path)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action: everything inside commits together (durably) or not at all."""
        if self.read_only:
            raise read_only_error(self.path)
        conn = self.connection
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from exc
        try:
            yield conn
        except sqlite3.Error as exc:
            conn.rollback()
            raise _translate(exc, self.path) from exc
        except BaseException:
            conn.rollback()
            raise
        try:
            conn.commit()
        except sqlite3.Error as exc:
            conn.rollback()
            raise _translate(exc, self.path) from exc

    def probe(self) -> None:
        """Raise StoreError unless a change could be saved now; changes nothing, and does
        not wait for another program's lock (a screen calls this)."""
        if self.read_only:
            raise read_only_error(self.path)
        conn = self.connection
        try:
            wait = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
            conn.execute("PRAGMA busy_timeout = 0")
            try:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("ROLLBACK")
            finally:
                conn.execute(f"PRAGMA busy_timeout = {wait}")
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from exc

    def read(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        try:
            return self.connection.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from exc

    def close(self) -> None:
        self.connection.close()

    def lock_audit(self, conn: Connection) -> None:
        """Nothing to do: ``BEGIN IMMEDIATE`` holds the file's one write lock already."""

    def missing_guard(self) -> str:
        """The name of the first append-only trigger not there as HemiGuide made it."""
        made = files.expected_schema(MIGRATIONS, SCHEMA_VERSION)
        wanted = sorted(item for item in made if item[0] == "trigger")
        there = files.schema_of(self.connection)
        missing = next((name for kind, name, sql in wanted if (kind, name, sql) not in there), "")
        if not missing:
            return ""
        return (
            f"the append-only trigger {missing} is missing or changed "
            "(someone with the file took it away)"
        )


def open_sqlite(
    path: Path,
    *,
    station: str,
    busy_timeout_ms: int = 5000,
    create: bool = True,
    make_folder: bool = False,
    clock: Clock = system_clock,
) -> SQLiteDatabase:
    """Open and check the HemiGuide database at ``path``.

    A missing file is made (``create``), complete and private, in a folder that exists
    (``make_folder``: make missing folders too, 0700; for the default path). An existing
    file is used only if it is a HemiGuide database, and nothing is written to it (or
    beside it) before that is known. A file HemiGuide cannot write is opened for
    reading only, and ``read_only`` says so."""
    path = Path(path)
    if not path.parent.is_dir():
        if not make_folder or path.parent.exists():
            raise StoreError(
                "missing",
                f"The folder {path.parent} does not exist. "
                "Check the database path (--db, or database: in the settings).",
            )
        try:
            files.make_private_folder(path.parent)
        except OSError as exc:
            raise StoreError(
                "io", f"The folder for the database {path.parent} cannot be made: {exc.strerror}"
            ) from exc
    if not path.exists():
        if not create:
            raise StoreError("missing", f"There is no database at {path}.")
        _create(path, busy_timeout_ms)
    _check_ours(path)
    read_only = not files.writable(path)
    if not read_only:
        for own in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            files.make_private(own)
    try:
        if read_only:
            conn = sqlite3.connect(
                files.read_only_uri(path), uri=True, isolation_level=None, check_same_thread=False
            )
        else:
            conn = sqlite3.connect(
                path, timeout=busy_timeout_ms / 1000, isolation_level=None, check_same_thread=False
            )
    except sqlite3.Error as exc:
        raise _translate(exc, path) from exc
    conn.row_factory = sqlite3.Row
    db = SQLiteDatabase(path, conn, station, read_only, clock)
    try:
        _configure(db, busy_timeout_ms)
        _migrate(db)
    except sqlite3.Error as exc:
        conn.close()
        raise _translate(exc, path) from exc
    except StoreError:
        conn.close()
        raise
    return db


def _create(path: Path, busy_timeout_ms: int) -> None:
    """Make a new database at ``path``: built complete under a temporary name beside it,
    then linked into place, so that nobody ever finds a half-made one there, and an
    existing file (another station's new database, made a moment ago) is never replaced."""
    temp = path.with_name(f".{path.name}.new-{os.getpid()}-{secrets.token_hex(4)}")
    try:
        files.create_private_file(temp)
        conn = sqlite3.connect(temp, timeout=busy_timeout_ms / 1000, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            db = SQLiteDatabase(temp, conn, "", False)
            _migrate(db)
        finally:
            conn.close()
        with contextlib.suppress(FileExistsError):  # made meanwhile by another station: used
            os.link(temp, path)
    except OSError as exc:
        raise StoreError(
            "io", f"The database {path} cannot be made: {exc.strerror or exc}"
        ) from exc
    except sqlite3.Error as exc:
        raise _translate(exc, path) from exc
    finally:
        for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
            leftover.unlink(missing_ok=True)


def _check_ours(path: Path) -> None:
    """Refuse, having written nothing, any file that is not a HemiGuide database."""
    try:
        head = files.header(path)
    except OSError as exc:
        raise StoreError("io", f"The database {path} cannot be read: {exc.strerror}") from exc
    if head and not head.startswith(_HEADER):
        raise fault("corrupt", path)
    not_ours = StoreError(
        "foreign",
        f"The file {path} is not a HemiGuide database. Nothing was changed. "
        "Check the database path (--db, or database: in the settings).",
    )
    if not head:
        raise not_ours  # empty: it is not ours to fill
    app_id = files.header_application_id(head)
    if app_id == files.APPLICATION_ID:
        return
    if app_id != 0:
        raise not_ours
    try:
        ours = files.looks_like_ours(path, MIGRATIONS)
    except sqlite3.Error as exc:
        raise _translate(exc, path) from exc
    if not ours:
        raise not_ours


def _configure(db: SQLiteDatabase, busy_timeout_ms: int) -> None:
    conn = db.connection
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    # Read-only: nothing is written, so the journal mode does not matter (and is not set).
    mode = "wal" if db.read_only else conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StoreError(
            "io", f"The database {db.path} cannot use write-ahead logging (journal mode {mode})."
        )
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    checks = {
        "synchronous": 2,  # FULL
        "foreign_keys": 1,
    }
    for pragma, wanted in checks.items():
        value = conn.execute(f"PRAGMA {pragma}").fetchone()[0]
        if value != wanted:
            raise StoreError("io", f"The database {db.path} refused PRAGMA {pragma}.")
    result = conn.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise fault("corrupt", db.path)


def _migrate(db: SQLiteDatabase) -> None:
    conn = db.connection
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StoreError(
            "newer",
            f"The database {db.path} was written by a newer HemiGuide (schema {version}; "
            f"this version knows up to {SCHEMA_VERSION}). Update HemiGuide on this station.",
        )
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if version == SCHEMA_VERSION and app_id == files.APPLICATION_ID:
        return
    if db.read_only:
        if version == SCHEMA_VERSION:
            return  # made before the application_id: stamped when next opened to write
        raise read_only_error(db.path)
    with db.transaction():
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            for statement in for_sqlite(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
        conn.execute(f"PRAGMA application_id = {files.APPLICATION_ID}")
