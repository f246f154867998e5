from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from pytestqt.qtbot import QtBot

from hemiapp.content.models import Picture
from hemiapp.content.session import Session
from hemiapp.ui.education import EducationScreen


def make(qtbot: QtBot, session: Session) -> EducationScreen:
    screen = EducationScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1000, 700)
    screen.show()
    screen.activateWindow()
    qtbot.waitActive(screen)
    screen.enter(backwards=False)
    return screen


def test_steps_with_buttons(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    steps = session.content.course.steps
    assert screen.progress.text() == f"Step 1 of {len(steps)}"
    assert screen.title.text() == steps[0].title.english
    assert not screen.illustration.pixmap().isNull()
    assert screen.illustration.accessibleName() == steps[0].illustration_alt.english
    qtbot.mouseClick(screen.next, Qt.MouseButton.LeftButton)
    assert screen.progress.text() == f"Step 2 of {len(steps)}"
    assert screen.title.text() == steps[1].title.english
    qtbot.mouseClick(screen.back, Qt.MouseButton.LeftButton)
    assert screen.title.text() == steps[0].title.english
    with qtbot.waitSignal(screen.back_requested):
        qtbot.mouseClick(screen.back, Qt.MouseButton.LeftButton)


def test_keyboard_arrows_and_enter(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    screen.setFocus()
    qtbot.keyClick(screen, Qt.Key.Key_Right)
    qtbot.keyClick(screen, Qt.Key.Key_Return)
    assert screen.index == 2
    qtbot.keyClick(screen, Qt.Key.Key_Left)
    assert screen.index == 1
    # Enter on the focused Back button goes back, not forward
    screen.back.setFocus()
    qtbot.keyClick(screen.back, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.index == 0)


def test_contents_jump_and_last_step(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    steps = session.content.course.steps
    last = len(steps) - 1
    assert screen.step_buttons[last].accessibleName() == (
        f"Step {last + 1}: {steps[last].title.english}"
    )
    qtbot.mouseClick(screen.step_buttons[last], Qt.MouseButton.LeftButton)
    assert [b.isChecked() for b in screen.step_buttons] == [n == last for n in range(last + 1)]
    assert screen.title.text() == steps[last].title.english
    assert screen.next.text() == "Go to the quiz"
    with qtbot.waitSignal(screen.next_requested):
        qtbot.mouseClick(screen.next, Qt.MouseButton.LeftButton)


def test_spanish(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    session.language = "es"
    screen.refresh()
    step = session.content.course.steps[0]
    assert screen.title.text() == step.title.get("es")
    assert screen.step_buttons[0].toolTip() == step.title.get("es")
    assert screen.illustration.accessibleName() == step.illustration_alt.get("es")


def test_the_picture_follows_language_theme_and_text_size(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hemiapp.ui import education
    from hemiapp.ui.theme import HIGH_CONTRAST, TextSize, stylesheet

    calls: list[tuple[str, dict[str, object]]] = []
    real = education.render_picture

    def spy(picture: Picture, language: str, **kwargs: Any) -> QPixmap:
        calls.append((language, kwargs))
        return real(picture, language, **kwargs)

    monkeypatch.setattr(education, "render_picture", spy)
    screen = make(qtbot, session)
    assert calls[-1][0] == "en" and calls[-1][1]["high_contrast"] is False
    normal_px = calls[-1][1]["body_px"]
    session.language = "es"
    screen.refresh()
    assert calls[-1][0] == "es"
    screen.setProperty("highContrast", True)  # as the main window sets it
    screen.setStyleSheet(stylesheet(HIGH_CONTRAST, TextSize.EXTRA_LARGE))
    qtbot.waitUntil(lambda: calls[-1][1]["high_contrast"] is True)
    assert calls[-1][0] == "es"
    assert calls[-1][1]["body_px"] == round(20 * TextSize.EXTRA_LARGE.value) > normal_px
