"""Printing's error, in a module without Qt (the command line reports it before Qt loads)."""

from __future__ import annotations


class PrintError(Exception):
    """Printing could not be done; the message says why, for a person to act on."""
