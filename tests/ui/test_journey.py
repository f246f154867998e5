"""The whole patient journey, as a patient would do it: by touch, and by keyboard only."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hemiapp.content.models import Content
from hemiapp.content.schedule import format_date
from hemiapp.content.session import ItemStatus
from hemiapp.ui.main_window import MainWindow

TODAY = date(2026, 11, 23)
SURGERY = date(2026, 12, 8)  # a Tuesday; 1 December 2026 is a Tuesday, so cell 8 of the grid
# Interface strings as the Spanish translation gives them (resources/i18n/hemiapp_es.ts).
UI = {
    "en": {"step": "Step {n} of {m}", "start": "Start"},
    "es": {"step": "Paso {n} de {m}", "start": "Empezar"},
}


@pytest.fixture
def window(qtbot: QtBot, content: Content) -> MainWindow:
    win = MainWindow(content, today=TODAY)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    return win


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("language", ["en", "es"])
def test_journey_by_touch(qtbot: QtBot, window: MainWindow, language: str) -> None:
    content, session = window.content, window.session
    # Welcome: language, surgery date, Start
    assert window.current_screen() is window.welcome
    click(qtbot, window.welcome.language_buttons[language])
    assert window.session.language == language
    assert window.welcome.start.text() == UI[language]["start"]
    click(qtbot, window.welcome.picker.next)
    click(qtbot, window.welcome.picker.days[8])
    assert session.surgery_date == SURGERY
    assert format_date(SURGERY, language, long=True) in window.welcome.date_value.text()
    click(qtbot, window.welcome.start)

    # Education: every step in order
    steps = content.course.steps
    assert window.current_screen() is window.education
    for number, step in enumerate(steps, start=1):
        assert window.education.title.text() == step.title.get(language)
        expected = UI[language]["step"].format(n=number, m=len(steps))
        assert window.education.progress.text() == expected
        click(qtbot, window.education.next)

    # Quiz: the first answer wrong, the rest right
    quiz = window.quiz
    assert window.current_screen() is quiz
    questions = content.course.questions
    for index, question in enumerate(questions):
        assert quiz.question.text() == question.question.get(language)
        wanted = (
            question.answer
            if index
            else next(c.id for c in question.choices if c.id != question.answer)
        )
        position = [c.id for c in question.choices].index(wanted)
        click(qtbot, quiz.choices[position])
        assert question.explanation.get(language) in quiz.explanation.text()
        click(qtbot, quiz.next)
    assert session.quiz_score() == (len(questions) - 1, len(questions))
    assert [q.id for q in session.missed_questions()] == [questions[0].id]
    click(qtbot, quiz.next)  # continue to the checklists

    # Checklists: tick, ask, ask about a warning sign
    pre, post = window.checklist_screens
    assert window.current_screen() is pre
    first, second = pre.cards[0], pre.cards[1]
    click(qtbot, first.done)
    click(qtbot, second.question)
    pre_items = pre.model.checklist.items
    assert session.status("pre-op", pre_items[0].id) is ItemStatus.DONE
    assert session.has_question("pre-op", pre_items[1].id)
    click(qtbot, pre.next)
    assert window.current_screen() is post
    warning = next(c for c in post.cards if c.warning and not c.emergency)  # (911: no question)
    warning_item = post.model.item(warning.row)
    assert warning_item.is_sign
    assert not warning.done.isVisible()  # a warning sign is not a task
    click(qtbot, warning.question)
    click(qtbot, post.next)

    # Review lists what was done and asked
    review = window.review
    assert window.current_screen() is review
    assert pre_items[0].text.get(language) in review.entries("pre-op", ItemStatus.DONE)
    assert pre_items[1].text.get(language) in review.entries("pre-op", "question")

    # Back all the way: nothing entered is lost
    while window.current_screen() is not window.welcome:
        screen = window.current_screen()
        back = screen.back
        click(qtbot, back)
        QApplication.processEvents()
    assert session.surgery_date == SURGERY
    assert session.quiz_score() == (len(questions) - 1, len(questions))
    assert session.status("pre-op", pre_items[0].id) is ItemStatus.DONE

    # Finish asks first; No goes back with nothing lost
    window.show_screen(len(window.screens) - 1)
    click(qtbot, window.review.finish)
    assert window.stack.currentWidget() is window.finish_confirm
    assert window.session is session
    click(qtbot, window.finish_confirm.no)
    assert window.current_screen() is window.review and window.session is session
    # Yes wipes the visit: a short closing screen, then a fresh welcome in English
    click(qtbot, window.review.finish)
    click(qtbot, window.finish_confirm.yes)
    assert window.stack.currentWidget() is window.closing
    assert window.session is not session
    click(qtbot, window.closing.start_again)
    assert window.current_screen() is window.welcome
    assert window.session is not session
    assert window.session.language == "en"
    assert window.session.surgery_date is None
    assert window.welcome.date_value.text() == "No date chosen. Tap a day on the calendar."


def press(qtbot: QtBot, key: Qt.Key) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)


def tab_to(qtbot: QtBot, widget: QWidget, limit: int = 120) -> None:
    """Press Tab until ``widget`` has the focus (it must be reachable by keyboard)."""
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"{widget.objectName() or widget} cannot be reached with Tab")


def test_journey_by_keyboard_only(qtbot: QtBot, window: MainWindow) -> None:
    content, session = window.content, window.session
    tab_to(qtbot, window.welcome.language_buttons["es"])
    press(qtbot, Qt.Key.Key_Space)
    assert session.language == "es"
    tab_to(qtbot, window.welcome.picker.next)
    press(qtbot, Qt.Key.Key_Return)
    tab_to(qtbot, window.welcome.picker.days[8])
    press(qtbot, Qt.Key.Key_Return)
    assert session.surgery_date == SURGERY
    tab_to(qtbot, window.welcome.start)
    press(qtbot, Qt.Key.Key_Return)
    assert window.current_screen() is window.education

    for _ in content.course.steps:
        press(qtbot, Qt.Key.Key_Right)
    assert window.current_screen() is window.quiz

    for question in content.course.questions:
        position = [c.id for c in question.choices].index(question.answer)
        tab_to(qtbot, window.quiz.choices[position])
        press(qtbot, Qt.Key.Key_Return)
        assert session.quiz_answers[question.id] == question.answer
        tab_to(qtbot, window.quiz.next)
        press(qtbot, Qt.Key.Key_Return)
    tab_to(qtbot, window.quiz.next)
    press(qtbot, Qt.Key.Key_Return)

    pre = window.checklist_screens[0]
    assert window.current_screen() is pre
    tab_to(qtbot, pre.cards[0].done)
    press(qtbot, Qt.Key.Key_Space)
    assert session.status("pre-op", pre.model.checklist.items[0].id) is ItemStatus.DONE
    for screen in window.checklist_screens:
        tab_to(qtbot, screen.next)
        press(qtbot, Qt.Key.Key_Return)
    assert window.current_screen() is window.review
    tab_to(qtbot, window.review.finish)
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.finish_confirm
    tab_to(qtbot, window.finish_confirm.yes)
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.closing
    press(qtbot, Qt.Key.Key_Return)  # "Start again" has the focus
    assert window.current_screen() is window.welcome
    assert window.session.surgery_date is None
