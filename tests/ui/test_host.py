"""The page host: what controllers get instead of the main window (hemiapp.ui.host)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hemiapp.content.models import Content
from hemiapp.content.session import Session
from hemiapp.ui.main_window import MainWindow
from tests.ui.conftest import content, no_leftover_translators

__all__ = ["content", "no_leftover_translators"]


def window(qtbot: QtBot, content: Content) -> MainWindow:
    win = MainWindow(content)
    qtbot.addWidget(win)
    return win


def test_a_page_goes_back_to_the_screen_it_covered(qtbot: QtBot, content: Content) -> None:
    win = window(qtbot, content)
    host = win.pages
    mine = QLabel("a staff page")
    host.add(mine)
    win.show_screen(2)
    covered = host.current()
    host.show(mine)
    assert host.current() is mine and win.stack.currentWidget() is mine
    host.back_to(covered)
    assert host.current() is covered is win.screens[2]


def test_back_to_the_maintenance_page_or_else_the_start(qtbot: QtBot, content: Content) -> None:
    win = window(qtbot, content)
    host = win.pages
    win.show_screen(3)
    host.back_to(win.maintenance)
    assert host.current() is win.maintenance
    host.back_to(None)  # what it covered is not known (or not there any more)
    assert host.current() is win.screens[0]


def test_the_host_reads_the_session_on_screen_when_asked(qtbot: QtBot, content: Content) -> None:
    win = window(qtbot, content)
    host = win.pages
    assert host.session is win.session
    other = Session(content)
    host.show_session(other)
    assert host.session is other is win.session
    host.store_failed("The disk is full.")
    assert host.current() is win.maintenance
