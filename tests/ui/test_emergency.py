"""The "Call 911 now" box on screen: the checklist (first among the signs, unfolded, no
Done or question), the review (its own group, first among the signs) and a course step."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hemiapp.content.loader import load_content
from hemiapp.content.models import Content
from hemiapp.content.session import ItemStatus, Session
from hemiapp.paths import bundled_content_root
from hemiapp.ui import theme
from hemiapp.ui.checklist import ChecklistScreen, ItemCard
from hemiapp.ui.checklist_model import Role
from hemiapp.ui.education import EducationScreen
from hemiapp.ui.emergency import EmergencyBox
from hemiapp.ui.i18n import Translations
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.review import ReviewScreen
from hemiapp.ui.theme import TextSize
from tests.content.conftest import CHECKLIST, COURSE, make_content
from tests.content.test_emergency import STEP_EMERGENCY
from tests.ui.helpers import shown
from tests.ui.staff.conftest import settle

# Tasks, then warning signs, then (last in the file) the emergency signs: the app shows
# the emergency signs first among the signs all the same.
POST_OP = """\
id: post
kind: post-op
version: "1.0"
review_status: draft
title: {en: After surgery, es: Después de la cirugía}
sections:
  - id: home
    title: {en: At home, es: En casa}
    items:
      - id: walk
        text: {en: Walk a little every day., es: Camine un poco cada día.}
        when: "+1d"
  - id: call-team
    title: {en: Call your team if, es: Llame a su equipo si}
    items:
      - id: ws-fever
        text: {en: You have a fever., es: Tiene fiebre.}
        detail: {en: It can be an infection., es: Puede ser una infección.}
        kind: warning-sign
  - id: get-help
    title: {en: Get help at once, es: Busque ayuda de inmediato}
    items:
      - id: em-chest
        text: {en: Call 911 if you have chest pain., es: Llame al 911 si tiene dolor en el pecho.}
        detail: {en: Do not drive yourself., es: No maneje usted.}
        kind: emergency
      - id: em-legs
        text: {en: Call 911 if you cannot move your legs., es: Llame al 911 si no puede mover las piernas.}
        kind: emergency
