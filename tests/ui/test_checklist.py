from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from hemiapp.content.loader import load_content
from hemiapp.content.session import Actor, ItemStatus, Session
from hemiapp.ui import theme
from hemiapp.ui.checklist import ChecklistScreen, ItemCard
from hemiapp.ui.checklist_model import Role
from hemiapp.ui.theme import TextSize
from tests.content.conftest import TEAM_CHECKLIST, make_content
from tests.ui.helpers import shown

LEFT = Qt.MouseButton.LeftButton


def make(qtbot: QtBot, session: Session, checklist_id: str = "pre-op") -> ChecklistScreen:
    screen = ChecklistScreen(session, checklist_id)
    qtbot.addWidget(screen)
    screen.resize(1000, 700)
    screen.show()
    qtbot.waitExposed(screen)
    screen.enter(backwards=False)
    return screen


def card(screen: ChecklistScreen, item_id: str) -> ItemCard:
    found = screen.findChild(ItemCard, f"item-{item_id}")
    assert found is not None
    return found


def test_layout_texts(qtbot: QtBot, session: Session) -> None:
    session.surgery_date = date(2026, 12, 8)
    screen = make(qtbot, session)
    checklist = session.content.checklist("pre-op")
    assert screen.title.text() == checklist.title.english
    assert checklist.intro is not None
    assert screen.intro.text() == checklist.intro.english
    assert screen.progress.text() == f"0 of {len(checklist.items)} done"
    assert [t.text() for t, _ in screen.section_titles] == [
        s.title.english for s in checklist.sections
    ]
    assert len(screen.cards) == len(checklist.items)
    ride = card(screen, "arrange-ride")
    assert ride.text.text() == "Ask an adult to drive you home after surgery."
    assert ride.due.text() == "Tue 1 Dec — 7 days before"
    assert ride.done.text() == "Done"
    assert ride.done.accessibleName() == "Done: Ask an adult to drive you home after surgery."
    assert ride.question.accessibleName() == (
        "I have a question: Ask an adult to drive you home after surgery."
    )
    assert screen.scroll_area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_touch_targets_with_the_theme(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session, "post-op")
    screen.setStyleSheet(theme.stylesheet(theme.NORMAL, TextSize.NORMAL))
    screen.resize(800, 600)  # narrow: still no horizontal scrolling
    qtbot.waitUntil(lambda: screen.next.height() >= 48)
    buttons = [b for b in screen.findChildren(QPushButton) if b.isVisibleTo(screen)]
    assert len(buttons) > 2 * len(screen.cards)
    for each in buttons:
        assert each.height() >= 48 and each.width() >= 48, each.accessibleName()
        assert each.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert each.accessibleName()
    page = screen.scroll_area.widget()
    assert page is not None
    assert page.width() <= screen.scroll_area.viewport().width()
    for item in screen.cards:
        assert item.geometry().right() <= page.width()


