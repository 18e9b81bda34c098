"""Saving from forms: the shared step between what a dialog returns and the store."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import ValidationError

from postinterview.domain.editing import describe_validation_error, new_application
from postinterview.storage.store import ApplicationStore, Stored, StoreError


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
