"""Pictures: SVG illustrations read safely, checked against a small vocabulary, bilingual.

A picture may hold only plain shapes, groups and text (see ``ELEMENTS``). Nothing in it
can reach another file: no ``<image>``, no ``<style>`` or ``style=`` (CSS ``url()`` and
``@import``), no DOCTYPE or entities, no processing instructions (``<?xml-stylesheet?>``),
and ``href`` only to ``#id`` on ``<use>``. It is parsed with defusedxml, so a DTD or an
entity stops the parse before it is acted on, and the checked tree (a ``Picture``) is all
the renderer is ever given: the file is not read again.

Colours are names, given as classes (``class="fill-bone stroke-line"``), that the theme
maps to the normal or high-contrast palette. Every word is a label: a ``<switch>`` of
one ``<text>`` per language, the Spanish with ``systemLanguage="es"`` and the English,
without it, last (SVG's own way, so other viewers show the right language too).
"""

from __future__ import annotations

import io
import re
import xml.sax
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import AttributesImpl, Locator

from defusedxml.common import DefusedXmlException, DTDForbidden
from defusedxml.expatreader import DefusedExpatParser

from hemiapp.content.errors import Finding, Severity, did_you_mean
from hemiapp.content.models import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Picture,
    PictureLabel,
    SvgElement,
)
from hemiapp.content.picture_rules import (
    CLASSES,
    COLOURS,
    ELEMENTS,
    EXTERNAL_ELEMENTS,
    LANGUAGE_NAMES_EN,
    MAX_BYTES,
    MAX_DEPTH,
    MAX_LABEL,
    SVG_NS,
    TRANSFORMED_LABEL,
    XLINK_NS,
)

__all__ = [
    "COLOURS",
    "ELEMENTS",
    "MAX_BYTES",
    "SVG_NS",
    "XLINK_NS",
    "parse_picture",
    "read_picture",
]


@dataclass
class _Raw:
    tag: str
    attrs: dict[str, str]
    line: int
    column: int
    children: list[_Raw] = field(default_factory=list)
    text: list[str] = field(default_factory=list)  # character data, between children too


class _Refused(Exception):
    def __init__(self, message: str, start: str = "<") -> None:
        super().__init__(message)
        self.message = message
        self.start = start  # how the refused construct begins, to point at its start


