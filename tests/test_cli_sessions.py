"""`hemiapp sessions list`: find a session's id, with no patient data unless asked for."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from hemiapp.content.models import Content
from hemiapp.content.session import ItemStatus, PatientDetails
from hemiapp.store.db import open_database
from hemiapp.store.sessions import SessionStore

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime.now(UTC).replace(microsecond=0)
EARLIER = (NOW - timedelta(days=3)).replace(hour=9, minute=30, second=0)


def hemiapp(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    return subprocess.run(
        [sys.executable, "-m", "hemiapp", "--db", str(db), "sessions", "list", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(ROOT), "TZ": "UTC"},
        check=False,
    )


@pytest.fixture
def db_path(tmp_path: Path, content: Content) -> Path:
    """Three sessions: María (3 days ago, closed), an anonymous kiosk visit and José
    (both today, José with two items done)."""
    path = tmp_path / "h.db"
    db = open_database(path)
    store = SessionStore(db)
    first = content.checklist("pre-op").items
    maria = store.new_named(
        content,
        PatientDetails("María López", date(1961, 5, 3), "MRN-0042"),
        language="es",
        surgery_date=None,
    )
    store.close(maria, "finished")
    kiosk = store.new_anonymous(content)
    kiosk.set_question("pre-op", first[0].id, True)
    jose = store.new_named(
        content, PatientDetails("José Núñez", date(1950, 1, 2)), language="en", surgery_date=None
    )
    jose.set_status("pre-op", first[0].id, ItemStatus.DONE)
    jose.set_status("pre-op", first[1].id, ItemStatus.DONE)
    with db.transaction() as conn:  # María's visit was three days ago
        conn.execute(
            "UPDATE sessions SET created_at = ? WHERE id = ?",
            (EARLIER.isoformat(timespec="seconds"), maria.id),
        )
    db.close()
    return path


@pytest.fixture(scope="module")
def content() -> Content:
    from hemiapp.content.loader import load_content
    from hemiapp.paths import bundled_content_root

    return load_content(bundled_content_root()).content


def started(db_path: Path, session_id: int) -> str:
    db = open_database(db_path)
    try:
        value = db.read("SELECT created_at FROM sessions WHERE id = ?", (session_id,))[0][0]
    finally:
        db.close()
    return datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M")


def test_list_shows_no_patient_data(db_path: Path) -> None:
    result = hemiapp(db_path)
    assert (result.returncode, result.stderr) == (0, "")
    two, three = started(db_path, 2), started(db_path, 3)
    assert result.stdout.splitlines() == [
        "ID  STARTED           KIND       STATE   LANGUAGE  DONE",
        f"1   {EARLIER:%Y-%m-%d %H:%M}  named      closed  es        0",
        f"2   {two}  anonymous  open    en        0",
        f"3   {three}  named      open    en        2",
    ]
    for secret in ("María", "López", "1961", "MRN", "José", "Núñez"):
        assert secret not in result.stdout


def test_today_and_name_filters(db_path: Path) -> None:
    today = hemiapp(db_path, "--today").stdout.splitlines()
    assert [line.split()[0] for line in today] == ["ID", "2", "3"]
    by_name = hemiapp(db_path, "--name", "LOP").stdout.splitlines()  # "López"
    assert [line.split()[0] for line in by_name] == ["ID", "1"]
    assert "María" not in "\n".join(by_name)
    assert hemiapp(db_path, "--name", "nobody").stdout == "no sessions match\n"


def test_show_names_when_asked(db_path: Path) -> None:
    result = hemiapp(db_path, "--show-names", "--today")
    three = started(db_path, 3)
    assert result.stdout.splitlines() == [
        "ID  STARTED           KIND       STATE  LANGUAGE  DONE  NAME        DATE OF BIRTH  MRN",
        f"2   {started(db_path, 2)}  anonymous  open   en        0",
        f"3   {three}  named      open   en        2     José Núñez  1950-01-02",
    ]


def test_an_empty_database_and_a_missing_one(tmp_path: Path) -> None:
    open_database(tmp_path / "empty.db").close()
    assert hemiapp(tmp_path / "empty.db").stdout == "no sessions yet\n"
    missing = hemiapp(tmp_path / "none.db")
    assert missing.returncode == 1 and missing.stdout == ""
    assert missing.stderr == (
        f"hemiapp: no database at {tmp_path / 'none.db'} (add a staff account first, "
        "or check --db)\n"
    )
    assert not (tmp_path / "none.db").exists()
