"""Test configuration: offscreen Qt, no test may leave a top-level widget behind, and a
private PostgreSQL server (tests/pgserver.py) for the tests that need one."""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.pgserver import PgServer

# Set before any QApplication exists; tests that need a real X server start
# their own process with QT_QPA_PLATFORM=xcb under Xvfb.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")


@pytest.fixture(autouse=True)
def no_station_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app's data and logs folders are the test's own; the logs are closed after it."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    yield
    from hemiapp import logs

    logs.shutdown()


@pytest.fixture(autouse=True)
def no_stray_widgets() -> Iterator[None]:
    """Fail a test that leaves a top-level widget open (runs after qtbot's own clean-up)."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    stray = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    if stray:
        names = ", ".join(f"{type(w).__name__}({w.objectName()!r})" for w in stray)
        for widget in stray:
            widget.close()
            widget.deleteLater()
        pytest.fail(f"test left top-level widgets open: {names}")


_databases = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The run's private PostgreSQL server, started once (initdb ~1 s), stopped and
    removed at the end. Skipped without PostgreSQL; on CI (CI set) that is a failure."""
    from tests.pgserver import PgServer, PgUnavailable, unavailable

    try:
        server = PgServer()
    except PgUnavailable as error:
        unavailable(str(error))
    with server:
        server.start()
        yield server


@pytest.fixture
def pg_url(pg_server: PgServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The superuser's URL (no password in it) of a new empty database ``t_<n>``, dropped
    after the test. libpq's PG* settings are cleared and PGPASSFILE points at the
    server's password file, so ``psycopg.connect(pg_url)`` just works."""
    for name in [n for n in os.environ if n.startswith("PG")]:
        monkeypatch.delenv(name)
    for name, value in pg_server.env().items():
        monkeypatch.setenv(name, value)
    if not pg_server.running():  # a test stopped it
        pg_server.start()
    name = f"t_{next(_databases)}"
    url = pg_server.create_database(name)
    yield url
    if not pg_server.running():
        pg_server.start()
    pg_server.drop_database(name)


@pytest.fixture
def new_pg_server() -> Iterator[Callable[[], PgServer]]:
    """Start more private servers (for tests that stop or break one); each is closed
    after the test."""
    from tests.pgserver import PgServer, PgUnavailable, unavailable

    servers: list[PgServer] = []

    def start() -> PgServer:
        try:
            server = PgServer()
        except PgUnavailable as error:
            unavailable(str(error))
        servers.append(server)
        server.start()
        return server

    try:
        yield start
    finally:
        for server in servers:
            server.close()


#: The station role's password on the test servers (roles belong to the whole server).
STATION_PASSWORD = "station-secret-7d41"


@dataclass(frozen=True)
class PgStation:
    """A database set up by ``hemiapp db init`` on the private server."""

    name: str
    #: What a station connects with: the station role, no password in it.
    url: str
    #: The superuser's address of the same database.
    admin_url: str


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer) -> str:
    """A database set up once by ``pg_admin.init``; each test's database is a copy of it
    (CREATE DATABASE … TEMPLATE), which is much faster than setting up each one."""
    from psycopg import sql

    from hemiapp.store import pg_admin

    name = "hemiguide_template"
    pg_server.drop_database(name)
    admin = pg_server.create_database(name)
    saved = {k: os.environ.get(k) for k in pg_server.env()}
    os.environ.update(pg_server.env())
    try:
        pg_admin.init(admin, lambda _line: None)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    with pg_server.connect() as conn:
        conn.execute(
            sql.SQL("ALTER ROLE hemiguide_station PASSWORD {}").format(
                sql.Literal(STATION_PASSWORD)
            )
        )
    pg_server.add_password("hemiguide_station", STATION_PASSWORD)
    return name


@pytest.fixture
def pg_station(
    pg_server: PgServer, pg_template: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[PgStation]:
    """A fresh database of the current schema on the private server, as ``db init`` makes
    it, with libpq's settings pointing at the server's password file."""
    from psycopg import sql

    for name in [n for n in os.environ if n.startswith("PG")]:
        monkeypatch.delenv(name)
    for name, value in pg_server.env().items():
        monkeypatch.setenv(name, value)
    if not pg_server.running():
        pg_server.start()
    name = f"s_{next(_databases)}"
    with pg_server.connect() as conn:
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(pg_template)
            )
        )
    yield PgStation(name, pg_server.url(name, user="hemiguide_station"), pg_server.url(name))
    if not pg_server.running():
        pg_server.start()
    pg_server.drop_database(name)
