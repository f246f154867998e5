"""A print job the interface can start and forget: it reports how it went by signal.

QTextDocument is not thread-safe, so the printing runs on the GUI thread, in a
call deferred to the event loop: ``start`` returns at once, the screen can show
"Printing…" first, and a whole printout takes well under a second.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextDocument

from hemiapp.report.document import PageSize
from hemiapp.report.printing import PrintError, print_pdf, print_to_printer

log = logging.getLogger(__name__)

PRINTING, PRINTED, FAILED = "printing", "printed", "failed"


class PrintJob(QObject):
    """``state_changed`` goes 'printing', then 'printed' or 'failed' (``failed`` has the
    message to show). After the job, ``pages`` is the page count and ``message`` the
    failure's message ('' when it printed)."""

    state_changed = Signal(str)
    failed = Signal(str)
    finished = Signal(bool)  # True: printed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = ""
        self.message = ""
        self.pages = 0
        self._document: QTextDocument | None = None

    @property
    def busy(self) -> bool:
        return self.state == PRINTING

    def start(
        self,
        document: QTextDocument,
        printer_name: str | None = None,
        *,
        pdf: Path | None = None,
        page_size: PageSize | None = None,
    ) -> bool:
        """Print ``document`` on ``printer_name`` (None: the default printer), or to the
        file ``pdf``. False, and nothing done, while an earlier job is still running."""
        if self.busy:
            return False
        self._document = document
        self.message, self.pages = "", 0
        self._set_state(PRINTING)
        # self as the context: if the job is deleted first, the call is dropped
        QTimer.singleShot(0, self, lambda: self._run(printer_name, pdf, page_size))
        return True

    def _run(self, printer_name: str | None, pdf: Path | None, page_size: PageSize | None) -> None:
        document, self._document = self._document, None
        if document is None:
            return
        try:
            if pdf is not None:
                self.pages = print_pdf(document, pdf, page_size)
            else:
                self.pages = print_to_printer(document, printer_name)
        except PrintError as exc:
            self._fail(str(exc))
            return
        except Exception:  # never leave the screen saying "Printing…"
            log.exception("printing failed")
            self._fail("The checklist could not be printed. Please ask a staff member.")
            return
        self._set_state(PRINTED)
        self.finished.emit(True)

    def _fail(self, message: str) -> None:
        self.message = message
        self._set_state(FAILED)
        self.failed.emit(message)
        self.finished.emit(False)

    def _set_state(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state)
