"""Dates as staff type them into a search box, in the station's order of day, month, year.

Accepted (``order`` is the station's, from its locale: day/month/year in most of the world,
month/day/year in the US, year-month-day in Japan or Canada's ISO style):

- year-month-day with a four-digit year first, in any locale: ``1961-03-07``, ``1961/3/7``;
- three numbers in the station's order, with ``/``, ``.``, ``-`` or spaces between them:
  ``07/03/1961``, ``7/3/1961``, ``7.3.1961``, ``07-03-1961``, ``7 3 1961``; a two-digit
  year is the latest such year not after this one (``61`` is 1961, ``05`` is 2005);
- eight digits in the station's order, as a keypad types them: ``07031961``.

No Qt here: the caller says which order the station uses (``order_of`` reads it from a
locale's short date pattern, such as Qt's ``QLocale.dateFormat``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

DateOrder = Literal["DMY", "MDY", "YMD"]

_THREE = re.compile(r"^(\d{1,4})\s*[./\- ]\s*(\d{1,2})\s*[./\- ]\s*(\d{1,4})\.?$")
_EIGHT = re.compile(r"^\d{8}$")
_DATE_LIKE = re.compile(r"^\d[\d\s./-]*$")  # digits and separators only (with one: a date)


class UnreadableDate(ValueError):
    """Typed as a date (numbers and separators), but not one that exists."""


def order_of(pattern: str) -> DateOrder:
    """'DMY', 'MDY' or 'YMD' from a short date pattern ('dd/MM/yyyy', 'M/d/yy', 'yyyy-MM-dd')."""
    found = {part: pattern.find(letter) for part, letter in (("D", "d"), ("M", "M"), ("Y", "y"))}
    if any(index < 0 for index in found.values()):
        return "DMY"
    order = "".join(sorted(found, key=lambda part: found[part]))
    return "MDY" if order == "MDY" else "YMD" if order == "YMD" else "DMY"


def _year(text: str, today: date) -> int:
    year = int(text)
    if len(text) == 4:
        return year
    if len(text) == 2:  # the latest year ending so, not after this one
        century = today.year - today.year % 100
        return century + year if century + year <= today.year else century - 100 + year
    raise UnreadableDate(text)


def read_date(text: str, order: DateOrder, today: date) -> date | None:
    """The date ``text`` names; None if it is not written as a date at all (a name, an
    MRN; eight digits that are no date may be an MRN). UnreadableDate if it is written as
    one (numbers and separators) but is not a real date."""
    text = text.strip()
    if _EIGHT.match(text):
        cuts = (4, 6) if order == "YMD" else (2, 4)
        parts = (text[: cuts[0]], text[cuts[0] : cuts[1]], text[cuts[1] :])
        try:
            return _from_parts(parts, order, today)
        except UnreadableDate:
            return None
    if not _DATE_LIKE.match(text) or text.isdigit():
        return None
    match = _THREE.match(text)
    if match is None:
        raise UnreadableDate(text)
    return _from_parts(match.groups(), order, today)


def _from_parts(parts: tuple[str, ...], order: DateOrder, today: date) -> date:
    first, second, third = parts
    if len(first) == 4 or order == "YMD":
        year, month, day = first, second, third
    elif order == "MDY":
        month, day, year = first, second, third
    else:
        day, month, year = first, second, third
    if len(day) > 2 or len(month) > 2:
        raise UnreadableDate("".join(parts))
    try:
        return date(_year(year, today), int(month), int(day))
    except ValueError as exc:
        raise UnreadableDate("".join(parts)) from exc
