"""Finish: "Are you finished?", then a short closing screen that says whether the
checklist was printed, then Welcome (after a while or a tap)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hemiapp.content.models import Content
from hemiapp.content.session import ItemStatus
from hemiapp.report.document import ReportOptions
from hemiapp.store.db import open_database
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.closing import ClosingPage
from hemiapp.ui.i18n import Translations
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.theme import TextSize
from hemiapp.wiring import attach_printing

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot: QtBot, content: Content, tmp_path: Path) -> MainWindow:
    sessions = SessionStore(open_database(tmp_path / "h.db"))
    win = MainWindow(content, sessions=sessions, today=date(2026, 11, 23))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    return win


def at_review(window: MainWindow) -> None:
    first = window.content.checklist("pre-op").items[0]
    window.session.set_status("pre-op", first.id, ItemStatus.DONE)
    window.show_screen(len(window.screens) - 1)


def test_no_goes_back_to_the_review_with_everything_kept(qtbot: QtBot, window: MainWindow) -> None:
    at_review(window)
    session = window.session
    qtbot.mouseClick(window.review.finish, LEFT)
    confirm = window.finish_confirm
    assert window.stack.currentWidget() is confirm
    assert confirm.heading.text() == "Are you finished?"
    assert confirm.yes.text() == "Yes, I am finished"
    assert confirm.no.text() == "No, go back"
    qtbot.mouseClick(confirm.no, LEFT)
    assert window.current_screen() is window.review
    assert window.session is session and session.items
    rows = window.sessions.db.read("SELECT closed_at FROM sessions") if window.sessions else []
    assert [r["closed_at"] for r in rows] == [None]


def test_finish_without_printing_sends_the_patient_to_the_front_desk(
    qtbot: QtBot, window: MainWindow
) -> None:
    at_review(window)
    qtbot.mouseClick(window.review.finish, LEFT)
    qtbot.mouseClick(window.finish_confirm.yes, LEFT)
    closing = window.closing
    assert window.stack.currentWidget() is closing
    assert not closing.printed.isVisible()
    assert closing.desk.text() == "Please see the front desk. They can print your checklist."
    assert closing.restart.text() == "This screen starts again in 15 seconds."
    assert window.session.id is None and not window.session.items  # wiped already
    rows = window.sessions.db.read("SELECT closed_at FROM sessions") if window.sessions else []
    assert len(rows) == 1 and rows[0]["closed_at"] is not None
    qtbot.mouseClick(closing, LEFT)  # a tap anywhere
    assert window.current_screen() is window.welcome


def test_a_printed_checklist_is_mentioned_in_the_visits_language(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    attach_printing(window, ReportOptions(), None, window.sessions, pdf=tmp_path / "out.pdf")
    window.set_language("es")
    window.set_text_size(TextSize.EXTRA_LARGE)
    at_review(window)
    qtbot.mouseClick(window.review.print_button, LEFT)
    qtbot.waitUntil(lambda: window.printed)
    qtbot.mouseClick(window.review.finish, LEFT)
    assert window.finish_confirm.heading.text() == "¿Ha terminado?"
    qtbot.mouseClick(window.finish_confirm.yes, LEFT)
    closing = window.closing
    assert closing.printed.isVisible()
    assert closing.printed.text() == "Su lista está impresa. Tome sus hojas, por favor."
    assert closing.desk.text() == "Si tiene preguntas, hable con la recepción."
    assert window.session.language == "en" and not window.printed  # the visit is gone


def test_the_closing_screen_ends_by_itself(qtbot: QtBot, window: MainWindow) -> None:
    window.closing.seconds = 1
    at_review(window)
    qtbot.mouseClick(window.review.finish, LEFT)
    qtbot.mouseClick(window.finish_confirm.yes, LEFT)
    assert window.closing.restart.text() == "This screen starts again in 1 second."
    qtbot.waitUntil(lambda: window.current_screen() is window.welcome, timeout=3000)


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "This screen starts again in 1 second.", "This screen starts again in 2 seconds."),
        ("es", "Esta pantalla vuelve a empezar en 1 segundo.",
         "Esta pantalla vuelve a empezar en 2 segundos."),
    ],
)  # fmt: skip
def test_the_wait_is_said_with_plurals(qtbot: QtBot, language: str, one: str, two: str) -> None:
    Translations().set_language(language)
    for seconds, wanted in ((1, one), (2, two)):
        page = ClosingPage(seconds)
        qtbot.addWidget(page)
        page.start(printed=False)
        page.timer.stop()
        assert page.restart.text() == wanted
