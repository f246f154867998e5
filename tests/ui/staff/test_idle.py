"""Staff mode ends by itself after idle time, by Sign out, and at Finish; each is audited."""

from __future__ import annotations

import json
import time

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hemiapp.store.db import Database
from hemiapp.store.sessions import SessionStore
from hemiapp.store.staff import StaffStore
from hemiapp.ui.main_window import MainWindow
from hemiapp.ui.staff.controller import StaffController
from hemiapp.wiring import attach_staff
from tests.ui.staff.conftest import audit_actions, click, sign_in


def make(
    window: MainWindow, staff_store: StaffStore, sessions: SessionStore, idle: float
) -> StaffController:
    return attach_staff(window, staff_store, sessions, idle_seconds=idle)


def test_idle_logoff(
    qtbot: QtBot,
    window: MainWindow,
    staff_store: StaffStore,
    sessions: SessionStore,
    db: Database,
    nurse: object,
) -> None:
    controller = make(window, staff_store, sessions, 0.2)
    sign_in(qtbot, controller)
    assert controller.member is not None
    controller.open_panel("find")
    controller.panel.finder.search.setText("Ruiz")
    with qtbot.waitSignal(controller.signed_out, timeout=5000) as signal:
        pass
    assert signal.args == ["idle-logoff"]
    assert controller.member is None
    assert window.session.actor is None
    assert not controller.bar.isVisible() and controller.bar.staff_button.isVisible()
    assert window.stack.currentWidget() is window.screens[0]  # no staff page left open
    assert controller.panel.finder.search.text() == ""  # nor anything typed into one
    assert not any(screen.model.staff_mode for screen in window.checklist_screens)
    row = db.read("SELECT action, actor FROM audit ORDER BY id DESC LIMIT 1")[0]
    assert (row["action"], row["actor"]) == ("idle-logoff", "ana")


def test_input_keeps_staff_signed_in(
    qtbot: QtBot,
    window: MainWindow,
    staff_store: StaffStore,
    sessions: SessionStore,
    nurse: object,
) -> None:
    controller = make(window, staff_store, sessions, 1.0)
    sign_in(qtbot, controller)
    start = time.monotonic()
    qtbot.waitUntil(lambda: time.monotonic() - start > 0.5, timeout=5000)
    assert controller.member is not None
    qtbot.keyClick(window, Qt.Key.Key_Shift)  # input: the idle time starts again
    qtbot.waitUntil(lambda: time.monotonic() - start > 1.25, timeout=5000)
    assert controller.member is not None  # past the first deadline, still signed in
    with qtbot.waitSignal(controller.signed_out, timeout=5000):
        pass
    assert controller.member is None
    assert time.monotonic() - start > 1.4


def test_no_idle_timer_or_filter_while_signed_out(
    qtbot: QtBot, controller: StaffController
) -> None:
    assert not controller.idle_timer.isActive()
    sign_in(qtbot, controller)
    assert controller.idle_timer.isActive()
    assert controller.idle_timer.isSingleShot()
    assert controller.idle_timer.interval() == 300_000  # the default: five minutes
    click(qtbot, controller.bar.sign_out)
    assert not controller.idle_timer.isActive()


def test_sign_out_button(
    qtbot: QtBot, window: MainWindow, controller: StaffController, db: Database
) -> None:
    sign_in(qtbot, controller)
    click(qtbot, controller.bar.sign_out)
    assert controller.member is None
    assert window.session.actor is None
    assert audit_actions(db)[-1] == "logout"


def test_finish_signs_staff_out(
    qtbot: QtBot, window: MainWindow, controller: StaffController, db: Database
) -> None:
    sign_in(qtbot, controller)
    session = window.session
    window.finish()
    assert controller.member is None
    assert session.actor is None and window.session.actor is None
    assert window.session is not session
    assert not controller.bar.isVisible()
    actions = audit_actions(db)
    assert actions[-1] == "logout"
    detail = db.read("SELECT detail FROM audit ORDER BY id DESC LIMIT 1")[0]["detail"]
    assert json.loads(detail) == {}


def test_finish_empties_the_sign_in_page(
    qtbot: QtBot, window: MainWindow, controller: StaffController, db: Database
) -> None:
    click(qtbot, controller.bar.staff_button)
    qtbot.keyClicks(controller.sign_in_panel.staff_id, "someone")
    logged = len(audit_actions(db))
    window.finish()  # e.g. the kiosk's idle wipe
    assert controller.sign_in_panel.staff_id.text() == ""
    assert window.current_screen() is window.welcome
    assert len(audit_actions(db)) == logged  # no logout for nobody
