"""Crash safety: an exception nobody caught is logged, the patient sees a calm message and
a way back to a safe screen, and the database is not touched."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hemiapp.app import build_window, exception_hook
from hemiapp.content.session import ItemStatus, Session
from hemiapp.store.db import StoreError, open_database
from hemiapp.store.sessions import SessionStore
from hemiapp.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


def dump(path: Path) -> list[str]:
    raw = sqlite3.connect(path)
    try:
        return list(raw.iterdump())
    finally:
        raw.close()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    config = tmp_path / "hemiguide.yaml"
    config.write_text(f"logs: {tmp_path / 'logs'}\n", encoding="utf-8")
    args = argparse.Namespace(content=None, config=config, db=tmp_path / "h.db", kiosk=False)
    win = build_window(args)
    assert isinstance(win, MainWindow)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    monkeypatch.setattr(sys, "excepthook", exception_hook(win, sys.__excepthook__))
    return win


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_leaves_a_safe_screen_and_the_database_unchanged(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pre = window.checklist_screens[0]
    window.show_screen(window.screens.index(pre))
    qtbot.mouseClick(pre.cards[0].done, LEFT)  # saved: the visit is in the database
    before = dump(tmp_path / "h.db")
    first, second = pre.model.item(0).id, pre.model.item(1).id

    def bug(self: Session, *args: object) -> None:
        raise RuntimeError("a bug in set_status")

    monkeypatch.setattr(Session, "set_status", bug)
    qtbot.mouseClick(pre.cards[1].done, LEFT)  # the slot raises

    assert window.stack.currentWidget() is window.crash
    assert window.crash.heading.text() == "Something went wrong"
    assert window.crash.advice.text() == "Please ask the front desk for help."
    assert window.crash.back.hasFocus()
    assert dump(tmp_path / "h.db") == before
    log = (tmp_path / "logs" / "hemiguide.log").read_text(encoding="utf-8")
    assert "ERROR hemiapp: unexpected error\nTraceback (most recent call last):" in log
    assert log.rstrip().endswith("RuntimeError: a bug in set_status")

    monkeypatch.undo()  # (the hook too: nothing else should raise now)
    qtbot.mouseClick(window.crash.back, LEFT)
    assert window.current_screen() is window.welcome  # the start of this visit
    assert window.session.status("pre-op", first) is ItemStatus.DONE  # what was saved stays
    assert window.session.status("pre-op", second) is ItemStatus.OPEN
    pre = window.checklist_screens[0]  # reset from the session
    assert pre.cards[0].done.isChecked() and not pre.cards[1].done.isChecked()
    assert dump(tmp_path / "h.db") == before


@pytest.mark.qt_no_exception_capture
def test_the_error_page_speaks_the_patients_language(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.set_language("es")
    monkeypatch.setattr(MainWindow, "set_text_size", lambda self, size: 1 / 0)
    qtbot.mouseClick(window.top_bar.size_buttons[next(iter(window.top_bar.size_buttons))], LEFT)
    assert window.stack.currentWidget() is window.crash
    assert window.crash.heading.text() == "Algo salió mal"
    assert window.crash.back.text() == "Volver al inicio"


def test_a_database_problem_goes_to_the_maintenance_page(window: MainWindow) -> None:
    hook = exception_hook(window, sys.__excepthook__)
    error = StoreError("locked", "The database is busy.")
    hook(StoreError, error, None)
    assert window.stack.currentWidget() is window.maintenance
    assert window.maintenance.details.text() == "For staff: The database is busy."


@pytest.mark.qt_no_exception_capture
def test_a_change_another_station_made_first_is_shown_not_the_maintenance_page(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """The welcome screen's calendar sets the date itself (no screen guards it): the
    hook shows what is saved, and says that it was changed at another station."""
    first, theirs = date.today() + timedelta(days=20), date.today() + timedelta(days=27)
    window.session.set_surgery_date(first)  # saved: the session has its row
    assert window.session.id is not None
    other = open_database(tmp_path / "h.db", station="nurse-station")
    try:
        SessionStore(other).resume(window.session.id, window.content).set_surgery_date(theirs)
    finally:
        other.close()
    before = dump(tmp_path / "h.db")
    window.welcome.picker.date_chosen.emit(first + timedelta(days=1))  # the slot raises
    assert window.stack.currentWidget() is window.welcome
    assert window.notice.isVisible() and not window.maintenance.isVisible()
    assert window.notice.heading.text() == "This was just changed at another station."
    assert window.session.surgery_date == theirs
    assert window.welcome.picker.selected == theirs
    assert dump(tmp_path / "h.db") == before
    log = (tmp_path / "logs" / "hemiguide.log").read_text(encoding="utf-8")
    assert (
        "WARNING hemiapp: a change was refused: This was just changed at another station."
    ) in log


def test_an_error_while_showing_the_error_page_is_only_logged(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = exception_hook(window, sys.__excepthook__)

    def worse() -> None:
        hook(ValueError, ValueError("second"), None)  # raised again from the page itself
        raise OSError("the page failed")

    monkeypatch.setattr(window, "something_went_wrong", worse)
    hook(RuntimeError, RuntimeError("first"), None)
    log = (tmp_path / "logs" / "hemiguide.log").read_text(encoding="utf-8")
    assert "RuntimeError: first" in log and "ValueError: second" in log
    assert "ERROR hemiapp: the error page could not be shown" in log
    assert "OSError: the page failed" in log
