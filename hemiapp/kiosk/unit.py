"""The systemd user unit that keeps a kiosk running: ``hemiapp kiosk-unit`` prints it.

No Qt here: it is written on the command line, often over SSH.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

UNIT_NAME = "hemiguide-kiosk.service"

TEMPLATE = """\
# HemiGuide walk-up kiosk: {unit} (a systemd *user* unit).
# Install (as the kiosk's auto-login user):
#   hemiapp kiosk-unit > ~/.config/systemd/user/{unit}
#   systemctl --user daemon-reload && systemctl --user enable --now {unit}
# The desktop session must give the user manager its display, e.g. in its autostart:
#   systemctl --user import-environment DISPLAY XAUTHORITY
[Unit]
Description=HemiGuide patient kiosk
PartOf=graphical-session.target
After=graphical-session.target

[Service]
Type=simple
ExecStart={command}
# A crash or a kill brings it straight back (a staff member's Quit does too).
Restart=always
RestartSec=2
Environment=QT_QPA_PLATFORM=xcb

[Install]
WantedBy=graphical-session.target
"""


def hemiapp_command() -> Path:
    """The ``hemiapp`` next to this Python (the one in the virtual environment)."""
    return Path(sys.executable).with_name("hemiapp")


def unit_text(command: Path, config: Path | None = None) -> str:
    """The unit file's text, starting ``command --kiosk`` (with ``--config``, if given)."""
    words = [str(command.absolute())]
    if config is not None:
        words += ["--config", str(config.expanduser().absolute())]
    words.append("--kiosk")
    return TEMPLATE.format(unit=UNIT_NAME, command=shlex.join(words))
