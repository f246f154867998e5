"""A staff member's print preview or Save as PDF dialog goes when they sign out (or are
signed out for being idle): it shows the patient's printout or the file system."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from hemiapp.report.document import ReportOptions
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from hemiapp.wiring import attach_printing
from tests.ui.staff.conftest import click, sign_in


def test_dialogs_close_when_staff_sign_out(
    qtbot: QtBot, window: MainWindow, controller: StaffController, sessions: SessionStore
) -> None:
    printing = attach_printing(
        window, ReportOptions(), "no-such-printer", sessions, staff=controller
    )
    sign_in(qtbot, controller)
    window.show_screen(len(window.screens) - 1)
    click(qtbot, window.review.preview_button)
    preview = printing.preview_dialog
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    click(qtbot, controller.bar.sign_out)
    qtbot.waitUntil(lambda: printing.preview_dialog is None)

    sign_in(qtbot, controller)
    window.show_screen(len(window.screens) - 1)
    click(qtbot, window.review.pdf_button)
    files = printing.file_dialog
    assert files is not None and files.isVisible()
    controller.idle_timer.timeout.emit()  # no input for the staff idle time
    assert controller.member is None
    assert printing.file_dialog is None and not files.isVisible()


def test_the_reason_for_a_printer_problem_goes_when_staff_sign_out(
    qtbot: QtBot, window: MainWindow, controller: StaffController, sessions: SessionStore
) -> None:
    attach_printing(window, ReportOptions(), "no-such-printer", sessions, staff=controller)
    sign_in(qtbot, controller)
    window.show_screen(len(window.screens) - 1)
    status = window.review.print_status
    click(qtbot, window.review.print_button)
    qtbot.waitUntil(lambda: status.detail.isVisibleTo(window))
    assert status.detail.text() == "This computer has no printer named “no-such-printer”."
    click(qtbot, controller.bar.sign_out)
    assert status.message.text() == "Printer problem. Please ask the front desk."
    assert not status.detail.isVisibleTo(window) and status.detail.text() == ""


def test_a_staff_save_as_pdf_message_goes_when_staff_sign_out(
    qtbot: QtBot,
    window: MainWindow,
    controller: StaffController,
    sessions: SessionStore,
    tmp_path: Path,
) -> None:
    printing = attach_printing(window, ReportOptions(), None, sessions, staff=controller)
    sign_in(qtbot, controller)
    window.show_screen(len(window.screens) - 1)
    status = window.review.print_status
    printing._save_to(str(tmp_path / "Quixote-checklist.pdf"))  # the file dialog's choice
    qtbot.waitUntil(lambda: "Quixote" in status.message.text())
    assert status.message.text() == "Saved as PDF: Quixote-checklist.pdf"
    click(qtbot, controller.bar.sign_out)
    assert "Quixote" not in status.message.text()
    assert not status.isVisibleTo(window)
