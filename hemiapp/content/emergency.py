"""The emergency rules: 911 is said only where it cannot be missed.

An emergency (a sign to call 911 for) is never hidden in a detail, a title or a body:
the words "911", "emergency" and "emergencia" (in any language of a text) may only
appear in an emergency item's ``text`` (``kind: emergency``), the title of a section that
holds only such items, or a course step's ``emergency:`` list; the app shows those signs
unfolded in a "Call 911 now" box. A step that has that box may also say it in its key
points, its quiz and its picture's description (all in view beside the box, never
folded), so that what to do is taught in plain words. An emergency
item is a sign, not a task: it has no date, is never required and never nurse-only.
And the emergency signs come first among the signs.

These run on the composed YAML nodes (every line and column kept), guided by the schema
so that only patient text is read (ids, ``kind: emergency`` and file names are not).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from hemiapp.content import spec as s
from hemiapp.content.models import Checklist, Item, ItemKind, Section
from hemiapp.content.yamlstrict import SourceFile

#: The words that say "emergency": whole words, any case, in English and Spanish.
WORDS = re.compile(r"(?<![\w-])(911|9-1-1|emergency|emergencies|emergencias?)(?![\w-])", re.I)

#: Where a word was found, as the message names it: (object, key) → place.
_PLACES = {
    ("item", "detail"): "an item's detail",
    ("item", "text"): "the text of a {kind} item",
    ("step", "title"): "a step's title",
    ("step", "body"): "a step's body",
    ("step", "key_points"): "a step's key points",
    ("step", "illustration_alt"): "a picture's description",
    ("quiz question", "question"): "a quiz question",
    ("quiz question", "explanation"): "a quiz explanation",
    ("choice", "text"): "a quiz answer",
    ("section", "title"): "a section's title",
    ("checklist", "title"): "a checklist's title",
    ("checklist", "intro"): "a checklist's intro",
    ("course", "title"): "the course's title",
}

#: What a step with an emergency list shows beside its box (never folded away).
_BESIDE_THE_BOX = ("key_points", "quiz", "illustration_alt")

#: Keys an emergency item may not have, and why.
_NOT_FOR_EMERGENCY = {
    "when": "an emergency item has no 'when': it is a sign to act on at any time, not a task "
    "with a date",
    "required": "an emergency item cannot be 'required': it is a sign to know, not a task to do",
    "nurse_only": "an emergency item cannot be 'nurse_only': it is a sign to know, not a task "
    "for a nurse to check",
}

ORDER_WARNING = "emergency signs must come first among the signs"


def in_display_order(checklist: Checklist) -> list[tuple[Section, Item]]:
    """The checklist's (section, item) pairs as shown and printed: in order, except that
    the emergency items come together, first among the signs (just before the first
    warning sign, wherever their own sections are)."""
    rows = [(section, item) for section in checklist.sections for item in section.items]
    emergency = [row for row in rows if row[1].kind is ItemKind.EMERGENCY]
    if not emergency:
        return rows
    rest = [row for row in rows if row[1].kind is not ItemKind.EMERGENCY]
    first_sign = next((n for n, row in enumerate(rest) if row[1].is_sign), len(rest))
    own_place = rows.index(emergency[0])  # (the non-emergency rows before it)
    at = min(first_sign, own_place)
    return rest[:at] + emergency + rest[at:]


def message(word: str, place: str) -> str:
    """The error for an emergency word said somewhere it could be missed."""
    return (
        f"'{word}' may only be said in an emergency item's text (kind: emergency), the title "
        f"of a section of them, or a step's emergency list; say it there, not in {place}"
    )


def check(src: SourceFile, spec: s.Obj) -> None:
    """Add the emergency rules' findings for a course or checklist file to ``src``."""
    _Walker(src).obj(spec, src.root, allowed=False)
    if spec.name == "checklist":
        _check_order(src)


def _pairs(node: Node) -> list[tuple[str, Node, Node]]:
    """(key, key node, value node) of a mapping's plain keys; nothing for anything else."""
    if not isinstance(node, MappingNode):
        return []
    return [(k.value, k, v) for k, v in node.value if isinstance(k, ScalarNode)]


def _all_emergency(section: Node) -> bool:
    items = next((v for k, _, v in _pairs(section) if k == "items"), None)
    if not isinstance(items, SequenceNode) or not items.value:
        return False
    return all(_value(i, "kind") == ItemKind.EMERGENCY.value for i in items.value)


