"""Quiz results in the staff menu, and marking teach-back done."""

from __future__ import annotations

import json

from pytestqt.qtbot import QtBot

from hemiapp.store.db import Database
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from tests.ui.staff.conftest import click, sign_in


def test_missed_questions_and_teach_back(
    qtbot: QtBot,
    window: MainWindow,
    controller: StaffController,
    sessions: SessionStore,
    db: Database,
) -> None:
    questions = window.content.course.questions
    wrong = {}
    for number, question in enumerate(questions):
        choice = question.answer
        if number in (0, 2):
            choice = next(c.id for c in question.choices if c.id != question.answer)
            wrong[question.id] = next(c for c in question.choices if c.id == choice)
        window.session.answer(question, choice)
    sign_in(qtbot, controller)
    click(qtbot, controller.bar.menu)
    panel = controller.panel
    click(qtbot, panel.tab_buttons["quiz"])
    section = panel.teach_back
    assert section.isVisible()
    right = len(questions) - 2
    assert section.score.text() == (
        f"{right} of {len(questions)} answers right. {len(questions)} questions in all."
    )
    assert [card.objectName() for card in section.cards] == [f"missed-{q}" for q in wrong]
    first = questions[0]
    texts = [w.text() for w in section.cards[0].findChildren(type(section.score))]
    assert texts == [
        first.question.english,
        f"✗ The patient's answer: {wrong[first.id].text.english}",
        f"✓ The right answer: {first.right_choice.text.english}",
    ]
    assert not section.done_at.isVisible()
    click(qtbot, section.done)
    assert window.session.teach_back_at is not None
    assert section.done_at.isVisible()
    assert section.done_at.text().startswith("✓ Teach-back done on ")
    row = db.read("SELECT actor, detail FROM audit WHERE action = 'teach-back'")[0]
    assert row["actor"] == "ana"
    assert json.loads(json.loads(row["detail"])["missed"]) == list(wrong)
    assert window.session.id is not None
    saved = sessions.resume(window.session.id, window.content)
    assert saved.teach_back_at == window.session.teach_back_at


def test_no_answers_yet(qtbot: QtBot, controller: StaffController) -> None:
    sign_in(qtbot, controller)
    controller.open_panel("quiz")
    section = controller.panel.teach_back
    assert section.score.text() == "The patient has not answered the quiz yet."
    assert section.cards == []
