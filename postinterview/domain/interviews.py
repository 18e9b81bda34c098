"""Changes to an application's interviews, as pure functions (see domain.editing for why).

Ticking a checklist entry is in domain.ticks: a tick means more than the mark.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from postinterview.domain.editing import move_stage
from postinterview.domain.ids import short_token
from postinterview.domain.models import Application, Interview
from postinterview.domain.stages import Stage

DEFAULT_LENGTH = timedelta(hours=1)
"""How long an interview is taken to last when neither its actual nor planned length is known."""


def interview_end(interview: Interview) -> datetime:
    """When the interview ended: its start plus its actual, else planned, length."""
    minutes = interview.actual_minutes or interview.planned_minutes
    return interview.at + (timedelta(minutes=minutes) if minutes else DEFAULT_LENGTH)


class InterviewNotFound(LookupError):
    """The interview is not in the application (deleted in another window, or by hand)."""


def find_interview(application: Application, interview_id: str) -> Interview:
    """The interview with `interview_id`; InterviewNotFound otherwise."""
    for interview in application.interviews:
        if interview.id == interview_id:
            return interview
    raise InterviewNotFound(
        f"This interview is no longer in {application.company}: it was removed elsewhere."
    )


def latest_interview(application: Application) -> Interview | None:
    """The most recent interview, if there is one (an upcoming one too: see
    latest_held_interview for what has happened)."""
    return max(application.interviews, key=lambda interview: interview.at, default=None)


def is_upcoming(interview: Interview, now: datetime) -> bool:
    """Whether the interview is still to come: its start is after `now`.

    The one rule: an upcoming interview is prepared for, and drives no follow-up; once its
    start has passed it is held, and the after-interview plan follows it.
    """
    return interview.at > now


def latest_held_interview(application: Application, now: datetime) -> Interview | None:
    """The most recent interview that has started by `now`: what follow-ups count from."""
    held = [interview for interview in application.interviews if not is_upcoming(interview, now)]
    return max(held, key=lambda interview: interview.at, default=None)


def upcoming_interviews(application: Application, now: datetime) -> list[Interview]:
    """The interviews still to come, soonest first."""
    ahead = [interview for interview in application.interviews if is_upcoming(interview, now)]
    return sorted(ahead, key=lambda interview: interview.at)


def new_interview_id() -> str:
    """A fresh interview id (8 random characters: a clash is vanishingly unlikely, and refused)."""
    return short_token()


def add_interview(
    application: Application, interview_id: str, at: datetime, now: datetime, **fields: Any
) -> Application:
    """`application` with a new interview `interview_id` at `at`."""
    if any(interview.id == interview_id for interview in application.interviews):
        raise ValueError(f"Interview id {interview_id} is already taken.")
    interview = Interview.model_validate({"id": interview_id, "at": at, **fields})
    return application.revised(interviews=[*application.interviews, interview], updated_at=now)


STAGES_BEFORE_INTERVIEWS = (Stage.SAVED, Stage.APPLIED, Stage.SCREENING)


def record_interview(
    application: Application, interview_id: str, at: datetime, now: datetime
) -> Application:
    """A new interview, as the 'I just had an interview' flow records it.

    An application still at Saved, Applied or Screening has plainly moved on: it goes to
    Interviewing, and the move is kept in its history like any other (from Saved, that move
    dates `applied_on` when it is empty: editing.move_stage).
    """
    updated = add_interview(application, interview_id, at, now)
    if updated.stage in STAGES_BEFORE_INTERVIEWS:
        updated = move_stage(updated, Stage.INTERVIEWING, now, note="Interview recorded")
    return updated


def schedule_interview(
    application: Application, interview_id: str, at: datetime, now: datetime, **fields: Any
) -> Application:
    """A new upcoming interview at `at` (which must be after `now`), marked as scheduled.

    Like recording one, booking an interview moves an application at Saved, Applied or
    Screening on to Interviewing.
    """
    if not at > now:
        raise ValueError("An upcoming interview starts later than now.")
    updated = add_interview(application, interview_id, at, now, scheduled=True, **fields)
    if updated.stage in STAGES_BEFORE_INTERVIEWS:
        updated = move_stage(updated, Stage.INTERVIEWING, now, note="Interview scheduled")
    return updated


def revise_interview(
    application: Application, interview_id: str, changes: dict[str, Any], now: datetime
) -> Application:
    """`application` with `changes` set on one interview (validated)."""
    find_interview(application, interview_id)
    interviews = [
        interview.revised(**changes) if interview.id == interview_id else interview
        for interview in application.interviews
    ]
    return application.revised(interviews=interviews, updated_at=now)


def remove_interview(application: Application, interview_id: str, now: datetime) -> Application:
    """`application` without the interview."""
    find_interview(application, interview_id)
    remaining = [i for i in application.interviews if i.id != interview_id]
    return application.revised(interviews=remaining, updated_at=now)
