"""Dates typed into the search box: every accepted form, in each date order."""

from __future__ import annotations

from datetime import date

import pytest

from hemiapp.content.typed_dates import DateOrder, UnreadableDate, order_of, read_date

TODAY = date(2026, 11, 23)
MARCH_7 = date(1961, 3, 7)


@pytest.mark.parametrize(
    ("pattern", "order"),
    [
        ("dd/MM/yyyy", "DMY"),  # en_GB
        ("d/M/yy", "DMY"),  # es_ES
        ("dd.MM.yy", "DMY"),  # de_DE
        ("M/d/yy", "MDY"),  # en_US
        ("yyyy/MM/dd", "YMD"),  # ja_JP
        ("yyyy-MM-dd", "YMD"),  # en_CA
        ("yyyy. MM. dd.", "YMD"),  # hu_HU
        ("d MM yyyy", "DMY"),  # the C locale
        ("", "DMY"),
    ],
)
def test_order_of_a_locale_pattern(pattern: str, order: DateOrder) -> None:
    assert order_of(pattern) == order


@pytest.mark.parametrize(
    ("typed", "order"),
    [
        ("1961-03-07", "DMY"),  # year first: the same in every order
        ("1961-03-07", "MDY"),
        ("1961/3/7", "DMY"),
        ("1961.03.07", "YMD"),
        ("1961. 03. 07.", "YMD"),
        ("07/03/1961", "DMY"),
        ("7/3/1961", "DMY"),
        ("7.3.1961", "DMY"),
        ("07-03-1961", "DMY"),
        ("7 3 1961", "DMY"),
        (" 07 / 03 / 1961 ", "DMY"),
        ("07/03/61", "DMY"),
        ("07031961", "DMY"),
        ("03/07/1961", "MDY"),
        ("3/7/61", "MDY"),
        ("03071961", "MDY"),
        ("19610307", "YMD"),
        ("61/03/07", "YMD"),
    ],
)
def test_accepted_forms(typed: str, order: DateOrder) -> None:
    assert read_date(typed, order, TODAY) == MARCH_7


def test_a_two_digit_year_is_never_in_the_future() -> None:
    assert read_date("1/2/26", "DMY", TODAY) == date(2026, 2, 1)
    assert read_date("1/2/27", "DMY", TODAY) == date(1927, 2, 1)
    assert read_date("1/2/05", "DMY", TODAY) == date(2005, 2, 1)


@pytest.mark.parametrize("typed", ["Núñez", "MRN-0042", "1961", "100234", "", "   ", "12345678"])
def test_not_written_as_a_date(typed: str) -> None:
    assert read_date(typed, "DMY", TODAY) is None  # a name or an MRN: searched as such


@pytest.mark.parametrize(
    ("typed", "order"),
    [
        ("31/02/1961", "DMY"),
        ("07/13/1961", "DMY"),
        ("13/07/1961", "MDY"),
        ("07/03", "DMY"),
        ("07/03/196", "DMY"),
        ("7/3/1961/2", "DMY"),
        ("007/03/1961", "DMY"),
        ("1961-02-30", "MDY"),
        ("07/03/1961", "YMD"),
        ("07--1961", "DMY"),
    ],
)
def test_unreadable(typed: str, order: DateOrder) -> None:
    with pytest.raises(UnreadableDate):
        read_date(typed, order, TODAY)
