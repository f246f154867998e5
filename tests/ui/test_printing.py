"""Printing from the app: never blocks, says each state in the current language, and is
recorded before it prints (no record, no print), with how it went after."""

from __future__ import annotations

import json
import logging
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hemiapp.content.models import Content
from hemiapp.content.session import Actor, ItemStatus
from hemiapp.report import output
from hemiapp.report.document import ReportOptions
from hemiapp.report.errors import NO_PRINTER, PrintError
from hemiapp.store.db import StoreError, open_database
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.printing import suggested_pdf
from hemiapp.wiring import attach_printing

PRINTER_PROBLEM = {
    "en": "Printer problem. Please ask the front desk.",
    "es": "Problema con la impresora. Por favor, pregunte en la recepción.",
}


def kiosk(qtbot: QtBot, content: Content, tmp_path: Path) -> tuple[MainWindow, SessionStore]:
    sessions = SessionStore(open_database(tmp_path / "h.db"))
    window = MainWindow(content, sessions=sessions)
    qtbot.addWidget(window)
    window.show()
    return window, sessions


def sign_in_nurse(window: MainWindow, sessions: SessionStore) -> None:
    with sessions.db.transaction() as conn:
        row = conn.execute(
            "INSERT INTO staff (staff_id, name, role, pin_hash, created_at) "
            "VALUES ('n1', 'Ana Ruiz', 'Nurse', 'x', '2026-11-23T00:00:00+00:00')"
        )
    window.session.actor = Actor(int(row.lastrowid or 0), "n1", "Ana Ruiz", "Nurse")


def print_rows(sessions: SessionStore) -> list[tuple[str, str, dict[str, object]]]:
    rows = sessions.db.read(
        "SELECT action, actor, detail FROM audit WHERE action LIKE 'print%' ORDER BY id"
    )
    return [(r["action"], r["actor"], json.loads(r["detail"])) for r in rows]


def message(window: MainWindow) -> str:
    return window.review.print_status.message.text()


def detail(window: MainWindow) -> str:
    shown = window.review.print_status.detail
    return shown.text() if shown.isVisibleTo(window) else ""


