"""Opening the station's database: an embedded SQLite file, or a clinic's PostgreSQL server.

``open_database`` takes a file path (SQLite, as always) or a ``postgresql://`` URL.
What PostgreSQL needs (psycopg) is imported only when such a URL is opened, so a
single station starts as fast as before.
"""

from __future__ import annotations

import socket
from pathlib import Path

from platformdirs import user_data_path

from hemiapp.content.clock import Clock, system_clock
from hemiapp.paths import APP_NAME
from hemiapp.store.base import Connection, Database, Row, StaleError, StoreError, stored_time
from hemiapp.store.schema import SCHEMA_VERSION
from hemiapp.store.sqlite_db import SQLiteDatabase, fault, open_sqlite, read_only_error

__all__ = [
    "SCHEMA_VERSION",
    "Connection",
    "Database",
    "DbTarget",
    "Row",
    "SQLiteDatabase",
    "StaleError",
    "StoreError",
    "default_db_path",
    "describe",
    "fault",
    "is_server",
    "open_database",
    "read_only_error",
    "stored_time",
    "target_of",
]

_SCHEMES = ("postgresql://", "postgres://")

#: Where a station's database is: a SQLite file's path, or a clinic server's URL.
DbTarget = str | Path


def default_db_path() -> Path:
    """hemiguide.db in the platform's folder for application data (platformdirs: on Linux
    ``$XDG_DATA_HOME/HemiGuide``, by default ``~/.local/share/HemiGuide``)."""
    return user_data_path(APP_NAME, appauthor=False, roaming=True) / "hemiguide.db"


def is_server(target: DbTarget) -> bool:
    """``target`` names a PostgreSQL server (a ``postgresql://`` URL), not a file."""
    return isinstance(target, str) and target.startswith(_SCHEMES)


def target_of(text: str) -> DbTarget:
    """A database as written on the command line or in the settings: a ``postgresql://``
    (or ``postgres://``) URL stays text, anything else is a file's path."""
    return text if is_server(text) else Path(text)


def describe(target: DbTarget) -> str:
    """``target`` as messages name it: a file's path, or the server's address with no
    password and no options (``pg.safe_address``; psycopg is imported only for a URL)."""
    if not is_server(target):
        return str(target)
    from hemiapp.store import pg

    return pg.safe_address(str(target))


def open_database(
    target: DbTarget,
    *,
    station: str | None = None,
    busy_timeout_ms: int = 5000,
    create: bool = True,
    make_folder: bool = False,
    clock: Clock = system_clock,
) -> Database:
    """Open and check the HemiGuide database at ``target``: a SQLite file's path, or a
    ``postgresql://user@host:port/dbname`` URL of a server set up by ``hemiapp db init``
    (``create`` and ``make_folder`` are for files only)."""
    name = station or socket.gethostname()
    if is_server(target):
        from hemiapp.store import pg  # only a clinic server needs psycopg

        return pg.open_server(str(target), station=name, clock=clock)
    return open_sqlite(
        Path(target),
        station=name,
        busy_timeout_ms=busy_timeout_ms,
        create=create,
        make_folder=make_folder,
        clock=clock,
    )
