from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hemiapp.content.loader import load_content
from hemiapp.content.models import ItemKind
from hemiapp.content.session import ItemState, ItemStatus, Session
from hemiapp.ui.review import ReviewScreen
from tests.content.conftest import CHECKLIST, TEAM_CHECKLIST, make_content
from tests.ui.helpers import shown

LEFT = Qt.MouseButton.LeftButton

HOSTILE = (
    CHECKLIST
    + """\
      - id: bold
        text:
          en: "<b>x</b> & <i>y</i>"
        when: "-3d"
      - id: link
        text:
          en: "<a href='http://example.com'>click</a>"
      - id: ask
        text:
          en: "Ask about <script>alert(1)</script>"
"""
)


def make(qtbot: QtBot, session: Session) -> ReviewScreen:
    return shown(qtbot, ReviewScreen(session))


def shown_texts(screen: ReviewScreen) -> list[str]:
    page = screen.scroll_area.widget()
    assert page is not None
    return [each.text() for each in page.findChildren(QLabel) if each.isVisibleTo(screen)]


def test_groups_list_the_right_items(qtbot: QtBot, session: Session) -> None:
    pre = session.content.checklist("pre-op")
    post = session.content.checklist("post-op")
    session.set_status("pre-op", "stop-smoking", ItemStatus.DONE)
    session.set_status("pre-op", "pack-bag", ItemStatus.DONE)
    session.set_question("pre-op", "pack-bag", True)  # done, and a question too
    session.set_question("pre-op", "ask-recovery", True)
    session.set_question("post-op", "ws-fever", True)
    screen = make(qtbot, session)
    texts = {item.id: item.text.english for item in (*pre.items, *post.items)}
    assert screen.title.text() == "Your review"
    assert screen.entries("pre-op", "done") == [texts["stop-smoking"], texts["pack-bag"]]
    asked = [i.text.english for i in pre.items if i.id in {"pack-bag", "ask-recovery"}]
    assert screen.entries("pre-op", "question") == asked
    still = [i.text.english for i in pre.items if i.id not in {"stop-smoking", "pack-bag"}]
    assert screen.entries("pre-op", "open") == still
    assert screen.entries("post-op", "done") == []
    assert screen.entries("post-op", "question") == [texts["ws-fever"]]
    shown = shown_texts(screen)
    assert "Done (2)" in shown
    assert "Your questions for the care team (2)" in shown
    assert f"Warning sign: {texts['ws-fever']}" in shown
    assert texts["stop-smoking"] in shown
    assert "None" in shown  # the post-op list has nothing done
    tasks = [i for i in pre.items if i.kind is not ItemKind.WARNING_SIGN]
    assert f"2 of {len(tasks)} done" in shown
    # the checklist before surgery comes first
    assert screen.cards[0].objectName() == "review-pre-op"


def test_warning_signs_are_never_done_or_not_done(qtbot: QtBot, session: Session) -> None:
    post = session.content.checklist("post-op")
    signs = [i for i in post.items if i.is_sign]  # warning signs and emergencies
    warnings = [i for i in signs if i.kind is ItemKind.WARNING_SIGN]
    emergencies = [i for i in signs if i.kind is ItemKind.EMERGENCY]
    tasks = [i for i in post.items if not i.is_sign]
    assert warnings and emergencies and tasks
    for sign in (warnings[0], emergencies[0]):  # from an old visit
        session.items[("post-op", sign.id)] = ItemState(ItemStatus.DONE)
    screen = make(qtbot, session)
    listed = {i.text.english for i in signs}
    assert not listed & set(screen.entries("post-op", "done"))
    assert not listed & set(screen.entries("post-op", "open"))
    assert screen.entries("post-op", "warning") == [i.text.english for i in warnings]
    assert screen.entries("post-op", "emergency") == [i.text.english for i in emergencies]
    shown = shown_texts(screen)
    assert f"Warning signs to watch for ({len(warnings)})" in shown
    assert f"Still to do ({len(tasks)})" in shown
    assert f"Warning sign: {warnings[0].text.english}" not in shown  # not under "Done"
    assert f"0 of {len(tasks)} done" in shown


