"""The printout's small helpers: local times and dates as printed, the clinic's logo."""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path

from PySide6.QtGui import QImage

from hemiapp.content.models import Content
from hemiapp.content.schedule import format_date, format_moment

log = logging.getLogger("hemiapp.report.document")  # (where these were first logged)


def stamp(moment: datetime, language: str) -> str:
    """'Thu 12 Mar 2026, 14:05' in local time."""
    return format_moment(moment, language, long=False)


def birth_date(day: date, language: str) -> str:
    """'3 May 1961' / '3 de mayo de 1961' (the long date without its weekday)."""
    return format_date(day, language, long=True).split(", ", 1)[1]


def load_logo(path: Path, content: Content | None) -> QImage | None:
    """The clinic's logo, only from inside the content folder; None (logged) otherwise."""
    if content is None:
        return None
    root = content.root.resolve()
    target = (path if path.is_absolute() else root / path).resolve()
    if not target.is_relative_to(root):
        log.warning("logo %s is outside the content folder %s; printing without it", path, root)
        return None
    image = QImage(str(target))
    if image.isNull():
        log.warning("logo %s could not be read; printing without it", target)
        return None
    return image
