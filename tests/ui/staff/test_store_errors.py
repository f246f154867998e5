"""A database that cannot be used: every staff action says so on the maintenance page,
changes nothing, and signing out still signs out."""

from __future__ import annotations

from typing import NoReturn

import pytest
from pytestqt.qtbot import QtBot

from hemiapp.store.db import StoreError
from hemiapp.store.sessions import SessionStore
from hemiapp.store.staff import StaffStore
from hemiapp.store.station import StationLog
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from tests.ui.staff.conftest import PIN, click, sign_in

MESSAGE = "The database h.db is in use by another program and stayed locked."


def fail(*args: object, **kwargs: object) -> NoReturn:
    raise StoreError("locked", MESSAGE)


def shows_maintenance(window: MainWindow) -> bool:
    return window.stack.currentWidget() is window.maintenance and (
        MESSAGE in window.maintenance.details.text()
    )


def test_sign_in(
    qtbot: QtBot,
    window: MainWindow,
    controller: StaffController,
    staff_store: StaffStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(staff_store, "sign_in", fail)
    sign_in(qtbot, controller)
    assert controller.member is None
    assert shows_maintenance(window)
    assert controller.sign_in_panel.pin.text() == ""


def test_search(
    qtbot: QtBot,
    window: MainWindow,
    controller: StaffController,
    sessions: SessionStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sign_in(qtbot, controller)
    controller.open_panel("find")
    monkeypatch.setattr(sessions, "find", fail)
    controller.panel.finder.search.setText("Ruiz")
    click(qtbot, controller.panel.finder.search_button)
    assert shows_maintenance(window)


def test_note(
    qtbot: QtBot,
    window: MainWindow,
    controller: StaffController,
    sessions: SessionStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen = window.checklist_screens[0]
    window.show_screen(window.screens.index(screen))
    sign_in(qtbot, controller)
    click(qtbot, screen.cards[0].note_button)
    controller.note_editor.editor.setPlainText("Not saved")
    monkeypatch.setattr(sessions, "item_changed", fail)
    click(qtbot, controller.note_editor.save)
    assert shows_maintenance(window)
    assert window.session.item("pre-op", screen.model.item(0).id).note == ""


def test_sign_off(
    qtbot: QtBot,
    window: MainWindow,
    controller: StaffController,
    sessions: SessionStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen = window.checklist_screens[0]
    window.show_screen(window.screens.index(screen))
    sign_in(qtbot, controller)
    click(qtbot, screen.sign_off)
    monkeypatch.setattr(sessions, "signed_off", fail)
    controller.sign_off_panel.pin.setText(PIN)
    click(qtbot, controller.sign_off_panel.sign)
    assert shows_maintenance(window)
    assert window.session.signoffs == {}


def test_sign_out_still_signs_out(
    qtbot: QtBot,
    window: MainWindow,
    controller: StaffController,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sign_in(qtbot, controller)
    monkeypatch.setattr(StationLog, "signed_out", fail)
    click(qtbot, controller.bar.sign_out)
    assert controller.member is None and window.session.actor is None
    assert shows_maintenance(window)
