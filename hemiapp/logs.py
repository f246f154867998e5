"""The app's logs: rotating files in the platform's folder for application data. No Qt here.

``hemiguide.log`` (rotated at 1 MB, five old files kept) has start-up, errors with their
tracebacks and what staff did to the station; ``crash.log`` has what ``faulthandler``
writes when the process itself dies (a segfault, an abort; it is not rotated, and is
written to only then). Nothing writes patient data to them on purpose: tracebacks
carry code, not values, but an error's own message is logged too, so the folder is
kept as private as the database: made 0700, its files 0600.
"""

from __future__ import annotations

import faulthandler
import io
import logging
import logging.handlers
from pathlib import Path
from typing import TextIO

from hemiapp.store.db import default_db_path
from hemiapp.store.files import make_private, make_private_folder, private_opener

MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_crash_file: TextIO | None = None  # open for as long as the process lives


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Rotating log files made 0600 (the new file after each rotation too)."""

    def _open(self) -> io.TextIOWrapper:
        stream = open(  # noqa: SIM115 - the handler closes it
            self.baseFilename,
            "a",
            encoding=self.encoding,
            errors=self.errors,
            opener=private_opener,
        )
        return stream


def default_log_dir() -> Path:
    """``logs`` beside the default database, in the platform's folder for application data."""
    return default_db_path().parent / "logs"


def setup_logging(folder: Path) -> Path | None:
    """Log to ``folder/hemiguide.log`` (and warnings to stderr); fault dumps to crash.log.

    Returns the log file, or None when the folder cannot be written (then only stderr:
    a station whose disk is full must still start)."""
    root = logging.getLogger("hemiapp")
    root.setLevel(logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.WARNING)
    stderr.setFormatter(logging.Formatter("hemiapp: %(levelname)s: %(message)s"))
    root.addHandler(stderr)
    root.propagate = False
    path = folder / "hemiguide.log"
    try:
        make_private_folder(folder)
        for old in (path, *folder.glob("hemiguide.log.*"), folder / "crash.log"):
            make_private(old)  # written by an older HemiGuide, readable by others
        handler = _PrivateRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as exc:
        root.warning("cannot write logs in %s: %s", folder, exc.strerror or exc)
        _faults_to_stderr()
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    enable_faulthandler(folder / "crash.log")
    return path


def enable_faulthandler(path: Path) -> None:
    """Python's fault handler, writing to ``path`` (appended; stderr if it cannot open)."""
    global _crash_file
    try:
        crash = open(path, "a", encoding="utf-8", opener=private_opener)  # noqa: SIM115
    except OSError:
        _faults_to_stderr()
        return
    if _crash_file is not None:
        faulthandler.disable()
        _crash_file.close()
    _crash_file = crash
    faulthandler.enable(file=crash)


def shutdown() -> None:
    """Close the log files and send fault dumps back to stderr (tests; the app exits)."""
    global _crash_file
    root = logging.getLogger("hemiapp")
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    if _crash_file is not None:
        _faults_to_stderr()
        _crash_file.close()
        _crash_file = None


def _faults_to_stderr() -> None:
    try:
        faulthandler.enable()
    except (ValueError, io.UnsupportedOperation):  # stderr is not a real file (captured)
        faulthandler.disable()
