"""Saving from the application form: the step between what the form returns and the
workspace's one save path and merge rule."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from postinterview.domain.editing import (
    apply_field_edits,
    describe_validation_error,
    new_application,
)
from postinterview.domain.models import Application
from postinterview.ui.application_fields import comparable
from postinterview.workspace import SaveOutcome, Workspace


class ApplicationFields:
    """The application form's fields, for the workspace's merge (domain.merge.FieldSet)."""

    def read(self, application: Application) -> dict[str, Any]:
        """The fields as the record holds them."""
        return comparable(application)

    def write(
        self, application: Application, values: Mapping[str, Any], now: datetime
    ) -> Application:
        """`application` with `values` set."""
        return apply_field_edits(application, values, now)


APPLICATION_FIELDS = ApplicationFields()


class FormEdit:
    """What an open edit form last read or wrote: the baseline of the merge."""

    def __init__(self, application: Application) -> None:
        self.app_id = application.id
        self.baseline = comparable(application)


def create_application(
    workspace: Workspace, values: dict[str, Any], merge_key: str = ""
) -> SaveOutcome:
    """Store a new application from form values (`merge_key`: see Workspace.update)."""
    try:
        application = new_application(now=workspace.clock(), **values)
    except ValidationError as error:
        return SaveOutcome(None, "; ".join(describe_validation_error(error)))
    return workspace.add(application, merge_key=merge_key)


def save_form_edits(workspace: Workspace, edit: FormEdit, values: dict[str, Any]) -> str | None:
    """Save the fields the person changed: None once saved (or when nothing changed), or why
    not.

    When another window changed the same fields since the form opened, those are not written
    and the form says so; its baseline then holds their version, so saving again replaces it
    on purpose.
    """
    outcome = workspace.save_fields(edit.app_id, APPLICATION_FIELDS, edit.baseline, values)
    if not outcome.saved.ok:
        return outcome.saved.error
    edit.baseline.update(outcome.written)
    if outcome.clashes:
        edit.baseline.update(outcome.clashes)
        names = ", ".join(name.replace("_", " ") for name in outcome.clashes)
        return (
            f"Changed elsewhere while you were editing: {names}. Save again to replace their "
            "version with yours, or cancel."
        )
    return None
