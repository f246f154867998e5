"""The limited Markdown of step bodies: paragraphs, ``- `` bullet lists, **bold**, *italic*.

Anything else that looks like markup (HTML tags, links, images, headings) is
refused by validation, so content can never pull in a file or a web address and
every text is shown literally. Rendering escapes all text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_INLINE = re.compile(r"\*\*(?P<bold>[^*\n]+?)\*\*|\*(?P<italic>[^*\s][^*\n]*?)\*")
_FORBIDDEN: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<\s*[A-Za-z!/?]"), "HTML is not allowed in text; use **bold** or *italic*"),
    (re.compile(r"!\["), "images are not allowed in text; use the step's illustration"),
    (re.compile(r"\]\s*\("), "links are not allowed in text"),
    (re.compile(r"https?://|www\.", re.IGNORECASE), "web addresses are not allowed in text"),
    (
        re.compile(r"^\s{0,3}#{1,6}\s"),
        "headings are not allowed in text; the step title is the heading",
    ),
)


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph (one entry in ``lines``) or a bullet list (one entry per bullet)."""

    bullets: bool
    lines: tuple[tuple[Span, ...], ...]


def problems(text: str) -> list[tuple[int, int, str]]:
    """(0-based line, 0-based column, message) for every forbidden construct."""
    found = []
    for lineno, line in enumerate(text.split("\n")):
        for pattern, message in _FORBIDDEN:
            match = pattern.search(line)
            if match:
                found.append((lineno, match.start(), message))
    return found


def spans(text: str) -> tuple[Span, ...]:
    out: list[Span] = []
    pos = 0
    for match in _INLINE.finditer(text):
        if match.start() > pos:
            out.append(Span(text[pos : match.start()]))
        if match.group("bold") is not None:
            out.append(Span(match.group("bold"), bold=True))
        else:
            out.append(Span(match.group("italic"), italic=True))
        pos = match.end()
    if pos < len(text):
        out.append(Span(text[pos:]))
    return tuple(out)


def _is_bullet(line: str) -> bool:
    return line.lstrip().startswith(("- ", "* "))


def parse(text: str) -> tuple[Block, ...]:
    blocks: list[Block] = []
    paragraph: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block(False, (spans(" ".join(paragraph)),)))
            paragraph.clear()
        if bullets:
            blocks.append(Block(True, tuple(spans(b) for b in bullets)))
            bullets.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            flush()
        elif _is_bullet(raw):
            if paragraph:
                flush()
            bullets.append(line[2:].strip())
        elif bullets and raw.startswith(("  ", "\t")):
            bullets[-1] += " " + line  # continuation of a bullet
        else:
            if bullets:
                flush()
            paragraph.append(line)
    flush()
    return tuple(blocks)


def _spans_html(line: tuple[Span, ...]) -> str:
    out = []
    for span in line:
        text = html.escape(span.text, quote=False)
        if span.bold:
            text = f"<b>{text}</b>"
        if span.italic:
            text = f"<i>{text}</i>"
        out.append(text)
    return "".join(out)


def inline_html(text: str) -> str:
    """Safe HTML for a one-line text (key point, item): **bold** and *italic* only."""
    return _spans_html(spans(" ".join(text.split())))


def to_html(text: str) -> str:
    """Safe HTML (every character of the content escaped) for Qt rich text."""
    parts = []
    for block in parse(text):
        if block.bullets:
            items = "".join(f"<li>{_spans_html(line)}</li>" for line in block.lines)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{_spans_html(block.lines[0])}</p>")
    return "".join(parts)


def to_plain(text: str) -> str:
    """The text without markup, one paragraph or bullet per line."""
    lines = []
    for block in parse(text):
        for line in block.lines:
            lines.append("".join(span.text for span in line))
    return "\n".join(lines)
