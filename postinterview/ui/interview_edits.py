"""The interview screen's fields as one flat mapping, so edits merge field by field.

Keys: interview fields by name (`next_steps`, `interviewers`, ...), reflection answers as
`reflection.<name>`, and the application's referees as `referees`. The screen keeps the values
it showed as a baseline: a field is sent only if the person changed it, and a field that
another window changed meanwhile is not overwritten without saying so.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from postinterview.domain.interviews import find_interview, revise_interview
from postinterview.domain.models import Application

REFLECTION = "reflection."
REFEREES = "referees"


def flatten(application: Application, interview_id: str) -> dict[str, Any]:
    """Every editable field of one interview (and the application's referees), flat."""
    interview = find_interview(application, interview_id).model_dump(mode="python")
    fields = {name: value for name, value in interview.items() if name != "reflection"}
    fields.update({REFLECTION + name: value for name, value in interview["reflection"].items()})
    fields[REFEREES] = application.model_dump(mode="python")[REFEREES]
    return fields


def clashes(
    changes: Mapping[str, Any], baseline: Mapping[str, Any], current: Mapping[str, Any]
) -> list[str]:
    """Fields changed here that someone else also changed, to something else, since `baseline`."""
    return [
        name
        for name, value in changes.items()
        if current.get(name) != baseline.get(name) and current.get(name) != value
    ]


def apply_fields(
    application: Application, interview_id: str, fields: Mapping[str, Any], now: datetime
) -> Application:
    """`application` with flat `fields` set (validated by the models)."""
    interview_fields = {
        name: value
        for name, value in fields.items()
        if not name.startswith(REFLECTION) and name != REFEREES
    }
    answers = {
        name.removeprefix(REFLECTION): value
        for name, value in fields.items()
        if name.startswith(REFLECTION)
    }
    if answers:
        reflection = find_interview(application, interview_id).reflection.model_dump()
        interview_fields["reflection"] = {**reflection, **answers}
    if REFEREES in fields:
        application = application.revised(referees=fields[REFEREES], updated_at=now)
    if not interview_fields:
        return application
    return revise_interview(application, interview_id, interview_fields, now)
