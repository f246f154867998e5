"""Test configuration: offscreen Qt, and no test may leave a top-level widget behind."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before any QApplication exists; tests that need a real X server start
# their own process with QT_QPA_PLATFORM=xcb under Xvfb.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")


@pytest.fixture(autouse=True)
def no_station_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app's data and logs folders are the test's own; the logs are closed after it."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    yield
    from hemiapp import logs

    logs.shutdown()


@pytest.fixture(autouse=True)
def no_stray_widgets() -> Iterator[None]:
    """Fail a test that leaves a top-level widget open (runs after qtbot's own clean-up)."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    stray = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    if stray:
        names = ", ".join(f"{type(w).__name__}({w.objectName()!r})" for w in stray)
        for widget in stray:
            widget.close()
            widget.deleteLater()
        pytest.fail(f"test left top-level widgets open: {names}")
