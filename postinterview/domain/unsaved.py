"""Text typed in a form and not saved yet, kept so that it outlives the app.

A quit, a crash or a SIGTERM while a form is open would otherwise throw the typing away; the
form keeps what it holds as an `UnsavedForm`, and the next start offers it back. Pure: the
moment is passed in, storing is the storage's job.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

ADD = "add"
"""The add-application form."""
EDIT = "edit"
"""The edit form of one application (`app_id`)."""
QUICK_ADD = "quick-add"
"""'I just had an interview' for a new company: the company and the role."""
CONTACT_LOG = "contact-log"
"""A contact with the employer or recruiter, being logged for one application (`app_id`)."""
FORMS = (ADD, EDIT, QUICK_ADD, CONTACT_LOG)
OF_ONE_APPLICATION = (EDIT, CONTACT_LOG)
"""Forms that belong to one application, named by `app_id`."""

THEN_INTERVIEW = "interview"
"""After a quick add: record the interview and open it."""
THEN_SCHEDULE = "schedule"
"""After a quick add: ask when the interview will be."""


@dataclass(frozen=True)
class UnsavedForm:
    """What one open form held that was not saved."""

    form: str
    """Which form: one of `FORMS`."""
    key: str
    """Names the kept copy; the same for every keystroke of one form."""
    fields: dict[str, str]
    """Each field's text (a choice by its value), as typed."""
    opened_with: dict[str, str]
    """The fields as they were when the form opened: what counts as changed."""
    kept_at: datetime
    """When it was last kept."""
    app_id: str = ""
    """The application being edited (EDIT only)."""
    then: str = ""
    """What a quick add leads to (THEN_INTERVIEW or THEN_SCHEDULE)."""
    about: str = ""
    """What the form was about, as the offer names it (a contact log's company)."""
    process: int = 0
    """The process that kept it: its own drafts are not offered back while it runs."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys written by a newer version, kept as they are."""

    @property
    def changed(self) -> bool:
        """True when something differs from what the form opened with."""
        return has_changes(self.fields, self.opened_with)


def has_changes(fields: Mapping[str, str], opened_with: Mapping[str, str]) -> bool:
    """True when a field's text differs from what it opened with (a missing one is "")."""
    names = set(fields) | set(opened_with)
    return any(fields.get(name, "") != opened_with.get(name, "") for name in names)


def describe(unsaved: UnsavedForm) -> str:
    """'adding Acme — Designer': what the person was doing, for the offer to restore it."""
    company = unsaved.fields.get("company", "").strip()
    role = unsaved.fields.get("role", "").strip()
    named = " — ".join(part for part in (company, role) if part) or "an application"
    if unsaved.form == EDIT:
        return f"editing {named}"
    if unsaved.form == CONTACT_LOG:
        return f"logging a contact with {unsaved.about or 'an application'}"
    return f"adding {named}"


def restored_fields(
    unsaved: UnsavedForm, now_shows: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The text to put back in the form. A field the person did not change takes what the
    record says now (`now_shows`, for an edit), so a change made elsewhere since is not
    undone by restoring; a field they changed takes what they typed."""
    if now_shows is None:
        return dict(unsaved.fields)
    restored = dict(now_shows)
    for name, text in unsaved.fields.items():
        if text != unsaved.opened_with.get(name, ""):
            restored[name] = text
    return restored


def to_table(unsaved: UnsavedForm) -> dict[str, Any]:
    """The TOML table of `unsaved` (no None: TOML has no null)."""
    table: dict[str, Any] = dict(unsaved.extra)
    table.update(
        form=unsaved.form,
        key=unsaved.key,
        kept_at=unsaved.kept_at,
        fields=dict(unsaved.fields),
        opened_with=dict(unsaved.opened_with),
        process=unsaved.process,
    )
    if unsaved.app_id:
        table["app_id"] = unsaved.app_id
    if unsaved.then:
        table["then"] = unsaved.then
    if unsaved.about:
        table["about"] = unsaved.about
    return table


KNOWN_KEYS = (
    "form",
    "key",
    "kept_at",
    "fields",
    "opened_with",
    "process",
    "app_id",
    "then",
    "about",
)


def from_table(table: Mapping[str, Any]) -> UnsavedForm:
    """An `UnsavedForm` from its TOML table; ValueError saying what is wrong."""
    form = table.get("form")
    if form not in FORMS:
        raise ValueError(f"unknown form {form!r}")
    key = table.get("key")
    kept_at = table.get("kept_at")
    if not isinstance(key, str) or not key:
        raise ValueError("no key")
    if not isinstance(kept_at, datetime) or kept_at.tzinfo is None:
        raise ValueError("kept_at is not a date and time with its offset")
    fields = _texts(table.get("fields"), "fields")
    opened_with = _texts(table.get("opened_with", {}), "opened_with")
    app_id, then, about = (table.get(name, "") for name in ("app_id", "then", "about"))
    process = table.get("process", 0)
    if not all(isinstance(value, str) for value in (app_id, then, about)):
        raise ValueError("app_id, then and about must be text")
    if form in OF_ONE_APPLICATION and not app_id:
        raise ValueError(f"a {form} form without its app_id")
    if not isinstance(process, int) or isinstance(process, bool):
        raise ValueError("process must be a number")
    extra = {name: value for name, value in table.items() if name not in KNOWN_KEYS}
    return UnsavedForm(form, key, fields, opened_with, kept_at, app_id, then, about, process, extra)


def _texts(value: object, name: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ValueError(f"{name} must be a table of text")
    return dict(value)