def _value(node: Node, key: str) -> str | None:
    for name, _, value in _pairs(node):
        if name == key and isinstance(value, ScalarNode):
            return str(value.value)
    return None


class _Walker:
    def __init__(self, src: SourceFile) -> None:
        self.src = src
        starts = [0]
        for found in re.finditer("\n", src.text):
            starts.append(found.end())
        self.line_starts = starts

    def obj(self, spec: s.Obj, node: Node, *, allowed: bool) -> None:
        kind = _value(node, "kind") if spec.name == "item" else None
        emergency = kind == ItemKind.EMERGENCY.value
        # a section of emergency items only: its title may say it (the box's heading is
        # the app's own, so it is not shown, but it hides nothing)
        all_emergency = spec.name == "section" and _all_emergency(node)
        # a step with a "Call 911 now" box: what is in view beside it may teach it
        with_box = spec.name == "step" and any(k == "emergency" for k, _, _ in _pairs(node))
        for key, key_node, value in _pairs(node):
            field = spec.fields.get(key)
            if field is None:
                continue
            if emergency and key in _NOT_FOR_EMERGENCY:
                self.src.error(key_node, _NOT_FOR_EMERGENCY[key])
            may_say = (
                allowed
                or (emergency and key == "text")
                or (with_box and key in _BESIDE_THE_BOX)
                or (spec.name == "step" and key == "emergency")
                or (all_emergency and key == "title")
            )
            place = _PLACES.get((spec.name, key), f"'{key}'")
            place = place.format(kind=kind or ItemKind.TASK.value)
            self.value(field.spec, value, allowed=may_say, place=place)

    def value(self, spec: s.Spec, node: Node, *, allowed: bool, place: str) -> None:
        if isinstance(spec, s.Obj):
            self.obj(spec, node, allowed=allowed)
        elif isinstance(spec, s.ListOf) and isinstance(node, SequenceNode):
            for child in node.value:
                self.value(spec.item, child, allowed=allowed, place=place)
        elif isinstance(spec, s.LText) and not allowed:
            if isinstance(node, ScalarNode):
                self.text(node, place)
            for _, _, text in _pairs(node):  # every language of it
                if isinstance(text, ScalarNode):
                    self.text(text, place)

    def text(self, node: ScalarNode, place: str) -> None:
        found = WORDS.search(node.value)
        if found is None:
            return
        self.src.error(self.where(node, found[1]), message(found[1], place))

    def where(self, node: ScalarNode, word: str) -> Node | _Mark:
        """The word's own line and column in the file, when it can be found there (not
        behind an escape); the text's start otherwise."""
        start, end = node.start_mark, node.end_mark
        first = self.line_starts[start.line] + start.column
        last_line = min(end.line + 1, len(self.line_starts) - 1)
        last = self.line_starts[last_line] if last_line > end.line else len(self.src.text)
        for found in WORDS.finditer(self.src.text, first, last):
            if found[1] == word:
                line = bisect_right(self.line_starts, found.start()) - 1
                return _Mark(line, found.start() - self.line_starts[line])
        return node


class _Mark:
    def __init__(self, line: int, column: int) -> None:
        self.line, self.column = line, column


def _check_order(src: SourceFile) -> None:
    """Warn at each section with warning signs that comes before an emergency sign."""
    sections = next((v for k, _, v in _pairs(src.root) if k == "sections"), None)
    if not isinstance(sections, SequenceNode):
        return
    before: list[Node] = []  # sections with a warning sign, no emergency sign before it
    for section in sections.value:
        items = next((v for k, _, v in _pairs(section) if k == "items"), None)
        kinds = [_value(i, "kind") for i in items.value] if isinstance(items, SequenceNode) else []
        if ItemKind.EMERGENCY.value in kinds:
            first = kinds.index(ItemKind.EMERGENCY.value)
            if ItemKind.WARNING_SIGN.value in kinds[:first]:
                before.append(section)
            for each in before:
                src.warning(each, f"{_section_name(each)} {_ORDER_REASON}")
            return
        if ItemKind.WARNING_SIGN.value in kinds:
            before.append(section)


_ORDER_REASON = f"holds warning signs before the emergency signs; {ORDER_WARNING}"


def _section_name(section: Node) -> str:
    name = _value(section, "id")
    return f"section '{name}'" if name else "this section"
