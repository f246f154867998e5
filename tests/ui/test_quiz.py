from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hemiapp.content.models import QuizQuestion
from hemiapp.content.session import Session
from hemiapp.ui import theme
from hemiapp.ui.quiz import QuizScreen, WrapButton
from hemiapp.ui.theme import TextSize
from tests.ui.helpers import shown as shown_screen

LEFT = Qt.MouseButton.LeftButton


def make(qtbot: QtBot, session: Session) -> QuizScreen:
    return shown_screen(qtbot, QuizScreen(session))


def shown(button: WrapButton) -> str:
    """A choice's text as the patient reads it (the button wraps long texts)."""
    return " ".join(button.text().split())


def wrong_choice(question: QuizQuestion) -> int:
    return next(n for n, c in enumerate(question.choices) if c.id != question.answer)


def right_choice(question: QuizQuestion) -> int:
    return next(n for n, c in enumerate(question.choices) if c.id == question.answer)


def visible_choices(screen: QuizScreen) -> list[WrapButton]:
    return [c for c in screen.choices if c.isVisibleTo(screen)]


def test_first_question(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    questions = session.content.course.questions
    first = questions[0]
    assert screen.counter.text() == f"Question 1 of {len(questions)}"
    assert screen.question.text() == first.question.english
    choices = visible_choices(screen)
    assert [shown(c) for c in choices] == [c.text.english for c in first.choices]
    assert all(c.isEnabled() and c.height() >= 48 for c in choices)
    assert all(c.accessibleName() == c.full_text for c in choices)
    assert not screen.feedback.isVisibleTo(screen)
    assert not screen.next.isVisibleTo(screen)  # answer first


def test_right_answer_feedback(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    question = session.content.course.questions[0]
    number = right_choice(question)
    qtbot.mouseClick(screen.choices[number], LEFT)
    assert session.quiz_answers == {question.id: question.answer}
    assert screen.feedback.isVisibleTo(screen)
    assert screen.verdict.text() == "That's right!"
    assert not screen.right_answer.isVisibleTo(screen)
    assert screen.explanation.text() == question.explanation.english
    text = question.choices[number].text.english
    assert shown(screen.choices[number]) == f"✓ {text} (your answer)"
    assert not any(c.isEnabled() for c in visible_choices(screen))  # locked
    assert screen.next.isVisibleTo(screen)
    assert screen.next.text() == "Next question"


def test_wrong_answer_feedback_and_lock(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    question = session.content.course.questions[0]
    wrong, right = wrong_choice(question), right_choice(question)
    qtbot.mouseClick(screen.choices[wrong], LEFT)
    right_text = question.right_choice.text.english
    assert screen.verdict.text() == "Not quite."
    assert screen.right_answer.text() == f"The right answer is: {right_text}"
    assert screen.explanation.text() == question.explanation.english
    wrong_text = question.choices[wrong].text.english
    assert shown(screen.choices[wrong]) == f"✗ {wrong_text} (your answer)"
    assert shown(screen.choices[right]) == f"✓ {right_text} (right answer)"
    # a locked choice cannot change the recorded answer
    screen.choose(question.answer)
    assert session.quiz_answers[question.id] == question.choices[wrong].id


def test_whole_quiz_summary_lists_the_missed(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    questions = session.content.course.questions
    missed_ids = []
    for n, question in enumerate(questions):
        assert screen.counter.text() == f"Question {n + 1} of {len(questions)}"
        assert screen.question.text() == question.question.english
        if n % 3 == 0:
            qtbot.mouseClick(screen.choices[wrong_choice(question)], LEFT)
            missed_ids.append(question.id)
        else:
            qtbot.mouseClick(screen.choices[right_choice(question)], LEFT)
        last = n == len(questions) - 1
        assert screen.next.text() == ("See my results" if last else "Next question")
        qtbot.mouseClick(screen.next, LEFT)
    assert len(session.quiz_answers) == len(questions)
    assert [q.id for q in session.missed_questions()] == missed_ids
    assert screen.on_summary
    right = len(questions) - len(missed_ids)
    assert screen.score.text() == f"You got {right} of {len(questions)} right."
    assert [c.objectName() for c in screen.missed_cards] == [f"missed-{i}" for i in missed_ids]
    for card, question in zip(screen.missed_cards, session.missed_questions(), strict=True):
        texts = [lbl.text() for lbl in card.findChildren(QLabel)]
        assert question.question.english in texts
        assert f"✓ The right answer is: {question.right_choice.text.english}" in texts
        assert question.explanation.english in texts
    assert screen.next.text() == "Continue to my checklists"
    with qtbot.waitSignal(screen.next_requested):
        qtbot.mouseClick(screen.next, LEFT)


def test_all_right_summary(qtbot: QtBot, session: Session) -> None:
    for question in session.content.course.questions:
        session.answer(question, question.answer)
    screen = make(qtbot, session)  # forwards with every answer given: the summary
    assert screen.on_summary
    assert screen.missed_cards == []
    assert screen.missed_title.text() == "Well done! You got every answer right."


def test_back_shows_previous_answer(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    first, second = session.content.course.questions[:2]
    wrong = wrong_choice(first)
    qtbot.mouseClick(screen.choices[wrong], LEFT)
    qtbot.mouseClick(screen.next, LEFT)
    assert screen.question.text() == second.question.english
    assert not screen.feedback.isVisibleTo(screen)
    qtbot.mouseClick(screen.back, LEFT)
    assert screen.question.text() == first.question.english
    assert screen.verdict.text() == "Not quite."
    assert shown(screen.choices[wrong]).startswith("✗ ")
    assert not screen.choices[wrong].isEnabled()
    with qtbot.waitSignal(screen.back_requested):
        qtbot.mouseClick(screen.back, LEFT)


def test_entered_backwards_shows_summary(qtbot: QtBot, session: Session) -> None:
    first = session.content.course.questions[0]
    session.answer(first, first.choices[wrong_choice(first)].id)
    screen = make(qtbot, session)
    assert screen.index == 1  # forwards: the first question not answered yet
    screen.enter(backwards=True)
    assert screen.on_summary
    assert screen.score.text() == "You got 0 of 1 right."
    assert [c.objectName() for c in screen.missed_cards] == [f"missed-{first.id}"]
    qtbot.mouseClick(screen.back, LEFT)  # back from the summary: the last question
    assert screen.index == len(session.content.course.questions) - 1


def test_spanish(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    question = session.content.course.questions[0]
    qtbot.mouseClick(screen.choices[wrong_choice(question)], LEFT)
    session.language = "es"
    screen.refresh()
    assert screen.question.text() == "¿Qué quita el cirujano en una hemilaminotomía?"
    assert screen.question.text() == question.question.get("es")
    assert screen.explanation.text() == question.explanation.get("es")
    right = question.right_choice
    assert right.text.get("es") in screen.right_answer.text()
    assert right.text.get("es") in shown(screen.choices[right_choice(question)])


def test_long_choice_wraps_without_clipping(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    screen.resize(500, 700)
    longest = max(session.content.course.questions, key=lambda q: len(q.choices[-1].text.english))
    screen.show_question(session.content.course.questions.index(longest))
    button = screen.choices[len(longest.choices) - 1]
    qtbot.waitUntil(lambda: "\n" in button.text())
    for size in (TextSize.NORMAL, TextSize.EXTRA_LARGE):  # the text size changes: rewrap
        screen.setStyleSheet(theme.stylesheet(theme.NORMAL, size))
        metrics = button.fontMetrics()
        lines = button.text().split("\n")
        assert all(metrics.horizontalAdvance(line) < button.width() for line in lines)
        assert " ".join(lines) == longest.choices[-1].text.english
        qtbot.waitUntil(
            lambda m=metrics: button.height() > m.height() * len(button.text().split("\n"))
        )


def test_keyboard_answer(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    question = session.content.course.questions[0]
    choice = screen.choices[right_choice(question)]
    choice.setFocus()
    qtbot.keyClick(choice, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: question.id in session.quiz_answers)
    assert screen.verdict.text() == "That's right!"
    qtbot.waitUntil(screen.next.hasFocus)
