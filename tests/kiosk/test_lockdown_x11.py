"""Kiosk lockdown on a real X server with a real window manager: Xvfb with Openbox (a
desktop's) and with matchbox (a kiosk's); every test runs under both.

The app runs as a child process (tests/kiosk/x11_child.py); keys, clicks and the window
manager's requests are sent as a user's would be, through the X server (xdotool, wmctrl).
After each escape attempt the window must still be full-screen, on top and alone (no menu),
seen both from outside (the window manager's properties) and from inside (the child's
report).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.kiosk.xserver import HEIGHT, WIDTH, until, wm_display, x

ROOT = Path(__file__).resolve().parents[2]
__all__ = ["wm_display"]  # the fixture


def filled(display: str, window: str, wm: str) -> bool:
    """The window fills the screen and is shown, as the window manager sees it. Openbox
    keeps _NET_WM_STATE (full-screen, above); matchbox, which gives every window the
    whole screen, keeps neither: there the geometry and WM_STATE tell."""
    state = x("xprop", "-id", window, "_NET_WM_STATE", "WM_STATE", display=display)
    if "Iconic" in state or "_NET_WM_STATE_HIDDEN" in state:
        return False
    info = x("xwininfo", "-id", window, display=display)
    shown = "Map State: IsViewable" in info and "window state: Normal" in state
    geometry = f"-geometry {WIDTH}x{HEIGHT}+0+0" in info
    if wm == "openbox":
        return shown and geometry and "_NET_WM_STATE_FULLSCREEN" in state
    return shown and geometry


class Kiosk:
    def __init__(self, display: str, tmp: Path, wm: str = "openbox") -> None:
        self.display = display
        self.wm = wm
        config = tmp / "hemiguide.yaml"
        config.write_text(f"logs: {tmp / 'logs'}\n", encoding="utf-8")
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "XDG_CONFIG_HOME": str(tmp / "config"),
            "XDG_DATA_HOME": str(tmp / "data"),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.kiosk.x11_child", str(tmp / "h.db"), str(config)],
            cwd=ROOT, env=env, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        assert self.ask("") == {"ready": True}
        self.window = until(self._window_id, what="the kiosk window")

    def ask(self, command: str) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        if command:
            self.process.stdin.write(command + "\n")
            self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, f"the app has gone (exit {self.process.poll()})"
        reply: dict[str, Any] = json.loads(line)
        return reply

    def _window_id(self) -> str | None:
        for line in x("wmctrl", "-l", "-p", display=self.display).splitlines():
            fields = line.split()
            if fields[2] == str(self.process.pid):
                return fields[0]
        return None

    def x(self, *command: str) -> str:
        return x(*command, display=self.display)

    def wm_state(self) -> str:
        return self.x("xprop", "-id", self.window, "_NET_WM_STATE", "WM_STATE")

    def assert_locked(self) -> dict[str, Any]:
        """Full-screen, on top, alone: from the window manager and from the app itself."""
        assert self.process.poll() is None, "the app quit"
        until(lambda: filled(self.display, self.window, self.wm), what="full-screen")
        if self.wm == "openbox":  # matchbox has no "above" (it shows one window at a time)
            assert "_NET_WM_STATE_ABOVE" in self.wm_state()
        visible = self.x("xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid))
        assert len(visible.split()) == 1, "another window (a menu?) is showing"
        report = self.ask("state")
        assert report["fullscreen"] is True
        assert report["popup"] is False
        assert report["toplevels"] == ["MainWindow"]
        return report

    def click(self, spot: dict[str, int], button: str = "1") -> None:
        self.x("xdotool", "mousemove", str(spot["x"]), str(spot["y"]), "click", button)

    def seen(self, event: str) -> bool:
        return event in self.ask("state")["seen"]

    def close(self) -> str:
        """End the app (it quits when its stdin closes); what it wrote on stderr."""
        try:
            _, errors = self.process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, errors = self.process.communicate()
        return errors


@pytest.fixture
def kiosk(wm_display: tuple[str, str], tmp_path: Path) -> Iterator[Kiosk]:
    app = Kiosk(*wm_display[:1], tmp_path, wm_display[1])
    yield app
    errors = app.close()
    assert "Traceback" not in errors, errors


@pytest.mark.slow
@pytest.mark.parametrize(
    ("keys", "recorded"),
    [
        ("Escape", {"openbox": "key:Esc", "matchbox": "key:Esc"}),
        # Openbox makes Alt+F4 a close request; matchbox keeps F4 and F11 for itself
        ("alt+F4", {"openbox": "close", "matchbox": None}),
        ("ctrl+q", {"openbox": "key:Ctrl+Q", "matchbox": "key:Ctrl+Q"}),
        ("ctrl+w", {"openbox": "key:Ctrl+W", "matchbox": "key:Ctrl+W"}),
        ("F11", {"openbox": "key:F11", "matchbox": None}),
    ],
)
def test_escape_keys_do_nothing(kiosk: Kiosk, keys: str, recorded: dict[str, str | None]) -> None:
    kiosk.assert_locked()
    kiosk.x("xdotool", "windowactivate", "--sync", kiosk.window)
    kiosk.x("xdotool", "key", "--clearmodifiers", keys)
    expected = recorded[kiosk.wm]
    if expected is None:  # the window manager kept it: once a later key arrives, it is done
        kiosk.x("xdotool", "key", "--clearmodifiers", "ctrl+q")
        expected = "key:Ctrl+Q"
    until(lambda: kiosk.seen(expected), what=f"the app to get {keys}")
    report = kiosk.assert_locked()
    assert report["page"] == "WelcomeScreen"


@pytest.mark.slow
def test_window_manager_cannot_close_shrink_or_minimise_it(kiosk: Kiosk) -> None:
    kiosk.assert_locked()
    kiosk.x("wmctrl", "-i", "-c", kiosk.window)  # the title bar's close, as the WM sends it
    until(lambda: kiosk.seen("close"), what="the close request")
    kiosk.assert_locked()
    kiosk.x("wmctrl", "-i", "-r", kiosk.window, "-b", "remove,fullscreen")
    kiosk.assert_locked()
    kiosk.x("xdotool", "windowminimize", kiosk.window)
    until(lambda: "Iconic" not in kiosk.wm_state(), what="shown again")
    kiosk.assert_locked()


@pytest.mark.slow
def test_minimised_it_fills_the_screen_again_by_itself(kiosk: Kiosk) -> None:
    """Issue 11.17: under matchbox, a minimised kiosk stayed iconic, the screen black."""
    kiosk.assert_locked()
    for _ in range(3):  # and again: nothing wears out
        kiosk.x("xdotool", "windowminimize", "--sync", kiosk.window)
        until(lambda: filled(kiosk.display, kiosk.window, kiosk.wm), what="the screen filled")
        kiosk.assert_locked()


@pytest.mark.slow
def test_right_click_opens_no_menu(kiosk: Kiosk) -> None:
    kiosk.assert_locked()
    # A scroll bar has a menu of its own (Scroll here, Top, Bottom, …): the largest text
    # on the first education step gives one.
    for name in ("size-extra_large", "start"):
        kiosk.click(kiosk.ask(f"where {name}"))
    until(lambda: kiosk.ask("state")["page"] == "EducationScreen", what="the first step")
    kiosk.click(kiosk.ask("scrollbar"), button="3")
    until(lambda: kiosk.seen("context"), what="the context-menu request")
    kiosk.assert_locked()


@pytest.mark.slow
def test_long_press_in_the_corner_opens_the_staff_keypad(kiosk: Kiosk) -> None:
    assert kiosk.assert_locked()["page"] == "WelcomeScreen"
    kiosk.x("xdotool", "mousemove", "20", "20", "mousedown", "1")
    until(lambda: kiosk.ask("state")["page"] == "staff-sign-in", what="the sign-in page")
    kiosk.x("xdotool", "mouseup", "1")
    kiosk.assert_locked()


@pytest.mark.slow
def test_a_kiosk_whose_content_is_broken_stays_locked(
    wm_display: tuple[str, str], tmp_path: Path
) -> None:
    """The problem screen (for IT) is locked like the journey: no desktop for a patient."""
    display, wm = wm_display
    content = tmp_path / "content"
    shutil.copytree(ROOT / "resources", content / "resources")
    (content / "checklists").mkdir()
    (content / "checklists" / "pre-op.yaml").write_text("id: [pre-op\n", encoding="utf-8")
    config = tmp_path / "hemiguide.yaml"
    config.write_text(f"logs: {tmp_path / 'logs'}\n", encoding="utf-8")
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    command = [sys.executable, "-m", "hemiapp", "--kiosk", "--content", str(content),
               "--db", str(tmp_path / "h.db"), "--config", str(config)]  # fmt: skip
    app = subprocess.Popen(command, cwd=ROOT, env=env, text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    try:

        def window() -> str | None:
            for line in x("wmctrl", "-l", "-p", display=display).splitlines():
                if line.split()[2] == str(app.pid):
                    return line.split()[0]
            return None

        shown = until(window, what="the problem screen")
        until(lambda: filled(display, shown, wm), what="full-screen")
        x("wmctrl", "-i", "-c", shown, display=display)
        x("wmctrl", "-i", "-r", shown, "-b", "remove,fullscreen", display=display)
        until(lambda: filled(display, shown, wm), what="full-screen again")
        x("xdotool", "windowminimize", "--sync", shown, display=display)
        until(lambda: filled(display, shown, wm), what="shown again")
        assert app.poll() is None, "the problem screen was closed"
        if wm == "openbox":
            state = x("xprop", "-id", shown, "_NET_WM_STATE", display=display)
            assert "_NET_WM_STATE_ABOVE" in state
    finally:
        app.kill()
        _, errors = app.communicate(timeout=30)
    assert f"{content}/checklists/pre-op.yaml:2:1: error: invalid YAML: while parsing" in errors
