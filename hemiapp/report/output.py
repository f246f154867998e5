"""One print, recorded: the path every printout takes, from the app and the command line.

No record, no print. The printout is laid out first (so the page count is known),
then the attempt is recorded in the audit log, and only then is a file made or a job
sent; the outcome (printed, or failed and why) is recorded after. If the attempt
cannot be recorded, nothing is printed: no PDF file is made and no job is sent.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QTextDocument

from hemiapp.report.errors import UNRECORDED, PrintError
from hemiapp.report.printing import lay_out, printer_info, send_to_printer, write_pdf
from hemiapp.store.db import StoreError
from hemiapp.store.printlog import PrintRequest

log = logging.getLogger(__name__)


class PrintRecorder(Protocol):
    """Where a print is recorded (the store: hemiapp.store.printlog)."""

    def started(self, request: PrintRequest) -> int:
        """Record the attempt; its id. Raises StoreError if it cannot be recorded."""
        ...

    def finished(self, attempt: int, error: str) -> None:
        """Record how the attempt went ("": printed)."""
        ...


@dataclass(frozen=True)
class Target:
    """A PDF file, or a printer (``printer`` None: the system's default printer)."""

    pdf: Path | None = None
    printer: str | None = None


@dataclass(frozen=True)
class Printed:
    pages: int
    to: str  # the file, or the printer's name
    outcome_recorded: bool = True


def print_recorded(
    document: QTextDocument,
    target: Target,
    recorder: PrintRecorder,
    *,
    checklists: tuple[str, ...],
    language: str,
    blank: bool = False,
    page_size: str | None = None,
) -> Printed:
    """Print ``document`` to ``target``, recorded before and after (see the module)."""
    laid = lay_out(document, page_size)
    info = None
    if target.pdf is not None:
        kind, to = "pdf", str(target.pdf)
    else:
        kind = "printer"
        try:
            info = printer_info(target.printer)
            to = info.printerName()
        except PrintError:
            to = target.printer or ""
    request = PrintRequest(kind, to, laid.pages, checklists, language, blank)
    try:
        attempt = recorder.started(request)
    except StoreError as exc:
        raise PrintError(
            f"Nothing was printed: the print could not be recorded in the audit log. {exc.message}",
            UNRECORDED,
        ) from None
    try:
        if target.pdf is not None:
            write_pdf(laid, target.pdf, _title(document))
        else:
            send_to_printer(laid, info or printer_info(target.printer))
    except PrintError as exc:
        _finish(recorder, attempt, str(exc))
        raise
    except Exception:
        _finish(recorder, attempt, "unexpected error (see the log)")
        raise
    return Printed(laid.pages, to, _finish(recorder, attempt, ""))


def _title(document: QTextDocument) -> str:
    return document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)


def _finish(recorder: PrintRecorder, attempt: int, error: str) -> bool:
    """Record the outcome; False (and a warning in the log) if it could not be."""
    try:
        recorder.finished(attempt, error)
    except StoreError as exc:
        log.warning("the outcome of print %s could not be recorded: %s", attempt, exc.message)
        return False
    return True
