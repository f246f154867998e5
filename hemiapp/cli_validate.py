"""``hemiapp validate``: check content, or a station's settings file (``--config FILE``).

Findings are printed as ``file:line:column: severity: message``, then a summary line.
Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 bad usage. ``--strict``
also warns on every file whose review_status is not approved.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hemiapp.content.errors import Finding

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    validate = commands.add_parser(
        "validate",
        help="check content files (or a settings file) and report problems as file:line:column",
        description="Check content (the bundled content, or the given files and folders), "
        "or with --config a station's settings file. "
        "Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 bad usage.",
    )
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    validate.add_argument(
        "--config",
        dest="settings_file",
        type=Path,
        metavar="FILE",
        help="check this settings file (hemiguide.yaml) instead of content",
    )
    validate.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings as errors, and warn on content not clinically approved yet",
    )
    validate.add_argument("-q", "--quiet", action="store_true", help="hide reading-grade notes")


def run(args: argparse.Namespace) -> int:
    from hemiapp.content.validate import Report, summary, validate
    from hemiapp.paths import bundled_content_root

    settings: Path | None = args.settings_file
    paths: list[Path] = args.paths
    if not paths and settings is None:
        paths = [args.content or bundled_content_root()]
    missing = [p for p in [*([settings] if settings else []), *paths] if not p.exists()]
    if missing:
        for path in missing:
            print(f"hemiapp validate: no such file or folder: {path}", file=sys.stderr)
        return EXIT_USAGE
    report = validate(paths, strict=args.strict) if paths else Report()
    if settings is not None:
        report.findings[:0] = _settings_findings(settings, args.content)
        report.files += 1
    for finding in report.findings:
        if finding.severity != "note" or not args.quiet:
            print(finding)
    print(summary(report))
    if report.errors or (args.strict and report.warnings):
        return EXIT_ERRORS
    return EXIT_OK


def _settings_findings(path: Path, content: Path | None) -> list[Finding]:
    from hemiapp.config import ConfigError, load_config

    try:
        load_config(path, content)
    except ConfigError as exc:
        return list(exc.findings)
    return []
