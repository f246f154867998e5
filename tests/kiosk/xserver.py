"""A real X server for the kiosk tests: Xvfb at kiosk size with Openbox managing it."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable, Iterator
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


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    """A fresh 1280×800 X server with Openbox managing it."""
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
    wm = subprocess.Popen(
        ["openbox", "--sm-disable"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    until(
        lambda: "_NET_SUPPORTING_WM_CHECK(WINDOW)" in x("xprop", "-root", display=name),
        what="the window manager",
    )
    yield name
    wm.terminate()
    server.terminate()
    wm.wait(10)
    server.wait(10)