def test_print_my_checklist_to_pdf(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    window, sessions = kiosk(qtbot, content, tmp_path)
    out = tmp_path / "out.pdf"
    attach_printing(
        window, ReportOptions(clinic_name="Riverside Spine"), sessions=sessions, pdf=out
    )
    first = content.checklist("pre-op").items[0]
    window.session.set_status("pre-op", first.id, ItemStatus.DONE)
    window.show_screen(len(window.screens) - 1)
    review = window.review
    assert review.print_button.isVisible()
    qtbot.mouseClick(review.print_button, Qt.MouseButton.LeftButton)
    assert message(window) == "Printing…"  # shown before the work starts
    assert not review.print_button.isEnabled()
    qtbot.waitUntil(lambda: message(window) == "Printed. Please collect your pages.")
    assert review.print_button.isEnabled() and detail(window) == ""
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    text = " ".join(unicodedata.normalize("NFKC", text).split())  # (long items wrap)
    assert "Riverside Spine" in text
    assert first.text.english in text
    rows = print_rows(sessions)
    assert [(action, actor) for action, actor, _ in rows] == [
        ("print", "patient"),
        ("print-result", "patient"),
    ]
    assert rows[0][2]["to"] == str(out) and rows[0][2]["target"] == "pdf"
    assert rows[1][2]["outcome"] == "printed"

    window.set_language("es")  # the state is said again in the new language
    assert message(window) == "Listo. Por favor, recoja sus hojas."


def test_a_printer_problem_is_a_message_in_the_log_and_the_audit(
    qtbot: QtBot, content: Content, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    window, sessions = kiosk(qtbot, content, tmp_path)
    attach_printing(window, ReportOptions(), "no-such-printer", sessions)
    window.show_screen(len(window.screens) - 1)
    with caplog.at_level(logging.WARNING):
        qtbot.mouseClick(window.review.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: message(window) == PRINTER_PROBLEM["en"])
    assert window.review.print_button.isEnabled()
    assert window.current_screen() is window.review  # the patient is not thrown out
    assert detail(window) == ""  # the reason is for staff
    assert window.review.print_status.property("role") == "warning"
    assert "not printed (unknown-printer): No printer named 'no-such-printer'" in caplog.text
    rows = print_rows(sessions)
    assert [action for action, _, _ in rows] == ["print", "print-result"]
    assert rows[0][2]["to"] == "no-such-printer"
    assert rows[1][2]["outcome"] == "failed"
    assert str(rows[1][2]["reason"]).startswith("No printer named 'no-such-printer'.")

    window.set_language("es")
    assert message(window) == PRINTER_PROBLEM["es"]
    sign_in_nurse(window, sessions)  # staff see why, in their language too
    window.show_screen(len(window.screens) - 1)
    assert detail(window) == "Este equipo no tiene ninguna impresora llamada «no-such-printer»."
    window.set_language("en")
    assert detail(window) == "This computer has no printer named “no-such-printer”."


def test_no_printer_set_up_has_its_own_message(
    qtbot: QtBot, content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_printer(name: str | None) -> object:
        raise PrintError("No default printer is set up. Printers available: none.", NO_PRINTER)

    monkeypatch.setattr(output, "printer_info", no_printer)
    window, sessions = kiosk(qtbot, content, tmp_path)
    attach_printing(window, ReportOptions(), None, sessions)
    window.show_screen(len(window.screens) - 1)
    qtbot.mouseClick(window.review.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: message(window) == "No printer is set up. Please ask the front desk.")
    window.set_language("es")
    assert message(window) == (
        "No hay ninguna impresora preparada. Por favor, pregunte en la recepción."
    )
    assert [action for action, _, _ in print_rows(sessions)] == ["print", "print-result"]


def test_no_record_no_print(
    qtbot: QtBot, content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The audit log cannot be written: nothing is printed, and the screen says so."""
    window, sessions = kiosk(qtbot, content, tmp_path)
    out = tmp_path / "out.pdf"
    attach_printing(window, ReportOptions(), sessions=sessions, pdf=out)

    def read_only(*_: object, **__: object) -> int:
        raise StoreError("readonly", "The database h.db cannot be written (read-only).")

    monkeypatch.setattr(sessions, "print_started", read_only)
    window.show_screen(len(window.screens) - 1)
    qtbot.mouseClick(window.review.print_button, Qt.MouseButton.LeftButton)
    expected = "Not printed. This station cannot save right now. Please ask the front desk."
    qtbot.waitUntil(lambda: message(window) == expected)
    assert not out.exists()
    assert print_rows(sessions) == []
    window.set_language("es")
    assert message(window) == (
        "No se imprimió. Este equipo no puede guardar ahora. Por favor, pregunte en la recepción."
    )


def test_staff_save_as_pdf_suggests_documents_and_says_saved(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window, sessions = kiosk(qtbot, content, tmp_path)
    controller = attach_printing(window, ReportOptions(), "no-such-printer", sessions)
    window.show_screen(len(window.screens) - 1)
    review = window.review
    assert not review.preview_button.isVisible()  # patients see only Print my checklist
    sign_in_nurse(window, sessions)
    window.show_screen(len(window.screens) - 1)
    assert review.preview_button.isVisible() and review.pdf_button.isVisible()

    qtbot.mouseClick(review.pdf_button, Qt.MouseButton.LeftButton)
    files = controller.file_dialog
    assert files is not None and files.isVisible()
    suggested = suggested_pdf()
    assert suggested.name == f"hemiguide-checklist-{date.today().isoformat()}.pdf"
    assert Path(files.directory().absolutePath()) == suggested.parent
    assert files.selectedFiles() == [str(suggested)]
    target = tmp_path / "for-the-chart.pdf"
    files.selectFile(str(target))
    files.accept()
    qtbot.waitUntil(lambda: message(window) == "Saved as PDF: for-the-chart.pdf")
    assert target.exists() and target.read_bytes().startswith(b"%PDF")
    rows = print_rows(sessions)
    assert [(a, actor, d.get("to")) for a, actor, d in rows] == [
        ("print", "n1", str(target)),
        ("print-result", "n1", None),
    ]
    window.set_language("es")
    assert message(window) == "Guardado como PDF: for-the-chart.pdf"


def test_suggested_pdf_is_in_documents_with_no_patient_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    (tmp_path / "Documents").mkdir()
    assert suggested_pdf(date(2026, 12, 2)) == (
        tmp_path / "Documents" / "hemiguide-checklist-2026-12-02.pdf"
    )
    (tmp_path / "Documents").rmdir()  # no Documents folder: the home folder
    assert suggested_pdf(date(2026, 12, 2)) == tmp_path / "hemiguide-checklist-2026-12-02.pdf"
