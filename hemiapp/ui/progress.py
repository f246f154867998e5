"""A progress bar that reads in every palette, and re-styling after a property change."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QProgressBar, QWidget


class ProgressBar(QProgressBar):
    """A plain bar drawn in the text colour, so it reads in every palette."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        box = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(colour, 2))
        painter.drawRoundedRect(box, 4, 4)
        span = self.maximum() - self.minimum()
        share = (self.value() - self.minimum()) / span if span > 0 else 0.0
        if share > 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(
                QRectF(box.x(), box.y(), box.width() * share, box.height()), 4, 4
            )
        painter.end()


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after a ``role`` property changed (children included)."""
    for each in (widget, *widget.findChildren(QWidget)):
        each.style().unpolish(each)
        each.style().polish(each)
    widget.update()
