"""The printout's own words (not the content's), in English and Spanish.

A headless print has no Qt translator installed, so the report carries its labels
itself. Every language has every key (tests/report checks that); a language
without a table prints in English, like the content does.
"""

from __future__ import annotations

from hemiapp.content.models import DEFAULT_LANGUAGE

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Your surgery checklist",
        "patient": "Patient",
        "date_of_birth": "Date of birth",
        "surgery_date": "Surgery date",
        "language": "Language",
        "mrn": "Medical record number",
        "surgeon": "Surgeon",
        "legend": "How to read this list:",
        "done": "Done",
        "open": "Not done",
        "question": "Question",
        "by_patient": "patient",
        "note": "Note:",
        "nurse_item": "A nurse checks this item.",
        "warning_heading": "Call your care team right away if…",
        "emergency_heading": "Call 911 now",
        "signoff": "Sign-off",
        "signed_by": "Signed off by",
        "time": "Time",
        "method": "Method",
        "attestation": "Statement",
        "needs_signoff": "This list was changed after it was signed off: it needs a new sign-off.",
        "signature_patient": "Patient",
        "signature_nurse": "Nurse",
        "date": "Date",
        "about": "About this printout",
        "content_version": "Content version",
        "audit_head": "Audit log",
        "course": "Education",
        "checklist": "Checklist",
        "versioned": "{title} — version {version} ({status})",
        "review_draft": "draft",
        "review_in_review": "in review",
        "review_approved": "approved",
        "printed": "Printed",
        "page": "Page {page} of {pages}",
        "teach_back": "Teach-back (the patient explained it back):",
        "teach_back_by": "Done by {who}",
        "teach_back_not_done": "Not done",
    },
    "es": {
        "title": "Su lista para la cirugía",
        "patient": "Paciente",
        "date_of_birth": "Fecha de nacimiento",
        "surgery_date": "Fecha de la cirugía",
        "language": "Idioma",
        "mrn": "Número de historia clínica",
        "surgeon": "Cirujano/a",
        "legend": "Cómo leer esta lista:",
        "done": "Hecho",
        "open": "Pendiente",
        "question": "Pregunta",
        "by_patient": "paciente",
        "note": "Nota:",
        "nurse_item": "El personal de enfermería revisa este punto.",
        "warning_heading": "Llame de inmediato a su equipo médico si…",
        "emergency_heading": "Llame al 911 ahora",
        "signoff": "Firma",
        "signed_by": "Firmada por",
        "time": "Hora",
        "method": "Método",
        "attestation": "Declaración",
        "needs_signoff": "Esta lista cambió después de firmarse: necesita una nueva firma.",
        "signature_patient": "Paciente",
        "signature_nurse": "Enfermera/o",
        "date": "Fecha",
        "about": "Sobre esta copia impresa",
        "content_version": "Versión del contenido",
        "audit_head": "Registro de auditoría",
        "course": "Educación",
        "checklist": "Lista",
        "versioned": "{title} — versión {version} ({status})",
        "review_draft": "borrador",
        "review_in_review": "en revisión",
        "review_approved": "aprobada",
        "printed": "Impreso",
        "page": "Página {page} de {pages}",
        "teach_back": "Comprensión verificada (lo explicó con sus propias palabras):",
        "teach_back_by": "Hecha por {who}",
        "teach_back_not_done": "No hecha",
    },
}

LANGUAGES = tuple(_LABELS)


def labels_for(language: str) -> dict[str, str]:
    """The label table for ``language`` (English when there is none)."""
    return _LABELS.get(language, _LABELS[DEFAULT_LANGUAGE])
