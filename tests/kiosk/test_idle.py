"""The kiosk's idle countdown and privacy wipe, with a real database."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from hemiapp.content.loader import load_content
from hemiapp.content.models import Content
from hemiapp.content.session import ItemStatus, PatientDetails
from hemiapp.kiosk.controller import KioskIdle
from hemiapp.paths import bundled_content_root
from hemiapp.store.db import open_database
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.checklist import ChecklistScreen
from hemiapp.ui.main_window import MainWindow
from hemiapp.wiring import watch_idle

NAME = "Zebedee Quixote-Ybarra"
NOTE = "Allergic to latex; daughter Philippa drives"


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(bundled_content_root()).content


@pytest.fixture
def kiosk(qtbot: QtBot, content: Content, tmp_path: Path) -> Iterator[tuple[MainWindow, KioskIdle]]:
    sessions = SessionStore(open_database(tmp_path / "h.db"))
    window = MainWindow(content, sessions=sessions)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    idle = watch_idle(window, idle_seconds=0.2, countdown_seconds=1)
    yield window, idle
    idle.watcher.stop()


def plant(window: MainWindow) -> int:
    """A named visit with a date, ticks, a note and a quiz answer; on a checklist screen."""
    assert window.sessions is not None
    session = window.sessions.new_named(
        window.content, PatientDetails(NAME, date(1950, 2, 3), "MRN-771"),
        language="es", surgery_date=date(2026, 12, 8), session=window.session,
    )  # fmt: skip
    window.set_session(session)
    item = window.content.checklist("pre-op").items[0]
    session.set_status("pre-op", item.id, ItemStatus.DONE)
    session.set_question("pre-op", item.id, True)
    session.set_note("pre-op", item.id, NOTE)
    question = window.content.course.questions[0]
    session.answer(question, question.answer)
    window.show_screen(window.screens.index(window.checklist_screens[0]))
    assert session.id is not None
    return session.id


def every_text(window: MainWindow) -> Iterator[str]:
    """Depth-first: every text any widget or model in the window holds."""
    for widget in window.findChildren(QWidget):
        yield widget.toolTip()
        yield widget.accessibleName()
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            yield widget.text()
        if isinstance(widget, QPlainTextEdit):
            yield widget.toPlainText()
        if isinstance(widget, QLineEdit):
            yield widget.placeholderText()
    for screen in window.findChildren(ChecklistScreen):
        model = screen.model
        for row in range(model.rowCount(QModelIndex())):
            for role in range(0, 300):
                value = model.data(model.index(row, 0), role)
                if isinstance(value, str):
                    yield value


def test_no_touch_then_countdown_then_nothing_of_the_patient_is_left(
    qtbot: QtBot, kiosk: tuple[MainWindow, KioskIdle]
) -> None:
    window, idle = kiosk
    session_id = plant(window)
    shown = list(every_text(window))  # the walk does find what was planted
    assert any(NOTE in t for t in shown) or any("8 de diciembre de 2026" in t for t in shown)
    window.show_screen(0)
    assert any("8 de diciembre de 2026" in t for t in every_text(window))
    window.show_screen(window.screens.index(window.checklist_screens[0]))
    qtbot.waitUntil(lambda: idle.counting_down, timeout=3000)
    assert idle.page.heading.text()  # (its wording is checked with the translations)
    qtbot.waitUntil(lambda: window.current_screen() is window.welcome, timeout=5000)
    texts = list(every_text(window))
    for secret in (NAME, "Quixote", NOTE, "MRN-771", "1950", "8 de diciembre", "Tue 8 Dec"):
        assert not [t for t in texts if secret in t], secret
    fresh = window.session
    assert fresh.id is None and fresh.patient is None and not fresh.items
    assert fresh.surgery_date is None and not fresh.quiz_answers and fresh.language == "en"
    assert window.welcome.date_value.text() == "No date chosen. Tap a day on the calendar."
    assert window.sessions is not None
    closed = window.sessions.db.read("SELECT closed_at FROM sessions WHERE id = ?", (session_id,))[
        0
    ][0]
    assert closed is not None  # kept for the record, never shown again at the kiosk
    reasons = [
        json.loads(r["detail"])["reason"]
        for r in window.sessions.db.read("SELECT detail FROM audit WHERE action = 'session-close'")
    ]
    assert reasons == ["idle-wipe"]
    # Back from the welcome screen reaches nothing of theirs
    window.show_screen(len(window.screens) - 1)
    assert not [t for t in every_text(window) if NAME in t or NOTE in t]


def test_still_here_keeps_everything(qtbot: QtBot, kiosk: tuple[MainWindow, KioskIdle]) -> None:
    window, idle = kiosk
    plant(window)
    screen = window.current_screen()
    session = window.session
    qtbot.waitUntil(lambda: idle.counting_down, timeout=3000)
    qtbot.mouseClick(idle.page.here, Qt.MouseButton.LeftButton)
    assert window.current_screen() is screen
    assert window.session is session and session.patient is not None
    assert session.item("pre-op", window.content.checklist("pre-op").items[0].id).note == NOTE


def test_an_untouched_welcome_screen_is_left_alone(
    qtbot: QtBot, kiosk: tuple[MainWindow, KioskIdle]
) -> None:
    window, idle = kiosk
    session = window.session
    with qtbot.assertNotEmitted(idle.page.expired, wait=800):
        pass
    assert not idle.counting_down and window.session is session


def test_input_restarts_the_wait(qtbot: QtBot, kiosk: tuple[MainWindow, KioskIdle]) -> None:
    window, idle = kiosk
    idle.watcher.timer.setInterval(300)
    idle.watcher.restart()
    with qtbot.assertNotEmitted(idle.watcher.idle):
        for _ in range(9):  # 0.9 s of someone using the screen, a key every 0.1 s
            qtbot.keyClick(window.welcome.start, Qt.Key.Key_Shift)
            qtbot.wait(100)
    with qtbot.waitSignal(idle.watcher.idle, timeout=2000):
        pass  # and once they stop, the wait runs out


@pytest.mark.parametrize("page", ["crash", "maintenance-free staff page"])
def test_a_visit_left_on_a_page_of_its_own_is_wiped_too(
    qtbot: QtBot, kiosk: tuple[MainWindow, KioskIdle], page: str
) -> None:
    """Left on "Something went wrong" (or any page that is not a journey screen)."""
    window, idle = kiosk
    plant(window)
    if page == "crash":
        window.something_went_wrong()
        shown = window.crash
    else:
        shown = QWidget()
        window.stack.addWidget(shown)
        window.stack.setCurrentWidget(shown)
    assert window.stack.currentWidget() is shown
    qtbot.waitUntil(lambda: idle.counting_down, timeout=3000)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.welcome, timeout=5000)
    assert window.session.patient is None and not window.session.items


@pytest.fixture
def station(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> Iterator[tuple[MainWindow, KioskIdle]]:
    """A station that is not a kiosk, at its default: only unnamed visits are wiped."""
    window = MainWindow(content, sessions=SessionStore(open_database(tmp_path / "h.db")))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    idle = watch_idle(window, idle_seconds=0.2, countdown_seconds=1, wipe="unnamed")
    yield window, idle
    idle.watcher.stop()


def test_a_named_visit_at_a_nurse_station_is_not_wiped(
    qtbot: QtBot, station: tuple[MainWindow, KioskIdle]
) -> None:
    window, idle = station
    session_id = plant(window)
    screen = window.current_screen()
    with qtbot.assertNotEmitted(idle.page.expired, wait=1800):
        pass  # idle time and countdown, several times over
    assert not idle.counting_down
    assert window.current_screen() is screen and window.session.id == session_id
    assert window.sessions is not None
    closed = window.sessions.db.read("SELECT closed_at FROM sessions WHERE id = ?", (session_id,))
    assert closed[0][0] is None  # still open: a nurse finds and resumes it


def test_an_unnamed_visit_at_a_nurse_station_is_wiped(
    qtbot: QtBot, station: tuple[MainWindow, KioskIdle]
) -> None:
    window, idle = station
    window.show_screen(1)
    window.session.set_surgery_date(date(2026, 12, 8))
    qtbot.waitUntil(lambda: idle.counting_down, timeout=3000)
    qtbot.waitUntil(lambda: window.current_screen() is window.welcome, timeout=5000)
    assert window.session.surgery_date is None
