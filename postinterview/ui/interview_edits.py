"""The interview screen's and the signals screen's fields as flat mappings, so edits merge
field by field (see domain.merge).

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


class InterviewFields:
    """One interview's fields, for the workspace's merge (domain.merge.FieldSet)."""

    def __init__(self, interview_id: str) -> None:
        self.interview_id = interview_id

    def read(self, application: Application) -> dict[str, Any]:
        """The fields as the record holds them."""
        return flatten(application, self.interview_id)

    def write(
        self, application: Application, values: Mapping[str, Any], now: datetime
    ) -> Application:
        """`application` with `values` set."""
        return apply_fields(application, self.interview_id, values, now)


class SignalFields:
    """One interview's signal answers, by signal id, for the workspace's merge. An absent
    answer reads as None, so clearing one merges like any other change."""

    def __init__(self, interview_id: str) -> None:
        self.interview_id = interview_id

    def read(self, application: Application) -> dict[str, Any]:
        """The answers as the record holds them."""
        return dict(find_interview(application, self.interview_id).signals)

    def write(
        self, application: Application, values: Mapping[str, Any], now: datetime
    ) -> Application:
        """`application` with `values` set (None clears an answer)."""
        signals = self.read(application)
        for signal_id, answer in values.items():
            if answer is None:
                signals.pop(signal_id, None)
            else:
                signals[signal_id] = answer
        return revise_interview(application, self.interview_id, {"signals": signals}, now)
