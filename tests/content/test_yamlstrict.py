"""The two YAML parsers under the strict composer: libyaml (fast) gives the same node
tree and the same refusals as PyYAML's Python parser, which alone reports YAML errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from hemiapp.content import yamlstrict
from hemiapp.paths import bundled_content_root

SNIPPETS = [
    "a: 1\nb: [x, 'y', \"z\"]\nc: {d: no, e: 12:30}\n",
    "text: |\n  two\n  lines\nfolded: >\n  one\n  line\n",
    "a: &anchor 1\nb: *anchor\n",
    "a: !!python/object:os.system x\nb: !custom y\n",
    "- not\n- a mapping\n",
    "key: ~\nother:\nempty: ''\n",
]


def tree(node: Any) -> Any:
    start, end = node.start_mark, node.end_mark  # None for what stands in for an alias
    marks = (start.line, start.column, end.line, end.column) if start and end else None
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.value, node.style, marks)
    if isinstance(node, yaml.SequenceNode):
        return ("seq", node.tag, node.flow_style, marks, [tree(n) for n in node.value])
    pairs = [(tree(k), tree(v)) for k, v in node.value]
    return ("map", node.tag, node.flow_style, marks, pairs)


def both(text: str) -> tuple[Any, Any]:
    slow = yamlstrict._StrictLoader(text)
    fast = yamlstrict._FastLoader(text)
    try:
        return (
            (tree(slow.get_single_node()), [(m.line, m.column, p) for m, p in slow.problems]),
            (tree(fast.get_single_node()), [(m.line, m.column, p) for m, p in fast.problems]),
        )
    finally:
        slow.dispose()
        fast.dispose()


def bundled() -> list[Path]:
    root = bundled_content_root()
    return sorted([*root.glob("checklists/*.yaml"), *root.glob("resources/**/*.yaml")])


@pytest.mark.parametrize("path", bundled(), ids=lambda p: p.name)
def test_bundled_content_composes_the_same(path: Path) -> None:
    slow, fast = both(path.read_text(encoding="utf-8"))
    assert fast == slow


@pytest.mark.parametrize("text", SNIPPETS)
def test_snippets_compose_the_same(text: str) -> None:
    slow, fast = both(text)
    assert fast == slow


def test_valid_content_never_uses_the_python_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("the Python parser was used")

    monkeypatch.setattr(yamlstrict._StrictLoader, "__init__", refuse)
    for path in bundled():
        assert yamlstrict.read_source(path).errors == []


def test_yaml_errors_are_left_to_the_python_parser() -> None:
    assert yamlstrict._compose_fast("a: [1, 2\nb: 3\n") is None
    assert yamlstrict._compose_fast("a:\n\t- 1\n") is None
    assert yamlstrict._compose_fast("a: 1\n---\nb: 2\n") is None
    assert yamlstrict._compose_fast("a: b\x07\n") is None  # the Python reader refuses it