"""  # noqa: E501

CHEST = "Call 911 if you have chest pain."
LEGS = "Call 911 if you cannot move your legs."


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Content:
    course = COURSE.replace("    quiz:\n", STEP_EMERGENCY + "    quiz:\n")
    root = make_content(
        tmp_path_factory.mktemp("emergency") / "c",
        course=course,
        checklists={"pre-op.yaml": CHECKLIST, "post-op.yaml": POST_OP},
    )
    return load_content(root).content


@pytest.fixture
def session(content: Content) -> Session:
    return Session(content)


def top(widget: QWidget, page: QWidget) -> int:
    return widget.mapTo(page, QPoint(0, 0)).y()


def card(screen: QWidget, item_id: str) -> ItemCard:
    found = screen.findChild(ItemCard, f"item-{item_id}")
    assert found is not None
    return found


def test_the_box_comes_first_among_the_signs_unfolded(qtbot: QtBot, session: Session) -> None:
    screen = shown(qtbot, ChecklistScreen(session, "post"))
    box = screen.emergency_box
    assert box is not None
    assert [c.objectName() for c in screen.cards] == [
        "item-walk", "item-em-chest", "item-em-legs", "item-ws-fever"
    ]  # fmt: skip
    page = screen.scroll_area.widget()
    assert page is not None
    walk, chest, legs, fever = (
        card(screen, i) for i in ("walk", "em-chest", "em-legs", "ws-fever")
    )
    assert top(walk, page) < top(box, page) < top(fever, page)
    assert box.isAncestorOf(chest) and box.isAncestorOf(legs) and not box.isAncestorOf(fever)
    assert box.heading.text() == "⚠ Call 911 now"
    # unfolded: the detail shows without "Why?"; a sign: nothing to tick or ask
    assert chest.detail.isVisible() and chest.detail.text() == "Do not drive yourself."
    for each in (chest, legs):
        assert not each.why.isVisible()
        assert not each.done.isVisible()
        assert not each.question.isVisible()
    assert fever.question.isVisible() and fever.why.isVisible() and not fever.detail.isVisible()
    # its own section title is not shown: the box has its heading
    titles = [t.text() for t, _ in screen.section_titles]
    assert titles == ["At home", "Call your team if"]


def test_the_box_is_told_apart_from_warning_signs(qtbot: QtBot, session: Session) -> None:
    screen = shown(qtbot, ChecklistScreen(session, "post"))
    assert screen.emergency_box is not None
    assert screen.emergency_box.property("role") == "emergency"
    assert card(screen, "em-chest").property("role") == "emergency-item"
    assert card(screen, "ws-fever").property("role") == "warning"
    for palette in (theme.NORMAL, theme.HIGH_CONTRAST):
        sheet = theme.stylesheet(palette, TextSize.NORMAL)
        rule = re.search(r'QFrame\[role="emergency"\] \{ ([^}]*)\}', sheet)
        warning = re.search(r'QFrame\[role="warning"\] \{ ([^}]*)\}', sheet)
        assert rule and warning
        assert f"border: 6px solid {palette.warning_text}" in rule[1]  # twice as thick
        assert "border: 3px" in warning[1]
        banner = re.search(r'QLabel\[role="emergency-heading"\] \{ ([^}]*)\}', sheet)
        assert banner and f"background: {palette.warning_text}" in banner[1]  # solid, inverted
        assert "font-weight: bold" in banner[1]
        assert theme.contrast(palette.warning_bg, palette.warning_text) >= 4.5


def test_screen_readers_hear_emergency_first(qtbot: QtBot, session: Session) -> None:
    screen = shown(qtbot, ChecklistScreen(session, "post"))
    assert card(screen, "em-chest").accessibleName() == (
        "Emergency. Call 911 now: Call 911 if you have chest pain. Do not drive yourself."
    )
    assert card(screen, "em-legs").accessibleName() == (
        "Emergency. Call 911 now: Call 911 if you cannot move your legs."
    )
    assert screen.emergency_box is not None
    assert screen.emergency_box.accessibleName() == "Emergency. Call 911 now"
    assert screen.emergency_box.heading.accessibleName() == "Emergency. Call 911 now"


def test_an_emergency_sign_is_never_done_nor_a_question(qtbot: QtBot, session: Session) -> None:
    screen = shown(qtbot, ChecklistScreen(session, "post"))
    model = screen.model
    row = [model.item(r).id for r in range(model.rowCount())].index("em-chest")
    assert not model.setData(model.index(row, 0), ItemStatus.DONE, Role.STATUS)
    assert not model.setData(model.index(row, 0), True, Role.QUESTION)
    assert session.status("post", "em-chest") is ItemStatus.OPEN
    assert not session.has_question("post", "em-chest")
    assert model.progress() == (0, 1)  # only "walk" counts


def test_the_box_in_spanish(qtbot: QtBot, session: Session) -> None:
    session.language = "es"
    assert Translations().set_language("es")
    screen = shown(qtbot, ChecklistScreen(session, "post"))
    screen.refresh()
    assert screen.emergency_box is not None
    assert screen.emergency_box.heading.text() == "⚠ Llame al 911 ahora"
    assert card(screen, "em-chest").text.text() == "Llame al 911 si tiene dolor en el pecho."
    assert card(screen, "em-chest").detail.text() == "No maneje usted."
    assert card(screen, "em-chest").accessibleName() == (
        "Emergencia. Llame al 911 ahora: Llame al 911 si tiene dolor en el pecho. No maneje usted."
    )


def test_the_review_lists_them_in_their_own_box_first(qtbot: QtBot, session: Session) -> None:
    screen = shown(qtbot, ReviewScreen(session))
    assert screen.entries("post", "emergency") == [CHEST, LEGS]
    assert screen.entries("post", "warning") == ["You have a fever."]
    assert screen.entries("post", "open") == ["Walk a little every day."]
    assert screen.entries("post", "done") == screen.entries("post", "question") == []
    box = screen.findChild(EmergencyBox, "post-emergency")
    assert box is not None and box.property("role") == "emergency"
    assert box.signs == [CHEST, LEGS]
    assert box.heading.text() == "⚠ Call 911 now"
    questions = screen.findChild(QWidget, "post-question")
    warnings = screen.findChild(QWidget, "post-warning")
    assert questions is not None and warnings is not None
    page = screen.page
    assert top(questions, page) < top(box, page) < top(warnings, page)
    assert screen.findChild(EmergencyBox, "pre-op-emergency") is None  # none there


def test_a_steps_emergency_list_shows_first_in_the_step(qtbot: QtBot, session: Session) -> None:
    screen = shown(qtbot, EducationScreen(session))
    box = screen.emergency
    assert box.isVisible()
    assert box.heading.text() == "⚠ Call 911 now"
    assert box.signs == [
        "Call 911 if you cannot pass urine.",
        "EMERGENCY? Call 911 for chest pain.",
    ]
    page = screen.page_scroll.widget()
    assert page is not None
    assert top(box, page) < top(screen.illustration, page)
    assert top(box, page) < top(screen.body, page)
    # in view, with nothing scrolled
    assert screen.page_scroll.verticalScrollBar().value() == 0
    assert top(box, page) + box.height() <= screen.page_scroll.viewport().height()
    assert box.accessibleDescription() == (
        "Emergency. Call 911 now: Call 911 if you cannot pass urine. "
        "EMERGENCY? Call 911 for chest pain."
    )
    session.language = "es"
    screen.refresh()
    assert box.signs[0] == "Llame al 911 si no puede orinar. Es una emergencia."
    assert len(box.sign_labels) == 2  # the English ones went


def test_a_step_without_an_emergency_list_has_no_box(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    plain = load_content(make_content(tmp_path / "c")).content
    screen = shown(qtbot, EducationScreen(Session(plain)))
    assert not screen.emergency.isVisible()
    assert screen.emergency.signs == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_at_extra_large_text_the_steps_box_is_in_view(qtbot: QtBot, language: str) -> None:
    """The bundled risks step at the kiosk's 1280×800 and A++: the whole box is on screen
    before anything is scrolled, in both languages."""
    bundled = load_content(bundled_content_root()).content
    window = MainWindow(bundled, today=date(2026, 11, 23))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.set_language(language)
    window.set_text_size(TextSize.EXTRA_LARGE)
    education = window.education
    window.show_screen(window.screens.index(education))
    steps = [n for n, step in enumerate(education.steps) if step.emergency]
    assert steps, "the bundled course has a step with an emergency list"
    education.show_step(steps[0])
    settle()
    box, area = education.emergency, education.page_scroll
    assert box.isVisible() and len(box.signs) == len(education.steps[steps[0]].emergency)
    assert area.verticalScrollBar().value() == 0
    viewport = area.viewport()
    where = QRect(box.mapTo(viewport, QPoint(0, 0)), box.size())
    assert viewport.rect().contains(where), (where, viewport.rect())
    heading = "⚠ Llame al 911 ahora" if language == "es" else "⚠ Call 911 now"
    assert box.heading.text() == heading
