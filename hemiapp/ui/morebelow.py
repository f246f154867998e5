"""A "More below" cue for a scroll area: shown while part of the page is out of sight.

At the largest text sizes a page's text runs past the bottom of the screen; a thin
scroll bar is no cue for a patient who has never used a touch screen. The cue is a
button (tapping it scrolls down by most of a screen) that goes away at the bottom.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QPushButton, QScrollArea, QWidget

from hemiapp.ui.widgets import button, set_text


class MoreBelow(QObject):
    """Keeps ``self.button`` visible exactly while ``area`` can scroll further down."""

    def __init__(self, area: QScrollArea, parent: QWidget) -> None:
        super().__init__(parent)
        self.area = area
        self.button: QPushButton = button()
        self.button.setObjectName("more-below")
        keep = self.button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # nothing beside it moves when it comes or goes
        self.button.setSizePolicy(keep)
        self.button.clicked.connect(self.scroll_down)
        self.button.setVisible(False)
        bar = area.verticalScrollBar()
        bar.rangeChanged.connect(lambda _low, _high: self.sync())
        bar.valueChanged.connect(lambda _value: self.sync())
        self.retranslate()

    def retranslate(self) -> None:
        set_text(self.button, self.tr("▼ More below"), self.tr("Show more of this page"))

    @property
    def more(self) -> bool:
        """Something of the page is below the bottom of the screen."""
        bar = self.area.verticalScrollBar()
        return bar.value() < bar.maximum()

    def sync(self) -> None:
        self.button.setVisible(self.more and not self.area.isHidden())

    def scroll_down(self) -> None:
        bar = self.area.verticalScrollBar()
        bar.setValue(bar.value() + max(bar.pageStep() * 3 // 4, bar.singleStep()))
        QTimer.singleShot(0, self, self.sync)
