"""Two stations on one database: a change made on a screen from a state another station
has changed since is refused, and the screen says so and shows what is saved now, where
the person is. Never the maintenance page: nothing is wrong with the database.

Station A is a kiosk's store (its changes are made through its session, as its screens
make them); station B is a nurse station's window with staff mode, on the same file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hemiapp.content.models import Content
from hemiapp.content.session import ItemStatus, PatientDetails, Session
from hemiapp.store import staff
from hemiapp.store.db import Database, open_database
from hemiapp.store.sessions import SessionStore
from hemiapp.store.staff import StaffStore
from hemiapp.ui.checklist import ChecklistScreen
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.common import actor_of
from hemiapp.ui.staff.controller import StaffController
from hemiapp.ui.theme import TextSize
from hemiapp.wiring import attach_staff
from tests.ui.staff.conftest import OTHER_PIN, PIN, TODAY, click, settle, sign_in
from tests.ui.test_accessibility import problems
from tests.ui.test_surgerydate import tap_day

HEADING = "This was just changed at another station."
ADVICE = "The screen now shows what is saved."
PATIENT = PatientDetails("María López", date(1958, 3, 14), "MRN-0042", "Dr Okafor")
SURGERY = date(2026, 12, 8)


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staff, "SCRYPT_PARAMS", staff.ScryptParams(n=2**4, r=8, p=1))


@dataclass
class Stations:
    a: Session  # the kiosk's session (its store on its own handle)
    window: MainWindow  # the nurse station, showing the same session
    controller: StaffController
    b_db: Database

    def audit_rows(self) -> int:
        return int(self.b_db.read("SELECT count(*) FROM audit")[0][0])


@pytest.fixture
def stations(qtbot: QtBot, tmp_path: Path, content: Content) -> Iterator[Stations]:
    shared = tmp_path / "shared.db"
    kiosk, nurse_station = (open_database(shared, station=n) for n in ("kiosk", "nurse"))
    staff_store = StaffStore(nurse_station)
    ana = staff_store.add("ana", "Ana Ruiz", "Nurse", PIN)  # at the kiosk
    staff_store.add("ben", "Ben Okoro", "Nurse", OTHER_PIN)  # at the nurse station
    started = SessionStore(kiosk).new_named(content, PATIENT, language="en", surgery_date=SURGERY)
    assert started.id is not None
    a = SessionStore(kiosk).resume(started.id, content)
    a.actor = actor_of(ana)
    sessions = SessionStore(nurse_station)
    window = MainWindow(content, sessions=sessions, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    controller = attach_staff(window, staff_store, sessions)
    window.set_session(sessions.resume(started.id, content))
    yield Stations(a, window, controller, nurse_station)
    nurse_station.close()
    kiosk.close()


def pre_op(window: MainWindow) -> ChecklistScreen:
    screen = window.checklist_screens[0]
    window.show_screen(window.screens.index(screen))
    return screen


def says_changed_elsewhere(window: MainWindow) -> bool:
    notice = window.notice
    return (
        notice.isVisible()
        and notice.heading.text() == HEADING
        and (notice.accessibleName(), notice.accessibleDescription()) == (HEADING, ADVICE)
        and not window.maintenance.isVisible()
    )


def test_a_tick_on_an_item_changed_elsewhere_shows_the_saved_state(
    qtbot: QtBot, stations: Stations
) -> None:
    window = stations.window
    screen = pre_op(window)
    card = screen.cards[0]
    item = screen.model.item(0).id
    stations.a.set_question("pre-op", item, True)  # at the kiosk, a moment before
    assert not card.question.isChecked()  # (the nurse station still shows it without)
    written = stations.audit_rows()
    click(qtbot, card.done)
    assert says_changed_elsewhere(window)
    assert window.stack.currentWidget() is screen  # on the same checklist
    assert card.question.isChecked() and card.question.text() == "✓ I have a question"
    assert not card.done.isChecked() and card.done.text() == "Done"
    assert window.session.status("pre-op", item) is ItemStatus.OPEN
    assert stations.audit_rows() == written  # nothing of the refused tick
    click(qtbot, card.done)  # from what it shows now: saved
    assert card.done.isChecked() and card.question.isChecked()
    assert window.notice.isVisible()  # (until it is closed, or the person moves on)
    click(qtbot, window.notice.close_button)
    assert not window.notice.isVisible()


def test_the_notice_goes_when_the_person_moves_on(qtbot: QtBot, stations: Stations) -> None:
    window = stations.window
    screen = pre_op(window)
    stations.a.set_status("pre-op", screen.model.item(0).id, ItemStatus.DONE)
    click(qtbot, screen.cards[0].question)
    assert says_changed_elsewhere(window)
    assert screen.cards[0].done.isChecked() and not screen.cards[0].question.isChecked()
    click(qtbot, screen.next)
    assert not window.notice.isVisible()


def test_a_note_on_an_item_noted_elsewhere_shows_the_saved_note(
    qtbot: QtBot, stations: Stations
) -> None:
    window, controller = stations.window, stations.controller
    screen = pre_op(window)
    card = screen.cards[0]
    sign_in(qtbot, controller, "ben", OTHER_PIN)
    click(qtbot, card.note_button)
    stations.a.set_note("pre-op", screen.model.item(0).id, "Takes a blood thinner.")
    controller.note_editor.editor.setPlainText("No blood thinners.")
    click(qtbot, controller.note_editor.save)
    assert says_changed_elsewhere(window)
    assert window.stack.currentWidget() is screen
    assert card.note.text() == "Note: Takes a blood thinner."
    assert controller.member is not None and window.session.actor is not None  # still signed in
    assert controller.note_editor.editor.toPlainText() == ""


def test_a_sign_off_over_one_made_elsewhere_shows_the_saved_sign_off(
    qtbot: QtBot, stations: Stations
) -> None:
    window, controller = stations.window, stations.controller
    screen = pre_op(window)
    sign_in(qtbot, controller, "ben", OTHER_PIN)
    click(qtbot, screen.sign_off)
    stations.a.sign_off("pre-op", "Gone through with the patient.")
    controller.sign_off_panel.pin.setText(OTHER_PIN)
    click(qtbot, controller.sign_off_panel.sign)
    assert says_changed_elsewhere(window)
    assert window.stack.currentWidget() is screen
    assert screen.signed.text().startswith("✓ Signed by Ana Ruiz (Nurse) on ")
    assert window.session.signoffs["pre-op"].name == "Ana Ruiz"


def test_a_date_changed_elsewhere_shows_the_saved_date(qtbot: QtBot, stations: Stations) -> None:
    window = stations.window
    screen = pre_op(window)
    click(qtbot, screen.change_date)
    page = window.date_page
    stations.a.set_surgery_date(date(2026, 12, 15))
    tap_day(qtbot, page.picker, date(2026, 12, 22))
    assert says_changed_elsewhere(window)
    assert window.stack.currentWidget() is page  # where the day was tapped
    assert page.value.text() == "Surgery date: Tuesday, 15 December 2026"
    click(qtbot, page.finish)
    assert screen.surgery_date.text() == "Surgery date: Tuesday, 15 December 2026"


def test_a_date_in_the_past_changed_elsewhere_goes_back_to_the_calendar(
    qtbot: QtBot, stations: Stations
) -> None:
    window = stations.window
    click(qtbot, pre_op(window).change_date)
    page = window.date_page
    stations.a.set_surgery_date(date(2026, 12, 15))
    tap_day(qtbot, page.picker, date(2026, 11, 20))  # "Has your surgery already happened?"
    click(qtbot, window.past_date.yes)
    assert says_changed_elsewhere(window)
    assert window.stack.currentWidget() is page
    assert window.session.surgery_date == date(2026, 12, 15)


def test_teach_back_marked_elsewhere_shows_who_marked_it(qtbot: QtBot, stations: Stations) -> None:
    window, controller = stations.window, stations.controller
    sign_in(qtbot, controller, "ben", OTHER_PIN)
    click(qtbot, controller.bar.menu)
    panel = controller.panel
    click(qtbot, panel.tab_buttons["quiz"])
    stations.a.mark_teach_back_done()
    click(qtbot, panel.teach_back.done)
    assert says_changed_elsewhere(window)
    assert window.stack.currentWidget() is panel  # the staff menu stays, showing it
    assert panel.teach_back.done_at.text().startswith("✓ Teach-back done on ")
    assert window.session.teach_back_by == "Ana Ruiz"


def test_a_language_change_on_a_session_changed_elsewhere(qtbot: QtBot, stations: Stations) -> None:
    window = stations.window
    screen = pre_op(window)
    stations.a.set_language("es")
    spanish = next(b for b in window.top_bar.languages.buttons() if b.objectName() == "language-es")
    click(qtbot, spanish)
    assert window.stack.currentWidget() is screen
    assert window.notice.heading.text() == "Esto se acaba de cambiar en otra estación."
    assert window.session.language == "es" and screen.next.text() == "Siguiente"


def test_the_notice_fits_at_the_largest_text_in_spanish(qtbot: QtBot, stations: Stations) -> None:
    """The tightest screen: a signed checklist at A++ in Spanish, the staff bar above."""
    window, controller = stations.window, stations.controller
    window.set_language("es")
    window.set_text_size(TextSize.EXTRA_LARGE)
    screen = pre_op(window)
    sign_in(qtbot, controller, "ben", OTHER_PIN)
    click(qtbot, screen.sign_off)
    stations.a.sign_off("pre-op", "Gone through with the patient.")
    controller.sign_off_panel.pin.setText(OTHER_PIN)
    click(qtbot, controller.sign_off_panel.sign)
    settle()
    assert window.notice.isVisible() and not window.maintenance.isVisible()
    assert window.notice.heading.text() == "Esto se acaba de cambiar en otra estación."
    assert window.stack.currentWidget() is screen and screen.signed_box.isVisible()
    assert problems(window, "changed elsewhere") == []  # the top bar and the checklist
    assert problems(window, "changed elsewhere", window.notice) == []
    assert (window.width(), window.height()) == (1280, 800)
