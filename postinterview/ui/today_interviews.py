"""Today's rows about interviews rather than planned actions: the ones coming up, each with its
getting-ready steps (tickable like any action), and the question asked once a scheduled one
has happened. The rules are domain.upcoming's; this is how they read on Today.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from rich.text import Text

from postinterview.domain.checklist import ChecklistEntry
from postinterview.domain.models import Application, Interview
from postinterview.domain.plan import PlannedAction
from postinterview.domain.upcoming import ComingUp, is_interview_day, people_text, what_text
from postinterview.ui.upcoming_text import ask_text, moment_text, step_tag, when_text
from postinterview.ui.widgets.sectioned_list import Section

RowKind = Literal["interview", "step", "ask"]

OPENS_ON: Mapping[RowKind, str] = {
    "interview": "facts",
    "step": "checklist-tab",
    "ask": "reflection",
}
"""The interview screen's step that enter opens, by row."""


@dataclass(frozen=True, slots=True)
class InterviewRow:
    """One of Today's rows about an interview."""

    kind: RowKind
    """The interview itself, one of its steps, or the question of how it went."""
    application_id: str
    interview: Interview
    entry: ChecklistEntry | None = None
    """The step, for a "step" row."""
    on_the_day: int = 0
    """For an "interview" row: the before-you-leave steps still open, shown on the day."""


Row = PlannedAction | InterviewRow
"""What one of Today's rows stands for: a planned action, or an interview row."""


def coming_up_section(coming: Sequence[ComingUp]) -> Section[Row]:
    """Each upcoming interview, soonest first, followed by its open steps."""
    rows: list[tuple[str, Row]] = []
    for item in coming:
        key = f"{item.application_id}/{item.interview.id}"
        header = InterviewRow(
            "interview", item.application_id, item.interview, None, item.on_the_day
        )
        rows.append((f"{key}/interview", header))
        rows += [
            (
                f"{key}/step/{entry.id}",
                InterviewRow("step", item.application_id, item.interview, entry),
            )
            for entry in item.steps
        ]
    return Section(
        "Interviews coming up", rows, hint="space ticks a step · enter opens it", count=len(coming)
    )


def ask_section(waiting: Sequence[tuple[Application, Interview]]) -> Section[Row]:
    """The scheduled interviews whose time has passed with nothing recorded yet."""
    rows: list[tuple[str, Row]] = [
        (f"{app.id}/{interview.id}/ask", InterviewRow("ask", app.id, interview))
        for app, interview in waiting
    ]
    return Section("How did it go?", rows, hint="enter opens the reflection")


def interview_prompt(row: InterviewRow, application: Application, now: datetime) -> Text:
    """The lines of one interview row."""
    interview = row.interview
    if row.kind == "step" and row.entry is not None:
        text = Text.assemble(("  ☐ ", "bold yellow"), (f"{step_tag(row.entry)} · ", "dim"))
        text.append(row.entry.text)
        text.append(f"\n      {row.entry.why}", style="bright_black")
        return text
    company = Text.assemble((application.company, "bold"), f" — {application.role}   ")
    if row.kind == "ask":
        company.append(moment_text(interview.at), style="bold yellow")
        company.append(f"\n  {ask_text(interview)}")
        return company
    company.append(when_text(interview, now), style="bold cyan")
    details = [what_text(interview)]
    if interview.place.strip():
        details.append(interview.place.strip())
    company.append(f"\n  {' · '.join(details)}")
    people = people_text(interview)
    company.append(f"\n  with {people}" if people else "\n  who you will meet: not recorded yet")
    if row.on_the_day and not is_interview_day(interview, now):  # on the day, they are steps
        company.append(
            f"\n  on the day: {row.on_the_day} thing{'s' if row.on_the_day > 1 else ''} to do "
            "before you leave, listed here that morning",
            style="bright_black",
        )
    return company
