"""Store test fixtures and helpers.

Speed: scrypt at the production cost (N=2^17, r=8, p=1) takes about half a second
and 128 MiB per PIN. Every test here therefore runs with ``staff.SCRYPT_PARAMS``
monkeypatched to a cheap cost (``cheap_scrypt``), except tests marked
``production_scrypt`` and the CLI tests, which run ``hemiapp`` in a separate
process where nothing is patched.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hemiapp.content.loader import load_content
from hemiapp.content.models import Content
from hemiapp.paths import bundled_content_root
from hemiapp.store import staff
from hemiapp.store.db import Database, SQLiteDatabase, open_database

ROOT = Path(__file__).resolve().parents[2]
CHEAP = staff.ScryptParams(n=2**4, r=8, p=1)

# Ten digits: the odds of it turning up by chance in hex hashes or times are nil.
PIN = "4071958263"
OTHER_PIN = "9180367254"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "production_scrypt: hash PINs at the real cost (no cheap scrypt patch)"
    )


@pytest.fixture(autouse=True)
def cheap_scrypt(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("production_scrypt") is None:
        monkeypatch.setattr(staff, "SCRYPT_PARAMS", CHEAP)


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content(bundled_content_root()).content


ENGINES = ["sqlite", "postgresql"]


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """Each store test that takes ``db`` runs on both engines: an embedded SQLite file,
    and a database on the private PostgreSQL server set up as ``hemiapp db init`` does."""
    return str(request.param)


@pytest.fixture
def target(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where the test's database is: a file path, or a station's postgresql:// address."""
    if engine == "sqlite":
        return tmp_path / "hemiguide.db"
    station = request.getfixturevalue("pg_station")
    return str(station.url)


@pytest.fixture
def db(target: str | Path) -> Iterator[Database]:
    database = open_database(target, station="test-station")
    yield database
    database.close()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[SQLiteDatabase]:
    """For the tests of what only a SQLite file has (pragmas, the file itself)."""
    database = open_database(tmp_path / "hemiguide.db", station="test-station")
    assert isinstance(database, SQLiteDatabase)
    yield database
    database.close()


@pytest.fixture
def two_stations(target: str | Path) -> Iterator[tuple[Database, Database]]:
    """Two stations on one database, each with its own handle (as two processes have):
    a kiosk and a nurse station, on a shared SQLite file and on the PostgreSQL server."""
    kiosk = open_database(target, station="kiosk")
    nurse_station = open_database(target, station="nurse-station")
    yield kiosk, nurse_station
    nurse_station.close()
    kiosk.close()


@pytest.fixture
def store(db: Database) -> staff.StaffStore:
    return staff.StaffStore(db)


def hemiapp(
    db_path: Path, *args: str, stdin: str = "", cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    """Run ``hemiapp --db DB_PATH ARGS…`` as a user would, with ``stdin`` piped in."""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    return subprocess.run(
        [sys.executable, "-m", "hemiapp", "--db", str(db_path), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(ROOT)},
        check=False,
        timeout=120,
    )


def files_under(root: Path) -> Iterator[Path]:
    return (p for p in root.rglob("*") if p.is_file())
