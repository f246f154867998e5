"""Item dates from the surgery date: weekdays, month and year boundaries, leap years."""

from __future__ import annotations

from datetime import date

import pytest

from hemiapp.content.models import When
from hemiapp.content.schedule import date_for, due_label, format_date, relative_label


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
    with pytest.raises(ValueError, match="given by the care team"):
        date_for(when, date(2026, 12, 7))
