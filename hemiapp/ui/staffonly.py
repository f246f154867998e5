"""Staff-only widgets and dialogs: the one place that takes them all away at sign-out.

Every control only a signed-in staff member may see (print preview, Save as PDF, Add note,
Sign off, the staff bar, the kiosk's Leave and Quit, a dialog they opened) is marked with
``staff_only(widget)`` when it is made. When staff sign out, or are signed out for being
idle, the staff controller calls ``withdraw(window)``: every marked widget in the window is
hidden and every marked dialog is rejected (closed, with ``finished``), in one walk. A
screen that has not refreshed yet cannot leave one of them on screen; a screen shows its
own marked widgets again only while a staff member is signed in (``session.actor``).
No Qt-free code may import this (it is for widgets).
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QDialog, QWidget

STAFF_ONLY = "staffOnly"  # the dynamic property that marks a widget

W = TypeVar("W", bound=QWidget)


def staff_only(widget: W) -> W:
    """Mark ``widget`` (and so everything in it) as only for a signed-in staff member."""
    widget.setProperty(STAFF_ONLY, True)
    return widget


def is_staff_only(widget: QWidget) -> bool:
    return bool(widget.property(STAFF_ONLY))


def marked(root: QWidget) -> list[QWidget]:
    """Every staff-only widget under ``root`` (and ``root`` itself, if it is one)."""
    found = [w for w in root.findChildren(QWidget) if is_staff_only(w)]
    return [root, *found] if is_staff_only(root) else found


def withdraw(root: QWidget) -> None:
    """Staff have gone: hide every staff-only widget under ``root``, close their dialogs.

    A dialog a staff-only dialog opened (the print dialog over the preview) is closed
    first, so that no nested dialog outlives the one it came from."""
    for widget in marked(root):
        if isinstance(widget, QDialog):
            for inner in reversed(widget.findChildren(QDialog)):
                if inner.isVisible():
                    inner.reject()
            if widget.isVisible():
                widget.reject()  # its ``finished`` lets its owner forget it
        widget.hide()
