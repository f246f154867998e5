"""Pictures: hostile and broken SVGs refused at the exact line and column, labels bilingual.

Positions below were worked out by hand from the SVG texts (1-based; a finding about an
attribute points at the attribute's name)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hemiapp.content.loader import load_content
from hemiapp.content.models import Picture, PictureLabel
from hemiapp.content.picture import MAX_BYTES, parse_picture
from hemiapp.content.validate import validate
from hemiapp.paths import bundled_content_root

HEAD = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 500">\n'
XLINK = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'viewBox="0 0 800 500">\n'
)
LABEL = (
    "<switch>\n"
    '  <text systemLanguage="es" x="10" y="40" font-size="32">Nervio</text>\n'
    '  <text x="10" y="40" font-size="32">Nerve</text>\n'
    "</switch>\n"
)
FIXED = "is a fixed colour, which cannot follow high contrast"
DOCTYPE = "DOCTYPE is not allowed in a picture: it can define entities or load other files"
OUTSIDE = "points outside this picture; only '#id' inside it is allowed"


def findings(svg: str | bytes) -> list[str]:
    data = svg.encode() if isinstance(svg, str) else svg
    picture, found = parse_picture(data, "x.svg", "illustrations/x.svg")
    errors = [f for f in found if f.severity == "error"]
    assert (picture is None) == bool(errors)  # any error: no picture to draw
    return [str(f).removeprefix("x.svg:") for f in found]


HOSTILE: list[tuple[str, str, list[str]]] = [
    (
        "image-absolute",
        XLINK + '<image xlink:href="/some/other/file.png" width="10" height="10"/>\n</svg>',
        ["2:1: error: <image> is not allowed in a picture: it would load a file; draw with shapes"],
    ),
    (
        "image-relative",
        HEAD + '<image href="../../secret.png"/>\n</svg>',
        ["2:1: error: <image> is not allowed in a picture: it would load a file; draw with shapes"],
    ),
    (
        "use-other-file",
        XLINK + '<use xlink:href="other.svg#part"/>\n</svg>',
        [f'2:6: error: xlink:href="other.svg#part" {OUTSIDE}'],
    ),
    (
        "use-absolute-href",
        HEAD + '<g>\n  <use x="1" href="/etc/passwd"/>\n</g>\n</svg>',
        [f'3:14: error: href="/etc/passwd" {OUTSIDE}'],
    ),
    (
        "use-renamed-xlink-prefix",
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink" '
        'viewBox="0 0 8 5">\n<use x:href="file:///etc/hosts"/>\n</svg>',
        [
            "1:41: error: attribute 'xmlns:x' is not allowed on <svg>",
            f'2:6: error: x:href="file:///etc/hosts" {OUTSIDE}',
        ],
    ),
    (
        "use-missing-target",
        HEAD + '<use href="#nowhere"/>\n</svg>',
        ['2:6: error: href="#nowhere" points to no element in this picture'],
    ),
    (
        "href-on-a-path",
        HEAD + '<path d="M0 0" href="http://example.com/x"/>\n</svg>',
        [f'2:16: error: href="http://example.com/x" {OUTSIDE}'],
    ),
    (
        "link-element",
        HEAD + '<a href="#x"><rect width="5" height="5"/></a>\n</svg>',
        [
            "2:1: error: <a> is not allowed in a picture; expected one of: svg, g, defs, use, "
            "path, rect, circle, ellipse, line, polyline, polygon, switch, text, title, desc"
        ],
    ),
    (
        "style-element-import",
        HEAD + '<style>@import url("http://example.com/a.css");</style>\n</svg>',
        [
            "2:1: error: <style> is not allowed in a picture (CSS can load files with @import "
            'or url()); colours come from classes like class="fill-bone"'
        ],
    ),
    (
        "style-attribute-url",
        HEAD + '<rect style="fill: url(/etc/x.svg#g)" width="5" height="5"/>\n</svg>',
        [
            '2:7: error: url() is not allowed in a picture: style="fill: url(/etc/x.svg#g)"; '
            'colours come from classes like class="fill-bone"'
        ],
    ),
    (
        "style-attribute-import",
        HEAD + '<rect style="@import \'a.css\'" width="5" height="5"/>\n</svg>',
        ["2:7: error: @import is not allowed in a picture: it loads another file"],
    ),
    (
        "fill-url",
        HEAD + '<rect fill="url(#paint)" width="5" height="5"/>\n</svg>',
        [
            '2:7: error: url() is not allowed in a picture: fill="url(#paint)"; '
            'colours come from classes like class="fill-bone"'
        ],
    ),
    (
        "doctype-entity",
        '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        + HEAD
        + "<text>&xxe;</text></svg>",
        [f"2:1: error: {DOCTYPE}"],
    ),
    (
        "billion-laughs",
        '<!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        + HEAD
        + "<text>&b;</text></svg>",
        [f"1:1: error: {DOCTYPE}"],
    ),
    (
        "external-dtd",
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://example.com/svg11.dtd">\n'
        + HEAD
        + "</svg>",
        [f"1:1: error: {DOCTYPE}"],
    ),
    (
        "undefined-entity",
        HEAD + "<text>&xxe;</text></svg>",
        ["2:7: error: not well-formed XML: undefined entity"],
    ),
    (
        "xml-stylesheet",
        '<?xml version="1.0"?>\n<?xml-stylesheet href="http://example.com/a.css"?>\n'
        + HEAD
        + "</svg>",
        [
            "2:1: error: processing instruction '<?xml-stylesheet' is not allowed in a picture: "
            "it can load a stylesheet or another file"
        ],
    ),
    (
        "processing-instruction-inside",
        HEAD + '  <?php echo "x"; ?>\n</svg>',
        [
            "2:3: error: processing instruction '<?php' is not allowed in a picture: "
            "it can load a stylesheet or another file"
        ],
    ),
    (
        "image-in-a-title",
        HEAD + '<title>Spine <image href="/etc/x.png"/></title>\n</svg>',
        ["2:14: error: a <title> holds only text, a note for authors"],
    ),
    (
        "foreign-object",
        HEAD + "<foreignObject><p>hi</p></foreignObject>\n</svg>",
        ["2:1: error: <foreignObject> is not allowed in a picture"],
    ),
    (
        "script",
        HEAD + "<script>alert(1)</script>\n</svg>",
        ["2:1: error: <script> is not allowed in a picture"],
    ),
    (
        "prefixed-svg-image",
        HEAD.replace("<svg ", '<svg xmlns:s="http://www.w3.org/2000/svg" ')
        + '<s:image href="/etc/x.png"/>\n</svg>',
        [
            "1:6: error: attribute 'xmlns:s' is not allowed on <svg>",
            "2:1: error: <s:image> is not allowed in a picture; expected one of: svg, g, defs, "
            "use, path, rect, circle, ellipse, line, polyline, polygon, switch, text, title, desc",
        ],
    ),
]

MALFORMED: list[tuple[str, str, list[str]]] = [
    (
        "not-xml",
        HEAD + "<g></svg>",
        ["2:6: error: not well-formed XML: mismatched tag"],
    ),
    (
        "not-svg",
        '<html xmlns="http://www.w3.org/1999/xhtml"/>',
        ['1:1: error: a picture must start with <svg xmlns="http://www.w3.org/2000/svg">'],
    ),
    (
        "no-view-box",
        '<svg xmlns="http://www.w3.org/2000/svg" width="8">\n</svg>',
        ['1:1: error: <svg> needs a viewBox of four numbers, like viewBox="0 0 800 500"'],
    ),
    (
        "fixed-fill",
        HEAD + '<rect x="1" fill="#1B1B1B" width="5" height="5"/>\n</svg>',
        [f'2:13: error: fill="#1B1B1B" {FIXED}; use a class like class="fill-ink", or fill="none"'],
    ),
    (
        "fixed-stroke-on-text",
        HEAD + '<text x="1" stroke="black">7</text>\n</svg>',
        [
            f'2:13: error: stroke="black" {FIXED}; use a class like class="stroke-ink", '
            'or stroke="none"'
        ],
    ),
    (
        "unknown-class",
        HEAD + '<rect class="fill-bones" width="5" height="5"/>\n</svg>',
        ["2:7: error: unknown class 'fill-bones'; did you mean 'fill-bone'?"],
    ),
    (
        "unknown-attribute",
        HEAD + '<path inkscape:label="x" d="M0 0"/>\n</svg>',
        ["2:7: error: attribute 'inkscape:label' is not allowed on <path>"],
    ),
    (
        "unknown-language",
        HEAD + LABEL.replace('systemLanguage="es"', 'systemLanguage="sp"') + "</svg>",
        [
            "3:9: error: systemLanguage 'sp' is not a language HemiGuide has; expected one of: es",
            "2:1: warning: picture label 'Nerve' has no Spanish ('es') translation; "
            "English will be shown",
        ],
    ),
    (
        "two-spanish-labels",
        HEAD
        + LABEL.replace("<switch>\n", '<switch>\n  <text systemLanguage="es">Nervio</text>\n')
        + "</svg>",
        ["4:3: error: a second Spanish ('es') label in this <switch> (first on line 3)"],
    ),
    (
        "english-not-last",
        HEAD + '<switch>\n  <text x="1">Nerve</text>\n  <text systemLanguage="es">Nervio</text>\n'
        "</switch>\n</svg>",
        [
            "3:3: error: the English label (the <text> without systemLanguage) must be the last "
            "in its <switch>"
        ],
    ),
    (
        "no-english",
        HEAD + '<switch>\n  <text systemLanguage="es">Nervio</text>\n</switch>\n</svg>',
        [
            "2:1: error: this <switch> has no English label: add a <text> without "
            "systemLanguage as its last label"
        ],
    ),
    (
        "not-a-label-in-a-switch",
        HEAD + '<switch>\n  <rect width="5" height="5"/>\n  <text>Nerve</text>\n</switch>\n</svg>',
        [
            "3:3: error: a <switch> may hold only <text> labels, one per language",
            "2:1: warning: picture label 'Nerve' has no Spanish ('es') translation; "
            "English will be shown",
        ],
    ),
    (
        "language-outside-a-switch",
        HEAD + '<text x="1" systemLanguage="es">Nervio</text>\n</svg>',
        [
            "2:13: error: systemLanguage is only for a <text> inside a <switch>",
            "2:1: warning: picture label 'Nervio' has no Spanish ('es') translation; "
            "English will be shown",
        ],
    ),
    (
        "empty-label",
        HEAD + '<text x="1"> </text>\n</svg>',
        ["2:1: error: a label needs some text on every line"],
    ),
    (
        "label-in-a-transform",
        HEAD + '<g transform="scale(2)">\n' + LABEL + "</g>\n</svg>",
        [
            "3:1: error: a label may not be inside a transform: HemiGuide sizes labels to the "
            "text size, so place them with x and y"
        ],
    ),
    (
        "lines-and-loose-text",
        HEAD + "<text>Nerve <tspan>root</tspan></text>\n</svg>",
        [
            "2:1: error: a label is either one line of text or one <tspan> per line, not both",
            "2:1: warning: picture label 'root' has no Spanish ('es') translation; "
            "English will be shown",
        ],
    ),
    (
        "element-inside-a-label",
        HEAD + '<text><rect width="1"/></text>\n</svg>',
        [
            "2:7: error: <rect> is not allowed inside a <text>; expected one of: tspan",
            "2:1: error: a label needs some text on every line",
        ],
    ),
]


@pytest.mark.parametrize(
    ("svg", "expected"), [pytest.param(s, e, id=i) for i, s, e in HOSTILE + MALFORMED]
)
def test_bad_picture_is_refused_with_exact_positions(svg: str, expected: list[str]) -> None:
    assert findings(svg) == expected


def test_a_huge_picture_is_refused_before_parsing() -> None:
    data = (HEAD + "<g>" + " " * MAX_BYTES + "</g></svg>").encode()
    assert findings(data) == ["1:1: error: the picture is larger than 512 KiB"]


def test_missing_translations_are_warnings_and_the_picture_still_loads() -> None:
    svg = (
        HEAD
        + '<text x="1" y="2">Nerve</text>\n'
        + '<switch>\n  <text x="1" y="9">Disc</text>\n</switch>\n'
        + '<text x="5" y="5">1–2 ?</text>\n'  # no words: nothing to translate
        + "</svg>"
    )
    assert findings(svg) == [
        "2:1: warning: picture label 'Nerve' has no Spanish ('es') translation; "
        "English will be shown",
        "3:1: warning: picture label 'Disc' has no Spanish ('es') translation; "
        "English will be shown",
    ]


def test_a_good_picture_keeps_shapes_classes_and_both_languages() -> None:
    svg = (
        XLINK
        + "<title>Notes for authors</title>\n"
        + '<defs><path id="dot" d="M0 0h4"/></defs>\n'
        + '<g class="fill-bone stroke-bone-edge" stroke-width="3">\n'
        + '  <use xlink:href="#dot" x="5"/>\n</g>\n'
        + LABEL
        + '<switch>\n  <text systemLanguage="es" x="9" y="9"><tspan>Hueso que</tspan>'
        + '<tspan x="9" dy="1.2em">se quita</tspan></text>\n'
        + '  <text x="9" y="9">Bone removed</text>\n</switch>\n'
        + "</svg>"
    )
    picture, found = parse_picture(svg.encode(), "x.svg", "illustrations/x.svg")
    assert found == []
    assert isinstance(picture, Picture)
    assert picture.path == "illustrations/x.svg"
    assert picture.view_box == (0.0, 0.0, 800.0, 500.0)
    assert [
        child.tag for child in picture.root.children if not isinstance(child, PictureLabel)
    ] == [
        "defs",
        "g",
    ]  # the title is a note for authors: never drawn
    group = picture.root.children[1]
    assert not isinstance(group, PictureLabel)
    assert group.attr("class") == "fill-bone stroke-bone-edge"
    nerve, bone = picture.labels()
    assert nerve.get("es").lines == ("Nervio",)
    assert nerve.get("en").lines == ("Nerve",)
    assert nerve.get("fr").lines == ("Nerve",)  # English for any other language
    assert bone.get("es").lines == ("Hueso que", "se quita")
    assert bone.has("es") and bone.has("en")


def test_a_bundled_picture_with_one_english_only_label_is_warned_about(tmp_path: Path) -> None:
    """The bundled step-1 picture, its Spanish "Nervios" taken out: validate names the
    label, its line and column, and leaves the author's file as it was."""
    clinic = tmp_path / "clinic"
    for folder in ("resources", "checklists"):
        shutil.copytree(bundled_content_root() / folder, clinic / folder)
    svg = clinic / "resources" / "illustrations" / "vertebra-top.svg"
    lines = svg.read_text(encoding="utf-8").splitlines(keepends=True)
    spanish = '  <text systemLanguage="es" x="30" y="330" font-size="34">Nervios</text>\n'
    line = lines.index(spanish)  # 1-based: the <switch> above it
    text = "".join(lines[:line] + lines[line + 1 :])
    svg.write_text(text, encoding="utf-8")
    report = validate([clinic])
    assert [str(f) for f in report.findings if f.severity != "note"] == [
        f"{svg}:{line}:1: warning: picture label 'Nerves' has no Spanish ('es') translation; "
        "English will be shown"
    ]
    assert (report.errors, report.warnings) == (0, 1)
    assert svg.read_text(encoding="utf-8") == text


def test_every_bundled_picture_is_shown_by_a_step() -> None:
    folder = bundled_content_root() / "resources" / "illustrations"
    content = load_content(bundled_content_root()).content
    used = {step.illustration.path for step in content.course.steps if step.illustration}
    assert sorted(f"illustrations/{file.name}" for file in folder.glob("*.svg")) == sorted(used)
