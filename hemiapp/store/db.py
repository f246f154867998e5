"""The SQLite database: where it lives, opening it safely, migrations, one transaction per action.

Python's sqlite3 only. WAL journal, synchronous=FULL, foreign keys on, and every
fault (locked, read-only, full disk, corrupt, newer schema) turned into a
StoreError with a message a person can act on. A file that is not a HemiGuide
database is never replaced by a new empty one.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from hemiapp.store.schema import MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)
_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """The database cannot be used; ``kind`` is locked, readonly, full, corrupt, newer or io."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


def default_db_path() -> Path:
    """hemiguide.db in the platform's folder for application data."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "HemiGuide" / "hemiguide.db"


def utc_now() -> str:
    """Now, in UTC, as stored everywhere in the database (ISO 8601, seconds)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _translate(exc: sqlite3.Error, path: Path) -> StoreError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreError(
            "locked",
            f"The database {path} is in use by another program and stayed locked. "
            "Close the other program, then try again.",
        )
    if "readonly" in text or "read-only" in text:
        return StoreError(
            "readonly",
            f"The database {path} cannot be written (read-only). "
            "Check the file's permissions and the disk.",
        )
    if "full" in text:
        return StoreError(
            "full", f"The disk holding {path} is full. Free some space, then try again."
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError(
            "corrupt",
            f"The database {path} is damaged. Nothing was changed. "
            "Restore it from a backup, or ask IT for help.",
        )
    return StoreError("io", f"The database {path} could not be used: {exc}")


@dataclass
class Database:
    """An open, checked connection. Use ``transaction()`` for every change."""

    path: Path
    connection: sqlite3.Connection
    station: str

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action: everything inside commits together (durably) or not at all."""
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

    def read(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        try:
            return self.connection.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from exc

    def close(self) -> None:
        self.connection.close()


def open_database(
    path: Path, *, station: str | None = None, busy_timeout_ms: int = 5000
) -> Database:
    """Open (creating if the file does not exist yet) and check the database at ``path``."""
    path = Path(path)
    exists = path.exists()
    if exists:
        try:
            with open(path, "rb") as fh:
                header = fh.read(len(_HEADER))
        except OSError as exc:
            raise StoreError("io", f"The database {path} cannot be read: {exc.strerror}") from exc
        if header and header != _HEADER:
            raise _translate(sqlite3.DatabaseError("file is not a database"), path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                "io", f"The folder for the database {path.parent} cannot be made: {exc.strerror}"
            ) from exc
    try:
        conn = sqlite3.connect(
            path, timeout=busy_timeout_ms / 1000, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise _translate(exc, path) from exc
    conn.row_factory = sqlite3.Row
    db = Database(path, conn, station or socket.gethostname())
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


def _configure(db: Database, busy_timeout_ms: int) -> None:
    conn = db.connection
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
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
        raise _translate(sqlite3.DatabaseError("database disk image is malformed"), db.path)


def _migrate(db: Database) -> None:
    conn = db.connection
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StoreError(
            "newer",
            f"The database {db.path} was written by a newer HemiGuide (schema {version}; "
            f"this version knows up to {SCHEMA_VERSION}). Update HemiGuide on this station.",
        )
    if version == SCHEMA_VERSION:
        return
    with db.transaction():
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            for statement in script:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
