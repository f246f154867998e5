"""A small schema language: one definition both checks YAML nodes and exports JSON Schema.

Each spec walks a composed YAML node, reports problems at the node's line and
column on the SourceFile, and returns a value or ``INVALID``. The same spec
emits the JSON Schema fragment that editors use for completion.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from hemiapp.content import markup, picture
from hemiapp.content.containment import outside
from hemiapp.content.errors import did_you_mean, display_path
from hemiapp.content.models import LANGUAGES, LocalizedText
from hemiapp.content.yamlstrict import SourceFile


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()
_NULLS = {"", "~", "null", "Null", "NULL"}
_LANGUAGE_NAMES_EN = {"en": "English", "es": "Spanish"}


def _kind_of(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return f"'{node.value}'"


class Spec:
    """What a value must look like."""

    expected = "a value"

    def walk(self, node: Node, src: SourceFile) -> Any:
        raise NotImplementedError

    def json(self) -> dict[str, Any]:
        raise NotImplementedError


@dataclass
class Text(Spec):
    expected: str = "text"
    markdown: bool = False
    max_length: int = 4000

    def walk(self, node: Node, src: SourceFile) -> Any:
        if not isinstance(node, ScalarNode):
            src.error(node, f"expected {self.expected}, found {_kind_of(node)}")
            return INVALID
        if node.style is None and node.value in _NULLS:
            src.error(node, f"expected {self.expected}, found nothing")
            return INVALID
        value = node.value.rstrip()
        if not value.strip():
            src.error(node, f"expected {self.expected}, found empty text")
            return INVALID
        if len(value) > self.max_length:
            src.error(node, f"text is longer than {self.max_length} characters")
            return INVALID
        if self.markdown:
            bad = markup.problems(value)
            for lineno, col, message in bad:
                src.error(_position(node, src, lineno, col), message)
            if bad:
                return INVALID
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "maxLength": self.max_length}


@dataclass
class _Mark:
    line: int
    column: int


def _position(node: ScalarNode, src: SourceFile, lineno: int, col: int) -> _Mark:
    """Where (line, col) of a scalar's value stands in the file, as near as YAML allows."""
    start = node.start_mark
    if node.style in ("|", ">"):
        line = start.line + 1 + lineno
        lines = src.text.split("\n")
        indent = len(lines[line]) - len(lines[line].lstrip(" ")) if line < len(lines) else 0
        return _Mark(line, indent + col)
    if lineno == 0:
        return _Mark(start.line, start.column + col + (1 if node.style in ("'", '"') else 0))
    return _Mark(start.line, start.column)


@dataclass
class Pattern(Spec):
    regex: str = ""
    expected: str = "text"
    hint: str = ""

    def walk(self, node: Node, src: SourceFile) -> Any:
        value = Text(self.expected).walk(node, src)
        if value is INVALID:
            return INVALID
        if not re.fullmatch(self.regex, value):
            src.error(node, f"'{value}' is not a valid {self.expected}; {self.hint}")
            return INVALID
        return value

    def json(self) -> dict[str, Any]:
        # JSON Schema patterns search anywhere in the text; anchor them like fullmatch.
        return {"type": "string", "pattern": f"^(?:{self.regex})$"}


@dataclass
class Id(Pattern):
    """An id, unique within its scope in the file (steps, questions, items, …)."""

    regex: str = r"[a-z0-9]+(?:-[a-z0-9]+)*"
    hint: str = "use lowercase letters, digits and single hyphens, like 'stop-smoking'"
    scope: str = ""

    def walk(self, node: Node, src: SourceFile) -> Any:
        value = super().walk(node, src)
        if value is not INVALID and self.scope:
            seen = src.ids.setdefault(self.scope, {})
            if value in seen:
                first = seen[value].start_mark.line + 1
                src.error(node, f"duplicate {self.scope} id '{value}' (first used on line {first})")
                return INVALID
            seen[value] = node
        return value


@dataclass
class Enum(Spec):
    values: tuple[str, ...] = ()
    expected: str = "value"

    def walk(self, node: Node, src: SourceFile) -> Any:
        value = Text(self.expected).walk(node, src)
        if value is INVALID:
            return INVALID
        if value not in self.values:
            hint = did_you_mean(value, list(self.values))
            src.error(node, f"'{value}' is not a valid {self.expected}{hint}")
            return INVALID
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.values)}