def test_an_item_can_be_done_and_have_a_question(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    smoking = card(screen, "stop-smoking")
    total = len(screen.cards)
    with qtbot.waitSignal(screen.model.dataChanged):
        qtbot.mouseClick(smoking.done, LEFT)
    assert session.status("pre-op", "stop-smoking") is ItemStatus.DONE
    assert smoking.done.isChecked() and not smoking.question.isChecked()
    assert smoking.done.text() == "✓ Done"
    assert screen.progress.text() == f"1 of {total} done"
    assert screen.progress_bar.value() == 1

    qtbot.mouseClick(smoking.question, LEFT)  # a question too: Done stays
    assert session.status("pre-op", "stop-smoking") is ItemStatus.DONE
    assert session.has_question("pre-op", "stop-smoking")
    assert smoking.question.isChecked() and smoking.done.isChecked()
    assert smoking.done.text() == "✓ Done"
    assert smoking.question.text() == "✓ I have a question"
    assert smoking.property("role") == "question"
    assert screen.progress.text() == f"1 of {total} done"
    assert smoking.accessibleName().endswith("Done. You have a question.")

    qtbot.mouseClick(smoking.done, LEFT)  # not done after all: the question stays
    assert session.status("pre-op", "stop-smoking") is ItemStatus.OPEN
    assert session.has_question("pre-op", "stop-smoking")
    assert smoking.question.isChecked() and not smoking.done.isChecked()
    assert screen.progress.text() == f"0 of {total} done"

    qtbot.mouseClick(smoking.question, LEFT)  # unchecking: open again
    assert not session.has_question("pre-op", "stop-smoking")
    assert not smoking.question.isChecked() and not smoking.done.isChecked()
    assert smoking.property("role") == "card"


def test_cards_follow_the_model(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    model = screen.model
    row = next(r for r in range(model.rowCount()) if model.item(r).id == "pack-bag")
    model.setData(model.index(row, 0), ItemStatus.DONE, Role.STATUS)
    assert card(screen, "pack-bag").done.isChecked()
    assert screen.progress.text().startswith("1 of ")


def test_warning_signs_are_not_tasks(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session, "post-op")
    fever = card(screen, "ws-fever")
    assert fever.property("role") == "warning"
    assert fever.sign.isVisibleTo(screen) and fever.sign.text() == "⚠"
    assert not fever.done.isVisibleTo(screen)  # something to watch for: nothing to complete
    tasks = [c for c in screen.cards if not c.warning]
    assert len(tasks) < len(screen.cards)
    assert screen.progress.text() == f"0 of {len(tasks)} done"
    assert not screen.model.setData(screen.model.index(fever.row, 0), "done", Role.STATUS)
    assert session.status("post-op", "ws-fever") is ItemStatus.OPEN
    qtbot.mouseClick(fever.question, LEFT)  # a question about it is fine
    assert session.has_question("post-op", "ws-fever")
    assert fever.question.text() == "✓ I have a question"
    assert screen.progress.text() == f"0 of {len(tasks)} done"
    task = card(screen, "wound-care")
    assert task.property("role") == "card"
    assert not task.sign.isVisibleTo(screen)


def test_nurse_only_items(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    consent = card(screen, "consent-signed")
    assert not consent.done.isEnabled()
    assert not consent.question.isEnabled()
    assert consent.nurse_note.isVisibleTo(screen)
    assert consent.nurse_note.text() == "A nurse will check this item."
    consent.done.click()  # even if it were clicked, nothing changes
    assert session.status("pre-op", "consent-signed") is ItemStatus.OPEN
    assert not consent.done.isChecked()
    assert not card(screen, "stop-smoking").nurse_note.isVisibleTo(screen)
    session.actor = Actor(1, "n1", "Ana Ruiz", "Nurse")
    screen.model.refresh()  # what staff sign-in does
    assert consent.done.isEnabled()
    qtbot.mouseClick(consent.done, LEFT)
    assert session.status("pre-op", "consent-signed") is ItemStatus.DONE


def test_why_expands_detail(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    smoking = card(screen, "stop-smoking")
    detail = session.content.checklist("pre-op").items[0].detail
    assert detail is not None
    assert not smoking.detail.isVisibleTo(screen)
    assert smoking.why.text() == "Why?"
    qtbot.mouseClick(smoking.why, LEFT)
    assert smoking.detail.isVisibleTo(screen)
    assert smoking.detail.text() == detail.english
    assert smoking.why.text() == "Hide why"
    qtbot.mouseClick(smoking.why, LEFT)
    assert not smoking.detail.isVisibleTo(screen)
    assert not card(screen, "pack-bag").why.isVisibleTo(screen)  # no detail, no button


def test_keyboard_space_and_enter(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    ride = card(screen, "arrange-ride")
    ride.done.setFocus()
    qtbot.keyClick(ride.done, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: session.status("pre-op", "arrange-ride") is ItemStatus.DONE)
    qtbot.keyClick(ride.done, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.status("pre-op", "arrange-ride") is ItemStatus.OPEN)
    qtbot.keyClick(ride.question, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: session.has_question("pre-op", "arrange-ride"))
    assert ride.question.isChecked()


def test_tab_reaches_item_buttons(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    smoking = card(screen, "stop-smoking")
    smoking.done.setFocus()
    qtbot.waitUntil(smoking.done.hasFocus)
    qtbot.keyClick(smoking.done, Qt.Key.Key_Tab)
    qtbot.waitUntil(smoking.question.hasFocus)


def test_spanish_keeps_state_and_scroll(qtbot: QtBot, session: Session) -> None:
    session.surgery_date = date(2026, 12, 8)
    screen = make(qtbot, session)
    ride = card(screen, "arrange-ride")
    qtbot.mouseClick(ride.done, LEFT)
    qtbot.mouseClick(card(screen, "stop-smoking").why, LEFT)
    bar = screen.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    position = bar.value()
    session.language = "es"
    screen.refresh()
    checklist = session.content.checklist("pre-op")
    assert screen.title.text() == checklist.title.get("es")
    assert ride.text.text() == (
        "Pida a un adulto que le lleve a casa en carro después de la cirugía."
    )
    assert ride.due.text() == "mar 1 dic — 7 días antes"
    assert screen.section_titles[0][0].text() == "Unas semanas antes de la cirugía"
    assert ride.done.isChecked()
    assert card(screen, "stop-smoking").detail.isVisibleTo(screen)
    assert card(screen, "stop-smoking").detail.text().startswith("La nicotina")
    assert bar.value() == position


def test_back_and_next(qtbot: QtBot, session: Session) -> None:
    screen = make(qtbot, session)
    assert screen.next.property("role") == "primary"
    with qtbot.waitSignal(screen.next_requested):
        qtbot.mouseClick(screen.next, LEFT)
    with qtbot.waitSignal(screen.back_requested):
        qtbot.mouseClick(screen.back, LEFT)


TEAM = "On the date your team gives you"
PASSED = "This date has passed. Ask your care team."


def test_a_team_date_is_never_computed_nor_marked_as_passed(qtbot: QtBot, tmp_path: Path) -> None:
    root = make_content(tmp_path / "content", checklists={"pre-op.yaml": TEAM_CHECKLIST})
    session = Session(load_content(root).content)
    session.surgery_date = date(2026, 12, 1)  # the day after surgery: every date before it passed
    screen = ChecklistScreen(session, "pre-op", today=date(2026, 12, 2))
    shown(qtbot, screen)
    visit, smoking = card(screen, "see-surgeon"), card(screen, "stop-smoking")
    assert smoking.due.text() == "Tue 24 Nov — 7 days before"
    assert smoking.late.isVisibleTo(screen) and smoking.late.text() == PASSED  # a computed date
    assert visit.due.text() == TEAM and visit.due.isVisibleTo(screen)
    assert not visit.late.isVisibleTo(screen)
    assert visit.accessibleName() == (
        "Go to the visit your surgeon sets. On the date your team gives you. Not done yet."
    )
    session.actor = Actor(1, "ana", "Ana Ruiz", "Nurse")  # what staff see: the same
    screen.model.refresh()
    assert visit.due.text() == TEAM and not visit.late.isVisibleTo(screen)
    session.language = "es"
    screen.refresh()
    assert visit.due.text() == "En la fecha que le dé su equipo"
    assert not visit.late.isVisibleTo(screen)
    assert "En la fecha que le dé su equipo" in visit.accessibleName()
    assert "pasó" not in visit.accessibleName()
