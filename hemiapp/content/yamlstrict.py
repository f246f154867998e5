"""Strict YAML reading: PyYAML's safe loader, composed to nodes, never constructed.

The file is parsed into a node tree (which keeps every line and column) and the
schema walker turns nodes into values. YAML's own type guessing is never applied,
so ``no``, ``on``, ``0755`` or ``12:30`` stay the text the author wrote wherever
text is expected. Anchors, aliases and tags are refused outright (no billion
laughs, no Python objects), as are files over 1 MiB, non-UTF-8 bytes, several
documents in one file and nesting deeper than any content needs.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode

from hemiapp.content.errors import ContentError, Finding, Severity

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 40


@dataclass
class SourceFile:
    """A content file that parsed as YAML: its root node and where problems go."""

    path: str
    text: str
    root: Node
    digest: str = ""
    resources_dir: Path | None = None
    findings: list[Finding] = field(default_factory=list)
    ids: dict[str, dict[str, Node]] = field(default_factory=dict)
    pictures: dict[str, Any] = field(default_factory=dict)  # checked once per file

    def add(self, node_or_mark: Any, severity: Severity, message: str) -> None:
        mark = getattr(node_or_mark, "start_mark", node_or_mark)
        self.findings.append(Finding(self.path, mark.line + 1, mark.column + 1, severity, message))

    def error(self, node_or_mark: Any, message: str) -> None:
        self.add(node_or_mark, "error", message)

    def warning(self, node_or_mark: Any, message: str) -> None:
        self.add(node_or_mark, "warning", message)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


class _TooDeep(Exception):
    def __init__(self, mark: Any) -> None:
        super().__init__("too deep")
        self.mark = mark


class _StrictComposer(yaml.composer.Composer):
    """Composes nodes; records anchors, aliases and tags instead of honouring them."""

    problems: list[tuple[Any, str]]
    _depth: int
    if TYPE_CHECKING:  # from the parser it is mixed with (Python's or libyaml's)

        def get_event(self) -> Any: ...
        def peek_event(self) -> Any: ...

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        if isinstance(event, ScalarEvent) and event.style == "":
            event.style = None  # libyaml's plain style, as the Python parser says it
        if isinstance(event, AliasEvent):
            self.get_event()
            self.problems.append(
                (
                    event.start_mark,
                    f"aliases (*{event.anchor}) are not allowed; write the value out in full",
                )
            )
            return ScalarNode("tag:yaml.org,2002:str", "", None, None)
        if isinstance(event, ScalarEvent | CollectionStartEvent):
            if event.anchor is not None:
                self.problems.append(
                    (
                        event.start_mark,
                        f"anchors (&{event.anchor}) are not allowed; write each value out in full",
                    )
                )
                event.anchor = None
            if event.tag is not None:
                tag = event.tag.replace("tag:yaml.org,2002:", "!!", 1)
                self.problems.append(
                    (
                        event.start_mark,
                        f"tags ({tag}) are not allowed; remove the tag and write plain text",
                    )
                )
                event.tag = None
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeep(event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _StrictLoader(_StrictComposer, yaml.SafeLoader):
    """PyYAML's own parser, in Python: its error messages are the ones authors see."""

    def __init__(self, stream: str) -> None:
        yaml.SafeLoader.__init__(self, stream)
        self.problems = []
        self._depth = 0


_FAST = getattr(yaml, "__with_libyaml__", False)
if _FAST:
    from yaml.cyaml import CParser  # type: ignore[attr-defined]  # (not in the stubs)

    class _FastLoader(_StrictComposer, CParser, yaml.resolver.Resolver):
        """libyaml's parser (about ten times faster) under the same strict composer; used
        for files it parses without error (any error is reported by _StrictLoader)."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            self.problems = []
            self._depth = 0


def _compose_fast(text: str) -> tuple[Node | None, list[tuple[Any, str]]] | None:
    """The node tree and its problems by libyaml, or None: then the Python parser decides
    (libyaml missing, a character the Python reader refuses, or any YAML error)."""
    if not _FAST or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None
    loader = _FastLoader(text)
    try:
        return loader.get_single_node(), loader.problems
    except (yaml.YAMLError, _TooDeep):
        return None
    finally:
        loader.dispose()


def _yaml_error_message(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or "invalid YAML"
    if "'\\t'" in problem or "\t" in problem:
        return f"invalid YAML: {problem}; indent with spaces, not tabs"
    if exc.context:
        return f"invalid YAML: {exc.context}, {problem}"
    return f"invalid YAML: {problem}"


def _decode(path: str, data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise ContentError(
            [
                Finding(
                    path,
                    line,
                    column,
                    "error",
                    f"file is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8",
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


def read_source(path: Path, display: str | None = None) -> SourceFile:
    """Read and compose one YAML file; raise ContentError for anything not plain YAML."""
    name = display or str(path)

    def fail(message: str, line: int = 1, column: int = 1) -> ContentError:
        return ContentError([Finding(name, line, column, "error", message)])

    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise fail("is a folder, not a file") from None
    except FileNotFoundError:
        raise fail("file not found") from None
    except OSError as exc:
        raise fail(f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise fail("file is larger than 1 MiB; content files are much smaller than that")
    return parse_source(data, name)


def parse_source(data: bytes, name: str) -> SourceFile:
    """Compose YAML bytes to a node tree, or raise ContentError with every problem found."""
    text = _decode(name, data)
    fast = _compose_fast(text)
    if fast is not None:
        root, problems = fast
        return _source(name, data, text, root, problems)
    loader: _StrictLoader | None = None
    try:
        loader = _StrictLoader(text)
        root = loader.get_single_node()
    except _TooDeep as exc:
        raise ContentError(
            [
                Finding(
                    name,
                    exc.mark.line + 1,
                    exc.mark.column + 1,
                    "error",
                    f"nesting is deeper than {MAX_DEPTH} levels",
                )
            ]
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if isinstance(exc, yaml.composer.ComposerError) and "single document" in (
            exc.context or ""
        ):
            message = "only one YAML document per file is allowed (remove the second '---')"
        else:
            message = _yaml_error_message(exc)
        raise ContentError([Finding(name, line, column, "error", message)]) from None
    except yaml.YAMLError as exc:  # ReaderError: control characters and the like
        position = getattr(exc, "position", 0)
        before = text[:position]
        line = before.count("\n") + 1
        column = position - (before.rfind("\n") + 1) + 1
        char = getattr(exc, "character", None)
        if isinstance(char, str) and char:
            char = ord(char)
        code = f"U+{char:04X}" if isinstance(char, int) else "a character"
        message = f"invalid YAML: {code} is not allowed in a YAML file"
        raise ContentError([Finding(name, line, column, "error", message)]) from None
    finally:
        if loader is not None:
            loader.dispose()
    return _source(name, data, text, root, loader.problems)


def _source(
    name: str, data: bytes, text: str, root: Node | None, problems: list[tuple[Any, str]]
) -> SourceFile:
    if problems:
        raise ContentError(
            Finding(name, m.line + 1, m.column + 1, "error", msg) for m, msg in problems
        )
    if root is None:
        raise ContentError([Finding(name, 1, 1, "error", "file is empty; expected a mapping")])
    if not isinstance(root, MappingNode):
        raise ContentError(
            [
                Finding(
                    name,
                    root.start_mark.line + 1,
                    root.start_mark.column + 1,
                    "error",
                    "expected a mapping (key: value lines) at the top of the file",
                )
            ]
        )
    return SourceFile(name, text, root, hashlib.sha256(data).hexdigest())