class Bool(Spec):
    expected = "true or false"

    def walk(self, node: Node, src: SourceFile) -> Any:
        if isinstance(node, ScalarNode) and node.style is None:
            if node.value in ("true", "True", "TRUE"):
                return True
            if node.value in ("false", "False", "FALSE"):
                return False
        src.error(node, f"expected true or false, found {_kind_of(node)}")
        return INVALID

    def json(self) -> dict[str, Any]:
        return {"type": "boolean"}


@dataclass
class LText(Spec):
    """Patient-facing text: plain text (English only) or a mapping ``en: …, es: …``."""

    text: Text = field(default_factory=Text)
    expected = "text, or a mapping of language to text (en: …, es: …)"

    def walk(self, node: Node, src: SourceFile) -> Any:
        if isinstance(node, ScalarNode):
            value = self.text.walk(node, src)
            if value is INVALID:
                return INVALID
            self._warn_missing(node, src, {"en"})
            return LocalizedText((("en", value),))
        if not isinstance(node, MappingNode):
            src.error(node, f"expected {self.expected}, found {_kind_of(node)}")
            return INVALID
        texts: dict[str, str] = {}
        seen: dict[str, Node] = {}
        ok = True
        for key_node, value_node in node.value:
            lang = key_node.value if isinstance(key_node, ScalarNode) else None
            if lang not in LANGUAGES:
                where = "a language code" if lang is None else f"language '{lang}'"
                src.error(key_node, f"unknown {where}{did_you_mean(str(lang), list(LANGUAGES))}")
                ok = False
                continue
            if lang in seen:
                first = seen[lang].start_mark.line + 1
                src.error(key_node, f"duplicate key '{lang}' (first on line {first})")
                ok = False
                continue
            seen[lang] = key_node
            value = self.text.walk(value_node, src)
            if value is INVALID:
                ok = False
            else:
                texts[lang] = value
        if "en" not in seen:
            src.error(
                node, "missing English ('en') text; English is the fallback for every language"
            )
            return INVALID
        if not ok:
            return INVALID
        self._warn_missing(node, src, set(seen))
        return LocalizedText(tuple(sorted(texts.items(), key=lambda kv: kv[0] != "en")))

    @staticmethod
    def _warn_missing(node: Node, src: SourceFile, present: set[str]) -> None:
        for lang in LANGUAGES:
            if lang not in present:
                name = _LANGUAGE_NAMES_EN.get(lang, lang)
                src.warning(node, f"missing {name} ('{lang}') translation; English will be shown")

    def json(self) -> dict[str, Any]:
        text = self.text.json()
        return {
            "anyOf": [
                text,
                {
                    "type": "object",
                    "properties": {lang: text for lang in LANGUAGES},
                    "required": ["en"],
                    "additionalProperties": False,
                },
            ]
        }


@dataclass
class ResourcePath(Spec):
    """A file inside the resources folder, such as ``illustrations/spine.svg``."""

    suffixes: tuple[str, ...] = (".svg",)
    expected: str = "a file path inside the resources folder"

    def walk(self, node: Node, src: SourceFile) -> Any:
        value = Text(self.expected).walk(node, src)
        if value is INVALID:
            return INVALID
        pure = PurePosixPath(value)
        if "://" in value or value.startswith("//"):
            problem = "must be a file in the resources folder, not a web address"
        elif pure.is_absolute() or "\\" in value or re.match(r"^[A-Za-z]:", value):
            problem = (
                "must be a path relative to the resources folder, like illustrations/spine.svg"
            )
        elif ".." in pure.parts:
            problem = "must stay inside the resources folder ('..' is not allowed)"
        elif pure.suffix.lower() not in self.suffixes:
            problem = f"must be a {' or '.join(self.suffixes)} file"
        else:
            problem = self._check_exists(value, src)
        if problem:
            src.error(node, f"'{value}' {problem}")
            return INVALID
        return value

    @staticmethod
    def _check_exists(value: str, src: SourceFile) -> str:
        if src.resources_dir is None:
            return ""
        base = src.resources_dir
        target = base / value
        if outside(base, target) or outside(base.parent, target):  # resources/ may be a link
            return "points outside the resources folder"
        if not target.is_file():
            return f"was not found in {src.resources_dir}"
        return ""

    def json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^[^/\\:][^\\:]*\.svg$"}


