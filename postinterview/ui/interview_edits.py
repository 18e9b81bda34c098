"""The interview screen's and the signals screen's fields as flat mappings, so edits merge
field by field (see domain.merge).

Keys: interview fields by name (`next_steps`, `interviewers`, ...), reflection answers as
`reflection.<name>`, and the application's referees as `referees`. The screen keeps the values
it showed as a baseline: a field is sent only if the person changed it, and a field that
another window changed meanwhile is not overwritten without saying so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from postinterview.domain.interviews import find_interview, revise_interview
from postinterview.domain.models import Application
from postinterview.workspace import SaveOutcome, Workspace

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


NOT_TYPED = frozenset({"id", "checklist", "signals", "snoozed"})
"""Interview fields no form of the interview screen shows."""


class InterviewEdits:
    """What the interview screen last read or wrote, and what clashed: the bookkeeping of the
    one merge rule for one open interview. Saves go through the workspace."""

    def __init__(self, workspace: Workspace, app_id: str, interview_id: str) -> None:
        self.workspace = workspace
        self.app_id = app_id
        self.fields = InterviewFields(interview_id)
        """This interview's fields, as the merge compares them."""
        self.baseline: dict[str, Any] = self.fields.read(workspace.records[app_id].application)
        """Each field as the screen last read or wrote it: the merge's baseline."""
        self.clashes: dict[str, Any] = {}
        """Fields both the person and another window changed, with the other's value: not
        saved until the person chooses to replace theirs (ctrl+s)."""
        self.saving = False
        """True while one of these saves is under way (its change is not news to the screen)."""
        self.typing_key = f"typing:{app_id}:{interview_id}:{id(self)}"
        """Typed text saved while this screen is open is one step for undo."""

    def save(self, changes: Mapping[str, Any], replace_theirs: bool = False) -> SaveOutcome | None:
        """Save the person's `changes` (None when nothing is left to write). A field that
        clashed waits unless `replace_theirs`: an autosave, or leaving, must not quietly
        replace the other window's text after the person was told it would not."""
        if replace_theirs:
            self.baseline.update(self.clashes)
            self.clashes.clear()
        writable = {name: value for name, value in changes.items() if name not in self.clashes}
        if not writable:
            return None
        self.saving = True
        try:
            outcome = self.workspace.save_fields(
                self.app_id, self.fields, self.baseline, writable, self.typing_key
            )
        finally:
            self.saving = False
        self.baseline.update(outcome.written)  # exactly what is on disk now
        self.clashes.update(outcome.clashes)
        return outcome.saved

    def update(self, change: Callable[[Application], Application]) -> SaveOutcome:
        """Save a whole-record change (a tick, a stage move) through the workspace."""
        self.saving = True
        try:
            return self.workspace.update(self.app_id, change)
        finally:
            self.saving = False

    def changed(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """The entries of `values` that differ from the baseline."""
        return {name: value for name, value in values.items() if self.baseline.get(name) != value}

    def differs_on_disk(self, application: Application) -> bool:
        """Whether `application` differs from the baseline in a field the forms show."""
        on_disk = self.fields.read(application)
        return any(
            on_disk.get(name) != self.baseline.get(name)
            for name in on_disk.keys() | self.baseline.keys()
            if name not in NOT_TYPED
        )

    def rebase(self, application: Application) -> None:
        """The forms now show `application` as it is."""
        self.baseline = self.fields.read(application)

    def clash_names(self) -> str:
        """The clashing fields, as people call them."""
        return ", ".join(name.removeprefix(REFLECTION).replace("_", " ") for name in self.clashes)
