"""The printout's own words (not the content's), translated like the interface: through
the Qt translation files in resources/i18n (context "Printout").

A printout is in the patient's language whatever the interface shows (and a headless
``hemiapp print`` has no interface at all), so each language's translator is loaded here
on its own, not installed. A language without a translation prints in English, like the
content does.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTranslator

from hemiapp.content.models import DEFAULT_LANGUAGE
from hemiapp.paths import translations_dir

#: key → English text (the translation source); "Not done" of teach-back has a context of
#: its own, as its Spanish differs from an item's "Not done".
_MARKED: dict[str, object] = {  # (QT_TRANSLATE_NOOP is typed as giving an object)
    "title": QT_TRANSLATE_NOOP("Printout", "Your surgery checklist"),
    "patient": QT_TRANSLATE_NOOP("Printout", "Patient"),
    "date_of_birth": QT_TRANSLATE_NOOP("Printout", "Date of birth"),
    "surgery_date": QT_TRANSLATE_NOOP("Printout", "Surgery date"),
    "language": QT_TRANSLATE_NOOP("Printout", "Language"),
    "mrn": QT_TRANSLATE_NOOP("Printout", "Medical record number"),
    "surgeon": QT_TRANSLATE_NOOP("Printout", "Surgeon"),
    "legend": QT_TRANSLATE_NOOP("Printout", "How to read this list:"),
    "done": QT_TRANSLATE_NOOP("Printout", "Done"),
    "open": QT_TRANSLATE_NOOP("Printout", "Not done"),
    "question": QT_TRANSLATE_NOOP("Printout", "Question"),
    "by_patient": QT_TRANSLATE_NOOP("Printout", "patient"),
    "note": QT_TRANSLATE_NOOP("Printout", "Note:"),
    "nurse_item": QT_TRANSLATE_NOOP("Printout", "A nurse checks this item."),
    "warning_heading": QT_TRANSLATE_NOOP("Printout", "Call your care team right away if…"),
    "emergency_heading": QT_TRANSLATE_NOOP("Printout", "Call 911 now"),
    "signoff": QT_TRANSLATE_NOOP("Printout", "Sign-off"),
    "signed_by": QT_TRANSLATE_NOOP("Printout", "Signed off by"),
    "time": QT_TRANSLATE_NOOP("Printout", "Time"),
    "method": QT_TRANSLATE_NOOP("Printout", "Method"),
    "attestation": QT_TRANSLATE_NOOP("Printout", "Statement"),
    "needs_signoff": QT_TRANSLATE_NOOP(
        "Printout", "This list was changed after it was signed off: it needs a new sign-off."
    ),
    "signature_patient": QT_TRANSLATE_NOOP("Printout", "Patient"),
    "signature_nurse": QT_TRANSLATE_NOOP("Printout", "Nurse"),
    "date": QT_TRANSLATE_NOOP("Printout", "Date"),
    "about": QT_TRANSLATE_NOOP("Printout", "About this printout"),
    "content_version": QT_TRANSLATE_NOOP("Printout", "Content version"),
    "audit_head": QT_TRANSLATE_NOOP("Printout", "Audit log"),
    "course": QT_TRANSLATE_NOOP("Printout", "Education"),
    "checklist": QT_TRANSLATE_NOOP("Printout", "Checklist"),
    "versioned": QT_TRANSLATE_NOOP("Printout", "{title} — version {version} ({status})"),
    "review_draft": QT_TRANSLATE_NOOP("Printout", "draft"),
    "review_in_review": QT_TRANSLATE_NOOP("Printout", "in review"),
    "review_approved": QT_TRANSLATE_NOOP("Printout", "approved"),
    "printed": QT_TRANSLATE_NOOP("Printout", "Printed"),
    "page": QT_TRANSLATE_NOOP("Printout", "Page {page} of {pages}"),
    "teach_back": QT_TRANSLATE_NOOP("Printout", "Teach-back (the patient explained it back):"),
    "teach_back_by": QT_TRANSLATE_NOOP("Printout", "Done by {who}"),
    "teach_back_not_done": QT_TRANSLATE_NOOP("Printout teach-back", "Not done"),
}
_SOURCE: dict[str, str] = {key: str(text) for key, text in _MARKED.items()}
_CONTEXT = {"teach_back_not_done": "Printout teach-back"}


@cache
def _translator(language: str) -> QTranslator | None:
    translator = QTranslator()
    if translator.load(str(translations_dir() / f"hemiapp_{language}.qm")):
        return translator
    return None


def labels_for(language: str) -> dict[str, str]:
    """The printout's labels in ``language`` (English when it has no translation)."""
    return dict(_labels(language))


@cache
def _labels(language: str) -> dict[str, str]:
    translator = None if language == DEFAULT_LANGUAGE else _translator(language)
    if translator is None:
        return dict(_SOURCE)
    out = {}
    for key, source in _SOURCE.items():
        text = translator.translate(_CONTEXT.get(key, "Printout"), source)
        out[key] = text or source
    return out
