#!/usr/bin/env bash
# Set up HemiGuide on a Debian/Ubuntu machine: the system libraries Qt needs,
# a virtual environment in .venv, and the package (with --test: the test tools too).
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
# What Qt's xcb and offscreen platforms load on a bare Debian 12.
apt_run=(python3 python3-venv libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0
  libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 fonts-dejavu-core)
# Tests: a real X server for the tests that need one, pdftotext/pdftoppm for printouts,
# CUPS and its PDF printer for the real print path (tests/report/test_cups.py), two window
# managers (Openbox, and matchbox as kiosks use) and X tools for the kiosk lockdown
# (tests/kiosk/test_lockdown_x11.py), and systemd-analyze for the kiosk's unit file, and what the optional on-screen keyboard
# loads (tests/kiosk/test_keyboard.py), and PostgreSQL's server and client (Debian's
# current major) for the PostgreSQL store: tests/pgserver.py runs a private server of its
# own with them, whether or not the machine's cluster runs.
apt_test=(xvfb xauth poppler-utils cups printer-driver-cups-pdf
  openbox matchbox-window-manager xdotool wmctrl x11-utils systemd libpulse0 postgresql)

want=("${apt_run[@]}")
[ "$mode" = "--test" ] && want+=("${apt_test[@]}")

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${want[@]}"; do
    # python3/python3-venv may come from elsewhere (pyenv, a distro build): check what they give.
    case "$pkg" in
      python3) command -v python3 >/dev/null 2>&1 && continue ;;
      python3-venv) python3 -c 'import ensurepip, venv' >/dev/null 2>&1 && continue ;;
    esac
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "These system packages are missing. Install them as root, then run this again:"
    echo "  sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# pip's own chatter goes to a log, shown only when something fails.
log=.venv/pip-install.log
target="."
[ "$mode" = "--test" ] && target=".[test,keyboard]"
echo "Installing HemiGuide into .venv (log: $log)"
if ! { .venv/bin/python -m pip install --disable-pip-version-check --upgrade pip &&
       .venv/bin/python -m pip install --disable-pip-version-check -e "$target"; } >"$log" 2>&1; then
  cat "$log"
  echo "pip install failed; the log above says why."
  exit 1
fi
