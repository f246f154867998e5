"""The optional on-screen keyboard: Qt Virtual Keyboard, from PySide6-Addons.

Patients never need it (dates have a calendar, PINs a keypad); staff at a touch-only
kiosk do, for a staff ID or a patient's name. It is chosen before the QApplication
exists, through ``QT_IM_MODULE``, so this module imports no Qt: it looks for the files.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import MutableMapping
from pathlib import Path

ENV = "QT_IM_MODULE"
MODULE = "qtvirtualkeyboard"
INSTALL_HINT = "pip install 'hemiapp[keyboard]'"
MISSING = "on-screen keyboard: not installed;"  # wanted, but not there: a warning

# PySide6-Essentials ships the input-context plugin but not what it loads: the keyboard's
# libraries and its QML module come with PySide6-Addons.
_NEEDED = (
    "plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "lib/libQt6VirtualKeyboard.so.6",
    "lib/libQt6VirtualKeyboardQml.so.6",
    "qml/QtQuick/VirtualKeyboard/qmldir",
)


def qt_folder() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "Qt"


def available(qt: Path | None = None) -> bool:
    """Whether Qt Virtual Keyboard is installed beside this PySide6 (Linux file names)."""
    qt = qt or qt_folder()
    return qt is not None and all((qt / name).exists() for name in _NEEDED)


def choose(
    wanted: bool | None,
    kiosk: bool,
    environ: MutableMapping[str, str] = os.environ,
    qt: Path | None = None,
) -> str:
    """Turn the keyboard on (in ``environ``) when it is wanted and installed; says what
    was done, for the log. ``wanted`` None: on at a kiosk, if installed. An input method
    the environment already names is left alone."""
    if environ.get(ENV):
        return f"on-screen keyboard: {ENV}={environ[ENV]} from the environment"
    if wanted is False or (wanted is None and not kiosk):
        return "on-screen keyboard: off"
    if not available(qt):
        if wanted:
            return f"{MISSING} to add it: {INSTALL_HINT}"
        return "on-screen keyboard: off (not installed)"
    environ[ENV] = MODULE
    # The keyboard is a Qt Quick window: its basic render loop keeps all drawing on the
    # GUI thread (no render thread to wait for at exit).
    environ.setdefault("QSG_RENDER_LOOP", "basic")
    return "on-screen keyboard: on"
