"""Printing's states and errors, in a module without Qt (the command line reports an
error before Qt loads, and the review screen is made before printing is)."""

from __future__ import annotations

#: A print job's states (hemiapp.report.job).
PRINTING, PRINTED, FAILED = "printing", "printed", "failed"

#: PrintError kinds, for the screen to say each in the reader's language.
NO_PRINTER = "no-printer"  # no printer named, and no default printer is set up
UNKNOWN_PRINTER = "unknown-printer"  # ``subject``: the name
PRINTER_FAILED = "printer-failed"  # the printer would not start, stopped or refused the job
PDF_FAILED = "pdf-failed"  # ``subject``: the file
UNRECORDED = "unrecorded"  # the audit log could not record it, so nothing was printed
UNEXPECTED = "unexpected"


class PrintError(Exception):
    """Printing could not be done; the message says why, for a person to act on.

    ``kind`` says which problem it is (one of the names above) and ``subject`` what it
    is about (a printer's name, a file), so that a screen can say it in its language."""

    def __init__(self, message: str, kind: str = UNEXPECTED, subject: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.subject = subject
