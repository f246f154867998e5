"""'Print my checklist' at the kiosk: straight to the station's printer, never blocking.

The review screen shows Printing… / Printed / Printer problem; every print that
came out is in the audit log (through the session store).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject

from hemiapp.report.document import ReportOptions, build_document, in_print_order
from hemiapp.report.job import FAILED, PRINTED, PRINTING, PrintJob
from hemiapp.store.db import StoreError
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.main_window import MainWindow


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
        self.job = PrintJob(self)
        self.job.state_changed.connect(self._show_state)
        window.print_requested.connect(self.print_session)
        window.enable_printing()

    def print_session(self) -> None:
        session = self.window.session
        checklists = in_print_order(session.content.checklists)
        document = build_document(session, checklists, self.options, printed_at=datetime.now(UTC))
        document.setParent(self)
        self.job.start(document, self.printer_name, pdf=self.pdf, page_size=self.options.page_size)

    def _show_state(self, state: str) -> None:
        review = self.window.review
        if state == PRINTING:
            review.show_print_state(self.tr("Printing…"), busy=True)
        elif state == PRINTED:
            review.show_print_state(self.tr("Printed. Please collect your pages."), busy=False)
            if self.sessions is not None:
                target = str(self.pdf) if self.pdf else self.printer_name or "default printer"
                try:
                    self.sessions.printed(self.window.session, target, self.job.pages)
                except StoreError as exc:
                    self.window.store_failed(exc.message)
        elif state == FAILED:
            review.show_print_state(
                self.tr("Printer problem. Please ask the front desk."), busy=False, problem=True
            )
