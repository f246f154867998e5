"""`hemiapp validate` and friends, run as a user would: a real process, exit codes, output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hemiapp.cli import display_problem
from hemiapp.paths import bundled_content_root
from tests.content.conftest import CHECKLIST, make_content

ROOT = Path(__file__).resolve().parent.parent


def hemiapp(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    return subprocess.run(
        [sys.executable, "-m", "hemiapp", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(ROOT)},
        check=False,
        timeout=120,
    )


def test_validate_bundled_content_is_clean() -> None:
    result = hemiapp("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout.splitlines()
    assert out[-1] == "checked 3 files: 0 errors, 0 warnings"
    grades = [line for line in out if ": note: reading grade " in line]
    # one figure per step, per quiz question and per checklist
    assert len([g for g in grades if "of step '" in g]) >= 9
    assert len([g for g in grades if "of checklist '" in g]) == 2
    assert not [line for line in out if ": warning: " in line or ": error: " in line]


def test_validate_reports_errors_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(CHECKLIST.replace("kind: pre-op", "kind: preop"), encoding="utf-8")
    result = hemiapp("validate", "bad.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "bad.yaml:2:7: error: 'preop' is not a valid checklist kind; did you mean 'pre-op'?"
    )
    assert result.stdout.splitlines()[-1] == "checked 1 file: 1 error, 0 warnings"
    assert result.stderr == ""


def test_validate_hostile_file_never_shows_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "evil.yaml").write_bytes(b"!!python/object/apply:os.system [touch pwned]\n\xff")
    result = hemiapp("validate", "evil.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "pwned").exists()
    assert result.stdout.splitlines()[0] == (
        "evil.yaml:2:1: error: file is not UTF-8 text (byte 0xff); save it as UTF-8"
    )


def test_validate_warnings_pass_unless_strict(tmp_path: Path) -> None:
    root = make_content(
        tmp_path, checklists={"pre-op.yaml": CHECKLIST.replace("  es: Antes de la cirugía\n", "")}
    )
    assert hemiapp("validate", "-q", str(root)).returncode == 0
    strict = hemiapp("validate", "--strict", "-q", ".", cwd=root)
    assert strict.returncode == 1
    assert strict.stdout.splitlines() == [  # and --strict says what is not approved yet
        "checklists/pre-op.yaml:4:16: warning: review_status is draft: not clinically approved yet",
        "checklists/pre-op.yaml:6:3: warning: missing Spanish ('es') translation; "
        "English will be shown",
        "resources/education/course.yaml:3:16: warning: review_status is draft: "
        "not clinically approved yet",
        "checked 2 files: 0 errors, 3 warnings",
    ]


def test_validate_folder_of_files_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(CHECKLIST, encoding="utf-8")
    assert hemiapp("validate", "-q", ".", cwd=tmp_path).stdout.splitlines() == [
        "checked 1 file: 0 errors, 0 warnings"
    ]
    missing = hemiapp("validate", "nope.yaml", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr == "hemiapp validate: no such file or folder: nope.yaml\n"


def test_bad_usage_exits_2() -> None:
    result = hemiapp("validate", "--frobnicate")
    assert result.returncode == 2
    assert "unrecognized arguments: --frobnicate" in result.stderr


def test_schema_command_writes_what_the_repository_holds(tmp_path: Path) -> None:
    result = hemiapp("schema", "--out", str(tmp_path))
    assert result.returncode == 0
    for kind in ("course", "checklist"):
        written = (tmp_path / f"{kind}.schema.json").read_text(encoding="utf-8")
        shipped = bundled_content_root() / "checklists" / "schema" / f"{kind}.schema.json"
        assert written == shipped.read_text(encoding="utf-8")


def test_no_display_is_one_clear_line() -> None:
    assert display_problem({}) == (
        "hemiapp: no display found (DISPLAY is not set), so the window cannot open. "
        "Start it from a desktop session, or on a virtual screen: xvfb-run -a .venv/bin/hemiapp"
    )
    assert display_problem({"DISPLAY": ":0"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is an X11 notion")
def test_app_without_display_says_so_instead_of_aborting() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-m", "hemiapp"], cwd=ROOT, capture_output=True, text=True, env=env
    )
    assert result.returncode == 2
    assert result.stderr.startswith("hemiapp: no display found")
    assert len(result.stderr.splitlines()) == 1


EVIL_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'viewBox="0 0 10 10">\n'
    '<image xlink:href="/etc/hostname" width="10" height="10"/>\n'
    '<text x="1" y="9">Nerve</text>\n'
    "</svg>\n"
)


@pytest.mark.parametrize(
    ("target", "files"), [(".", 2), ("resources/illustrations/spine.svg", 1)], ids=["folder", "svg"]
)
def test_validate_reports_picture_problems_inside_the_svg(
    tmp_path: Path, target: str, files: int
) -> None:
    root = make_content(tmp_path)
    svg = root / "resources" / "illustrations" / "spine.svg"
    svg.write_text(EVIL_SVG, encoding="utf-8")
    result = hemiapp("validate", "-q", target, cwd=root)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "resources/illustrations/spine.svg:2:1: error: <image> is not allowed in a picture: "
        "it would load a file; draw with shapes",
        "resources/illustrations/spine.svg:3:1: warning: picture label 'Nerve' has no Spanish "
        "('es') translation; English will be shown",
        f"checked {files} file{'s' if files > 1 else ''}: 1 error, 1 warning",
    ]
    assert svg.read_text(encoding="utf-8") == EVIL_SVG  # the author's file is left as it is


def test_validate_warns_about_an_untranslated_picture_label(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    svg = root / "resources" / "illustrations" / "spine.svg"
    svg.write_text(EVIL_SVG.replace(EVIL_SVG.splitlines()[1] + "\n", ""), encoding="utf-8")
    result = hemiapp("validate", "-q", str(root / "resources" / "education" / "course.yaml"))
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f"{svg}:2:1: warning: picture label 'Nerve' has no Spanish ('es') translation; "
        "English will be shown",
        "checked 1 file: 0 errors, 1 warning",
    ]
