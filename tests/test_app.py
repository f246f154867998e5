"""The composition root: the app on bundled content, on a clinic's folder, on broken content."""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from hemiapp import app as app_module
from hemiapp.app import build_window, show_window
from hemiapp.kiosk.controller import KioskIdle
from hemiapp.kiosk.lockdown import KioskLock
from hemiapp.paths import bundled_content_root
from hemiapp.ui.checklist import ChecklistScreen
from hemiapp.ui.content_error import ContentErrorWindow
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.maintenance import MaintenancePage, MaintenanceWindow
from hemiapp.ui.staff.controller import StaffController


@pytest.fixture(autouse=True)
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never the station's real database: the default path points into tmp_path."""
    path = tmp_path / "data" / "hemiguide.db"
    monkeypatch.setattr("hemiapp.app.default_db_path", lambda: path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    return path


def args(content: Path | None, db: Path | None = None) -> argparse.Namespace:
    return argparse.Namespace(content=content, command=None, db=db)


def test_bundled_content_starts_the_app(qtbot: QtBot) -> None:
    window = build_window(args(None))
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    assert window.findChild(StaffController) is not None  # staff sign-in is available
    assert window.content.root == bundled_content_root()


def test_a_clinic_folder_is_used(qtbot: QtBot, tmp_path: Path) -> None:
    clinic = tmp_path / "clinic"
    for folder in ("resources", "checklists"):
        shutil.copytree(bundled_content_root() / folder, clinic / folder)
    course = clinic / "resources" / "education" / "course.yaml"
    original = course.read_text(encoding="utf-8")
    assert 'en: "What is a hemilaminotomy?"' in original
    course.write_text(
        original.replace(
            'en: "What is a hemilaminotomy?"', 'en: "What is a hemilaminotomy at Riverside?"'
        ),
        encoding="utf-8",
    )
    window = build_window(args(clinic))
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    window.show_screen(1)
    assert window.education.title.text() == "What is a hemilaminotomy at Riverside?"


def test_broken_content_shows_the_problems_instead_of_crashing(
    qtbot: QtBot, tmp_path: Path, capsys: object
) -> None:
    clinic = tmp_path / "clinic"
    for folder in ("resources", "checklists"):
        shutil.copytree(bundled_content_root() / folder, clinic / folder)
    checklist = clinic / "checklists" / "pre-op.yaml"
    text = checklist.read_text(encoding="utf-8")
    checklist.write_text(text.replace("kind: pre-op", "kind: preop", 1), encoding="utf-8")
    line = text.splitlines().index("kind: pre-op") + 1
    window = build_window(args(clinic))
    qtbot.addWidget(window)
    assert isinstance(window, ContentErrorWindow)
    assert window.details.toPlainText() == (
        f"{checklist}:{line}:7: error: 'preop' is not a valid checklist kind; "
        "did you mean 'pre-op'?"
    )
    assert window.heading.text() == "HemiGuide cannot start"
    assert checklist.read_text(encoding="utf-8") != text  # the author's file is left as it is


def test_ticks_are_saved_in_the_database(qtbot: QtBot, database: Path) -> None:
    window = build_window(args(None))
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    pre = window.checklist_screens[0]
    window.show_screen(window.screens.index(pre))
    qtbot.mouseClick(pre.cards[0].done, Qt.MouseButton.LeftButton)
    raw = sqlite3.connect(database)
    rows = raw.execute("SELECT checklist_id, item_id, status FROM item_states").fetchall()
    raw.close()
    assert rows == [("pre-op", pre.model.item(0).id, "done")]


def test_a_damaged_database_shows_the_maintenance_screen(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 10)
    window = build_window(args(None, bad))
    qtbot.addWidget(window)
    assert isinstance(window, MaintenanceWindow)
    assert window.page.heading.text() == "This station needs attention"
    assert window.page.details.text() == (
        f"For staff: The database {bad} is damaged. Nothing was changed. "
        "Restore it from a backup, or ask IT for help."
    )
    assert bad.read_bytes() == b"not a database at all" * 10


def test_a_missing_folder_is_named_not_made(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "h.db"
    window = build_window(args(None, path))
    qtbot.addWidget(window)
    assert isinstance(window, MaintenanceWindow)
    assert window.page.details.text() == (
        f"For staff: The folder {tmp_path / 'nowhere'} does not exist. "
        "Check the database path (--db, or database: in the settings)."
    )
    assert not (tmp_path / "nowhere").exists()


def test_another_programs_database_is_left_alone(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    raw.commit()
    raw.close()
    before = path.read_bytes()
    window = build_window(args(None, path))
    qtbot.addWidget(window)
    assert isinstance(window, MaintenanceWindow)
    assert window.page.details.text() == (
        f"For staff: The file {path} is not a HemiGuide database. Nothing was changed. "
        "Check the database path (--db, or database: in the settings)."
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("other")) == ["other.db"]


def on_the_first_checklist(qtbot: QtBot) -> tuple[MainWindow, ChecklistScreen]:
    """The app on its first checklist, waiting at most 50 ms for a database lock."""
    window = build_window(args(None))
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow) and window.sessions is not None
    window.show()
    pre = window.checklist_screens[0]
    window.show_screen(window.screens.index(pre))
    window.sessions.db.connection.execute("PRAGMA busy_timeout = 50")
    return window, pre


def test_a_tick_that_cannot_be_saved_stops_on_the_maintenance_screen(
    qtbot: QtBot, database: Path
) -> None:
    window, pre = on_the_first_checklist(qtbot)
    qtbot.mouseClick(pre.cards[0].done, Qt.MouseButton.LeftButton)
    other = sqlite3.connect(database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the database
    qtbot.mouseClick(pre.cards[1].done, Qt.MouseButton.LeftButton)
    other.execute("ROLLBACK")
    other.close()
    assert window.stack.currentWidget() is window.maintenance
    assert not pre.cards[1].done.isChecked()
    assert window.session.status("pre-op", pre.model.item(1).id).value == "open"


def station(qtbot: QtBot, tmp_path: Path, kiosk: bool, settings: str) -> QMainWindow:
    """The app's window with ``settings`` in its file (and --kiosk, if ``kiosk``)."""
    config = tmp_path / "hemiguide.yaml"
    config.write_text(settings, encoding="utf-8")
    options = argparse.Namespace(content=None, command=None, db=None, kiosk=kiosk, config=config)
    window = build_window(options)
    qtbot.addWidget(window)
    return window


def test_a_database_locked_then_released_recovers_by_itself(
    qtbot: QtBot, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(MaintenancePage, "FIRST_RETRY_MS", 50)
    window, pre = on_the_first_checklist(qtbot)
    other = sqlite3.connect(database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the database
    qtbot.mouseClick(pre.cards[1].done, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.maintenance
    assert window.maintenance.advice.text() == (
        "Your answers so far are saved, but nothing more can be saved right now. "
        "Please ask the front desk for help."
    )
    qtbot.waitUntil(lambda: window.maintenance.delay_ms >= 200)  # retried, still locked
    assert window.stack.currentWidget() is window.maintenance
    other.execute("ROLLBACK")  # the other program lets go
    other.close()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is pre)
    assert not window.maintenance.timer.isActive()
    qtbot.mouseClick(pre.cards[1].done, Qt.MouseButton.LeftButton)  # saving works again
    assert window.session.status("pre-op", pre.model.item(1).id).value == "done"


def test_the_start_up_maintenance_screen_starts_the_app_once_the_problem_is_fixed(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # show_window sets its own
    monkeypatch.setattr(MaintenancePage, "FIRST_RETRY_MS", 50)
    monkeypatch.setattr(app_module, "_shown", [])
    folder = tmp_path / "clinic-share"
    first = show_window(args(None, folder / "h.db"), None, False, 0.0)
    assert isinstance(first, MaintenanceWindow)
    assert first.page.advice.text() == (
        "HemiGuide cannot start right now. Please ask the front desk for help."
    )
    assert first.page.retry_button.text() == "Try again"
    qtbot.mouseClick(first.page.retry_button, Qt.MouseButton.LeftButton)  # still missing
    assert first.page.details.text() == (
        f"For staff: The folder {folder} does not exist. "
        "Check the database path (--db, or database: in the settings)."
    )
    folder.mkdir()  # IT mounts the share
    qtbot.waitUntil(lambda: isinstance(app_module._shown[0], MainWindow))
    window = app_module._shown[0]
    qtbot.addWidget(window)
    assert window.isVisible()
    qtbot.waitUntil(lambda: not isValid(first))  # the maintenance window is gone
    assert (folder / "h.db").is_file()


@pytest.mark.parametrize(("flag", "setting"), [(True, ""), (False, "kiosk: true\n")])
def test_kiosk_mode_from_the_flag_or_the_settings(
    qtbot: QtBot, tmp_path: Path, flag: bool, setting: str
) -> None:
    window = station(qtbot, tmp_path, flag, setting)
    lock = window.findChild(KioskLock)
    assert lock is not None and not lock.locked  # locked when shown (hemiapp.app.run)
    assert build_window(args(None)).findChild(KioskLock) is None


@pytest.mark.parametrize(
    ("flag", "setting", "wipe"),
    [
        (False, "", "unnamed"),  # a nurse station: walk-up visits only, never a named one
        (False, "idle_wipe: always\n", "always"),
        (False, "idle_wipe: never\n", None),  # no idle watching at all
        (True, "", "always"),
        (False, "kiosk: true\n", "always"),
        (True, "idle_wipe: never\n", "always"),  # --kiosk: every visit, whatever the file says
    ],
)
def test_which_visits_the_idle_wipe_takes(
    qtbot: QtBot, tmp_path: Path, flag: bool, setting: str, wipe: str | None
) -> None:
    window = station(qtbot, tmp_path, flag, setting)
    idle = window.findChild(KioskIdle)
    assert (idle.wipe if idle is not None else None) == wipe
    staff = window.findChild(StaffController)
    assert isinstance(window, MainWindow) and staff is not None
    assert staff.idle_timer.interval() == 5 * 60 * 1000  # staff sign-out: every station


def test_the_app_paints_the_welcome_screen_before_making_the_rest(qtbot: QtBot) -> None:
    later: list[Callable[[], None]] = []
    window = build_window(args(None), later=later.append)
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    assert window.screens == [window.welcome] and window.findChild(StaffController) is None
    assert len(later) == 1
    window.show()
    later[0]()  # what hemiapp.app.run does once the welcome screen is painted
    assert [type(s).__name__ for s in window.screens] == [
        "WelcomeScreen", "EducationScreen", "QuizScreen", "ChecklistScreen", "ChecklistScreen",
        "ReviewScreen",
    ]  # fmt: skip
    assert window.findChild(StaffController) is not None and window.printing_available
    qtbot.mouseClick(window.welcome.start, Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.education


def test_moving_on_before_the_rest_is_made_makes_it(qtbot: QtBot) -> None:
    window = build_window(args(None), later=lambda rest: None)  # never run
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    window.show()
    qtbot.mouseClick(window.welcome.start, Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.education


def test_a_kiosk_that_cannot_finish_starting_quits_for_a_restart(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hemiapp.kiosk.controller import KioskIdle

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("staff mode is broken")

    monkeypatch.setattr("hemiapp.wiring.attach_staff", broken)
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    config = tmp_path / "hemiguide.yaml"
    config.write_text(f"logs: {tmp_path / 'logs'}\n", encoding="utf-8")
    options = argparse.Namespace(content=None, command=None, db=None, kiosk=True, config=config)
    later: list[Callable[[], None]] = []
    window = build_window(options, later=later.append)
    qtbot.addWidget(window)
    lock = window.findChild(KioskLock)
    assert isinstance(window, MainWindow) and lock is not None
    later[0]()
    assert exits == [3] and lock.quitting
    assert window.findChild(KioskIdle) is not None  # made first: it would still wipe
    log = (tmp_path / "logs" / "hemiguide.log").read_text(encoding="utf-8")
    assert "ERROR hemiapp: the kiosk could not finish starting; quitting" in log
    assert "RuntimeError: staff mode is broken" in log


def test_a_hostile_picture_shows_the_problems_instead_of_crashing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    clinic = tmp_path / "clinic"
    for folder in ("resources", "checklists"):
        shutil.copytree(bundled_content_root() / folder, clinic / folder)
    picture = clinic / "resources" / "illustrations" / "vertebra-top.svg"
    text = picture.read_text(encoding="utf-8")
    evil = text.replace("</svg>", '<image href="/etc/hostname" width="9" height="9"/>\n</svg>')
    picture.write_text(evil, encoding="utf-8")
    line = evil.splitlines().index('<image href="/etc/hostname" width="9" height="9"/>') + 1
    window = build_window(args(clinic))
    qtbot.addWidget(window)
    assert isinstance(window, ContentErrorWindow)
    assert window.details.toPlainText() == (
        f"{picture}:{line}:1: error: <image> is not allowed in a picture: it would load a "
        "file; draw with shapes"
    )
