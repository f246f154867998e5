"""Every staff page, in both languages at normal and extra-large text, at kiosk size:
controls of 48×48 px or more with a name for screen readers, no clipped text, and the
window still fits the screen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from hemiapp.content.session import PatientDetails
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from hemiapp.ui.theme import TextSize
from tests.ui.staff.conftest import PIN, settle
from tests.ui.test_accessibility import problems as screen_problems


def states(window: MainWindow, controller: StaffController) -> Iterator[str]:
    yield "patient-mode"
    controller.open_sign_in()
    controller.sign_in_panel.staff_id.setText("ana")
    controller.sign_in_panel.pin.setText("1")
    controller.sign_in_panel.attempt()
    yield "sign-in-with-message"
    controller.sign_in_as(controller.staff.sign_in("ana", PIN))
    for question in window.content.course.questions[:3]:
        wrong = next(c.id for c in question.choices if c.id != question.answer)
        window.session.answer(question, wrong)
    controller.sessions.new_named(
        window.content, PatientDetails("María López", date(1958, 3, 5), "100234"),
        language="es", surgery_date=date(2026, 12, 8),
    )  # fmt: skip
    controller.open_panel("new")
    controller.panel.form.submit()
    yield "new-session-with-problems"
    controller.panel.show_section("find")
    controller.panel.finder.search.setText("López")
    controller.panel.finder.search_button.click()
    yield "find-results"
    controller.panel.show_section("quiz")
    controller.panel.teach_back.done.click()
    yield "quiz-results"
    controller.close_page()
    screen = window.checklist_screens[0]
    window.show_screen(window.screens.index(screen))
    window.session.set_note("pre-op", screen.model.item(0).id, "A note " * 20)
    screen.model.refresh()
    yield "checklist-staff"
    controller.open_note(screen, 0)
    yield "note-editor"
    controller.close_page()
    controller.open_sign_off(screen)
    yield "sign-off"
    controller.sign_off_panel.pin.setText(PIN)
    controller.sign_off_panel.attempt()
    yield "signed"


def problems(window: MainWindow, state: str) -> list[str]:
    found = []
    if (window.width(), window.height()) != (1280, 800):
        found.append(f"{state}: the window grew to {window.width()}×{window.height()}")
    return found + screen_problems(window, state, window.stack.currentWidget())


@pytest.mark.parametrize("size", [TextSize.NORMAL, TextSize.EXTRA_LARGE], ids=["normal", "xl"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_staff_pages(
    qtbot: QtBot,
    window: MainWindow,
    controller: StaffController,
    language: str,
    size: TextSize,
) -> None:
    window.session.set_language(language)
    window.set_language(language)
    window.set_text_size(size)
    found = []
    for state in states(window, controller):
        settle()
        found += problems(window, state)
    assert found == []
