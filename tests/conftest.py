"""Test configuration: offscreen Qt, no test may leave a top-level widget behind, and a
private PostgreSQL server (tests/pgserver.py) for the tests that need one."""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable, Iterator
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
