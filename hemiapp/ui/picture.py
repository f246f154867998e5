"""Drawing a checked picture in the patient's language, the theme's colours and text size.

The renderer is only ever given a ``Picture`` (checked by hemiapp.content.picture); it
writes fresh SVG bytes from it, with nothing but the allowed elements and attributes,
colours filled in from the theme and labels at least as large as the body text, and
hands those bytes to Qt. Qt never sees the file, so it has nothing to resolve.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from hemiapp.content.models import Picture, PictureLabel, SvgElement
from hemiapp.content.picture import SVG_NS, XLINK_NS
from hemiapp.ui.theme import picture_colour

LINE_SPACING = 1.2  # lines of a label, in font sizes
DEFAULT_FONT_SIZE = 16.0  # SVG's "medium"
FONT_FAMILY = "DejaVu Sans, Arial, sans-serif"


def is_high_contrast(widget: QWidget) -> bool:
    """Whether the window a widget is in shows the high-contrast theme."""
    return bool(widget.window().property("highContrast"))


def _number(text: str, default: float) -> float:
    try:
        return float(text.removesuffix("px"))
    except ValueError:
        return default


class _Writer:
    def __init__(self, language: str, high_contrast: bool, min_font: float) -> None:
        self.language = language
        self.high_contrast = high_contrast
        self.min_font = min_font  # in viewBox units
        self.out: list[str] = []

    def attrs(self, element: SvgElement, skip: tuple[str, ...] = ()) -> str:
        parts = []
        for name, value in element.attrs:
            if name in skip or name in ("xmlns", "xmlns:xlink"):
                continue
            if name == "class":
                for cls in value.split():
                    kind, _, colour = cls.partition("-")
                    if kind in ("fill", "stroke"):
                        parts.append(
                            f" {kind}={quoteattr(picture_colour(colour, self.high_contrast))}"
                        )
                continue
            parts.append(f" {name}={quoteattr(value)}")
        return "".join(parts)

    def node(self, node: SvgElement | PictureLabel, font: float) -> None:
        if isinstance(node, PictureLabel):
            self.label(node.get(self.language), font)
            return
        own = node.attr("font-size")
        font = _number(own, font) if own else font
        self.out.append(f"<{node.tag}{self.attrs(node)}>")
        for child in node.children:
            self.node(child, font)
        self.out.append(f"</{node.tag}>")

    def label(self, text: SvgElement, font: float) -> None:
        """One <text> per line (Qt draws no tspan lines), at least the body text size."""
        own = text.attr("font-size")
        size = max(_number(own, font) if own else font, self.min_font)
        x, y = _number(text.attr("x", "0"), 0.0), _number(text.attr("y", "0"), 0.0)
        attrs = self.attrs(text, skip=("x", "y", "font-size"))
        for n, line in enumerate(text.lines):
            top = y + n * size * LINE_SPACING
            self.out.append(
                f'<text x="{x:g}" y="{top:g}" font-size="{size:.2f}"{attrs}>{escape(line)}</text>'
            )


def width_for_text(picture: Picture, body_px: int) -> int:
    """How wide to draw a picture for its smallest label to be ``body_px`` tall."""
    sizes: list[float] = []

    def walk(node: SvgElement | PictureLabel, font: float) -> None:
        if isinstance(node, PictureLabel):
            for _, text in node.variants:
                own = text.attr("font-size")
                sizes.append(_number(own, font) if own else font)
            return
        own = node.attr("font-size")
        for child in node.children:
            walk(child, _number(own, font) if own else font)

    walk(picture.root, DEFAULT_FONT_SIZE)
    if not sizes:
        return 0
    return round(body_px * picture.view_box[2] / min(sizes))


def picture_svg(
    picture: Picture, language: str, *, high_contrast: bool, min_font: float = 0.0
) -> bytes:
    """The SVG Qt draws: ``language``'s labels, the theme's colours, labels at least
    ``min_font`` viewBox units tall."""
    writer = _Writer(language, high_contrast, min_font)
    root = picture.root
    ink = picture_colour("ink", high_contrast)
    box = " ".join(f"{v:g}" for v in picture.view_box)
    writer.out.append(
        f'<svg xmlns="{SVG_NS}" xmlns:xlink="{XLINK_NS}" version="1.2" baseProfile="tiny" '
        f'viewBox="{box}" fill="{ink}" font-family="{FONT_FAMILY}"'
        f"{writer.attrs(root, skip=('viewBox', 'version', 'baseProfile', 'width', 'height'))}>"
    )
    own = root.attr("font-size")
    font = _number(own, DEFAULT_FONT_SIZE) if own else DEFAULT_FONT_SIZE
    for child in root.children:
        writer.node(child, font)
    writer.out.append("</svg>")
    return "\n".join(writer.out).encode()


def render_picture(
    picture: Picture,
    language: str,
    *,
    width: int,
    body_px: int,
    high_contrast: bool,
    ratio: float,
) -> QPixmap:
    """The picture ``width`` logical pixels wide, its words at least ``body_px`` tall."""
    _, _, box_width, box_height = picture.view_box
    scale = width / box_width
    data = picture_svg(picture, language, high_contrast=high_contrast, min_font=body_px / scale)
    renderer = QSvgRenderer(QByteArray(data))
    size = QSize(round(width * ratio), round(width * box_height / box_width * ratio))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap
