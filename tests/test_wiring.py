"""The composition root's wiring (hemiapp.wiring): nothing is handed the main window, no
attribute is set on it from outside, and the order the pieces are made in does not matter."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from hemiapp.content.models import Content
from hemiapp.report.document import ReportOptions
from hemiapp.store.sessions import SessionStore
from hemiapp.store.staff import StaffMember, StaffStore
from hemiapp.ui.main_window import MainWindow
from hemiapp.wiring import attach_printing, attach_staff, watch_idle
from tests.ui.conftest import content, no_leftover_translators
from tests.ui.staff.conftest import PIN, TODAY, cheap_scrypt, db, nurse, sessions, staff_store

__all__ = [
    "cheap_scrypt",
    "content",
    "db",
    "no_leftover_translators",
    "nurse",
    "sessions",
    "staff_store",
]


def lazy_window(qtbot: QtBot, content: Content, sessions: SessionStore) -> MainWindow:
    """As the app makes it: only the welcome screen so far."""
    window = MainWindow(content, sessions=sessions, today=TODAY, lazy=True)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    assert window.screens == [window.welcome]
    return window


def test_wired_before_the_screens_exist_works_once_they_do(
    qtbot: QtBot,
    tmp_path: Path,
    content: Content,
    sessions: SessionStore,
    staff_store: StaffStore,
    nurse: StaffMember,
) -> None:
    window = lazy_window(qtbot, content, sessions)
    printing = attach_printing(window, ReportOptions(), None, sessions, pdf=tmp_path / "p.pdf")
    staff = attach_staff(window, staff_store, sessions)
    attach_printing(window, ReportOptions(), None, sessions, staff=staff)  # a second one
    window.ensure_screens()  # made after everything was wired
    staff.sign_in_as(staff.staff.sign_in("ana", PIN))
    window.checklist_screens[0].note_requested.emit(0)  # a checklist's "Add note"
    assert staff.host.current() is staff.note_editor
    staff.close_page()
    window.show_screen(len(window.screens) - 1)
    window.review.pdf_button.click()  # the review's "Save as PDF"
    assert printing.file_dialog is not None
    staff.sign_out()
    assert printing.file_dialog is None  # closed with staff mode, though wired first
    assert window.review.print_button.isVisible()  # printing was there before the review


def test_the_window_only_says_what_happens(
    qtbot: QtBot, content: Content, sessions: SessionStore, staff_store: StaffStore
) -> None:
    """The window's signals, with or without anybody listening; wiring adds no attribute
    to the window (its own state only changes through its own methods)."""
    window = lazy_window(qtbot, content, sessions)
    before = set(vars(window))
    staff = attach_staff(window, staff_store, sessions)
    attach_printing(window, ReportOptions(), None, sessions, staff=staff)
    watch_idle(window, staff=staff)
    assert set(vars(window)) == before
    assert not hasattr(window, "staff") and not hasattr(window, "kiosk_lock")
    seen: list[object] = []
    window.theme_changed.connect(lambda high: seen.append(("theme", high)))
    window.retranslated.connect(lambda: seen.append("retranslated"))
    window.session_shown.connect(lambda: seen.append("session"))
    window.visit_ended.connect(lambda: seen.append("ended"))
    window.set_high_contrast(True)
    window.set_language("es")
    window.finish()
    assert seen == [
        ("theme", True),
        "retranslated",
        "ended",
        "session",
        ("theme", False),
        "retranslated",
    ]


def test_the_idle_wipe_knows_staff_already_signed_in(
    qtbot: QtBot, content: Content, sessions: SessionStore, staff_store: StaffStore,
    nurse: StaffMember,
) -> None:  # fmt: skip
    window = lazy_window(qtbot, content, sessions)
    staff = attach_staff(window, staff_store, sessions)
    staff.sign_in_as(staff.staff.sign_in("ana", PIN))
    idle = watch_idle(window, staff=staff)  # made after the sign-in
    try:
        assert idle.staff_present
        staff.sign_out()
        assert not idle.staff_present
    finally:
        idle.watcher.stop()
