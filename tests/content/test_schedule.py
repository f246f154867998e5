"""Item dates from the surgery date: weekdays, month and year boundaries, leap years."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from hemiapp.content.models import When
from hemiapp.content.schedule import (
    date_for,
    due_label,
    format_date,
    format_moment,
    month_title,
    relative_label,
    weekday_letters,
)


@pytest.mark.parametrize(
    ("when", "surgery", "expected"),
    [
        ("-7d", date(2026, 12, 1), date(2026, 11, 24)),  # across a month boundary
        ("day-of", date(2026, 12, 1), date(2026, 12, 1)),
        ("+2w", date(2026, 12, 21), date(2027, 1, 4)),  # across a year boundary
        ("-1d", date(2028, 3, 1), date(2028, 2, 29)),  # leap year
        ("-1d", date(2027, 3, 1), date(2027, 2, 28)),  # not a leap year
        ("+1d", date(2100, 2, 28), date(2100, 3, 1)),  # 2100 is not a leap year
        ("-2w", date(2026, 11, 30), date(2026, 11, 16)),
    ],
)
def test_date_for(when: str, surgery: date, expected: date) -> None:
    assert date_for(When.parse(when), surgery) == expected


@pytest.mark.parametrize(
    ("day", "language", "short", "long"),
    [
        (date(2026, 12, 1), "en", "Tue 1 Dec", "Tuesday, 1 December 2026"),
        (date(2026, 12, 1), "es", "mar 1 dic", "martes, 1 de diciembre de 2026"),
        (date(2028, 2, 29), "en", "Tue 29 Feb", "Tuesday, 29 February 2028"),
        (date(2027, 1, 3), "es", "dom 3 ene", "domingo, 3 de enero de 2027"),
        (date(2026, 11, 23), "fr", "Mon 23 Nov", "Monday, 23 November 2026"),  # falls back
    ],
)
def test_format_date(day: date, language: str, short: str, long: str) -> None:
    assert format_date(day, language) == short
    assert format_date(day, language, long=True) == long


@pytest.mark.parametrize(
    ("when", "en", "es"),
    [
        ("day-of", "Day of surgery", "Día de la cirugía"),
        ("-1d", "1 day before", "1 día antes"),
        ("-7d", "7 days before", "7 días antes"),
        ("+1w", "1 week after", "1 semana después"),
        ("+6w", "6 weeks after", "6 semanas después"),
        ("-2w", "2 weeks before", "2 semanas antes"),
    ],
)
def test_relative_label(when: str, en: str, es: str) -> None:
    assert relative_label(When.parse(when), "en") == en
    assert relative_label(When.parse(when), "es") == es


def test_due_label_with_and_without_a_surgery_date() -> None:
    when = When.parse("-7d")
    assert due_label(when, date(2026, 12, 8), "en") == "Tue 1 Dec — 7 days before"
    assert due_label(when, date(2026, 12, 8), "es") == "mar 1 dic — 7 días antes"
    assert due_label(when, None, "en") == "7 days before"
    assert due_label(When.parse("day-of"), date(2026, 12, 8), "en") == "Tue 8 Dec — Day of surgery"


def test_a_team_date_is_never_computed() -> None:
    when = When.parse("team")
    assert not when.computed
    assert due_label(when, date(2026, 12, 7), "en") == "On the date your team gives you"
    assert due_label(when, None, "es") == "En la fecha que le dé su equipo"
    with pytest.raises(
        ValueError, match=r"^a 'team' date is given by the care team, not computed$"
    ):
        date_for(when, date(2026, 12, 7))


@pytest.mark.parametrize(
    ("language", "letters", "month"),
    [
        ("en", ("M", "T", "W", "T", "F", "S", "S"), "September 2026"),
        ("es", ("L", "M", "X", "J", "V", "S", "D"), "septiembre de 2026"),
        ("fr", ("M", "T", "W", "T", "F", "S", "S"), "September 2026"),  # not ours: English
    ],
)
def test_calendar_words_come_from_cldr(language: str, letters: tuple[str, ...], month: str) -> None:
    assert weekday_letters(language) == letters
    assert month_title(date(2026, 9, 30), language) == month


def test_a_stored_moment_is_said_in_local_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "America/Chicago")
    time.tzset()
    try:
        moment = datetime(2026, 12, 8, 2, 5, tzinfo=UTC)  # the evening before, in Chicago
        assert format_moment(moment, "en") == "Monday, 7 December 2026, 20:05"
        assert format_moment(moment, "es", long=False) == "lun 7 dic 2026, 20:05"
        assert format_moment(moment.replace(tzinfo=None), "en") == format_moment(moment, "en")
    finally:
        monkeypatch.undo()
        time.tzset()
