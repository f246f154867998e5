"""Find a patient: accents and case do not matter, and a date of birth is read as the
station's locale writes dates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from hemiapp.content.session import PatientDetails
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from hemiapp.ui.staff.find import FindSection
from tests.ui.staff.conftest import click, sign_in


@pytest.fixture
def station_locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


def search(
    qtbot: QtBot, window: MainWindow, controller: StaffController, sessions: SessionStore,
    locale: str, typed: str,
) -> FindSection:  # fmt: skip
    """Ana Núñez (born 7 March 1961, MRN 100-234) and another patient are saved; a nurse at
    a station in ``locale`` searches for ``typed``."""
    QLocale.setDefault(QLocale(locale))
    for name, born, mrn in (
        ("Ana Núñez", date(1961, 3, 7), "100-234"),
        ("Nuno Silva", date(1961, 7, 3), ""),
    ):
        sessions.new_named(
            window.content, PatientDetails(name, born, mrn), language="es", surgery_date=None
        )
    sign_in(qtbot, controller)
    controller.open_panel("find")
    finder = controller.panel.finder
    finder.search.insert(typed)  # QTest cannot type "ú"
    click(qtbot, finder.search_button)
    return finder


def names(finder: FindSection) -> list[str]:
    return [name.text() for _, name, _, _ in finder.cards]


@pytest.mark.usefixtures("station_locale")
@pytest.mark.parametrize(
    ("locale", "typed"),
    [
        ("es_ES", "nunez"),
        ("es_ES", "NÚÑEZ"),
        ("en_US", "ana nunez"),
        ("es_ES", "07/03/1961"),  # as the new-session form has it: day, month, year
        ("en_GB", "7/3/1961"),
        ("de_DE", "7.3.1961"),
        ("es_ES", "07-03-1961"),
        ("es_ES", "07/03/61"),
        ("es_ES", "07031961"),
        ("en_US", "03/07/1961"),  # month first in the US
        ("en_US", "1961-03-07"),
        ("ja_JP", "1961/03/07"),
        ("es_ES", "100-234"),  # an MRN that looks like a broken date is still an MRN
    ],
)
def test_found(
    qtbot: QtBot, window: MainWindow, controller: StaffController, sessions: SessionStore,
    locale: str, typed: str,
) -> None:  # fmt: skip
    finder = search(qtbot, window, controller, sessions, locale, typed)
    assert names(finder) == ["Ana Núñez"]
    assert controller.panel.message_box.isHidden()


@pytest.mark.usefixtures("station_locale")
@pytest.mark.parametrize(
    ("locale", "typed", "how"),
    [
        ("es_ES", "31/02/1961", "day/month/year, for example 07/03/1961"),
        ("en_US", "13/07/1961", "month/day/year, for example 03/07/1961"),
        ("ja_JP", "07/03/1961", "year-month-day, for example 1961-03-07"),
        ("es_ES", "07/03", "day/month/year, for example 07/03/1961"),
    ],
)
def test_an_unreadable_date(
    qtbot: QtBot, window: MainWindow, controller: StaffController, sessions: SessionStore,
    locale: str, typed: str, how: str,
) -> None:  # fmt: skip
    finder = search(qtbot, window, controller, sessions, locale, typed)
    assert controller.panel.message.text() == (
        f"“{typed}” is not a date. Type the date of birth as {how}."
    )
    assert finder.cards == [] and finder.results is None
    assert finder.search.text() == typed  # kept, to be corrected


@pytest.mark.usefixtures("station_locale")
@pytest.mark.parametrize(
    ("locale", "words"),
    [("es_ES", "day/month/year"), ("en_US", "month/day/year"), ("en_CA", "year-month-day")],
)
def test_the_label_says_how_to_type_a_date(
    qtbot: QtBot, controller: StaffController, locale: str, words: str
) -> None:
    QLocale.setDefault(QLocale(locale))
    sign_in(qtbot, controller)
    controller.open_panel("find")
    label = controller.panel.finder.search_label.text()
    assert label == f"Name, date of birth ({words}) or MRN"
