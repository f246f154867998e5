"""Command line: ``hemiapp`` starts the app; ``hemiapp validate|schema …`` are tools.

Nothing here imports Qt until the app itself is started, so the tools work (and
start fast) on a machine without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2

QT_APT_PACKAGES = (
    "libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libglib2.0-0 "
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 "
    "libxcb-shape0 libxcb-xinerama0 libxcb-randr0 fonts-dejavu-core"
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hemiapp",
        description="HemiGuide: hemilaminotomy education and checklists. "
        "With no command, starts the app.",
    )
    parser.add_argument("--content", type=Path, metavar="DIR", help="a clinic's own content folder")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    validate = commands.add_parser(
        "validate",
        help="check content files and report problems as file:line:column",
        description="Check content (the bundled content, or the given files and folders). "
        "Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 bad usage.",
    )
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.add_argument("-q", "--quiet", action="store_true", help="hide reading-grade notes")
    schema = commands.add_parser(
        "schema", help="write the JSON Schema files editors use for completion"
    )
    schema.add_argument("--out", type=Path, metavar="DIR", help="default: checklists/schema")
    return parser


def _validate(args: argparse.Namespace) -> int:
    from hemiapp.content.validate import summary, validate
    from hemiapp.paths import bundled_content_root

    paths: list[Path] = args.paths or [args.content or bundled_content_root()]
    missing = [p for p in paths if not p.exists()]
    if missing:
        for path in missing:
            print(f"hemiapp validate: no such file or folder: {path}", file=sys.stderr)
        return EXIT_USAGE
    report = validate(paths)
    for finding in report.findings:
        if finding.severity != "note" or not args.quiet:
            print(finding)
    print(summary(report))
    if report.errors or (args.strict and report.warnings):
        return EXIT_ERRORS
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from hemiapp.content.schema import json_schema_text
    from hemiapp.paths import schema_dir

    out: Path = args.out or schema_dir()
    out.mkdir(parents=True, exist_ok=True)
    for kind in ("course", "checklist"):
        target = out / f"{kind}.schema.json"
        target.write_text(json_schema_text(kind), encoding="utf-8")
        print(f"wrote {target}")
    return EXIT_OK


def display_problem(environ: dict[str, str] | os._Environ[str] = os.environ) -> str | None:
    """Why Qt could not open a window here, in one line (Qt itself would abort)."""
    if not sys.platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "hemiapp: no display found (DISPLAY is not set), so the window cannot open. "
        "Start it from a desktop session, or on a virtual screen: xvfb-run -a .venv/bin/hemiapp"
    )


def _run_app(args: argparse.Namespace) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    try:
        from hemiapp.app import run
    except ImportError as exc:
        print(
            f"hemiapp: Qt could not load a system library ({exc}). "
            f"Install them with: apt-get install -y {QT_APT_PACKAGES}",
            file=sys.stderr,
        )
        return EXIT_ERRORS
    return run(args)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.content is not None and not args.content.is_dir():
        print(f"hemiapp: content folder not found: {args.content}", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "validate":
        return _validate(args)
    if args.command == "schema":
        return _schema(args)
    return _run_app(args)
