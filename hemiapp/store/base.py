"""What every HemiGuide database is, whichever engine holds it: the store's own interface.

Two engines implement it: SQLite, embedded, for one station (``sqlite_db``), and
PostgreSQL, a clinic's server shared by several stations (``pg``). The store's
modules write their SQL once, in the subset both engines run the same way: ``?``
placeholders, ``RETURNING`` for new ids, ``ON CONFLICT`` upserts, times as UTC text.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, ClassVar, Protocol

from hemiapp.content.clock import Clock, system_clock

#: A row read from either engine: ``row["column"]``, ``row[0]`` and ``dict(row)`` work.
Row = Any


class StoreError(Exception):
    """The database cannot be used. ``kind`` is one of locked, readonly, full, corrupt,
    newer, older, io, missing, foreign, unreachable, password, permission, timeout,
    stale."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class StaleError(StoreError):
    """A change was based on a state another station has changed since: refused."""

    def __init__(self, what: str = "") -> None:
        super().__init__("stale", "This was just changed at another station.")
        self.what = what


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Row: ...

    def fetchall(self) -> Sequence[Row]: ...


class Connection(Protocol):
    """The connection a transaction's body writes through."""

    def execute(self, sql: str, parameters: Sequence[object] = ..., /) -> Cursor: ...


def stored_time(moment: datetime) -> str:
    """A moment as stored everywhere in the database (ISO 8601, seconds, UTC)."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


class Database(ABC):
    """An open, checked database. Use ``transaction()`` for every change."""

    #: "sqlite" or "postgresql".
    engine: ClassVar[str]
    #: The column that gives the audit log's order of insertion.
    insertion_order: ClassVar[str] = "id"

    def __init__(self, station: str, *, read_only: bool = False, clock: Clock = system_clock):
        self.station = station
        #: Opened for reading only: every change is refused.
        self.read_only = read_only
        #: The clock every stored time is read from (hemiapp.content.clock).
        self.clock = clock

    @property
    @abstractmethod
    def where(self) -> str:
        """The database as messages name it: a file's path, or a server (no password)."""

    def now(self) -> str:
        """The clock's now as stored everywhere in the database (ISO 8601, seconds, UTC)."""
        return stored_time(self.clock())

    @abstractmethod
    def transaction(self) -> AbstractContextManager[Connection]:
        """One user action: everything inside commits together (durably) or not at all."""

    @abstractmethod
    def probe(self) -> None:
        """Raise StoreError unless a change could be saved now; changes nothing."""

    @abstractmethod
    def read(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        """The rows of one query, outside any transaction."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def lock_audit(self, conn: Connection) -> None:
        """Inside a transaction: wait until no other writer can append to the audit log
        before this transaction ends."""

    @abstractmethod
    def missing_guard(self) -> str:
        """Why the audit log is no longer kept append-only (a guard is missing or was
        changed), in words for ``audit verify``; "" while every guard is in place."""
