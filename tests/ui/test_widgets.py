"""The top bar: its buttons stay where they are whatever the language, text size and
contrast (a second tap where "A" was must not land on "A+"), the Staff button included,
and the Staff button's text is readable and grows with the text size."""

from __future__ import annotations

from itertools import product

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from hemiapp.ui.theme import BODY_PX, TextSize
from tests.ui.staff.conftest import (
    cheap_scrypt,
    controller,
    db,
    nurse,
    sessions,
    settle,
    sign_in,
    staff_store,
    window,
)

# the staff-mode fixtures: a real database, a nurse, the window with staff mode attached
__all__ = ["cheap_scrypt", "controller", "db", "nurse", "sessions", "staff_store", "window"]


def places(window: MainWindow) -> dict[str, QRect]:
    buttons = window.top_bar.findChildren(QPushButton)
    top = [b for b in buttons if b.parent() is window.top_bar]
    assert len(top) == 7  # two languages, three sizes, contrast, Staff
    return {b.objectName(): QRect(b.mapTo(window, QPoint(0, 0)), b.size()) for b in top}


@pytest.mark.parametrize("geometry", [(1280, 800), (1920, 1080)], ids=["1280x800", "1920x1080"])
def test_the_buttons_never_move(
    qtbot: QtBot, window: MainWindow, controller: StaffController, geometry: tuple[int, int]
) -> None:
    window.resize(*geometry)
    settle()
    first = places(window)
    assert all(place.right() < geometry[0] for place in first.values())  # all on screen
    for language, size, contrast in product(["en", "es"], TextSize, [False, True]):
        window.set_language(language)
        window.set_text_size(size)
        window.set_high_contrast(contrast)
        settle()
        assert places(window) == first, (language, size, contrast)
    bar = window.top_bar
    for widget in (*bar.languages.buttons(), *bar.size_buttons.values(), bar.contrast):
        widget.setFocus()  # a wider focus border
        settle()
        assert places(window) == first, widget.objectName()


def test_signing_in_moves_nothing(
    qtbot: QtBot, window: MainWindow, controller: StaffController
) -> None:
    window.set_language("es")
    window.set_text_size(TextSize.EXTRA_LARGE)
    settle()
    first = places(window)
    sign_in(qtbot, controller)
    settle()
    assert not controller.bar.staff_button.isVisible()  # signed in: no Staff button
    assert {k: v for k, v in places(window).items() if k != "staff-button"} == {
        k: v for k, v in first.items() if k != "staff-button"
    }


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_staff_button_is_readable_and_grows(
    qtbot: QtBot, window: MainWindow, controller: StaffController, language: str
) -> None:
    window.set_language(language)
    staff = controller.bar.staff_button
    assert staff.text() == {"en": "Staff", "es": "Personal"}[language]
    for size in TextSize:
        window.set_text_size(size)
        settle()
        assert staff.fontInfo().pixelSize() == round(BODY_PX * size.value)
        assert staff.fontMetrics().horizontalAdvance(staff.text()) < staff.contentsRect().width()
        assert staff.width() >= 48 and staff.height() >= 48
