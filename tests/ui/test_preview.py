"""The staff's print preview: Print in plain sight, a Close button, fitted to the width,
and the same pages as the PDF and the printer (one pagination path)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from hemiapp.content.loader import load_content
from hemiapp.content.models import Content
from hemiapp.content.session import Actor, PatientDetails, Session
from hemiapp.report.document import ReportOptions
from hemiapp.report.printing import print_pdf
from hemiapp.store.db import open_database
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.printing import PrintController
from hemiapp.wiring import attach_printing
from tests.content.conftest import make_content
from tests.report.conftest import PATIENT, big_checklist, fill_session, needs_poppler, pdf_pages

pytestmark = needs_poppler


@pytest.fixture(scope="module")
def long_content(tmp_path_factory: pytest.TempPathFactory) -> Content:
    root = make_content(
        tmp_path_factory.mktemp("long") / "content",
        checklists={"big.yaml": big_checklist(12, 10)},
    )
    return load_content(root).content


def staff_window(
    qtbot: QtBot, session: Session, tmp_path: Path, paper: str
) -> tuple[MainWindow, PrintController]:
    sessions = SessionStore(open_database(tmp_path / "h.db"))
    window = MainWindow(session.content, sessions=sessions)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    with sessions.db.transaction() as conn:
        row = conn.execute(
            "INSERT INTO staff (staff_id, name, role, pin_hash, created_at) "
            "VALUES ('n1', 'Ana Ruiz', 'RN', 'x', '2026-11-23T00:00:00+00:00')"
        )
    session.actor = Actor(int(row.lastrowid or 0), "n1", "Ana Ruiz", "RN")
    window.set_session(session, screen=len(window.screens) - 1)
    options = ReportOptions(page_size=paper)  # type: ignore[arg-type]
    return window, attach_printing(window, options, "no-such-printer", sessions)


@pytest.mark.parametrize(
    ("which", "language", "paper"),
    [
        ("empty", "en", "Letter"),
        ("filled", "en", "A4"),
        ("filled", "es", "Letter"),
        ("long", "en", "A4"),
    ],
)
def test_the_preview_has_the_pages_of_the_pdf(
    qtbot: QtBot,
    tmp_path: Path,
    content: Content,
    long_content: Content,
    which: str,
    language: str,
    paper: str,
) -> None:
    if which == "empty":
        session = Session(content, language=language)
    elif which == "filled":
        session = fill_session(Session(content, language=language, patient=PATIENT))
    else:
        patient = PatientDetails("Jo Long", PATIENT.date_of_birth)
        session = fill_session(Session(long_content, language=language, patient=patient))
    _window, controller = staff_window(qtbot, session, tmp_path, paper)
    controller.preview()
    dialog = controller.preview_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.page_count() > 0)
    pdf = tmp_path / "same.pdf"
    pages = print_pdf(controller.document(), pdf, paper)  # type: ignore[arg-type]
    assert dialog.page_count() == pages == pdf_pages(pdf) == controller.last_preview_pages
    if which == "long":
        assert pages >= 5
    assert (
        dialog.page_label.text() == {"en": "Page 1 of %d", "es": "Página 1 de %d"}[language] % pages
    )
    dialog.reject()
    qtbot.waitUntil(lambda: controller.preview_dialog is None)


def test_the_preview_shows_print_and_close_and_fits_the_width(
    qtbot: QtBot, tmp_path: Path, content: Content
) -> None:
    session = fill_session(Session(content, language="es", patient=PATIENT))
    _window, controller = staff_window(qtbot, session, tmp_path, "A4")
    controller.preview()
    dialog = controller.preview_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    view = dialog.findChild(QPrintPreviewWidget)
    assert view is not None and view.zoomMode() is QPrintPreviewWidget.ZoomMode.FitToWidth
    assert (dialog.print_button.text(), dialog.close_button.text()) == ("Imprimir…", "Cerrar")
    for button in (dialog.print_button, dialog.close_button, dialog.next):
        assert button.isVisible()
        assert dialog.rect().contains(button.geometry())  # not hidden behind an arrow
        assert button.width() >= button.sizeHint().width()  # nor cut short
    assert dialog.previous.isEnabled() is False and dialog.next.isEnabled()
    dialog.next.click()
    assert dialog.page_label.text().startswith("Página 2 de ")
    dialog.close_button.click()
    qtbot.waitUntil(lambda: controller.preview_dialog is None)
    assert not dialog.isVisible()


def test_print_from_the_preview_is_recorded_and_closes_it(
    qtbot: QtBot, tmp_path: Path, content: Content
) -> None:
    session = fill_session(Session(content, language="en", patient=PATIENT))
    window, controller = staff_window(qtbot, session, tmp_path, "Letter")
    controller.preview()
    dialog = controller.preview_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.page_count() > 0)
    pages = dialog.page_count()
    out = tmp_path / "from-preview.pdf"
    dialog.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer.setOutputFileName(str(out))  # "Print to File (PDF)" in the dialog
    dialog.print_button.click()
    chooser = dialog.print_dialog
    assert chooser is not None and chooser.isVisible()
    for button in chooser.findChildren(QPushButton):  # "Properties" is not cut short
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()
    chooser.accept()
    qtbot.waitUntil(lambda: controller.preview_dialog is None)
    qtbot.waitUntil(lambda: window.review.print_status.message.text().startswith("Saved as PDF"))
    assert pdf_pages(out) == pages
    rows = controller.sessions.db.read(  # type: ignore[union-attr]
        "SELECT action, actor FROM audit WHERE action LIKE 'print%' ORDER BY id"
    )
    assert [(r["action"], r["actor"]) for r in rows] == [("print", "n1"), ("print-result", "n1")]
