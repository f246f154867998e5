from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hemiapp.content.session import Session
from hemiapp.ui.welcome import WelcomeScreen


def test_welcome_language_date_and_start(qtbot: QtBot, session: Session) -> None:
    screen = WelcomeScreen(session, date(2026, 11, 23))
    qtbot.addWidget(screen)
    assert screen.heading.text() == "Welcome"
    assert screen.date_value.text() == "No date chosen. Tap a day on the calendar."
    assert screen.clear_date.isHidden()
    with qtbot.waitSignal(screen.language_chosen) as chosen:
        qtbot.mouseClick(screen.language_buttons["es"], Qt.MouseButton.LeftButton)
    assert chosen.args == ["es"]
    # 1 December 2026 is a Tuesday: the picker moves to December, second cell
    qtbot.mouseClick(screen.picker.next, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.picker.days[1], Qt.MouseButton.LeftButton)
    assert session.surgery_date == date(2026, 12, 1)
    assert screen.date_value.text() == "Surgery date: Tuesday, 1 December 2026"
    qtbot.mouseClick(screen.clear_date, Qt.MouseButton.LeftButton)
    assert session.surgery_date is None
    with qtbot.waitSignal(screen.next_requested):
        qtbot.mouseClick(screen.start, Qt.MouseButton.LeftButton)


def test_welcome_in_spanish_shows_the_date_in_spanish(qtbot: QtBot, session: Session) -> None:
    session.language = "es"
    session.surgery_date = date(2027, 1, 4)
    screen = WelcomeScreen(session, date(2026, 11, 23))
    qtbot.addWidget(screen)
    assert "lunes, 4 de enero de 2027" in screen.date_value.text()
    assert screen.picker.title.text() == "enero de 2027"
    assert screen.language_buttons["es"].isChecked()
