"""`hemiapp validate`: check content files or folders, report findings and reading grades."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import Node

from hemiapp.content import readability, review
from hemiapp.content.errors import ContentError, Finding, display_path
from hemiapp.content.loader import (
    CHECKLISTS_DIR,
    COURSE_PATH,
    Loaded,
    key_node,
    load_content,
    load_file,
)
from hemiapp.content.models import Checklist, Course
from hemiapp.content.picture import read_picture


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)


def is_content_root(path: Path) -> bool:
    return (path / CHECKLISTS_DIR).is_dir() or (path / COURSE_PATH).is_file()


def validate(paths: list[Path], *, strict: bool = False) -> Report:
    """Validate content roots, folders of YAML files, or single files.

    ``strict`` also warns on every file that is not clinically approved yet."""
    report = Report()
    for path in paths:
        if path.is_dir() and is_content_root(path):
            report.files += len(list((path / CHECKLISTS_DIR).glob("*.yaml")))
            report.files += (path / COURSE_PATH).is_file()
            try:
                loaded = load_content(path)
            except ContentError as exc:
                report.findings.extend(exc.findings)
            else:
                report.findings.extend(loaded.warnings)
                for item in loaded.sources:
                    report.findings.extend(_grades(item))
                    if strict:
                        report.findings.extend(review.strict_findings(item.model, item.source))
            continue
        files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
        for file in files:
            report.files += 1
            if file.suffix.lower() == ".svg":  # a picture on its own
                report.findings.extend(read_picture(file, display_path(file), file.name)[1])
                continue
            try:
                item = load_file(file, file.resolve().parent.parent)
            except ContentError as exc:
                report.findings.extend(exc.findings)
            else:
                report.findings.extend(item.source.findings)
                report.findings.extend(_grades(item))
                if strict:
                    report.findings.extend(review.strict_findings(item.model, item.source))
    order = {path: n for n, path in enumerate(dict.fromkeys(f.path for f in report.findings))}
    report.findings.sort(key=lambda f: (order[f.path], f.line, f.column))
    return report


def _grade_finding(item: Loaded, node: Node, what: str, texts: list[str]) -> Finding:
    grade = readability.grade(texts)
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    target = readability.TARGET_GRADE
    if grade > target:
        message = (
            f"reading grade {grade:.1f} of {what} is above the target of {target:.0f}; "
            "use shorter sentences and common words"
        )
        return Finding(item.source.path, line, column, "warning", message)
    message = f"reading grade {grade:.1f} of {what} (target {target:.0f} or below)"
    return Finding(item.source.path, line, column, "note", message)


def _grades(item: Loaded) -> list[Finding]:
    model, ids = item.model, item.source.ids
    out = []
    if isinstance(model, Course):
        for step in model.steps:
            node = ids["step"][step.id]
            out.append(_grade_finding(item, node, f"step '{step.id}'", readability.step_text(step)))
            for q in step.quiz:
                node = ids["question"][q.id]
                texts = readability.question_text(q)
                out.append(_grade_finding(item, node, f"question '{q.id}'", texts))
    elif isinstance(model, Checklist):
        node = key_node(item.source.root, "id")
        texts = readability.checklist_text(model)
        out.append(_grade_finding(item, node, f"checklist '{model.id}'", texts))
    return out


def summary(report: Report) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    return (
        f"checked {plural(report.files, 'file')}: "
        f"{plural(report.errors, 'error')}, {plural(report.warnings, 'warning')}"
    )


__all__ = ["Report", "display_path", "summary", "validate"]
