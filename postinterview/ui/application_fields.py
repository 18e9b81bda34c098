"""The application form's fields, and turning what was typed into model values.

Pure functions (no widgets) so the rules can be unit-tested and shared by every form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel

from postinterview.domain.dates import day_label, read_day
from postinterview.domain.limits import field_too_long
from postinterview.domain.models import Application, CompanySize, Contact, Source
from postinterview.formatting import shown

RECRUITER_FIELDS = ("recruiter_name", "recruiter_email", "recruiter_phone")
DATE_FIELDS = ("applied_on", "offer_respond_by")
"""Fields typed as days (`last mon`, `1 Nov`), shown with what they were read as."""


@dataclass(frozen=True)
class FieldSpec:
    """One text field of the form."""

    name: str
    label: str
    placeholder: str = ""
    required: bool = False


TEXT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("company", "Company", "e.g. Acme Robotics", required=True),
    FieldSpec("role", "Role", "e.g. Backend Engineer", required=True),
    FieldSpec("location", "Location", "City, or Remote"),
    FieldSpec("job_link", "Job advert link", "https://…"),
    FieldSpec("applied_on", "Applied on", "e.g. today, last mon, 1 Nov or 2026-11-01"),
    FieldSpec("offer_respond_by", "Answer their offer by", "once they make one, e.g. next fri"),
    FieldSpec("recruiter_name", "Recruiter name", "if a recruiter or agency is involved"),
    FieldSpec("recruiter_email", "Recruiter email"),
    FieldSpec("recruiter_phone", "Recruiter phone"),
)

NOTES_FIELD = FieldSpec("notes", "Notes")
"""The notes: a text area, not a line, but checked like the other fields."""

_STORED_AS: dict[str, tuple[type[BaseModel], str]] = {
    name: (Contact, name.removeprefix("recruiter_")) for name in RECRUITER_FIELDS
}
"""Form fields stored in another model than Application, and their name there."""

SOURCE_CHOICES: tuple[tuple[str, Source], ...] = (
    ("Applied directly", Source.DIRECT),
    ("Through a recruiter", Source.RECRUITER),
    ("Referred by someone", Source.REFERRAL),
    ("Through an agency", Source.AGENCY),
)

SIZE_CHOICES: tuple[tuple[str, CompanySize], ...] = (
    ("Small firm (decides in days)", CompanySize.SMALL),
    ("Large organisation (decides in weeks)", CompanySize.LARGE),
)


def describe_company(application: Application) -> str:
    """'Acme — Backend Engineer (Screening)': how an application is named in lists (shown:
    control characters as stand-ins)."""
    return shown(f"{application.company} — {application.role} ({application.stage.label})")


def form_text_of(application: Application) -> dict[str, str]:
    """The text each field shows when editing `application`."""
    recruiter = application.recruiter
    return {
        "company": application.company,
        "role": application.role,
        "location": application.location,
        "job_link": application.job_link,
        "applied_on": application.applied_on.isoformat() if application.applied_on else "",
        "offer_respond_by": (
            application.offer_respond_by.isoformat() if application.offer_respond_by else ""
        ),
        "recruiter_name": recruiter.name if recruiter else "",
        "recruiter_email": recruiter.email if recruiter else "",
        "recruiter_phone": recruiter.phone if recruiter else "",
        "notes": application.notes,
    }


def parse_form(
    text: dict[str, str],
    source: Source | None,
    size: CompanySize | None,
    today: date,
    base: Application | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Model values from the form, and an error message per field that is wrong.

    `base` is the application being edited: its recruiter's other details (title, notes,
    unknown keys) are kept when only the name, email or phone change.
    """
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for spec in TEXT_FIELDS:
        if spec.required and not text.get(spec.name, "").strip():
            errors[spec.name] = f"{spec.label} is required."
    for name in ("company", "role", "location", "job_link"):
        values[name] = text.get(name, "").strip()
    values["notes"] = text.get("notes", "")
    for spec in (*TEXT_FIELDS, NOTES_FIELD):
        model, field = _STORED_AS.get(spec.name, (Application, spec.name))
        if field in model.model_fields and not errors.get(spec.name):
            typed = text.get(spec.name, "")
            typed = typed if spec is NOTES_FIELD else typed.strip()  # as stored
            if problem := field_too_long(model, field, spec.label, typed):
                errors[spec.name] = f"{problem}."
    values["source"] = source
    values["company_size"] = size

    for name, reader in (
        ("applied_on", read_applied_on),
        ("offer_respond_by", read_offer_respond_by),
    ):
        typed = text.get(name, "").strip()
        values[name] = None
        if typed:
            try:
                values[name] = reader(typed, today)
            except ValueError as problem:
                errors[name] = str(problem)

    recruiter = {
        key.removeprefix("recruiter_"): text.get(key, "").strip() for key in RECRUITER_FIELDS
    }
    if any(recruiter.values()):
        if not recruiter["name"]:
            errors["recruiter_name"] = "Give the recruiter's name, or clear their details."
        kept = base.recruiter.model_dump() if base and base.recruiter else {}
        values["recruiter"] = {**kept, **recruiter}
    else:
        values["recruiter"] = None
    return values, errors


def read_applied_on(text: str, today: date) -> date:
    """The day applied on: a day in the past (`mon` is the last Monday); ValueError why not."""
    applied_on = read_day(text, today, prefer="past")
    if applied_on > today:
        label = day_label(applied_on, today)
        raise ValueError(f"{label} is in the future: give the day you applied.")
    return applied_on


def read_offer_respond_by(text: str, today: date) -> date:
    """The day they want an answer to their offer by: `fri` is the coming Friday. A past day
    is kept (the plan's "answer the offer" is then overdue); ValueError when unreadable."""
    return read_day(text, today, prefer="future")


def read_field_day(name: str, text: str, today: date) -> date:
    """The day typed in the date field `name` (one of DATE_FIELDS)."""
    reader = read_offer_respond_by if name == "offer_respond_by" else read_applied_on
    return reader(text, today)


def comparable(application: Application) -> dict[str, Any]:
    """The fields the form edits, as parse_form would give them, for spotting what changed."""
    dumped = application.model_dump(mode="python")
    keys = ("company", "role", "location", "job_link", "notes", "source", "company_size")
    result = {key: dumped[key] for key in keys}
    result["applied_on"] = application.applied_on
    result["offer_respond_by"] = application.offer_respond_by
    result["recruiter"] = dumped["recruiter"]
    return result