def test_quiz_score_line(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    assert screen.score.text() == "Quiz: not answered yet."
    first, second = session.content.course.questions[:2]
    session.answer(first, first.answer)
    session.answer(second, next(c.id for c in second.choices if c.id != second.answer))
    screen.enter(backwards=True)
    assert screen.score.text() == "Quiz: you got 1 of 2 right."


def test_updates_and_spanish(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    session.set_status("pre-op", "stop-smoking", ItemStatus.DONE)
    session.language = "es"
    screen.refresh()
    assert screen.entries("pre-op", "done") == [
        "Deje de fumar y de usar cualquier tipo de tabaco o nicotina lo antes posible."
    ]
    assert "Cómo prepararse para su cirugía" in shown_texts(screen)


def test_markup_in_texts_shows_literally(qtbot: QtBot, tmp_path: Path) -> None:
    root = make_content(tmp_path / "content", checklists={"pre-op.yaml": HOSTILE})
    session = Session(load_content(root).content)
    session.set_status("pre-op", "bold", ItemStatus.DONE)
    session.set_question("pre-op", "ask", True)
    screen = make(qtbot, session)
    assert screen.entries("pre-op", "done") == ["<b>x</b> & <i>y</i>"]
    assert screen.entries("pre-op", "question") == ["Ask about <script>alert(1)</script>"]
    page = screen.scroll_area.widget()
    assert page is not None
    labels = page.findChildren(QLabel)
    assert all(each.textFormat() == Qt.TextFormat.PlainText for each in labels)
    bold = next(each for each in labels if each.text() == "<b>x</b> & <i>y</i>")
    # plain text: the tags take room on screen as characters
    assert bold.sizeHint().width() > bold.fontMetrics().horizontalAdvance("x & y") * 2
    link = next(each for each in labels if "href" in each.text())
    assert not link.openExternalLinks()


def test_buttons(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    assert screen.finish.property("role") == "primary"
    assert screen.print_button.text() == "Print my checklist"
    assert screen.finish.text() == "Finish"
    with qtbot.waitSignal(screen.print_requested):
        qtbot.mouseClick(screen.print_button, LEFT)
    with qtbot.waitSignal(screen.finish_requested):
        qtbot.mouseClick(screen.finish, LEFT)
    with qtbot.waitSignal(screen.back_requested):
        qtbot.mouseClick(screen.back, LEFT)


def test_a_team_date_shows_its_words_and_is_never_passed(qtbot: QtBot, tmp_path: Path) -> None:
    root = make_content(tmp_path / "content", checklists={"pre-op.yaml": TEAM_CHECKLIST})
    session = Session(load_content(root).content)
    session.surgery_date = date(2026, 12, 1)
    screen = make_on(qtbot, session, date(2026, 12, 2))  # every computed date has passed
    assert screen.entries("pre-op", "open") == [
        "Stop smoking.",
        "Go to the visit your surgeon sets.",
    ]
    shown = shown_texts(screen)
    assert shown.count("On the date your team gives you") == 1
    assert shown.count("Tue 24 Nov — 7 days before") == 1
    passed = [w for w in screen.findChildren(QLabel, "past-due") if w.isVisibleTo(screen)]
    assert [w.text() for w in passed] == ["This date has passed. Ask your care team."]  # one
    session.set_question("pre-op", "see-surgeon", True)  # a question on it: still no date
    session.language = "es"
    screen.refresh()
    assert shown_texts(screen).count("En la fecha que le dé su equipo") == 2  # open, question
    assert len([w for w in screen.findChildren(QLabel, "past-due") if w.isVisibleTo(screen)]) == 1


def make_on(qtbot: QtBot, session: Session, today: date) -> ReviewScreen:
    return shown(qtbot, ReviewScreen(session, today=today))
