"""Nothing only staff may see stays on screen once they sign out or are signed out for being
idle: on every screen a nurse can be on, with a named patient's session open."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hemiapp.content.session import PatientDetails
from hemiapp.kiosk.lockdown import KioskLock
from hemiapp.report.document import ReportOptions
from hemiapp.store.db import Database
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from hemiapp.ui.staffonly import marked
from hemiapp.wiring import attach_printing
from tests.kiosk.conftest import window  # not shown yet: the kiosk lock shows it
from tests.ui.staff.conftest import (
    PIN,
    audit_actions,
    cheap_scrypt,
    click,
    db,
    nurse,
    sessions,
    settle,
    staff_store,
    type_pin,
)
from tests.ui.staff.conftest import controller as controller

__all__ = ["cheap_scrypt", "db", "nurse", "sessions", "staff_store", "window"]

NAME = "Zebedee Quixote-Ybarra"


class Station:
    """A kiosk's window with staff mode, printing and the lock, a nurse signed in, and a
    named patient's session open on it (with a note, so the printout has one)."""

    def __init__(
        self, qtbot: QtBot, window: MainWindow, controller: StaffController, tmp: Path
    ) -> None:
        self.qtbot, self.window, self.staff = qtbot, window, controller
        self.printing = attach_printing(
            window, ReportOptions(), pdf=tmp / "kiosk.pdf", staff=controller
        )
        self.lock = KioskLock(window, controller)
        self.lock.show()
        qtbot.waitUntil(window.isActiveWindow)
        controller.open_sign_in()
        qtbot.keyClicks(controller.sign_in_panel.staff_id, "ana")
        type_pin(qtbot, controller, PIN)
        click(qtbot, controller.sign_in_panel.sign_in)
        assert controller.member is not None
        assert window.sessions is not None
        session = window.sessions.new_named(
            window.content, PatientDetails(NAME, date(1950, 2, 3), "MRN-771"),
            language="en", surgery_date=date(2026, 12, 8),
        )  # fmt: skip
        controller.panel.session_chosen.emit(session)
        session.set_note("pre-op", window.content.checklist("pre-op").items[0].id, "latex")

    def screen(self, index: int) -> None:
        self.window.show_screen(index)

    def review(self) -> None:
        self.window.show_screen(len(self.window.screens) - 1)


def _panel(section: str) -> Callable[[Station], None]:
    def open_section(station: Station) -> None:
        station.staff.open_panel(section)
        if section == "find":
            finder = station.staff.panel.finder
            finder.search.setText("Quixote")
            finder.search_button.click()
            assert finder.cards  # the patient is listed

    return open_section


def _note(station: Station) -> None:
    screen = station.window.checklist_screens[0]
    station.window.show_screen(station.window.screens.index(screen))
    station.staff.open_note(screen, 0)


def _sign_off(station: Station) -> None:
    screen = station.window.checklist_screens[0]
    station.window.show_screen(station.window.screens.index(screen))
    station.staff.open_sign_off(screen)


def _preview(station: Station) -> None:
    station.review()
    click(station.qtbot, station.window.review.preview_button)
    dialog = station.printing.preview_dialog
    assert dialog is not None
    station.qtbot.waitUntil(dialog.isVisible)


def _save_pdf(station: Station) -> None:
    station.review()
    click(station.qtbot, station.window.review.pdf_button)
    assert station.printing.file_dialog is not None


def _kiosk_section(station: Station) -> None:
    station.staff.open_panel("kiosk")


def _quit_dialog(station: Station) -> None:
    _kiosk_section(station)
    click(station.qtbot, station.lock.quit_button)
    assert station.lock.confirm is not None
    station.qtbot.waitUntil(station.lock.confirm.isVisible)


# Every screen of the journey (by index), every staff page, every staff dialog.
WHERE: dict[str, Callable[[Station], None]] = {
    "welcome": lambda s: s.screen(0),
    "education": lambda s: s.screen(1),
    "quiz": lambda s: s.screen(2),
    "pre-op checklist": lambda s: s.screen(3),
    "post-op checklist": lambda s: s.screen(4),
    "review": Station.review,
    "staff menu: new session": _panel("new"),
    "staff menu: find": _panel("find"),
    "staff menu: quiz results": _panel("quiz"),
    "staff menu: this kiosk": _kiosk_section,
    "note editor": _note,
    "sign-off": _sign_off,
    "print preview": _preview,
    "save as PDF": _save_pdf,
    "quit confirmation": _quit_dialog,
}

# What must be marked staff-only (so that a control losing its mark fails here too).
STAFF_ONLY = {
    "print-preview",
    "save-pdf",
    "sign-off",
    "note-button",
    "staff-bar",
    "kiosk-controls",
    "staff-panel",
    "note-editor",
    "sign-off-panel",
    "draft-notice",
}


@pytest.fixture
def station(
    qtbot: QtBot, window: MainWindow, controller: StaffController, tmp_path: Path
) -> Iterator[Station]:
    yield Station(qtbot, window, controller, tmp_path)
    while QGuiApplication.overrideCursor() is not None:
        QGuiApplication.restoreOverrideCursor()


def _shown_staff_only(window: MainWindow) -> list[str]:
    return [w.objectName() for w in marked(window) if w.isVisible()]


def _other_windows(window: MainWindow) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]


@pytest.mark.parametrize("reason", ["logout", "idle-logoff"])
@pytest.mark.parametrize("where", list(WHERE))
def test_nothing_staff_only_is_left_after_sign_out(
    qtbot: QtBot, station: Station, db: Database, where: str, reason: str
) -> None:
    window, staff = station.window, station.staff
    assert {w.objectName() for w in marked(window)} >= STAFF_ONLY
    assert len(window.screens) == 6  # WHERE names each of them
    WHERE[where](station)
    settle()
    assert _shown_staff_only(window)  # staff mode is on screen

    if reason == "logout":
        staff.bar.sign_out.click()  # (a dialog in front: as the bar would, were it reachable)
    else:
        staff.idle_timer.setInterval(50)
        with qtbot.waitSignal(staff.signed_out, timeout=5000):
            staff.idle_timer.start()
    settle()

    assert staff.member is None and audit_actions(db)[-1] == reason
    assert [w.objectName() for w in marked(window) if not w.isHidden()] == []
    qtbot.waitUntil(lambda: _other_windows(window) == [])  # no dialog left open
    assert station.printing.preview_dialog is None and station.printing.file_dialog is None
    assert station.lock.confirm is None
    assert not any(window.stack.currentWidget() is page for page in staff.pages)
    # Nothing comes back on any screen of the journey, and nothing reaches the printout.
    for index in range(len(window.screens)):
        window.show_screen(index)
        settle()
        assert _shown_staff_only(window) == [], window.current_screen().objectName()
    station.printing.preview()
    station.printing.save_pdf()
    assert station.printing.preview_dialog is None and station.printing.file_dialog is None
    assert _other_windows(window) == []
    for screen in window.checklist_screens:  # nurse-only items are the nurse's again
        for card in screen.cards:
            if card.model.item(card.row).nurse_only:
                assert not card.done.isEnabled()
