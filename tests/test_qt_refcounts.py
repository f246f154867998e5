"""Guard against a Qt for Python build that loses references to None/True/False.

PySide6 6.12.0 on Python 3.11 drops one reference to None on every call of a method
that returns nothing, and one to True/False on every signal emit; a kiosk running
for hours then aborts ("deallocating None"). Run in a separate process: a broken
build may abort it.
"""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
app = QApplication([])
label, button = QLabel(), QPushButton()
button.setCheckable(True)
before = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(200):
    label.setText("x")
    label.setVisible(False)
    button.toggled.emit(True)
after = sys.getrefcount(None), sys.getrefcount(True)
print(after[0] - before[0], after[1] - before[1])
"""


def test_void_calls_and_emits_keep_none_and_true_alive() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-500:]
    none_drift, true_drift = (int(n) for n in result.stdout.split())
    assert abs(none_drift) <= 2 and abs(true_drift) <= 2, result.stdout