@dataclass
class Illustration(ResourcePath):
    """A picture in the resources folder, checked (see ``hemiapp.content.picture``)."""

    def walk(self, node: Node, src: SourceFile) -> Any:
        value = super().walk(node, src)
        if value is INVALID or src.resources_dir is None:
            return INVALID if value is INVALID else None
        if value not in src.pictures:
            file = src.resources_dir / value
            loaded, findings = picture.read_picture(file, display_path(file), value)
            src.findings.extend(findings)
            src.pictures[value] = INVALID if loaded is None else loaded
        return src.pictures[value]


@dataclass
class ListOf(Spec):
    item: Spec = field(default_factory=Text)
    what: str = "values"
    min_items: int = 0
    max_items: int | None = None

    def walk(self, node: Node, src: SourceFile) -> Any:
        if not isinstance(node, SequenceNode):
            src.error(node, f"expected a list of {self.what}, found {_kind_of(node)}")
            return INVALID
        count = len(node.value)
        if count < self.min_items:
            src.error(node, f"expected at least {self.min_items} {self.what}, found {count}")
        if self.max_items is not None and count > self.max_items:
            src.error(node, f"expected at most {self.max_items} {self.what}, found {count}")
        values = [self.item.walk(child, src) for child in node.value]
        if INVALID in values or count < self.min_items:
            return INVALID
        if self.max_items is not None and count > self.max_items:
            return INVALID
        return tuple(values)

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": "array",
            "items": self.item.json(),
            "minItems": self.min_items,
        }
        if self.max_items is not None:
            out["maxItems"] = self.max_items
        return out


@dataclass
class Field:
    spec: Spec
    doc: str
    required: bool = True
    default: Any = None


@dataclass
class Raw:
    """A checked mapping: its values, and the node of each value for error positions."""

    node: MappingNode
    values: dict[str, Any]
    nodes: dict[str, Node]

    def __getitem__(self, key: str) -> Any:
        return self.values[key]


@dataclass
class Obj(Spec):
    name: str = "mapping"
    fields: Mapping[str, Field] = field(default_factory=dict)
    build: Callable[[Raw, SourceFile], Any] | None = None
    doc: str = ""

    def walk(self, node: Node, src: SourceFile) -> Any:
        if not isinstance(node, MappingNode):
            src.error(node, f"expected a mapping for the {self.name}, found {_kind_of(node)}")
            return INVALID
        errors_before = len(src.errors)
        values: dict[str, Any] = {}
        nodes: dict[str, Node] = {}
        keys: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.value in _NULLS:
                src.error(key_node, f"keys must be plain text, found {_kind_of(key_node)}")
                continue
            key = key_node.value
            if key in keys:
                first = keys[key].start_mark.line + 1
                src.error(key_node, f"duplicate key '{key}' (first on line {first})")
                continue
            spec = self.fields.get(key)
            if spec is None:
                src.error(
                    key_node,
                    f"unknown key '{key}' in the {self.name}{did_you_mean(key, list(self.fields))}",
                )
                continue
            keys[key] = key_node
            nodes[key] = value_node
            values[key] = spec.spec.walk(value_node, src)
        for key, spec in self.fields.items():
            if key not in keys:
                if spec.required:
                    src.error(node, f"the {self.name} is missing the required key '{key}'")
                else:
                    values[key] = spec.default
        if len(src.errors) > errors_before:
            return INVALID
        raw = Raw(node, values, nodes)
        if self.build is None:
            return raw
        result = self.build(raw, src)
        return INVALID if len(src.errors) > errors_before else result

    def json(self) -> dict[str, Any]:
        properties = {}
        for key, spec in self.fields.items():
            properties[key] = {"description": spec.doc, **spec.spec.json()}
        out: dict[str, Any] = {"type": "object"}
        if self.doc:
            out["description"] = self.doc
        out["properties"] = properties
        out["required"] = [k for k, f in self.fields.items() if f.required]
        out["additionalProperties"] = False
        return out
