"""Content stays inside its folder: the one check for every path content is read from
(content files, illustrations, the clinic's logo), with symbolic links followed."""

from __future__ import annotations

from pathlib import Path

#: Said of a content file that is (or is reached through) a link leading out of the folder.
LINK_OUTSIDE = (
    "is a symbolic link to a place outside the content folder; "
    "put the file itself in the content folder"
)


def outside(root: Path, path: Path) -> bool:
    """``path``, with every symbolic link in it followed, is not inside ``root`` (itself
    taken as it really is). A link loop, or a path that cannot be looked at, is outside."""
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return True
