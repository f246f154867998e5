"""Printing from the app.

'Print my checklist' (the patient, at the kiosk) goes straight to the station's
printer without blocking, and the review screen says Printing… / Printed / Printer
problem. A signed-in staff member also gets a print preview with the choice of
printer, and Save as PDF. Every printout that came out is in the audit log.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog

from hemiapp.report.document import ReportOptions, build_document, in_print_order
from hemiapp.report.job import FAILED, PRINTED, PRINTING, PrintJob
from hemiapp.report.printing import render
from hemiapp.store.audit import audit_head
from hemiapp.store.db import StoreError
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staffonly import staff_only


class PrintController(QObject):
    def __init__(
        self,
        window: MainWindow,
        options: ReportOptions,
        printer_name: str | None = None,
        sessions: SessionStore | None = None,
        *,
        pdf: Path | None = None,
    ) -> None:
        """Print on ``printer_name`` (None: the system's default printer), or into the
        file ``pdf`` instead when given."""
        super().__init__(window)
        self.window = window
        self.options = options
        self.printer_name = printer_name
        self.sessions = sessions
        self.pdf = pdf
        self.pdf_target: Path | None = None  # a staff member's Save as PDF
        self.last_preview_pages = 0
        self.preview_dialog: QPrintPreviewDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.job = PrintJob(self)
        self.job.state_changed.connect(self._show_state)
        window.print_requested.connect(self.print_session)
        window.enable_printing()
        if len(window.screens) > 1:  # the review screen is made once (maybe not yet)
            self._wire_review()
        else:
            window.screens_ready.connect(self._wire_review)

    def _wire_review(self) -> None:
        self.window.review.preview_button.clicked.connect(self.preview)
        self.window.review.pdf_button.clicked.connect(self.save_pdf)

    def document(self) -> QTextDocument:
        session = self.window.session
        checklists = in_print_order(session.content.checklists)
        head = audit_head(self.sessions.db) if self.sessions is not None else ""
        now = datetime.now(UTC)
        document = build_document(
            session, checklists, self.options, printed_at=now, audit_head=head
        )
        document.setParent(self)
        return document

    # --- the patient's print -------------------------------------------------------------

    def print_session(self) -> None:
        self.job.start(
            self.document(), self.printer_name, pdf=self.pdf, page_size=self.options.page_size
        )

    def _show_state(self, state: str) -> None:
        review = self.window.review
        if state == PRINTING:
            review.show_print_state(self.tr("Printing…"), busy=True)
        elif state == PRINTED:
            review.show_print_state(self.tr("Printed. Please collect your pages."), busy=False)
            pdf = self.pdf_target or self.pdf
            if self.pdf_target is None:  # the patient's print (not a staff Save as PDF)
                self.window.printed = True
            self.pdf_target = None
            self._audit(str(pdf) if pdf else self.printer_name or "default printer", self.job.pages)
        elif state == FAILED:
            self.pdf_target = None
            review.show_print_state(
                self.tr("Printer problem. Please ask the front desk."), busy=False, problem=True
            )

    def _audit(self, target: str, pages: int) -> None:
        if self.sessions is None:
            return
        try:
            self.sessions.printed(self.window.session, target, pages)
        except StoreError as exc:
            self.window.store_failed(exc.message)

    # --- staff: preview with printer choice, Save as PDF ---------------------------------

    # Both dialogs are staff-only: when staff sign out (or are signed out), they are
    # closed with the rest of staff mode (hemiapp.ui.staffonly), printout and file system.

    def _staff_present(self) -> bool:
        return self.window.session.actor is not None  # set only while staff are signed in

    def preview(self) -> None:
        if not self._staff_present():
            return  # a named patient's printout is never shown with nobody signed in
        document = self.document()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.printer_name:
            printer.setPrinterName(self.printer_name)
        dialog = staff_only(QPrintPreviewDialog(printer, self.window))
        dialog.setWindowTitle(self.tr("Print preview"))
        dialog.paintRequested.connect(lambda target: self._render_preview(document, target))
        dialog.finished.connect(lambda result: self._previewed(dialog, printer, result))
        self.preview_dialog = dialog
        dialog.open()

    def _render_preview(self, document: QTextDocument, target: QPrinter) -> None:
        self.last_preview_pages = render(document, target)

    def _previewed(self, dialog: QPrintPreviewDialog, printer: QPrinter, result: int) -> None:
        if result == QDialog.DialogCode.Accepted.value:
            self._audit(printer.printerName() or "printer", self.last_preview_pages)
        dialog.deleteLater()
        self.preview_dialog = None

    def save_pdf(self) -> None:
        if not self._staff_present():
            return
        dialog = staff_only(QFileDialog(self.window, self.tr("Save as PDF")))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(self._save_to)
        dialog.finished.connect(lambda _result: self._file_dialog_closed(dialog))
        self.file_dialog = dialog
        dialog.open()

    def _file_dialog_closed(self, dialog: QFileDialog) -> None:
        if self.file_dialog is dialog:
            self.file_dialog = None
        dialog.deleteLater()

    def _save_to(self, path: str) -> None:
        self.file_dialog = None
        self.pdf_target = Path(path)
        self.job.start(self.document(), pdf=self.pdf_target, page_size=self.options.page_size)
