"""Before a sign-off: how many items are not done yet, and the sign-off it replaces."""

from __future__ import annotations

from datetime import datetime

from pytestqt.qtbot import QtBot

from hemiapp.content.session import ItemStatus
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from tests.ui.staff.conftest import PIN, click, sign_in
from tests.ui.staff.test_notes_signoff import pre_op

NOT_DONE = (
    "{} items on this checklist are not done yet. Sign off only if you have gone through "
    "them with the patient."
)


def long_time(moment: datetime) -> str:
    """'Tuesday, 8 December 2026, 14:05' in this machine's time zone."""
    local = moment.astimezone()
    return f"{local:%A}, {local.day} {local:%B} {local.year}, {local:%H:%M}"


def sign(qtbot: QtBot, controller: StaffController) -> None:
    for digit in PIN:
        click(qtbot, controller.sign_off_panel.keypad.keys[digit])
    click(qtbot, controller.sign_off_panel.sign)


def test_items_not_done_are_counted_before_signing(
    qtbot: QtBot, window: MainWindow, controller: StaffController
) -> None:
    screen = pre_op(window)
    sign_in(qtbot, controller)
    total = screen.model.rowCount()
    click(qtbot, screen.cards[0].done)
    click(qtbot, screen.cards[1].done)
    click(qtbot, screen.sign_off)
    panel = controller.sign_off_panel
    assert panel.not_done_text.isVisible() and not panel.earlier_text.isVisible()
    assert panel.not_done_text.text() == NOT_DONE.format(total - 2)
    assert panel.sign.text() == "Sign off anyway"
    sign(qtbot, controller)  # a warning, not a refusal
    assert "pre-op" in window.session.signoffs


def test_in_spanish_with_its_plural_forms(
    qtbot: QtBot, window: MainWindow, controller: StaffController
) -> None:
    screen = pre_op(window)
    sign_in(qtbot, controller)
    window.set_language("es")
    session = window.session
    rows = screen.model.rowCount()
    for row in range(rows - 1):  # all but one
        session.set_status("pre-op", screen.model.item(row).id, ItemStatus.DONE)
    click(qtbot, screen.sign_off)
    panel = controller.sign_off_panel
    assert panel.not_done_text.text() == (
        "1 punto de esta lista aún no está hecho. Firme solo si lo ha repasado con el paciente."
    )
    assert panel.sign.text() == "Firmar de todos modos"
    click(qtbot, panel.cancel)
    session.set_status("pre-op", screen.model.item(0).id, ItemStatus.OPEN)
    click(qtbot, screen.sign_off)
    assert panel.not_done_text.text() == (
        "2 puntos de esta lista aún no están hechos. Firme solo si los ha repasado con el paciente."
    )
    session.set_status("pre-op", screen.model.item(0).id, ItemStatus.DONE)
    session.set_status("pre-op", screen.model.item(rows - 1).id, ItemStatus.DONE)
    click(qtbot, panel.cancel)
    click(qtbot, screen.sign_off)
    assert not panel.before.isVisible() and panel.sign.text() == "Firmar"


def test_the_earlier_sign_off_is_shown(
    qtbot: QtBot, window: MainWindow, controller: StaffController
) -> None:
    screen = pre_op(window)
    sign_in(qtbot, controller)
    for row in range(screen.model.rowCount()):
        window.session.set_status("pre-op", screen.model.item(row).id, ItemStatus.DONE)
    click(qtbot, screen.sign_off)
    panel = controller.sign_off_panel
    assert not panel.before.isVisible() and panel.sign.text() == "Sign off"
    sign(qtbot, controller)
    first = window.session.signoffs["pre-op"]

    click(qtbot, screen.sign_off)  # again
    assert panel.earlier_text.isVisible() and not panel.not_done_text.isVisible()
    assert panel.earlier_text.text() == (
        f"Already signed off by Ana Ruiz (Nurse) on {long_time(first.signed_at)}. "
        "Signing again replaces that sign-off (both stay in the record)."
    )
    click(qtbot, panel.cancel)
    window.session.set_status("pre-op", screen.model.item(0).id, ItemStatus.OPEN)  # taken back
    click(qtbot, screen.sign_off)
    assert panel.earlier_text.text() == (
        f"Signed off before by Ana Ruiz (Nurse) on {long_time(first.signed_at)}, then "
        "changed. This sign-off replaces it."
    )
    assert panel.not_done_text.isVisible()  # (the one item taken back)
