"""Small helpers shared by the screen tests."""

from __future__ import annotations

from typing import TypeVar

from pytestqt.qtbot import QtBot

from hemiapp.ui.widgets import Screen

S = TypeVar("S", bound=Screen)


def shown(qtbot: QtBot, screen: S) -> S:
    """``screen`` on its own, 1000×700, visible and entered as the journey would."""
    qtbot.addWidget(screen)
    screen.resize(1000, 700)
    screen.show()
    qtbot.waitExposed(screen)
    screen.enter(backwards=False)
    return screen
