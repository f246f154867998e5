"""Calendar dates of checklist items, computed from the surgery date, and how to say them.

Weekday and month names are the content's own (English and Spanish) so dates
read the same on every machine, whatever its locale.
"""

from __future__ import annotations

from datetime import date, timedelta

from hemiapp.content.models import DEFAULT_LANGUAGE, When

_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
_MONTHS = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "es": (
        "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ),
}  # fmt: skip
_RELATIVE = {
    "en": {
        "day-of": "Day of surgery",
        "team": "On the date your team gives you",
        ("d", -1): ("{n} day before", "{n} days before"),
        ("d", 1): ("{n} day after", "{n} days after"),
        ("w", -1): ("{n} week before", "{n} weeks before"),
        ("w", 1): ("{n} week after", "{n} weeks after"),
    },
    "es": {
        "day-of": "Día de la cirugía",
        "team": "En la fecha que le dé su equipo",
        ("d", -1): ("{n} día antes", "{n} días antes"),
        ("d", 1): ("{n} día después", "{n} días después"),
        ("w", -1): ("{n} semana antes", "{n} semanas antes"),
        ("w", 1): ("{n} semana después", "{n} semanas después"),
    },
}


def _lang(language: str) -> str:
    return language if language in _WEEKDAYS else DEFAULT_LANGUAGE


def date_for(when: When, surgery: date) -> date:
    """The calendar date of an item due ``when`` for a surgery on ``surgery``
    (never called for ``team``: that date is the care team's to give)."""
    if not when.computed:
        raise ValueError("a 'team' date is given by the care team, not computed")
    return surgery + timedelta(days=when.offset_days)


def relative_label(when: When, language: str) -> str:
    """'7 days before', 'Day of surgery', '2 weeks after' in the given language."""
    table = _RELATIVE[_lang(language)]
    if not when.computed:
        return str(table["team"])
    if when.offset_days == 0:
        return str(table["day-of"])
    sign = -1 if when.offset_days < 0 else 1
    number = abs(when.offset_days) // (7 if when.unit == "w" else 1)
    one, many = table[(when.unit, sign)]
    return (one if number == 1 else many).format(n=number)


def format_date(day: date, language: str, *, long: bool = False) -> str:
    """'Mon 1 Dec' / 'lun 1 dic', or with ``long`` 'Monday, 1 December 2026'."""
    lang = _lang(language)
    weekday = _WEEKDAYS[lang][day.weekday()]
    month = _MONTHS[lang][day.month - 1]
    if long:
        if lang == "es":
            return f"{weekday}, {day.day} de {month} de {day.year}"
        return f"{weekday}, {day.day} {month} {day.year}"
    return f"{weekday[:3]} {day.day} {month[:3]}"


def due_label(when: When, surgery: date | None, language: str) -> str:
    """'Mon 1 Dec — 7 days before' for an item; just '7 days before' with no surgery date."""
    relative = relative_label(when, language)
    if surgery is None or not when.computed:
        return relative
    return f"{format_date(date_for(when, surgery), language)} — {relative}"
