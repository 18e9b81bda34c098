"""Changes a person makes to an application, as pure functions of (application, now).

Each returns a new validated Application and never touches the one it was given, so the store
can re-apply the same change to a fresher copy read from disk (see storage.store).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from postinterview.domain.days import local_day
from postinterview.domain.limits import too_long
from postinterview.domain.models import Application, StageChange
from postinterview.domain.stages import Stage, move_refusal


class StageMoveRefused(ValueError):
    """A stage move that cannot be true; the message says why, in words for people."""


def new_application(
    company: str,
    role: str,
    now: datetime,
    stage: Stage = Stage.APPLIED,
    **fields: Any,
) -> Application:
    """A new application, its first stage recorded in the history."""
    return Application.model_validate(
        {
            "company": company,
            "role": role,
            "stage": stage,
            "created_at": now,
            "updated_at": now,
            "stage_history": [{"at": now, "to_stage": stage}],
            **fields,
        }
    )


def move_stage(
    application: Application, target: Stage, now: datetime, note: str = ""
) -> Application:
    """Move to `target`, recorded in the history; raises StageMoveRefused with the reason.

    Leaving Saved for an active stage is applying: an empty `applied_on` becomes today (the
    local day of `now`); one already set stays, and going back to Saved keeps it too.
    """
    refusal = move_refusal(application.stage, target)
    if refusal is not None:
        raise StageMoveRefused(refusal)
    change = StageChange(at=now, from_stage=application.stage, to_stage=target, note=note)
    applying = application.stage == Stage.SAVED and target.is_active
    dated = {"applied_on": local_day(now)} if applying and application.applied_on is None else {}
    return application.revised(
        stage=target,
        updated_at=now,
        stage_history=[*application.stage_history, change],
        **dated,
    )


def apply_field_edits(current: Application, edits: Mapping[str, Any], now: datetime) -> Application:
    """Set `edits` on `current` (validated), stamping the time. Which edits to make when
    another window changed the same fields is the merge rule's to say (domain.merge)."""
    if "stage" in edits:
        raise ValueError("Use move_stage to change the stage, so the move is recorded.")
    if not edits:
        return current
    return current.revised(**edits, updated_at=now)


def company_key(name: str) -> str:
    """A company name reduced for comparison: case, accents, punctuation and spaces ignored."""
    decomposed = unicodedata.normalize("NFKD", name).casefold()
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", "", kept)


def same_company(
    applications: Iterable[Application], company: str, excluding_id: str = ""
) -> list[Application]:
    """Applications to what is plainly the same company as `company`."""
    key = company_key(company)
    if not key:
        return []
    return [
        app for app in applications if app.id != excluding_id and company_key(app.company) == key
    ]


def describe_validation_error(error: ValidationError) -> list[str]:
    """One line per problem, naming the field in words a person can act on."""
    lines = []
    for problem in error.errors():
        where = ".".join(str(part) for part in problem["loc"]) or "record"
        if problem["type"] == "string_too_long":  # "company is 10,240 characters; the ..."
            limit = problem.get("ctx", {}).get("max_length", 0)
            lines.append(too_long(where, str(problem["input"]), limit))
            continue
        message = problem["msg"]
        if message.startswith("Value error, "):
            message = message.removeprefix("Value error, ")
        lines.append(f"{where}: {message}")
    return lines
