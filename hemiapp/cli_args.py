"""Checked command-line values: a bad one is refused by argparse in one line (exit 2),
before anything is opened, never as a traceback deeper down."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

#: The largest row id SQLite can store (a signed 64-bit integer).
MAX_ROW_ID = 2**63 - 1


def row_id(what: str) -> Callable[[str], int]:
    """An argparse ``type`` for the id of a stored row (a session, an audit row): a whole
    number from 1 to MAX_ROW_ID, written in plain digits."""

    def parse(text: str) -> int:
        digits = text.strip()
        if not digits.isascii() or not digits.isdigit() or not 1 <= int(digits) <= MAX_ROW_ID:
            raise argparse.ArgumentTypeError(
                f"{what} must be a whole number from 1 to {MAX_ROW_ID}, not '{text}'"
            )
        return int(digits)

    return parse


def safe_output() -> None:
    """Messages that echo a value the shell could not decode (Linux hands such bytes over
    as lone surrogates) print it escaped instead of failing with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