class _Handler(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[_Raw] = []
        self.root: _Raw | None = None
        self.where: Locator | None = None

    def setDocumentLocator(self, locator: Locator) -> None:
        self.where = locator

    def position(self) -> tuple[int, int]:
        if self.where is None:
            return 1, 1
        return self.where.getLineNumber() or 1, (self.where.getColumnNumber() or 0) + 1

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise _Refused(f"the picture nests deeper than {MAX_DEPTH} elements")
        line, column = self.position()
        node = _Raw(name, dict(attrs.items()), line, column)
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def endElement(self, name: str) -> None:
        self.stack.pop()

    def characters(self, content: str) -> None:
        if self.stack:
            self.stack[-1].text.append(content)

    def processingInstruction(self, target: str, data: str) -> None:
        raise _Refused(
            f"processing instruction '<?{target}' is not allowed in a picture: "
            "it can load a stylesheet or another file",
            f"<?{target}",
        )


class _Checker:
    def __init__(self, display: str, text: str) -> None:
        self.display = display
        self.lines = text.split("\n")
        self.findings: list[Finding] = []
        self.ids: set[str] = set()
        self.uses: list[tuple[_Raw, str, str]] = []

    def back_to(self, line: int, column: int, needle: str) -> tuple[int, int]:
        """Where ``needle`` last starts at or before (line, column): the start of a construct
        that the parser reports at its end."""
        offset = sum(len(text) + 1 for text in self.lines[: line - 1]) + column
        text = "\n".join(self.lines)
        found = text.rfind(needle, 0, offset)
        if found < 0:
            return line, column
        before = text[:found]
        return before.count("\n") + 1, found - (before.rfind("\n") + 1) + 1

    def add(self, severity: Severity, line: int, column: int, message: str) -> None:
        self.findings.append(Finding(self.display, line, column, severity, message))

    def at(self, node: _Raw, message: str, attr: str = "", severity: Severity = "error") -> None:
        line, column = node.line, node.column
        if attr:  # point at the attribute itself, within the element's start tag
            for n in range(node.line - 1, min(node.line + 20, len(self.lines))):
                start = node.column - 1 if n == node.line - 1 else 0
                found = re.search(rf"(?<![\w:-]){re.escape(attr)}\s*=", self.lines[n][start:])
                if found:
                    line, column = n + 1, start + found.start() + 1
                    break
        self.add(severity, line, column, message)

    # ---- elements and attributes -------------------------------------------------------

    def element(
        self, node: _Raw, in_text: bool = False, moved: bool = False
    ) -> SvgElement | PictureLabel | None:
        """Check one element; ``moved`` when an ancestor has a transform."""
        if node.tag in EXTERNAL_ELEMENTS:
            self.at(node, EXTERNAL_ELEMENTS[node.tag])
            return None
        allowed = ELEMENTS.get(node.tag)
        if allowed is None or (node.tag == "tspan") != in_text:
            where = "inside a <text>" if in_text else "in a picture"
            options = ["tspan"] if in_text else [t for t in ELEMENTS if t != "tspan"]
            self.at(node, f"<{node.tag}> is not allowed {where}{did_you_mean(node.tag, options)}")
            return None
        attrs = self.attributes(node, allowed)
        if node.tag in ("switch", "text") and (moved or "transform" in node.attrs):
            self.at(node, TRANSFORMED_LABEL)
        if node.tag == "switch":
            return self.switch(node)
        if node.tag == "text":
            if "systemLanguage" in node.attrs:
                message = "systemLanguage is only for a <text> inside a <switch>"
                self.at(node, message, "systemLanguage")
            text = self.text(node, attrs)
            self.missing(node, text, {DEFAULT_LANGUAGE})
            return PictureLabel(((DEFAULT_LANGUAGE, text),))
        if node.tag in ("title", "desc"):
            for child in node.children:
                self.at(child, f"a <{node.tag}> holds only text, a note for authors")
            return None  # never drawn, never shown to patients
        if node.tag == "tspan":
            return SvgElement("tspan", attrs)
        moved = moved or "transform" in node.attrs
        children = [self.element(child, moved=moved) for child in node.children]
        return SvgElement(node.tag, attrs, tuple(c for c in children if c is not None))

    def attributes(self, node: _Raw, allowed: frozenset[str]) -> tuple[tuple[str, str], ...]:
        out = []
        for name, value in node.attrs.items():
            local = name.rsplit(":", 1)[-1]
            if local == "href":
                if not value.startswith("#"):
                    self.at(
                        node,
                        f"{name}=\"{value}\" points outside this picture; only '#id' "
                        "inside it is allowed",
                        name,
                    )
                    continue
                if node.tag == "use" and name in allowed:
                    self.uses.append((node, name, value[1:]))
            if "url(" in value.replace(" ", "").lower():
                self.at(
                    node,
                    f'url() is not allowed in a picture: {name}="{value}"; colours come '
                    'from classes like class="fill-bone"',
                    name,
                )
            elif name == "style":
                problem = (
                    "@import is not allowed in a picture: it loads another file"
                    if "@import" in value
                    else "style attributes are not allowed in a picture; colours come from "
                    'classes like class="fill-bone"'
                )
                self.at(node, problem, name)
            elif name not in allowed:
                self.at(node, f"attribute '{name}' is not allowed on <{node.tag}>", name)
            elif name in ("fill", "stroke") and value != "none":
                self.at(
                    node,
                    f'{name}="{value}" is a fixed colour, which cannot follow high contrast; '
                    f'use a class like class="{name}-ink", or {name}="none"',
                    name,
                )
            elif name == "class":
                for cls in value.split():
                    if cls not in CLASSES:
                        hint = did_you_mean(cls, list(CLASSES))
                        self.at(node, f"unknown class '{cls}'{hint}", name)
                out.append((name, " ".join(value.split())))
            elif name == "xmlns" and value != SVG_NS:
                self.at(node, f"xmlns must be '{SVG_NS}', found '{value}'", name)
            elif name == "xmlns:xlink" and value != XLINK_NS:
                self.at(node, f"xmlns:xlink must be '{XLINK_NS}', found '{value}'", name)
            else:
                if name == "id":
                    self.ids.add(value)
                out.append((name, value))
        return tuple(out)

    # ---- labels ----------------------------------------------------------------------------

    def text(self, node: _Raw, attrs: tuple[tuple[str, str], ...]) -> SvgElement:
        loose = " ".join("".join(node.text).split())
        lines: list[str] = []
        for child in node.children:
            if self.element(child, in_text=True) is not None:
                lines.append(" ".join("".join(child.text).split()))
                if child.children:
                    self.at(child.children[0], "a <tspan> holds only text, one line of a label")
        if lines and loose:
            self.at(node, "a label is either one line of text or one <tspan> per line, not both")
        elif not lines:
            lines = [loose]
        if not any(lines) or not all(lines):
            self.at(node, "a label needs some text on every line")
        elif sum(map(len, lines)) > MAX_LABEL:
            self.at(node, f"a picture label is at most {MAX_LABEL} characters")
        kept = tuple(a for a in attrs if a[0] != "systemLanguage")
        return SvgElement("text", kept, (), tuple(lines))

    def missing(self, node: _Raw, english: SvgElement, present: set[str]) -> None:
        if not any(ch.isalpha() for ch in " ".join(english.lines)):
            return  # a number or a sign, such as "?" or "1–2", reads the same in every language
        for lang in LANGUAGES:
            if lang not in present:
                name = LANGUAGE_NAMES_EN.get(lang, lang)
                words = " ".join(english.lines)
                self.at(
                    node,
                    f"picture label '{words}' has no {name} ('{lang}') translation; "
                    "English will be shown",
                    severity="warning",
                )

    def switch(self, node: _Raw) -> PictureLabel | None:
        variants: dict[str, SvgElement] = {}
        first: dict[str, int] = {}
        ok = True
        for n, child in enumerate(node.children):
            if child.tag != "text":
                self.at(child, "a <switch> may hold only <text> labels, one per language")
                ok = False
                continue
            lang = child.attrs.get("systemLanguage", DEFAULT_LANGUAGE)
            if lang not in LANGUAGES:
                hint = did_you_mean(lang, [x for x in LANGUAGES if x != DEFAULT_LANGUAGE])
                self.at(
                    child,
                    f"systemLanguage '{lang}' is not a language HemiGuide has{hint}",
                    "systemLanguage",
                )
                ok = False
                continue
            if lang in first:
                name = LANGUAGE_NAMES_EN.get(lang, lang)
                self.at(
                    child,
                    f"a second {name} ('{lang}') label in this <switch> "
                    f"(first on line {first[lang]})",
                )
                ok = False
                continue
            last = n == len(node.children) - 1
            if lang == DEFAULT_LANGUAGE and "systemLanguage" not in child.attrs and not last:
                self.at(
                    child,
                    "the English label (the <text> without systemLanguage) must be the "
                    "last in its <switch>",
                )
                ok = False
            first[lang] = child.line
            if "transform" in child.attrs:
                self.at(child, TRANSFORMED_LABEL)
            attrs = self.attributes(child, ELEMENTS["text"])
            variants[lang] = self.text(child, attrs)
        if DEFAULT_LANGUAGE not in variants:
            if ok:
                self.at(
                    node,
                    "this <switch> has no English label: add a <text> without "
                    "systemLanguage as its last label",
                )
            return None
        self.missing(node, variants[DEFAULT_LANGUAGE], set(variants))
        ordered = sorted(variants.items(), key=lambda kv: kv[0] != DEFAULT_LANGUAGE)
        return PictureLabel(tuple(ordered)) if ok else None


def _view_box(checker: _Checker, root: _Raw) -> tuple[float, float, float, float] | None:
    parts = root.attrs.get("viewBox", "").replace(",", " ").split()
    try:
        box = tuple(float(p) for p in parts)
    except ValueError:
        box = ()
    if len(box) != 4 or box[2] <= 0 or box[3] <= 0:
        checker.at(root, '<svg> needs a viewBox of four numbers, like viewBox="0 0 800 500"')
        return None
    return box[0], box[1], box[2], box[3]


def parse_picture(data: bytes, display: str, path: str) -> tuple[Picture | None, list[Finding]]:
    """Check the bytes of an SVG; return the picture (None on any error) and the findings."""
    text = data.decode("utf-8", errors="replace")
    checker = _Checker(display, text)
    if len(data) > MAX_BYTES:
        checker.add("error", 1, 1, f"the picture is larger than {MAX_BYTES // 1024} KiB")
        return None, checker.findings
    handler = _Handler()
    parser = DefusedExpatParser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setContentHandler(handler)
    try:
        parser.parse(io.BytesIO(data))
    except xml.sax.SAXParseException as exc:
        message = exc.getMessage()
        line, column = exc.getLineNumber() or 1, (exc.getColumnNumber() or 0) + 1
        checker.add("error", line, column, f"not well-formed XML: {message}")
        return None, checker.findings
    except DTDForbidden:
        line, column = checker.back_to(*handler.position(), "<!DOCTYPE")
        checker.add(
            "error",
            line,
            column,
            "DOCTYPE is not allowed in a picture: it can define entities or load other files",
        )
        return None, checker.findings
    except DefusedXmlException:  # entities or external references (only reachable via a DTD)
        line, column = handler.position()
        checker.add("error", line, column, "entities are not allowed in a picture")
        return None, checker.findings
    except _Refused as exc:
        line, column = checker.back_to(*handler.position(), exc.start)
        checker.add("error", line, column, exc.message)
        return None, checker.findings
    root = handler.root
    assert root is not None  # a parse that succeeded has a root element
    if root.tag != "svg" or root.attrs.get("xmlns") != SVG_NS:
        checker.at(root, f'a picture must start with <svg xmlns="{SVG_NS}">')
        return None, checker.findings
    box = _view_box(checker, root)
    tree = checker.element(root)
    for node, name, target in checker.uses:
        if target not in checker.ids:
            checker.at(node, f'{name}="#{target}" points to no element in this picture', name)
    if box is None or not isinstance(tree, SvgElement) or _errors(checker.findings):
        return None, checker.findings
    return Picture(path, box, tree), checker.findings


def _errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


def read_picture(file: Path, display: str, path: str) -> tuple[Picture | None, list[Finding]]:
    """Read and check a picture file (``path`` is its name relative to the resources folder)."""
    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, [Finding(display, 1, 1, "error", f"cannot read the picture: {exc.strerror}")]
    return parse_picture(data, display, path)
