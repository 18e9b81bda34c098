"""Saving from forms: the shared step between what a dialog returns and the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from postinterview.domain.editing import (
    EditConflict,
    apply_field_edits,
    describe_validation_error,
    new_application,
)
from postinterview.storage.store import ApplicationStore, Saved, Stored, StoreError
from postinterview.ui.application_fields import comparable


@dataclass
class EditSession:
    """What an open edit form last saw, so a clash with another window is noticed once."""

    seen: Stored


def create_application(
    store: ApplicationStore, values: dict[str, Any], now: datetime
) -> Stored | str:
    """Store a new application from form values: the stored result, or why it failed."""
    try:
        return store.create(new_application(now=now, **values))
    except ValidationError as error:
        return "; ".join(describe_validation_error(error))
    except StoreError as error:
        return str(error)


def save_form_edits(
    store: ApplicationStore, session: EditSession, values: dict[str, Any], now: datetime
) -> Saved | str | None:
    """Save the fields of an edit form that changed: the result, why it failed, or None when
    nothing changed.

    When another window changed the same fields since the form opened, the first save is
    refused with an explanation and the session now holds their version, so saving again
    replaces it on purpose.
    """
    before = comparable(session.seen.application)
    edits = {name: value for name, value in values.items() if before.get(name) != value}
    if not edits:
        return None
    seen = session.seen.application
    try:
        return store.update(
            seen.id,
            lambda current: apply_field_edits(current, edits, now, seen=seen),
            session.seen.revision,
        )
    except EditConflict as conflict:
        session.seen = store.load(seen.id)
        return f"{conflict} Save again to replace their version with yours, or cancel."
    except ValidationError as error:
        return "; ".join(describe_validation_error(error))
    except StoreError as error:
        return str(error)
