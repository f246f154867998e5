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
# However often it has to be started again, never give up on it.
StartLimitIntervalSec=0

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


def hemiapp_command() -> list[str]:
    """This Python running HemiGuide (``python -m hemiapp``): right for a virtual
    environment, a user install or a system one alike."""
    return [str(Path(sys.executable).absolute()), "-m", "hemiapp"]


def unit_text(command: list[str], config: Path | None = None) -> str:
    """The unit file's text, starting ``command --kiosk`` (with ``--config``, if given)."""
    words = list(command)
    if config is not None:
        words += ["--config", str(config.expanduser().absolute())]
    words.append("--kiosk")
    # systemd expands %-specifiers in ExecStart: a literal % is written %%.
    line = shlex.join(words).replace("%", "%%")
    return TEMPLATE.format(unit=UNIT_NAME, command=line)
