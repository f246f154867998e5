from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hemiapp.ui.datepicker import DatePicker


def visible_days(picker: DatePicker) -> list[str]:
    return [b.text() for b in picker.days if not b.isHidden()]


def test_month_grid_starts_on_the_right_weekday(qtbot: QtBot) -> None:
    picker = DatePicker(date(2026, 11, 23))
    qtbot.addWidget(picker)
    assert picker.title.text() == "November 2026"
    # 1 November 2026 is a Sunday: the seventh cell of a Monday-first grid
    assert picker.days[6].text() == "1"
    assert all(b.isHidden() for b in picker.days[:6])
    assert visible_days(picker) == [str(n) for n in range(1, 31)]
    assert picker.days[6].accessibleName() == "Sunday, 1 November 2026"


def test_next_month_across_the_year_and_a_tap(qtbot: QtBot) -> None:
    picker = DatePicker(date(2026, 11, 23))
    qtbot.addWidget(picker)
    qtbot.mouseClick(picker.next, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(picker.next, Qt.MouseButton.LeftButton)
    assert picker.title.text() == "January 2027"
    # 1 January 2027 is a Friday: fifth cell
    with qtbot.waitSignal(picker.date_chosen) as chosen:
        qtbot.mouseClick(picker.days[4], Qt.MouseButton.LeftButton)
    assert chosen.args == [date(2027, 1, 1)]
    assert picker.days[4].isChecked()


def test_february_of_a_leap_year_in_spanish(qtbot: QtBot) -> None:
    picker = DatePicker(date(2028, 2, 10))
    qtbot.addWidget(picker)
    picker.set_language("es")
    assert picker.title.text() == "febrero de 2028"
    assert visible_days(picker)[-1] == "29"
    assert [w.text() for w in picker.weekday_labels] == list("LMXJVSD")
    qtbot.mouseClick(picker.previous, Qt.MouseButton.LeftButton)
    assert picker.title.text() == "enero de 2028"
