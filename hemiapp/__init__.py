"""HemiGuide: hemilaminotomy patient education and checklists."""

__version__ = "0.1.0"
