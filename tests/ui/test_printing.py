"""'Print my checklist' at the kiosk: never blocks, says how it went, is audited."""

from __future__ import annotations

import json
import subprocess
import unicodedata
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hemiapp.content.models import Content
from hemiapp.content.session import Actor, ItemStatus
from hemiapp.report.document import ReportOptions
from hemiapp.store.db import open_database
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.printing import PrintController


def kiosk(qtbot: QtBot, content: Content, tmp_path: Path) -> tuple[MainWindow, SessionStore]:
    sessions = SessionStore(open_database(tmp_path / "h.db"))
    window = MainWindow(content, sessions=sessions)
    qtbot.addWidget(window)
    window.show()
    return window, sessions


def test_print_my_checklist_to_pdf(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    window, sessions = kiosk(qtbot, content, tmp_path)
    out = tmp_path / "out.pdf"
    PrintController(
        window, ReportOptions(clinic_name="Riverside Spine"), sessions=sessions, pdf=out
    )
    first = content.checklist("pre-op").items[0]
    window.session.set_status("pre-op", first.id, ItemStatus.DONE)
    window.show_screen(len(window.screens) - 1)
    review = window.review
    assert review.print_button.isVisible()
    qtbot.mouseClick(review.print_button, Qt.MouseButton.LeftButton)
    assert review.print_status.text() == "Printing…"  # shown before the work starts
    assert not review.print_button.isEnabled()
    qtbot.waitUntil(lambda: review.print_status.text() == "Printed. Please collect your pages.")
    assert review.print_button.isEnabled()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    text = unicodedata.normalize("NFKC", text)
    assert "Riverside Spine" in text
    assert first.text.english in text
    rows = sessions.db.read("SELECT action, detail FROM audit WHERE action = 'print'")
    assert [(r["action"], json.loads(r["detail"])["target"]) for r in rows] == [("print", str(out))]


def test_a_printer_problem_is_a_message(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    window, sessions = kiosk(qtbot, content, tmp_path)
    PrintController(window, ReportOptions(), "no-such-printer", sessions)
    window.show_screen(len(window.screens) - 1)
    qtbot.mouseClick(window.review.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.review.print_status.text() == "Printer problem. Please ask the front desk."
    )
    assert window.review.print_button.isEnabled()
    assert window.current_screen() is window.review  # the patient is not thrown out
    assert sessions.db.read("SELECT count(*) FROM audit WHERE action = 'print'")[0][0] == 0


def test_staff_preview_and_save_as_pdf(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    window, sessions = kiosk(qtbot, content, tmp_path)
    controller = PrintController(window, ReportOptions(), "no-such-printer", sessions)
    window.show_screen(len(window.screens) - 1)
    review = window.review
    assert not review.preview_button.isVisible()  # patients see only Print my checklist
    with sessions.db.transaction() as conn:
        row = conn.execute(
            "INSERT INTO staff (staff_id, name, role, pin_hash, created_at) "
            "VALUES ('n1', 'Ana Ruiz', 'Nurse', 'x', '2026-11-23T00:00:00+00:00')"
        )
    window.session.actor = Actor(int(row.lastrowid or 0), "n1", "Ana Ruiz", "Nurse")
    window.show_screen(len(window.screens) - 1)
    assert review.preview_button.isVisible() and review.pdf_button.isVisible()

    qtbot.mouseClick(review.preview_button, Qt.MouseButton.LeftButton)
    dialog = controller.preview_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and controller.last_preview_pages > 0)
    dialog.reject()
    qtbot.waitUntil(lambda: controller.preview_dialog is None)

    qtbot.mouseClick(review.pdf_button, Qt.MouseButton.LeftButton)
    files = controller.file_dialog
    assert files is not None and files.isVisible()
    target = tmp_path / "for-the-chart.pdf"
    files.selectFile(str(target))
    files.accept()
    qtbot.waitUntil(lambda: review.print_status.text() == "Printed. Please collect your pages.")
    assert target.exists() and target.read_bytes().startswith(b"%PDF")
    rows = sessions.db.read("SELECT actor, detail FROM audit WHERE action = 'print'")
    assert [(r["actor"], json.loads(r["detail"])["target"]) for r in rows] == [("n1", str(target))]
