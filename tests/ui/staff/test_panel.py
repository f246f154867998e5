"""The staff menu: nurse-only items, new named sessions, finding and resuming one."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hemiapp.content.session import ItemStatus, PatientDetails
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from hemiapp.ui.staff.newsession import NewSessionForm
from tests.ui.staff.conftest import click, sign_in

NURSE_ONLY = "medicine-list-reviewed"


def fill_form(qtbot: QtBot, form: NewSessionForm, name: str, born: str, mrn: str = "") -> None:
    """Enter the name, then the date of birth (DDMMYYYY) and the MRN on the keypad."""
    form.name.setFocus()
    form.name.insert(name)  # QTest cannot type "í" (it aborts on non-ASCII keys)
    form.dob.day.setFocus()
    for digit in born:  # each date field moves on to the next once full
        click(qtbot, form.keypad.keys[digit])
    if mrn:
        form.mrn.setFocus()
        for digit in mrn:
            click(qtbot, form.keypad.keys[digit])


def test_nurse_only_item(
    qtbot: QtBot, window: MainWindow, controller: StaffController, sessions: SessionStore
) -> None:
    pre = window.checklist_screens[0]
    window.show_screen(window.screens.index(pre))
    card = next(c for c in pre.cards if pre.model.item(c.row).id == NURSE_ONLY)
    assert not card.done.isEnabled()  # the patient cannot tick it
    assert not card.note_button.isVisible()
    assert not pre.sign_off.isVisible()
    sign_in(qtbot, controller)
    assert card.done.isEnabled()
    assert card.note_button.isVisible() and pre.sign_off.isVisible()
    click(qtbot, card.done)
    state = window.session.item("pre-op", NURSE_ONLY)
    assert state.status is ItemStatus.DONE and state.changed_by == "Ana Ruiz"
    assert window.session.id is not None
    saved = sessions.resume(window.session.id, window.content)
    assert saved.item("pre-op", NURSE_ONLY).changed_by == "Ana Ruiz"
    assert saved.status("pre-op", NURSE_ONLY) is ItemStatus.DONE
    click(qtbot, controller.bar.sign_out)
    assert not card.done.isEnabled()
    assert card.done.text() == "✓ Done"


def start_named_session(
    qtbot: QtBot, window: MainWindow, controller: StaffController
) -> tuple[str, str]:
    """The patient ticks an item and answers a question, then the nurse names the session."""
    pre = window.checklist_screens[0]
    window.show_screen(window.screens.index(pre))
    first = pre.model.item(0).id
    click(qtbot, pre.cards[0].done)  # the patient, before the nurse came
    question = window.content.course.questions[0]
    window.session.answer(question, question.answer)
    sign_in(qtbot, controller)
    click(qtbot, controller.bar.menu)
    panel = controller.panel
    click(qtbot, panel.tab_buttons["new"])
    form = panel.form
    assert form.keeps.text() == "What the patient has done so far in this session is kept."
    fill_form(qtbot, form, "María López", "05031958", mrn="100234")
    click(qtbot, form.language_buttons["es"])
    click(qtbot, form.start)
    return first, question.id


def test_new_named_session_keeps_what_the_patient_did(
    qtbot: QtBot, window: MainWindow, controller: StaffController
) -> None:
    anonymous = window.session
    first, question = start_named_session(qtbot, window, controller)
    session = window.session
    assert session is anonymous  # the same visit, now with a name
    assert session.patient == PatientDetails("María López", date(1958, 3, 5), "100234", "")
    assert session.language == "es"
    assert session.actor is not None and session.actor.name == "Ana Ruiz"
    assert session.status("pre-op", first) is ItemStatus.DONE
    assert question in session.quiz_answers
    assert window.current_screen() is window.welcome
    assert window.checklist_screens[0].cards[0].done.isChecked()
    assert "María López" in controller.bar.patient.text()
    assert "1958-03-05" in controller.bar.patient.text()


def test_new_named_session_keeps_the_earlier_ticks_in_the_database(
    qtbot: QtBot, window: MainWindow, controller: StaffController, sessions: SessionStore
) -> None:
    first, question = start_named_session(qtbot, window, controller)
    assert window.session.id is not None
    saved = sessions.resume(window.session.id, window.content)
    assert saved.status("pre-op", first) is ItemStatus.DONE
    assert question in saved.quiz_answers


def test_form_validation(qtbot: QtBot, window: MainWindow, controller: StaffController) -> None:
    sign_in(qtbot, controller)
    controller.open_panel("new")
    panel, form = controller.panel, controller.panel.form
    session = window.session
    click(qtbot, form.start)
    assert panel.message.text() == (
        "Enter the patient's name.\nEnter the date of birth: day, month and year."
    )
    fill_form(qtbot, form, "Ana", "31021990")
    click(qtbot, form.start)
    assert panel.message.text() == "That date of birth does not exist. Check the day and month."
    form.dob.set_date(None)
    fill_form(qtbot, form, "", "01012030")
    click(qtbot, form.start)
    assert panel.message.text() == "The date of birth must be between 1900 and today."
    form.dob.set_date(date(1950, 1, 1))
    form.surgery.day.setText("08")
    click(qtbot, form.start)
    assert panel.message.text() == (
        "Enter the surgery date as day, month and year, or leave it empty."
    )
    form.surgery.set_date(date(2030, 1, 1))
    click(qtbot, form.start)
    assert panel.message.text().startswith("Check the surgery date")
    assert window.session is session and session.patient is None  # nothing started
    form.surgery.set_date(date(2026, 12, 8))
    click(qtbot, form.start)
    assert window.session.patient is not None
    assert window.session.surgery_date == date(2026, 12, 8)
    assert not panel.message_box.isVisible()


def test_a_named_session_is_never_renamed(
    qtbot: QtBot, window: MainWindow, controller: StaffController, sessions: SessionStore
) -> None:
    sign_in(qtbot, controller)
    first = sessions.new_named(
        window.content, PatientDetails("First Patient", date(1950, 1, 1)), language="en",
        surgery_date=None,
    )  # fmt: skip
    controller._show_session(first)
    controller.open_panel("new")
    assert controller.panel.form.keeps.text() == "This starts a new, empty session."
    fill_form(qtbot, controller.panel.form, "Second Patient", "02021960")
    click(qtbot, controller.panel.form.start)
    assert window.session is not first
    assert first.patient is not None and first.patient.name == "First Patient"
    assert window.session.patient is not None
    assert window.session.patient.name == "Second Patient"
    assert [s.name for s in sessions.find("Patient")] == ["First Patient", "Second Patient"]


@pytest.mark.parametrize("query", ["lópez", "100234", "1958-03-05"])
def test_find_and_resume(
    qtbot: QtBot,
    window: MainWindow,
    controller: StaffController,
    sessions: SessionStore,
    query: str,
) -> None:
    content = window.content
    saved = sessions.new_named(
        content, PatientDetails("María López", date(1958, 3, 5), "100234"), language="es",
        surgery_date=date(2026, 12, 8),
    )  # fmt: skip
    item = content.checklist("post-op").items[0].id
    saved.set_question("post-op", item, True)
    sessions.new_named(
        content, PatientDetails("Juan Pérez", date(1970, 1, 2)), language="en", surgery_date=None
    )
    sign_in(qtbot, controller)
    click(qtbot, controller.bar.menu)
    finder = controller.panel.finder
    assert finder.isVisible()
    finder.search.insert(query)  # QTest cannot type "ó"
    click(qtbot, finder.search_button)
    assert len(finder.cards) == 1
    _, name, details, resume = finder.cards[0]
    assert name.text() == "María López"
    assert details.text() == "Born 1958-03-05 · MRN 100234 · Surgery Tuesday, 8 December 2026"
    assert resume.accessibleName() == "Resume: María López"
    click(qtbot, resume)
    session = window.session
    assert session.id == saved.id
    assert session.actor is not None and session.actor.staff_id == "ana"
    assert session.language == "es"
    assert session.has_question("post-op", item)
    post = window.checklist_screens[1]
    card = next(c for c in post.cards if post.model.item(c.row).id == item)
    assert card.question.isChecked()
    assert post.model.staff_mode
    assert controller.panel.finder.search.text() == ""  # nothing of the search is kept


def test_find_nothing_and_empty(qtbot: QtBot, controller: StaffController) -> None:
    sign_in(qtbot, controller)
    controller.open_panel("find")
    finder = controller.panel.finder
    click(qtbot, finder.search_button)
    assert controller.panel.message.text() == "Type a name, a date of birth or an MRN first."
    qtbot.keyClicks(finder.search, "Nobody")
    click(qtbot, finder.search_button)
    assert finder.cards == []
    assert finder.summary.text() == (
        "No patient found. Check the spelling, or start a new session."
    )


def test_markup_in_a_name_shows_literally(
    qtbot: QtBot, window: MainWindow, controller: StaffController, sessions: SessionStore
) -> None:
    sessions.new_named(
        window.content, PatientDetails("<b>x</b>", date(1970, 1, 2)), language="en",
        surgery_date=None,
    )  # fmt: skip
    sign_in(qtbot, controller)
    controller.open_panel("find")
    finder = controller.panel.finder
    qtbot.keyClicks(finder.search, "<b>")
    click(qtbot, finder.search_button)
    _, name, _, resume = finder.cards[0]
    assert name.text() == "<b>x</b>"
    assert name.textFormat() is not None and name.textFormat().name == "PlainText"
    click(qtbot, resume)
    controller.open_panel("quiz")
    assert controller.bar.patient.text() == "Patient: <b>x</b>, born 1970-01-02"
    labels = [controller.bar.patient, name]
    assert all(isinstance(w, QLabel) and w.textFormat().name == "PlainText" for w in labels)
