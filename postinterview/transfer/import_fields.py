"""The application fields a tracker column can fill, and the names columns go by.

Header names are compared by `header_key`, which ignores case, punctuation and accents and
splits camelCase. SYNONYMS holds each field's names as the trackers people export from write
them (Huntr, JobSync, LinkedIn, Teal, Notion, ghosted, sheet templates), in English, German,
French and Spanish; import_columns matches a header against them.
"""

from __future__ import annotations

import re
from enum import StrEnum

from postinterview.transfer.import_values import fold


class Field(StrEnum):
    """The application fields a tracker column can fill."""

    COMPANY = "company"
    ROLE = "role"
    STAGE = "stage"
    APPLIED_ON = "applied_on"
    LOCATION = "location"
    JOB_LINK = "job_link"
    RECRUITER = "recruiter"
    RECRUITER_EMAIL = "recruiter_email"
    RECRUITER_PHONE = "recruiter_phone"
    SOURCE = "source"
    NOTES = "notes"
    COMPANY_SIZE = "company_size"
    SAVED_ON = "saved_on"
    """When the role was saved or the row created (import_age: the application's age)."""
    STAGE_SINCE = "stage_since"
    """When the row's current stage was reached."""
    HISTORY = "history"
    """The stage history, as one cell (import_history)."""


REQUIRED: tuple[Field, ...] = (Field.COMPANY, Field.ROLE)
DATE_FIELDS: tuple[Field, ...] = (Field.APPLIED_ON, Field.SAVED_ON, Field.STAGE_SINCE)
"""Fields read as dates: each such column's day order is decided from its cells."""

KEEP_IN_NOTES = "notes"
SKIP = "skip"
"""The two `--map` targets that are not fields: a column kept as a notes line, or left out."""


def header_key(name: str) -> str:
    """A header name as we compare it: camelCase split, then folded (`import_values.fold`)."""
    return fold(re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name))


_SYNONYMS_AS_WRITTEN: dict[Field, tuple[str, ...]] = {
    Field.COMPANY: (
        "company", "company name", "employer", "organisation", "organization", "firm",
        "Firma", "Unternehmen", "Arbeitgeber",  # German
        "entreprise", "société", "employeur",  # French
        "empresa", "compañía", "compania", "nombre de la empresa",  # Spanish
    ),
    Field.ROLE: (
        "role", "title", "job title", "position", "job", "role title", "job role",
        "job position", "job name", "jobTitle",
        "Stelle", "Stellenbezeichnung", "Jobtitel", "Berufsbezeichnung",  # German
        "poste", "intitulé du poste", "intitulé", "titre du poste",  # French
        "puesto", "cargo", "título del puesto",  # Spanish
    ),
    Field.STAGE: (
        "stage", "status", "application status", "list name", "list", "pipeline",
        "Bewerbungsstatus", "Stand",  # German ("Status" is the same word)
        "statut", "étape", "état",  # French
        "estado", "etapa",  # Spanish
    ),
    Field.APPLIED_ON: (
        "applied", "applied on", "date applied", "applied date", "application date",
        "date", "applied at", "submitted", "date submitted",
        "Beworben am", "Bewerbungsdatum", "Datum",  # German
        "date de candidature", "candidature", "date de postulation",  # French
        "fecha de solicitud", "fecha de postulación", "fecha", "fecha de aplicación",  # Spanish
    ),
    Field.LOCATION: (
        "location", "city", "place", "job location",
        "Ort", "Standort", "Arbeitsort",  # German
        "lieu", "ville", "localisation",  # French
        "ubicación", "ciudad", "lugar",  # Spanish
    ),
    Field.JOB_LINK: (
        "link", "url", "job link", "job url", "advert", "job advert", "ad", "posting",
        "job posting", "posting url", "listing", "job listing", "website",
        "Stellenanzeige", "Anzeige",  # German ("Link" is the same word)
        "lien", "annonce", "lien de l'annonce",  # French
        "enlace", "anuncio",  # Spanish
    ),
    Field.RECRUITER: (
        "recruiter", "agent", "recruiter name", "recruiter contact", "contact", "contact name",
        "hiring manager", "contact person",
        "Ansprechpartner", "Ansprechperson", "Kontakt",  # German
        "recruteur", "interlocuteur",  # French
        "contacto", "reclutador",  # Spanish
    ),
    Field.RECRUITER_EMAIL: (
        "email", "e-mail", "email address", "contact email", "recruiter email",
        "hiring manager email",
        "E-Mail-Adresse", "Kontakt E-Mail",  # German ("E-Mail" is the same word)
        "courriel", "adresse e-mail", "e-mail du contact",  # French
        "correo", "correo electrónico", "email de contacto",  # Spanish
    ),
    Field.RECRUITER_PHONE: (
        "phone", "phone number", "telephone", "contact phone", "recruiter phone",
        "Telefon", "Telefonnummer",  # German
        "téléphone", "tél", "numéro de téléphone",  # French
        "teléfono", "número de teléfono",  # Spanish
    ),
    Field.SOURCE: (
        "source", "found via", "channel", "job board",
        "Quelle", "Kanal",  # German
        "canal",  # French, Spanish
        "fuente",  # Spanish
    ),
    Field.NOTES: (
        "notes", "note", "comments", "comment", "description", "job description",
        "Notizen", "Bemerkungen", "Kommentar", "Kommentare", "Anmerkungen",  # German
        "remarques", "commentaires",  # French
        "notas", "comentarios", "observaciones",  # Spanish
    ),
    Field.COMPANY_SIZE: (
        "company size", "size", "company type", "employees", "headcount",
        "Unternehmensgröße", "Firmengröße", "Größe",  # German
        "taille de l'entreprise", "taille",  # French
        "tamaño de la empresa", "tamaño",  # Spanish
    ),
    Field.SAVED_ON: (
        "date saved", "saved", "saved on", "saved at", "date added", "added", "added on",
        "created", "created at", "created on", "created time", "date created", "creation date",
        "erstellt", "erstellt am", "gespeichert am", "hinzugefügt am", "angelegt am",  # German
        "date d'ajout", "ajouté le", "date de création", "créé le",  # French
        "fecha de creación", "fecha de alta", "fecha guardada", "creado",  # Spanish
    ),
    Field.STAGE_SINCE: (
        "last moved", "last moved at", "moved at", "date moved", "stage since", "status since",
        "stage date", "status date", "updated", "updated at", "last updated", "last update",
        "modified", "last modified", "status changed", "last status change",
        "zuletzt geändert", "geändert am", "aktualisiert", "aktualisiert am",  # German
        "Status seit", "Statusdatum",
        "dernière modification", "mis à jour", "mis à jour le", "modifié le",  # French
        "date du statut",
        "última modificación", "actualizado", "fecha de actualización",  # Spanish
        "fecha del estado",
    ),
    Field.HISTORY: (
        "history", "stage history", "status history", "timeline", "stage changes",
        "Verlauf", "Statusverlauf", "Bewerbungsverlauf",  # German
        "historique", "historique des étapes", "historique du statut",  # French
        "historial", "historial de estados", "historial del estado",  # Spanish
    ),
}  # fmt: skip

SYNONYMS: dict[Field, tuple[str, ...]] = {
    name: tuple(dict.fromkeys(header_key(word) for word in words))
    for name, words in _SYNONYMS_AS_WRITTEN.items()
}
"""Each field's accepted column names, as header keys."""
