"""The words of the application detail screen, computed without Textual (so they are tested).

Each function returns plain lines; the screen escapes and styles them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from postinterview.domain.checklist import ChecklistCatalog, build_checklist
from postinterview.domain.checklist_now import progress_now
from postinterview.domain.models import Application, Contact, Interview, InterviewKind
from postinterview.domain.plan import ActionState, PlannedAction
from postinterview.domain.signals import SignalsCatalog, score_signals
from postinterview.formatting import deadline_day
from postinterview.ui.interview_fields import local_text

ACTION_STATE_WORDS = {
    ActionState.OVERDUE: "overdue",
    ActionState.DUE: "due now",
    ActionState.TOO_SOON: "too soon",
    ActionState.UPCOMING: "later",
    ActionState.DONE: "done",
}


def day_text(moment: datetime) -> str:
    """'Fri 20 Nov 2026' in local time."""
    return f"{moment.astimezone():%a %d %b %Y}"


def contact_line(person: Contact) -> str:
    """'Ana Ruiz, CTO, ana@acme.test'."""
    return ", ".join(
        part for part in (person.name, person.title, person.email, person.phone) if part
    )


def fact_lines(application: Application) -> list[tuple[str, str]]:
    """(label, value) for every fact recorded about the application itself."""
    facts = [
        ("Location", application.location),
        ("Advert", application.job_link),
        ("Applied on", f"{application.applied_on:%a %d %b %Y}" if application.applied_on else ""),
        ("Came through", application.source.value.replace("_", " ") if application.source else ""),
        ("Company size", application.company_size.value if application.company_size else ""),
        ("Recruiter", contact_line(application.recruiter) if application.recruiter else ""),
    ]
    return [(label, value) for label, value in facts if value]


def interview_line(
    application: Application,
    interview: Interview,
    now: datetime,
    catalog: SignalsCatalog,
    weights: Mapping[str, float] | None = None,
    checklist: ChecklistCatalog | None = None,
) -> str:
    """One interview: when, what, who, checklist progress and the signal reading.

    `checklist` is the catalog with the person's follow-up days (see plan.catalog_for).
    """
    parts = [local_text(interview.at)]
    if interview.kind is not InterviewKind.OTHER:
        parts.append(interview.kind.value)
    if interview.format is not None:
        parts.append(interview.format.value.replace("_", " "))
    people = len(interview.interviewers)
    if people:
        parts.append(f"{people} interviewer{'s' if people > 1 else ''}")
    entries = build_checklist(application, interview, checklist)
    parts.append(f"checklist {progress_now(entries, interview, now)}")
    if interview.signals:
        reading = score_signals(interview.signals, catalog, weights)
        parts.append(f"signals {reading.score} ({reading.band})")
    return " · ".join(parts)


def action_line(action: PlannedAction) -> str:
    """'overdue · Send Ana Ruiz a short thank-you note. · by Sat 21 Nov 2026' (the last day)."""
    when = ""
    if action.state is ActionState.TOO_SOON and action.not_before is not None:
        when = f" · not before {day_text(action.not_before)}"
    elif action.due_at is not None:
        when = f" · by {deadline_day(action.due_at, with_year=True)}"
    return f"{ACTION_STATE_WORDS[action.state]} · {action.text}{when}"


def referee_lines(application: Application) -> list[str]:
    """Each referee, and whether they were warned that a call may come."""
    return [
        f"{contact_line(referee)} · "
        + (f"warned {day_text(referee.notified_at)}" if referee.notified_at else "not warned yet")
        for referee in application.referees
    ]


def contact_log_lines(application: Application) -> list[str]:
    """The contact log, newest first."""
    entries = sorted(application.contact_log, key=lambda entry: entry.at, reverse=True)
    lines = []
    for entry in entries:
        who = f" with {entry.with_whom}" if entry.with_whom else ""
        note = f": {entry.note}" if entry.note else ""
        lines.append(f"{local_text(entry.at)} · {entry.channel.value.replace('_', ' ')}{who}{note}")
    return lines


def stage_history_lines(application: Application) -> list[str]:
    """Each stage change, oldest first."""
    lines = []
    for change in application.stage_history:
        move = (
            f"{change.from_stage.label} → {change.to_stage.label}"
            if change.from_stage is not None
            else change.to_stage.label
        )
        note = f" ({change.note})" if change.note else ""
        lines.append(f"{local_text(change.at)} · {move}{note}")
    return lines
