"""The surgery date from the checklists ("Change date"), a date in the past ("Has your
surgery already happened?"), and preparations whose date has passed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from hemiapp.content.models import ChecklistKind, Content, ItemKind
from hemiapp.content.schedule import date_for, format_date
from hemiapp.content.session import ItemStatus
from hemiapp.ui.checklist import ChecklistScreen
from hemiapp.ui.datepicker import DatePicker
from hemiapp.ui.main_window import MainWindow

TODAY = date(2026, 11, 23)
LEFT = Qt.MouseButton.LeftButton
PASSED = "This date has passed. Ask your care team."


@pytest.fixture
def window(qtbot: QtBot, content: Content) -> MainWindow:
    win = MainWindow(content, today=TODAY)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    return win


def tap_day(qtbot: QtBot, picker: DatePicker, day: date) -> None:
    """Go to ``day``'s month and tap it, as a patient would."""
    while (picker.month.year, picker.month.month) != (day.year, day.month):
        forward = (picker.month.year, picker.month.month) < (day.year, day.month)
        qtbot.mouseClick(picker.next if forward else picker.previous, LEFT)
    name = format_date(day, picker.language, long=True)
    cell = next(b for b in picker.days if b.isVisible() and b.accessibleName() == name)
    qtbot.mouseClick(cell, LEFT)


def checklist(window: MainWindow, kind: ChecklistKind) -> ChecklistScreen:
    return next(s for s in window.checklist_screens if s.model.checklist.kind is kind)


def test_change_date_from_a_checklist_and_the_dates_follow(
    qtbot: QtBot, window: MainWindow
) -> None:
    pre = checklist(window, ChecklistKind.PRE_OP)
    window.show_screen(window.screens.index(pre))
    assert pre.change_date.text() == "Set the date"
    assert pre.surgery_date.text() == "No surgery date yet: the dates are not shown."
    qtbot.mouseClick(pre.change_date, LEFT)
    page = window.date_page
    assert window.stack.currentWidget() is page
    assert page.value.text() == "No date chosen."
    tap_day(qtbot, page.picker, date(2026, 12, 8))
    assert window.session.surgery_date == date(2026, 12, 8)
    assert page.value.text() == "Surgery date: Tuesday, 8 December 2026"
    item = next(i for i in pre.model.checklist.items if i.when is not None and i.when.computed)
    card = next(c for c in pre.cards if pre.model.item(c.row).id == item.id)
    day = format_date(date_for(item.when, date(2026, 12, 8)), "en")  # type: ignore[arg-type]
    assert card.due.text().startswith(day)  # computed again at once
    qtbot.mouseClick(page.finish, LEFT)
    assert window.current_screen() is pre
    assert pre.change_date.text() == "Change date"
    assert pre.surgery_date.text() == "Surgery date: Tuesday, 8 December 2026"
    # and once more, to another day: the cards follow
    qtbot.mouseClick(pre.change_date, LEFT)
    tap_day(qtbot, page.picker, date(2027, 1, 12))
    qtbot.mouseClick(page.finish, LEFT)
    day = format_date(date_for(item.when, date(2027, 1, 12)), "en")  # type: ignore[arg-type]
    assert card.due.text().startswith(day)
    assert window.welcome.date_value.text() == "Surgery date: Tuesday, 12 January 2027"


def test_clear_date_on_the_date_page(qtbot: QtBot, window: MainWindow) -> None:
    window.session.set_surgery_date(date(2026, 12, 8))
    post = checklist(window, ChecklistKind.POST_OP)
    window.show_screen(window.screens.index(post))
    qtbot.mouseClick(post.change_date, LEFT)
    qtbot.mouseClick(window.date_page.clear, LEFT)
    assert window.session.surgery_date is None
    assert window.date_page.value.text() == "No date chosen."
    qtbot.mouseClick(window.date_page.finish, LEFT)
    assert window.current_screen() is post
    assert post.change_date.text() == "Set the date"


def test_a_past_date_asks_first_no_chooses_again(qtbot: QtBot, window: MainWindow) -> None:
    tap_day(qtbot, window.welcome.picker, date(2026, 11, 2))
    question = window.past_date
    assert window.stack.currentWidget() is question
    assert question.heading.text() == "Has your surgery already happened?"
    assert question.text.text() == "You chose Monday, 2 November 2026. That day is before today."
    assert window.session.surgery_date is None  # nothing taken yet
    qtbot.mouseClick(question.no, LEFT)
    assert window.current_screen() is window.welcome
    assert window.session.surgery_date is None
    assert window.welcome.picker.selected is None
    assert window.welcome.date_value.text() == "No date chosen. Tap a day on the calendar."


def test_a_past_date_yes_goes_on_to_the_after_care(qtbot: QtBot, window: MainWindow) -> None:
    window.set_language("es")
    tap_day(qtbot, window.welcome.picker, date(2026, 11, 2))
    assert window.past_date.heading.text() == "¿Ya tuvo su cirugía?"
    qtbot.mouseClick(window.past_date.yes, LEFT)
    assert window.session.surgery_date == date(2026, 11, 2)
    assert window.current_screen() is checklist(window, ChecklistKind.POST_OP)


def test_a_past_date_on_the_date_page_keeps_the_old_one_on_no(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.set_surgery_date(date(2026, 12, 8))
    pre = checklist(window, ChecklistKind.PRE_OP)
    window.show_screen(window.screens.index(pre))
    qtbot.mouseClick(pre.change_date, LEFT)
    tap_day(qtbot, window.date_page.picker, date(2026, 11, 20))
    qtbot.mouseClick(window.past_date.no, LEFT)
    assert window.stack.currentWidget() is window.date_page
    assert window.session.surgery_date == date(2026, 12, 8)
    assert window.date_page.picker.selected == date(2026, 12, 8)


def texts(widget: QLabel | QPushButton) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget)]


@pytest.mark.parametrize(
    ("language", "passed"),
    [("en", PASSED), ("es", "Esta fecha ya pasó. Pregunte a su equipo médico.")],
)
def test_preparations_whose_date_has_passed_are_flagged(
    qtbot: QtBot, window: MainWindow, language: str, passed: str
) -> None:
    surgery = date(2026, 12, 1)  # so "3 weeks before" was 10 November
    window.session.set_surgery_date(surgery)
    window.set_language(language)
    pre = checklist(window, ChecklistKind.PRE_OP)
    items = pre.model.checklist.items
    late = [
        i for i in items
        if i.when is not None and i.when.computed and i.kind is not ItemKind.WARNING_SIGN
        and date_for(i.when, surgery) < TODAY
    ]  # fmt: skip
    assert late and len(late) < len(items)
    done = late[0]
    window.session.set_status("pre-op", done.id, ItemStatus.DONE)  # done: nothing to flag
    window.show_screen(window.screens.index(pre))
    flagged = [pre.model.item(c.row).id for c in pre.cards if c.late.isVisibleTo(pre)]
    assert flagged == [i.id for i in late[1:]]
    card = next(c for c in pre.cards if pre.model.item(c.row).id == late[1].id)
    assert card.late.text() == passed
    assert passed.rstrip(".") in card.accessibleName()
    post = checklist(window, ChecklistKind.POST_OP)  # after surgery: never "passed"
    assert not any(c.late.isVisibleTo(post) for c in post.cards)
    window.show_screen(window.screens.index(window.review))
    review_card = window.review.cards[0]
    assert texts(review_card).count(passed) == len(late) - 1
    qtbot.mouseClick(card.done, LEFT)  # done now: no longer flagged
    assert not card.late.isVisibleTo(pre)
