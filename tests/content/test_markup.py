"""The limited Markdown of step bodies renders safely."""

from __future__ import annotations

from hemiapp.content import markup


def test_paragraphs_bullets_bold_italic() -> None:
    text = "It is **small**.\nIt is *quick*.\n\n- One\n- Two\n  more\n\nEnd."
    assert markup.to_html(text) == (
        "<p>It is <b>small</b>. It is <i>quick</i>.</p>"
        "<ul><li>One</li><li>Two more</li></ul><p>End.</p>"
    )
    assert markup.to_plain(text) == "It is small. It is quick.\nOne\nTwo more\nEnd."


def test_everything_else_is_shown_literally() -> None:
    assert markup.to_html("a < b & c > d, 2 * 3 = 6") == "<p>a &lt; b &amp; c &gt; d, 2 * 3 = 6</p>"


def test_forbidden_constructs_are_found_with_positions() -> None:
    text = "Fine.\n<script>x</script>\n![x](y.png)\n# Heading\nsee www.example.org"
    assert markup.problems(text) == [
        (1, 0, "HTML is not allowed in text; use **bold** or *italic*"),
        (2, 0, "images are not allowed in text; use the step's illustration"),
        (2, 3, "links are not allowed in text"),
        (3, 0, "headings are not allowed in text; the step title is the heading"),
        (4, 4, "web addresses are not allowed in text"),
    ]
