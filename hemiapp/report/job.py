"""A print job the interface can start and forget: it reports how it went by signal.

QTextDocument is not thread-safe, so the printing runs on the GUI thread, in a
call deferred to the event loop: ``start`` returns at once, the screen can show
"Printing…" first, and a whole printout takes well under a second. Every job is
recorded before it prints and after (hemiapp.report.output): no record, no print.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextDocument

from hemiapp.report.errors import FAILED, PRINTED, PRINTING, UNEXPECTED, PrintError
from hemiapp.report.output import PrintRecorder, Target, print_recorded

log = logging.getLogger(__name__)

__all__ = ["FAILED", "PRINTED", "PRINTING", "JobSpec", "PrintJob"]


@dataclass(frozen=True)
class JobSpec:
    """What to print, for the audit log: the checklists' ids and the language."""

    checklists: tuple[str, ...]
    language: str
    blank: bool = False
    page_size: str | None = None


class PrintJob(QObject):
    """``state_changed`` goes 'printing', then 'printed' or 'failed' (``failed`` has the
    message). After the job, ``pages`` is the page count, ``target`` where it went,
    ``message`` the failure's message and ``kind`` its kind ('' when it printed)."""

    state_changed = Signal(str)
    failed = Signal(str)
    finished = Signal(bool)  # True: printed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = ""
        self.message = ""
        self.kind = ""
        self.subject = ""
        self.pages = 0
        self.target = Target()
        self._document: QTextDocument | None = None

    @property
    def busy(self) -> bool:
        return self.state == PRINTING

    def start(
        self, document: QTextDocument, target: Target, recorder: PrintRecorder, spec: JobSpec
    ) -> bool:
        """Print ``document`` to ``target``, recorded by ``recorder``. False, and nothing
        done, while an earlier job is still running."""
        if self.busy:
            return False
        self._document = document
        self.message, self.kind, self.subject, self.pages = "", "", "", 0
        self.target = target
        self._set_state(PRINTING)
        # self as the context: if the job is deleted first, the call is dropped
        QTimer.singleShot(0, self, lambda: self._run(recorder, spec))
        return True

    def _run(self, recorder: PrintRecorder, spec: JobSpec) -> None:
        document, self._document = self._document, None
        if document is None:
            return
        try:
            printed = print_recorded(
                document,
                self.target,
                recorder,
                checklists=spec.checklists,
                language=spec.language,
                blank=spec.blank,
                page_size=spec.page_size,
            )
        except PrintError as exc:
            log.warning("not printed (%s): %s", exc.kind, exc)
            self._fail(exc)
            return
        except Exception:  # never leave the screen saying "Printing…"
            log.exception("printing failed")
            self._fail(PrintError("The checklist could not be printed. Please ask a staff member."))
            return
        self.pages = printed.pages
        log.info("printed %d page(s) to %s", printed.pages, self.target_name())
        self._set_state(PRINTED)
        self.finished.emit(True)

    def target_name(self) -> str:
        target = self.target
        return str(target.pdf) if target.pdf is not None else target.printer or "default printer"

    def _fail(self, error: PrintError) -> None:
        self.message = str(error)
        self.kind = error.kind or UNEXPECTED
        self.subject = error.subject
        self._set_state(FAILED)
        self.failed.emit(self.message)
        self.finished.emit(False)

    def _set_state(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state)
