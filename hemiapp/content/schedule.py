"""Calendar dates of checklist items, computed from the surgery date, and how to say them.

Day and month names come from CLDR through Babel (its data ships in the wheel), so dates
read the same on every machine, whatever its locale; the patterns are the content's own.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache

from babel import Locale
from babel.dates import format_date as _cldr_format
from babel.dates import get_day_names

from hemiapp.content.models import DEFAULT_LANGUAGE, LANGUAGES, When

#: CLDR patterns: short ('Mon 1 Dec'), long ('Monday, 1 December 2026'), month ('December
#: 2026'), for each language of ``LANGUAGES``.
_PATTERNS = {
    "en": ("EEE d MMM", "EEEE, d MMMM y", "MMMM y"),
    "es": ("EEE d MMM", "EEEE, d 'de' MMMM 'de' y", "MMMM 'de' y"),
}
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
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


@cache
def _locale(lang: str) -> Locale:
    """Babel's locale data for one of ``LANGUAGES``, parsed once."""
    return Locale.parse(lang)


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
    return _cldr_format(day, _PATTERNS[lang][1 if long else 0], locale=_locale(lang))


def month_title(day: date, language: str) -> str:
    """The month of ``day`` with its year: 'December 2026' / 'diciembre de 2026'."""
    lang = _lang(language)
    return _cldr_format(day, _PATTERNS[lang][2], locale=_locale(lang))


def weekday_letters(language: str) -> tuple[str, ...]:
    """One letter a weekday, Monday first: M T W T F S S / L M X J V S D."""
    return _weekday_letters(_lang(language))


@cache
def _weekday_letters(lang: str) -> tuple[str, ...]:
    names = get_day_names("narrow", locale=_locale(lang))
    return tuple(str(names[day]) for day in range(7))


def local_moment(moment: datetime) -> datetime:
    """A stored moment (UTC; naive means UTC) in this machine's local time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def format_moment(moment: datetime, language: str, *, long: bool = True) -> str:
    """A stored moment as this station's local date and time: 'Tuesday, 8 December 2026,
    14:05', or short 'Tue 8 Dec 2026, 14:05'."""
    local = local_moment(moment)
    if long:
        return f"{format_date(local.date(), language, long=True)}, {local:%H:%M}"
    return f"{format_date(local.date(), language)} {local.year}, {local:%H:%M}"


def due_label(when: When, surgery: date | None, language: str) -> str:
    """'Mon 1 Dec — 7 days before' for an item; just '7 days before' with no surgery date."""
    relative = relative_label(when, language)
    if surgery is None or not when.computed:
        return relative
    return f"{format_date(date_for(when, surgery), language)} — {relative}"
