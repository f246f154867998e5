"""Clinical review of a content file: who approved it and when, and the rules around that.

A course or checklist says its ``review_status`` (draft, in-review, approved). An approved
file names its reviewer (``reviewed_by``: a name and role) and the day of the review
(``reviewed_on``: ``YYYY-MM-DD``, a real date, not in the future). A file not approved yet
carries a 0.x version (``0.3.0``): 1.0.0 on a draft reads as a released version.
``hemiapp validate --strict`` also warns on every file not approved (``strict_findings``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode

from hemiapp.content import spec as s
from hemiapp.content.errors import Finding
from hemiapp.content.models import Checklist, Content, Course, ReviewStatus
from hemiapp.content.yamlstrict import SourceFile

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_RELEASED = re.compile(r"0*[1-9][0-9]*(?:\.|$)")  # 1.0.0, 2.1, 3 (not 0.3.0, not 2026-11)
DATE_HINT = "write it as YYYY-MM-DD, like 2026-11-30"


@dataclass
class IsoDate(s.Spec):
    """A calendar date written ``YYYY-MM-DD`` that exists and is not after ``today()``."""

    expected: str = "date"
    today: Callable[[], date] = field(default=date.today)

    def walk(self, node: Node, src: SourceFile) -> Any:
        value = s.Text(self.expected).walk(node, src)
        if value is s.INVALID:
            return s.INVALID
        if not _ISO_DATE.fullmatch(value):
            src.error(node, f"'{value}' is not a {self.expected}; {DATE_HINT}")
            return s.INVALID
        try:
            day = date.fromisoformat(value)
        except ValueError:
            src.error(node, f"'{value}' is not a real date; {DATE_HINT}")
            return s.INVALID
        if day > self.today():
            src.error(node, f"'{value}' is in the future; give the day the review was done")
            return s.INVALID
        return day

    def json(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}


REVIEWED_ON = IsoDate("review date")


def reviewed_by() -> s.Field:
    return s.Field(
        s.Pattern(
            r"[^\n]{1,120}",
            "reviewer",
            "write a name and role on one line, like 'Dr. Ana Ruiz, spine surgeon'",
        ),
        "Who clinically approved this file: a name and role, like 'Dr. Ana Ruiz, spine "
        "surgeon'. Required when review_status is approved.",
        False,
    )


def reviewed_on() -> s.Field:
    return s.Field(
        REVIEWED_ON,
        "The day it was approved, as YYYY-MM-DD (not in the future). "
        "Required when review_status is approved.",
        False,
    )


#: For editors (JSON Schema): an approved file needs its reviewer and the day.
JSON_RULE: dict[str, Any] = {
    "if": {"properties": {"review_status": {"const": "approved"}}, "required": ["review_status"]},
    "then": {"required": ["reviewed_by", "reviewed_on"]},
}


def check_approved(root: Node, src: SourceFile) -> None:
    """An approved file names its reviewer and the day: checked on the file's keys, so
    that it is reported with every other problem of the file in one run."""
    if not isinstance(root, MappingNode):
        return
    keys = {k.value: v for k, v in root.value if isinstance(k, ScalarNode)}
    status = keys.get("review_status")
    if not isinstance(status, ScalarNode) or status.value != ReviewStatus.APPROVED.value:
        return
    for key, what in (
        ("reviewed_by", "who approved it, a name and role"),
        ("reviewed_on", "the day it was approved, as YYYY-MM-DD"),
    ):
        if key not in keys:
            src.error(status, f"review_status is approved, so {key} is needed: {what}")


def check(raw: s.Raw, src: SourceFile) -> s.Raw:
    """A file not approved yet keeps a 0.x version (its fields already checked)."""
    status = ReviewStatus(raw["review_status"])
    if status is not ReviewStatus.APPROVED and _RELEASED.match(raw["version"]):
        version = raw["version"]
        src.warning(
            raw.nodes["version"],
            f"review_status is {status.value} but the version is {version}: a draft's "
            f'version starts with 0., like "0.3.0"; {version} suggests a released version',
        )
    return raw


def strict_findings(model: Course | Checklist, src: SourceFile) -> list[Finding]:
    """``--strict``: a warning on a file that is not clinically approved yet."""
    if model.review_status is ReviewStatus.APPROVED:
        return []
    node = _value_node(src.root, "review_status")
    return [
        Finding(
            src.path,
            node.start_mark.line + 1,
            node.start_mark.column + 1,
            "warning",
            f"review_status is {model.review_status.value}: not clinically approved yet",
        )
    ]


def _value_node(root: Node, key: str) -> Node:
    for k, v in getattr(root, "value", ()):
        if isinstance(k, ScalarNode) and k.value == key:
            return v  # type: ignore[no-any-return]
    return root


@dataclass(frozen=True)
class Unapproved:
    """A file of the content that is not clinically approved: for staff to see."""

    id: str  # the course's or the checklist's id ("pre-op")
    version: str
    status: ReviewStatus
    course: bool  # the course (staff read "course"), or a checklist (staff read its id)


def unapproved(content: Content) -> list[Unapproved]:
    """The course and checklists not approved yet, in order (empty when all are)."""
    files: list[Course | Checklist] = [content.course, *content.checklists]
    return [
        Unapproved(model.id, model.version, model.review_status, isinstance(model, Course))
        for model in files
        if model.review_status is not ReviewStatus.APPROVED
    ]
