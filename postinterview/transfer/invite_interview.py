"""An invitation as the upcoming interview it adds, and as the lines a dry run shows.

The interview is scheduled (Today asks how it went once it has passed), holds the people
with their emails, the place or link, the planned length and the invitation's UID (so the
same invitation is never added twice). The summary and description go to the
application's notes, under a line naming the invitation: an interview has no notes of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from postinterview.domain.editing import new_application
from postinterview.domain.interviews import new_interview_id, schedule_interview
from postinterview.domain.limits import NOTE_LIMIT
from postinterview.domain.models import (
    Application,
    Contact,
    Interview,
    InterviewFormat,
    InterviewKind,
)
from postinterview.transfer.ical_interviews import interview_uid
from postinterview.transfer.import_invite import Invite
from postinterview.transfer.import_values import fold

_KIND_WORDS: tuple[tuple[str, InterviewKind], ...] = (
    ("final", InterviewKind.FINAL),
    ("panel", InterviewKind.PANEL),
    ("technical", InterviewKind.TECHNICAL),
    ("coding", InterviewKind.TECHNICAL),
    ("system design", InterviewKind.TECHNICAL),
    ("assessment", InterviewKind.ASSESSMENT),
    ("case study", InterviewKind.ASSESSMENT),
    ("screen", InterviewKind.SCREEN),
    ("screening", InterviewKind.SCREEN),
    ("phone screen", InterviewKind.SCREEN),
    ("intro call", InterviewKind.SCREEN),
)
"""Words of a summary that say what sort of interview it is, the first found deciding."""


class InviteNotAdded(ValueError):
    """The invitation cannot become an upcoming interview; the message says why."""


def interview_kind(summary: str) -> InterviewKind:
    """What sort of interview the summary says it is; OTHER when it does not say."""
    words = f" {fold(summary)} "
    for word, kind in _KIND_WORDS:
        if f" {word} " in words:
            return kind
    return InterviewKind.OTHER


def invite_interview(invite: Invite, interview_id: str | None = None) -> Interview:
    """The upcoming interview the invitation describes (not yet in any application)."""
    place = invite.place
    if invite.link:
        format_: InterviewFormat | None = InterviewFormat.VIDEO
    else:
        format_ = InterviewFormat.IN_PERSON if place else None
    return Interview(
        id=interview_id or new_interview_id(),
        at=invite.start,
        kind=interview_kind(invite.summary),
        format=format_,
        interviewers=[Contact(name=person.name, email=person.email) for person in invite.people],
        place=place,
        scheduled=True,
        planned_minutes=invite.minutes,
        calendar_uid=invite.uid,
    )


def invite_notes(invite: Invite) -> str:
    """The paragraph the application's notes gain: which invitation, and its words."""
    heading = f"From the invitation {invite.summary!r} for {when_text(invite)}"
    return f"{heading}:\n{invite.description}" if invite.description else f"{heading}."


def imported_from(
    invite: Invite, applications: Iterable[Application]
) -> tuple[Application, Interview] | None:
    """The application and interview already added from this invitation (same UID), if any:
    one of our own exported interview events is its interview too."""
    for application in applications:
        for interview in application.interviews:
            if invite.uid in (interview.calendar_uid, interview_uid(application, interview)):
                return application, interview
    return None


def refusal(invite: Invite) -> str:
    """Why the invitation adds no interview ('' when it can): cancelled, or passed."""
    if invite.cancelled:
        return "the invitation cancels the event, so no interview is added"
    if invite.passed:
        return (
            f"the event started {when_text(invite)}, which has passed: an upcoming interview "
            "starts later than now (record a held one in the app)"
        )
    return ""


def with_invite(application: Application, invite: Invite, now: datetime) -> Application:
    """`application` with the invitation's upcoming interview and notes; an application at
    Applied or Screening moves on to Interviewing, as scheduling one in the app does.
    InviteNotAdded when it is cancelled, passed, or already in this application."""
    why = refusal(invite) or (
        "it is already in this application" if imported_from(invite, [application]) else ""
    )
    if why:
        raise InviteNotAdded(why)
    interview = invite_interview(invite)
    fields = interview.model_dump(exclude={"id", "at", "scheduled"}, exclude_defaults=True)
    updated = schedule_interview(application, interview.id, interview.at, now, **fields)
    notes = "\n\n".join(part for part in (application.notes.rstrip(), invite_notes(invite)) if part)
    return updated.revised(notes=notes[:NOTE_LIMIT])


def application_for(invite: Invite, company: str, role: str, now: datetime) -> Application:
    """A new application to `company` for `role`, holding the invitation's interview."""
    return with_invite(new_application(company, role, now), invite, now)


def when_text(invite: Invite) -> str:
    """The start as the invitation gives it: 'Tue 2026-12-08 14:00 (UTC+01:00)'."""
    return invite.start.strftime("%a %Y-%m-%d %H:%M (%Z)").replace("(UTC)", "(UTC+00:00)")


def describe_invite(invite: Invite) -> list[str]:
    """What the invitation says, one line per thing, as the dry run and the app show it."""
    length = f", {invite.minutes} minutes" if invite.minutes else ""
    lines = [
        f"Invitation: {invite.summary or '(no summary)'}",
        f"When: {when_text(invite)}{length}",
    ]
    if invite.cancelled:
        lines.append("Cancelled: this invitation cancels the event.")
    people = ", ".join(
        f"{person.name} <{person.email}>"
        if person.email and person.email != person.name
        else person.name
        for person in invite.people
    )
    lines.append(f"With: {people or 'nobody named'}")
    if invite.left_out:
        lines.append(f"Not interviewers: {', '.join(invite.left_out)}")
    lines.append(f"Where: {invite.place or 'not said'}")
    kind = interview_kind(invite.summary)
    if kind is not InterviewKind.OTHER:
        lines.append(f"Kind: {kind.value}")
    lines += [f"Note: {note}" for note in invite.notes]
    return lines
