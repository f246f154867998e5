"""Loading a content folder: ``resources/education/course.yaml`` and ``checklists/*.yaml``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode

from hemiapp.content import emergency, review, schema
from hemiapp.content.containment import LINK_OUTSIDE, outside
from hemiapp.content.errors import ContentError, Finding, display_path
from hemiapp.content.models import Checklist, ChecklistKind, Content, Course, ReviewStatus
from hemiapp.content.spec import INVALID
from hemiapp.content.yamlstrict import SourceFile, read_source

COURSE_PATH = Path("resources", "education", "course.yaml")
CHECKLISTS_DIR = Path("checklists")


def key_node(root: Node, key: str) -> Node:
    """The value node of ``key`` in a mapping, or the mapping itself (for error positions)."""
    if isinstance(root, MappingNode):
        for k, v in root.value:
            if isinstance(k, ScalarNode) and k.value == key:
                return v  # type: ignore[no-any-return]
    return root


@dataclass(frozen=True)
class Loaded:
    """A file that loaded, with its warnings and parsed source (for positions)."""

    model: Course | Checklist
    source: SourceFile


def load_file(path: Path, resources_dir: Path | None = None) -> Loaded:
    """Load a course or a checklist, told apart by its ``steps`` or ``sections`` key.

    Raises ContentError with every finding (warnings included) when anything is wrong.
    """
    return load_source(read_source(path, display_path(path)), resources_dir)


def load_source(src: SourceFile, resources_dir: Path | None = None) -> Loaded:
    """Check a parsed file against the schema and build its model (see load_file)."""
    src.resources_dir = resources_dir
    keys = {k.value for k, _ in src.root.value if isinstance(k, ScalarNode)}
    if "steps" in keys:
        spec = schema.COURSE
    elif "sections" in keys:
        spec = schema.CHECKLIST
    else:
        src.error(
            src.root,
            "not a HemiGuide content file: expected a course (with 'steps') "
            "or a checklist (with 'sections'); check a settings file with "
            "'hemiapp validate --config FILE'",
        )
        raise ContentError(src.findings)
    raw = spec.walk(src.root, src)
    emergency.check(src, spec)
    review.check_approved(src.root, src)
    src.findings.sort(key=lambda f: (f.line, f.column))
    if raw is INVALID or src.errors:
        raise ContentError(src.findings)
    common = dict(
        id=raw["id"],
        version=raw["version"],
        review_status=ReviewStatus(raw["review_status"]),
        reviewed_by=raw["reviewed_by"],
        reviewed_on=raw["reviewed_on"],
        title=raw["title"],
        source=src.path,
        digest=src.digest,
    )
    model: Course | Checklist
    if spec is schema.COURSE:
        model = Course(steps=raw["steps"], **common)
    else:
        model = Checklist(
            kind=ChecklistKind(raw["kind"]),
            intro=raw["intro"],
            sections=raw["sections"],
            **common,
        )
    return Loaded(model, src)


@dataclass(frozen=True)
class LoadedContent:
    content: Content
    warnings: tuple[Finding, ...]
    sources: tuple[Loaded, ...]


def load_content(root: Path) -> LoadedContent:
    """Load and check a whole content folder; raise ContentError listing every problem."""
    findings: list[Finding] = []
    loaded: list[Loaded] = []
    course_path = root / COURSE_PATH
    checklist_paths = sorted((root / CHECKLISTS_DIR).glob("*.yaml"))
    if not course_path.is_file():
        findings.append(
            Finding(display_path(course_path), 1, 1, "error", "the education course is missing")
        )
    if not checklist_paths:
        where = display_path(root / CHECKLISTS_DIR)
        findings.append(Finding(where, 1, 1, "error", "no checklists found (*.yaml)"))
    for path in ([course_path] if course_path.is_file() else []) + checklist_paths:
        if outside(root, path):  # never read: nothing of the outside file is echoed
            findings.append(Finding(display_path(path), 1, 1, "error", LINK_OUTSIDE))
            continue
        try:
            loaded.append(load_file(path, root / "resources"))
        except ContentError as exc:
            findings.extend(exc.findings)
    course = [item.model for item in loaded if isinstance(item.model, Course)]
    findings.extend(_cross_file_problems(loaded))
    for item in loaded:
        in_checklists = item.source.path != display_path(course_path)
        if isinstance(item.model, Course) == in_checklists:
            expected = "a checklist" if in_checklists else "the course"
            findings.append(
                Finding(item.source.path, 1, 1, "error", f"expected {expected} in this file")
            )
        findings.extend(f for f in item.source.findings if f.severity != "error")
    if any(f.severity == "error" for f in findings):
        raise ContentError(findings)
    checklists = tuple(item.model for item in loaded if isinstance(item.model, Checklist))
    digest = hashlib.sha256()
    for item in loaded:
        digest.update(f"{item.source.path}\0{item.model.digest}\n".encode())
    content = Content(root, course[0], checklists, digest.hexdigest())
    warnings = tuple(f for f in findings if f.severity == "warning")
    return LoadedContent(content, warnings, tuple(loaded))


def _cross_file_problems(loaded: list[Loaded]) -> list[Finding]:
    problems = []
    seen: dict[str, Loaded] = {}
    for item in loaded:
        if not isinstance(item.model, Checklist):
            continue
        other = seen.get(item.model.id)
        if other is not None:
            node = key_node(item.source.root, "id")
            problems.append(
                Finding(
                    item.source.path,
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                    "error",
                    f"duplicate checklist id '{item.model.id}' (also used in {other.source.path})",
                )
            )
        else:
            seen[item.model.id] = item
    return problems
