"""Where the bundled content is: beside the package in a checkout, inside it in a wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
#: The folder name under the platform's settings and data folders.
APP_NAME = "HemiGuide"


def bundled_content_root() -> Path:
    installed = _PACKAGE / "bundled"
    if (installed / "checklists").is_dir():
        return installed
    return _PACKAGE.parent


def schema_dir(root: Path | None = None) -> Path:
    return (root or bundled_content_root()) / "checklists" / "schema"


def translations_dir() -> Path:
    """The Qt translation files (.ts sources, compiled .qm) of the interface and printout."""
    return bundled_content_root() / "resources" / "i18n"
