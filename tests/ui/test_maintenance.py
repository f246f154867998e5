"""The maintenance page: what it says at start-up and mid-visit, Try again, and retrying by
itself with longer and longer waits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hemiapp.ui.maintenance import MaintenancePage, MaintenanceWindow


def test_retries_wait_longer_each_time_up_to_a_minute(qtbot: QtBot) -> None:
    page = MaintenancePage()
    qtbot.addWidget(page)
    page.show_problem("locked")
    waits = [page.timer.interval()]
    for _ in range(7):
        page.still_failing("locked")
        waits.append(page.timer.interval())
    assert waits == [2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]
    assert page.status.text() == "It will try again by itself in 60 seconds."
    page.show_problem("locked again")  # a new problem starts from the shortest wait
    assert page.timer.interval() == 2000 and page.timer.isActive()
    page.stop()
    assert not page.timer.isActive()


def test_try_again_tries_at_once(qtbot: QtBot) -> None:
    page = MaintenancePage()
    qtbot.addWidget(page)
    page.show_problem("locked")
    with qtbot.waitSignal(page.retry_requested, timeout=500):
        qtbot.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)
    assert not page.timer.isActive()  # the caller says how it went


def test_start_up_says_it_could_not_start_and_retries(qtbot: QtBot) -> None:
    answers: list[str | None] = ["still locked", None]
    window = MaintenanceWindow("locked", retry=lambda: answers.pop(0))
    qtbot.addWidget(window)
    assert window.page.advice.text() == (
        "HemiGuide cannot start right now. Please ask the front desk for help."
    )
    assert "saved" not in window.page.advice.text()  # there were no answers yet
    window.page.retry_button.click()
    assert window.page.details.text() == "For staff: still locked"
    assert window.page.timer.interval() == 4000
    with qtbot.waitSignal(window.recovered, timeout=500):
        window.page.retry_button.click()
    assert not window.page.timer.isActive()


def test_mid_visit_says_the_answers_so_far_are_saved(qtbot: QtBot) -> None:
    page = MaintenancePage()
    qtbot.addWidget(page)
    page.show_problem("The database is locked.")
    assert page.advice.text() == (
        "Your answers so far are saved, but nothing more can be saved right now. "
        "Please ask the front desk for help."
    )
    assert page.details.text() == "For staff: The database is locked."
