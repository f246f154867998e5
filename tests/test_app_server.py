"""The composition root on a clinic server: the app opens ``--db postgresql://…``, saves
there, never shows or logs a password, and waits on its maintenance screen for a server
that is down at start, starting by itself once it is up."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from psycopg import sql
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from hemiapp import app as app_module
from hemiapp.app import build_window, show_window
from hemiapp.config import load_config
from hemiapp.store import pg_admin
from hemiapp.store.base import Database
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.maintenance import MaintenancePage, MaintenanceWindow
from tests.conftest import STATION_PASSWORD, PgStation
from tests.pgserver import PgServer


@pytest.fixture(autouse=True)
def no_default_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("hemiapp.app.default_db_path", lambda: tmp_path / "data" / "h.db")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))


def args(db: str) -> argparse.Namespace:
    return argparse.Namespace(content=None, command=None, db=db)


@pytest.fixture
def keep(qtbot: QtBot) -> Iterator[Callable[[MainWindow], None]]:
    """Keep a station's window for the test: closed after it, with its server connection
    (which the app closes as it quits)."""
    kept: list[Database] = []

    def keep_window(window: MainWindow) -> None:
        qtbot.addWidget(window)
        assert window.sessions is not None
        kept.append(window.sessions.db)

    yield keep_window
    for db in kept:
        db.close()


def test_a_station_on_a_clinic_server_saves_its_ticks_there_and_logs_no_password(
    qtbot: QtBot,
    keep: Callable[[MainWindow], None],
    pg_server: PgServer,
    pg_station: PgStation,
    tmp_path: Path,
) -> None:
    config = dataclasses.replace(load_config(None), logs=tmp_path / "logs")
    window = build_window(args(pg_station.url), config=config)
    assert isinstance(window, MainWindow)
    keep(window)
    pre = window.checklist_screens[0]
    window.show_screen(window.screens.index(pre))
    qtbot.mouseClick(pre.cards[0].done, Qt.MouseButton.LeftButton)
    rows = pg_server.psql(
        "SELECT checklist_id, item_id, status FROM hemiguide.item_states",
        dbname=pg_station.name,
    )
    assert rows == [("pre-op", pre.model.item(0).id, "done")]
    where = f"postgresql://hemiguide_station@127.0.0.1:{pg_server.port}/{pg_station.name}"
    logged = (tmp_path / "logs" / "hemiguide.log").read_text(encoding="utf-8")
    assert f"INFO hemiapp: database: {where}\n" in logged
    assert STATION_PASSWORD not in logged
    assert not (tmp_path / "data").exists()  # no file was made beside the server


@pytest.fixture
def stopped_server(
    new_pg_server: Callable[[], PgServer], monkeypatch: pytest.MonkeyPatch
) -> tuple[PgServer, str]:
    """A server of this test's own, set up as ``db init`` does, then stopped: its
    station address."""
    server = new_pg_server()
    for name, value in server.env().items():
        monkeypatch.setenv(name, value)
    pg_admin.init(server.create_database("clinic"), lambda _line: None)
    with server.connect() as conn:
        password = sql.Literal(STATION_PASSWORD)
        conn.execute(sql.SQL("ALTER ROLE hemiguide_station PASSWORD {}").format(password))
    server.add_password("hemiguide_station", STATION_PASSWORD)
    server.stop()
    return server, server.url("clinic", user="hemiguide_station")


def test_a_server_down_at_start_shows_the_maintenance_screen_then_starts_by_itself(
    qtbot: QtBot,
    keep: Callable[[MainWindow], None],
    monkeypatch: pytest.MonkeyPatch,
    stopped_server: tuple[PgServer, str],
) -> None:
    server, url = stopped_server
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # show_window sets its own
    monkeypatch.setattr(MaintenancePage, "FIRST_RETRY_MS", 50)
    monkeypatch.setattr(app_module, "_shown", [])
    first = show_window(args(url), None, False, 0.0)
    assert isinstance(first, MaintenanceWindow)
    assert first.page.advice.text() == (
        "HemiGuide cannot start right now. Please ask the front desk for help."
    )
    details = first.page.details.text()
    assert details.startswith(
        f"For staff: The clinic server postgresql://hemiguide_station@127.0.0.1:{server.port}"
        "/clinic cannot be reached ("
    )
    assert details.endswith(
        "). Check that the server is running and that this station is on the clinic's "
        "network. HemiGuide connects again by itself when the server is back."
    )
    assert STATION_PASSWORD not in details
    server.start()  # IT starts the server: no restart of the station
    qtbot.waitUntil(lambda: isinstance(app_module._shown[0], MainWindow), timeout=15_000)
    window = app_module._shown[0]
    assert isinstance(window, MainWindow)
    keep(window)
    assert window.isVisible()
    qtbot.waitUntil(lambda: not isValid(first))
