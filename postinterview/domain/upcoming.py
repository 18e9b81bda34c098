"""Upcoming interviews: the rule for a start time, getting ready, and asking how it went.

An interview whose start is after now is upcoming (interviews.is_upcoming). It is got ready
for with the catalog's `before_the_interview` items, and its `before_you_leave` items are
what to do on the day; it drives no follow-up (the plan counts from the latest interview
held). Once the start of an interview scheduled ahead has passed, Today asks how it went
until the record says.

Pure: no Textual, no storage, no clock (`now` is always passed in).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from postinterview.domain.checklist import (
    ChecklistCatalog,
    ChecklistEntry,
    ChecklistProgress,
    EntryState,
    ItemKind,
    Phase,
    build_checklist,
    checklist_states,
    join_names,
)
from postinterview.domain.checklist_now import doable_progress, past_entries
from postinterview.domain.interviews import is_upcoming, upcoming_interviews
from postinterview.domain.models import Application, ChecklistMark, Interview, InterviewKind

FUTURE_TOLERANCE = timedelta(minutes=15)
"""A clock a little off should not block recording an interview that just ended."""

GETTING_READY = (Phase.BEFORE_THE_INTERVIEW, Phase.BEFORE_YOU_LEAVE)
"""The phases shown for an upcoming interview: preparing, then what to do on the day."""

StateList = list[tuple[ChecklistEntry, EntryState]]


def start_problem(
    at: datetime, now: datetime, upcoming: bool | None, when: str = "That time"
) -> str | None:
    """Why `at` cannot be an interview's start, or None when it can; `when` names it in the
    message (e.g. 'tomorrow, Sat 21 Nov 14:00').

    `upcoming` True: it is being scheduled ahead, so it must start later than now.
    False: one that has happened is being recorded, so it cannot be in the future (beyond a
    clock a little off). None: either (a scheduled interview may have moved).
    """
    if upcoming is True and at <= now:
        return (
            f"{when} has passed: an upcoming interview starts later than now. "
            "If it has happened, record it with i (I just had an interview)."
        )
    if upcoming is False and at > now + FUTURE_TOLERANCE:
        return (
            f"{when} is in the future: record it once it has happened, or schedule it ahead with I."
        )
    return None


# --- Getting ready -------------------------------------------------------------------------


def preparation(
    application: Application, interview: Interview, catalog: ChecklistCatalog | None = None
) -> list[ChecklistEntry]:
    """The getting-ready entries of one interview, preparing first, then the day itself."""
    return [
        entry
        for entry in build_checklist(application, interview, catalog)
        if entry.phase in GETTING_READY
    ]


def preparation_state(entry: ChecklistEntry, marks: Mapping[str, ChecklistMark]) -> EntryState:
    """A step is open until marked: getting ready has no deadline but the interview itself."""
    mark = marks.get(entry.id)
    if mark is None:
        return EntryState.DUE
    return EntryState.DONE if mark.state == "done" else EntryState.NOT_APPLICABLE


def checklist_for(
    application: Application,
    interview: Interview,
    now: datetime,
    catalog: ChecklistCatalog | None = None,
) -> tuple[StateList, ChecklistProgress]:
    """What one interview's checklist shows at `now`, with its progress.

    Upcoming: getting ready, every step open until marked. Held: the checklist without the
    getting-ready steps, whose moment has passed (their marks stay in the file), counting only
    what can still be done.
    """
    if is_upcoming(interview, now):
        states = [
            (entry, preparation_state(entry, interview.checklist))
            for entry in preparation(application, interview, catalog)
        ]
        return states, _progress(states)
    entries = [
        entry
        for entry in build_checklist(application, interview, catalog)
        if entry.phase is not Phase.BEFORE_THE_INTERVIEW
    ]
    states = checklist_states(entries, interview.checklist, now)
    # "Before you leave" steps are past once it is over: not counted (domain.checklist_now).
    past = past_entries(states, interview, now)
    return states, doable_progress(entries, interview.checklist, now, past)


def _progress(states: StateList) -> ChecklistProgress:
    found = [state for _, state in states]
    return ChecklistProgress(
        done=found.count(EntryState.DONE),
        not_applicable=found.count(EntryState.NOT_APPLICABLE),
        total=len(found),
        to_do_now=sum(
            state is EntryState.DUE and entry.kind is ItemKind.DO for entry, state in states
        ),
    )


def open_steps(
    application: Application, interview: Interview, catalog: ChecklistCatalog | None = None
) -> list[ChecklistEntry]:
    """The getting-ready dos not marked yet: what there is still to do (don'ts are advice)."""
    return [
        entry
        for entry in preparation(application, interview, catalog)
        if entry.kind is ItemKind.DO
        and preparation_state(entry, interview.checklist) is EntryState.DUE
    ]


def is_interview_day(interview: Interview, now: datetime) -> bool:
    """Whether `now` falls on the interview's day, in the interview's own time zone."""
    return now.astimezone(interview.at.tzinfo).date() == interview.at.date()


@dataclass(frozen=True, slots=True)
class ComingUp:
    """One upcoming interview as Today lists it."""

    application_id: str
    interview: Interview
    steps: tuple[ChecklistEntry, ...]
    """The open dos to get ready, and on the interview's day the open before-you-leave ones."""
    on_the_day: int
    """How many before-you-leave dos are still open (listed as steps on the day itself)."""


def coming_up(
    applications: Iterable[Application], now: datetime, catalog: ChecklistCatalog | None = None
) -> list[ComingUp]:
    """Every upcoming interview of the open applications, soonest first, with its open steps."""
    found: list[ComingUp] = []
    for application in applications:
        if application.stage.is_closed:
            continue
        for interview in upcoming_interviews(application, now):
            open_dos = open_steps(application, interview, catalog)
            ready = [e for e in open_dos if e.phase is Phase.BEFORE_THE_INTERVIEW]
            on_the_day = [e for e in open_dos if e.phase is Phase.BEFORE_YOU_LEAVE]
            steps = ready + on_the_day if is_interview_day(interview, now) else ready
            found.append(ComingUp(application.id, interview, tuple(steps), len(on_the_day)))
    return sorted(found, key=lambda item: (item.interview.at, item.application_id))


# --- After its time --------------------------------------------------------------------------


def has_record(interview: Interview) -> bool:
    """Whether anything says how the interview went: a reflection answer, a signal, its
    actual length, or that it went badly."""
    reflection = interview.reflection
    answers = [getattr(reflection, name) for name in type(reflection).model_fields]
    return (
        any(isinstance(answer, str) and answer.strip() for answer in answers)
        or reflection.still_want is not None
        or bool(interview.signals)
        or interview.actual_minutes is not None
        or interview.went_badly
    )


def awaiting_record(application: Application, now: datetime) -> list[Interview]:
    """Interviews scheduled ahead whose start has passed with nothing recorded yet, oldest
    first: the app asks how each went. None for a closed application."""
    if application.stage.is_closed:
        return []
    waiting = [
        interview
        for interview in application.interviews
        if interview.scheduled and not is_upcoming(interview, now) and not has_record(interview)
    ]
    return sorted(waiting, key=lambda interview: interview.at)


def next_interview(application: Application, now: datetime) -> Interview | None:
    """The soonest upcoming interview, if any."""
    return next(iter(upcoming_interviews(application, now)), None)


def next_start(applications: Iterable[Application], now: datetime) -> datetime | None:
    """When the next upcoming interview starts: the moment what is shown changes by itself
    (it stops being upcoming, its follow-ups begin, and the app asks how it went)."""
    starts = [
        interview.at
        for application in applications
        for interview in application.interviews
        if is_upcoming(interview, now)
    ]
    return min(starts, default=None)


# --- Words shared by the screens and the calendar export ------------------------------------


def what_text(interview: Interview) -> str:
    """'Technical interview, round 2 · video' (what is known of it)."""
    kind = "Interview"
    if interview.kind is not InterviewKind.OTHER:
        kind = f"{interview.kind.value.capitalize()} interview"
    parts = [f"{kind}, round {interview.round}" if interview.round else kind]
    if interview.format is not None:
        parts.append(interview.format.value.replace("_", " "))
    return " · ".join(parts)


def people_text(interview: Interview) -> str:
    """'Ana Ruiz (CTO) and Ben Ode', or "" when nobody is recorded yet."""
    return join_names(
        [f"{p.name} ({p.title})" if p.title.strip() else p.name for p in interview.interviewers]
    )
