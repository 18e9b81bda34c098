"""Which column of a spreadsheet tracker holds what: header names matched with synonyms.

Headers are compared by a key that ignores case, punctuation and accents and splits camelCase
(`companyName`, `Company Name:`, `company_name` and `COMPANY-NAME` are one column; `Société`
is `societe`). The synonyms cover the trackers people export from (Huntr, JobSync, LinkedIn,
Teal, Notion, sheet templates) in English, German, French and Spanish. A column we do not know
is kept: its cells go into the application's notes as 'Column: value' lines. The person can
override any of it with `--map COLUMN=field` (ImportOptions.columns).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
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

_BY_NAME: dict[str, Field] = {name: f for f, names in SYNONYMS.items() for name in names}

_YES_NO = frozenset(
    header_key(word) for word in "yes no true false y n ja nein oui non sí si 1 0 ✓ ✔ ✗ x".split()
)
"""Cell values of a tick-box column: such a column says whether, never when or where."""

_NOT_YES_NO = (*DATE_FIELDS, Field.STAGE)


class MappingRefused(ValueError):
    """A `--map` the file cannot follow, or a required column missing; one line."""


@dataclass(frozen=True)
class ColumnMap:
    """Where each known field is in a row, the columns kept in the notes, and why."""

    fields: dict[Field, int] = field(default_factory=dict)
    """Field -> cell index."""
    extra: list[tuple[int, str]] = field(default_factory=list)
    """(cell index, column name as written) for columns kept in the notes."""
    header: tuple[str, ...] = ()
    """The header row as written; a column in neither `fields` nor `extra` is skipped."""
    reasons: dict[int, str] = field(default_factory=dict)
    """Cell index -> why the column went where it did, when it was not its name."""

    def missing(self) -> list[Field]:
        """Required fields with no column."""
        return [f for f in REQUIRED if f not in self.fields]

    def lines(self) -> list[str]:
        """One line per file column: `"Name" -> field`, `-> notes` or `-> skipped`."""
        by_index = {index: name.value for name, index in self.fields.items()}
        kept = {index for index, _ in self.extra}
        result = []
        for index, name in enumerate(self.header):
            target = by_index.get(index) or ("notes" if index in kept else "skipped")
            reason = f" ({self.reasons[index]})" if index in self.reasons else ""
            result.append(f"{_shown_name(name, index)} -> {target}{reason}")
        return result


def _shown_name(name: str, index: int) -> str:
    return name.strip() or f"Column {index + 1}"


def map_header(
    header: Sequence[str],
    sample_rows: Sequence[Sequence[str]] = (),
    overrides: Mapping[str, str] | None = None,
) -> ColumnMap:
    """Read a header row. `overrides` (column -> field, "notes" or "skip") come first; then
    the first column with a field's name wins, a second one goes to the notes. A column whose
    `sample_rows` cells are all yes/no is never a date or a stage. MappingRefused for an
    override the file cannot follow."""
    columns = ColumnMap(header=tuple(header))
    chosen = _overrides(header, overrides or {}, columns)
    for index, raw in enumerate(header):
        if index in chosen:
            continue
        known = _BY_NAME.get(header_key(raw))
        if known in _NOT_YES_NO and _is_yes_no(index, sample_rows):
            columns.reasons[index] = "yes/no values, so not a date or a stage"
            known = None
        if known is not None and known not in columns.fields:
            columns.fields[known] = index
        else:
            columns.extra.append((index, _shown_name(raw, index)))
    _contact_parts_need_a_contact(columns, chosen)
    columns.extra.sort()
    return columns


_CONTACT_PARTS = (Field.RECRUITER_EMAIL, Field.RECRUITER_PHONE)


def _contact_parts_need_a_contact(columns: ColumnMap, chosen: set[int]) -> None:
    """An email or phone column is the recruiter's only beside a contact (name) column:
    alone it is as likely the person's own (LinkedIn's `Contact Email` is the applicant's),
    so it is kept in the notes, unless `--map` said otherwise."""
    if Field.RECRUITER in columns.fields:
        return
    for part in _CONTACT_PARTS:
        index = columns.fields.get(part)
        if index is not None and index not in chosen:
            del columns.fields[part]
            columns.extra.append((index, _shown_name(columns.header[index], index)))
            columns.reasons[index] = "no contact column beside it, so perhaps your own"


def _overrides(header: Sequence[str], overrides: Mapping[str, str], columns: ColumnMap) -> set[int]:
    """Apply `--map`s to `columns`; the indices they decided."""
    accepted = [f.value for f in Field] + [SKIP]
    chosen: set[int] = set()
    for column, target in overrides.items():
        target = target.strip().casefold()
        if target not in accepted:
            raise MappingRefused(
                f"--map {column}={target}: {target!r} is not a field; use one of "
                + ", ".join(accepted)
            )
        index = _find_column(header, column)
        if index is None:
            hint = _nearest(column, header)
            raise MappingRefused(
                f"--map {column}={target}: the header has no column {column!r}"
                + (f"; did you mean {hint!r}?" if hint else "")
            )
        chosen.add(index)
        columns.reasons[index] = "--map"
        if target == KEEP_IN_NOTES:
            columns.extra.append((index, _shown_name(header[index], index)))
        elif target != SKIP:
            columns.fields[Field(target)] = index
    return chosen


def _find_column(header: Sequence[str], column: str) -> int | None:
    """The column as written, or else the one with the same header key."""
    for index, name in enumerate(header):
        if name.strip() == column.strip():
            return index
    for index, name in enumerate(header):
        if header_key(name) == header_key(column):
            return index
    return None


def _is_yes_no(index: int, sample_rows: Sequence[Sequence[str]]) -> bool:
    values = [row[index].strip() for row in sample_rows if index < len(row) and row[index].strip()]
    return bool(values) and all(header_key(value) in _YES_NO or value in "✓✔✗" for value in values)


def _nearest(wanted: str, candidates: Sequence[str], words: Sequence[str] = ()) -> str | None:
    """The candidate closest to `wanted` (or to any of `words`), by header key; None if none is
    close."""
    best, best_score = None, 0.6
    targets = [header_key(wanted), *words] if wanted else list(words)
    for name in candidates:
        key = header_key(name)
        for target in targets:
            score = difflib.SequenceMatcher(None, key, target).ratio()
            if score > best_score:
                best, best_score = name.strip(), score
    return best


def missing_column_message(columns: ColumnMap, missing: Field) -> str:
    """Why a header with no `missing` column is refused, naming the nearest column if any."""
    names = ", ".join(SYNONYMS[missing][:3])
    text = f"the header has no {missing.value} column (name one {names})"
    free = [columns.header[i] for i, _ in columns.extra if columns.reasons.get(i) != "--map"]
    hint = _nearest("", free, SYNONYMS[missing])
    if hint:
        option = f"{hint}={missing.value}"
        shown = f'"{option}"' if " " in option else option
        text += f"; did you mean {hint!r}? Use --map {shown}"
    return text
