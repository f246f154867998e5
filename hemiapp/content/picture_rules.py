"""What a picture may hold: its elements and attributes, and the colour names of its classes.

Checked by ``hemiapp.content.picture``; documented for authors in checklists/README.md.
"""

from __future__ import annotations

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
MAX_BYTES = 512 * 1024
MAX_DEPTH = 30
MAX_LABEL = 120
LANGUAGE_NAMES_EN = {"en": "English", "es": "Spanish"}

#: Colour names a picture may use, as ``fill-NAME`` and ``stroke-NAME`` classes.
#: ``hemiapp.ui.theme.PICTURE_COLOURS`` gives each a normal and a high-contrast colour.
COLOURS = (
    "ink",  # text, and lines drawn on the background
    "mark",  # dark marks on light fills (eyes, a "!"): dark in both themes
    "line",  # outlines
    "paper",  # white things: a sheet, the spinal canal, a calendar
    "bone",
    "bone-edge",
    "nerve",
    "nerve-edge",
    "disc",
    "disc-edge",
    "disc-light",
    "removed",  # bone the surgeon takes out
    "alert",  # red: the edge of what is removed, warnings, a no-smoking sign
    "brand",  # the clinic's teal (yellow in high contrast, like the buttons)
    "brand-light",
    "brand-pale",
    "soft",  # light grey
    "grey",
    "skin",
    "hair",
    "warm",  # light yellow: lamp light
    "accent",  # orange
)
CLASSES = tuple(f"{kind}-{name}" for kind in ("fill", "stroke") for name in COLOURS)

PAINT = frozenset(
    {
        *("id", "class", "transform", "opacity"),
        *("fill", "fill-rule", "fill-opacity"),
        *("stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-dasharray"),
        *("stroke-dashoffset", "stroke-miterlimit", "stroke-opacity"),
        *("font-family", "font-size", "font-weight", "font-style", "text-anchor"),
    }
)
ELEMENTS: dict[str, frozenset[str]] = {
    "svg": PAINT
    | {"xmlns", "xmlns:xlink", "viewBox", "version", "baseProfile", "width"}
    | {"height", "preserveAspectRatio"},
    "g": PAINT,
    "defs": frozenset({"id"}),
    "use": PAINT | {"href", "xlink:href", "x", "y"},
    "path": PAINT | {"d"},
    "rect": PAINT | {"x", "y", "width", "height", "rx", "ry"},
    "circle": PAINT | {"cx", "cy", "r"},
    "ellipse": PAINT | {"cx", "cy", "rx", "ry"},
    "line": PAINT | {"x1", "y1", "x2", "y2"},
    "polyline": PAINT | {"points"},
    "polygon": PAINT | {"points"},
    "switch": frozenset({"id"}),
    "text": PAINT | {"x", "y", "systemLanguage"},
    "tspan": frozenset({"x", "dy"}),  # one line of a label; HemiGuide spaces the lines
    "title": frozenset(),
    "desc": frozenset(),
}
EXTERNAL_ELEMENTS = {
    "image": "<image> is not allowed in a picture: it would load a file; draw with shapes",
    "style": (
        "<style> is not allowed in a picture (CSS can load files with @import or url()); "
        'colours come from classes like class="fill-bone"'
    ),
    "script": "<script> is not allowed in a picture",
    "foreignObject": "<foreignObject> is not allowed in a picture",
}
TRANSFORMED_LABEL = (
    "a label may not be inside a transform: HemiGuide sizes labels to the text size, "
    "so place them with x and y"
)
