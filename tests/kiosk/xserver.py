"""A real X server for the kiosk tests: Xvfb at kiosk size with a window manager managing
it: Openbox (a desktop's kind) or matchbox (a kiosk's kind, ``-use_titlebar no``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

WIDTH, HEIGHT = 1280, 800


def until(check: Callable[[], Any], timeout: float = 10.0, what: str = "") -> Any:
    """Poll ``check`` until it returns something true (the other side is another process)."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or check}")
        time.sleep(0.05)


def x(*command: str, display: str) -> str:
    env = {**os.environ, "DISPLAY": display}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=30)
    return done.stdout


#: The window managers the kiosk is tested under, and how each is started.
WINDOW_MANAGERS = {
    "openbox": ["openbox", "--sm-disable"],
    "matchbox": ["matchbox-window-manager", "-use_titlebar", "no"],
}


@contextmanager
def x_display(wm: str = "openbox") -> Iterator[str]:
    """A fresh 1280×800 X server with the window manager ``wm`` managing it."""
    command = WINDOW_MANAGERS[wm]
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed (bash .ci/setup.sh --test)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten",
         "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    with os.fdopen(read) as fd:
        name = ":" + fd.readline().strip()
    env = {**os.environ, "DISPLAY": name}

    def start() -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    manager = start()
    tries = 1

    def managing() -> bool:
        """The window manager is up (started again if it gave up: now and then its first
        connection to a fresh Xvfb is refused, "can't open display")."""
        nonlocal manager, tries
        if "_NET_SUPPORTING_WM_CHECK(WINDOW)" in x("xprop", "-root", display=name):
            return True
        if manager.poll() is not None and tries < 5:
            tries += 1
            manager = start()
        return False

    try:
        until(managing, timeout=30, what=f"the window manager {wm}")
        yield name
    finally:
        manager.terminate()
        server.terminate()
        manager.wait(10)
        server.wait(10)


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    """A fresh 1280×800 X server with Openbox managing it."""
    with x_display("openbox") as name:
        yield name


@pytest.fixture(scope="module", params=sorted(WINDOW_MANAGERS))
def wm_display(request: pytest.FixtureRequest) -> Iterator[tuple[str, str]]:
    """(display, window manager): a fresh X server under each window manager in turn."""
    with x_display(request.param) as name:
        yield name, request.param
