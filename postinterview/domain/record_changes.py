"""What changed between two versions of an application, in a few plain words.

The history screen puts one line of these under each kept version ("stage: Applied →
Interviewing", "notes", "interview on 3 Dec: reflection"). Phrases name what a person sees in
the app, not the keys of the file; `updated_at` is left out, since every save moves it.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

from postinterview.domain.calendar_words import MONTH_NAMES
from postinterview.domain.models import Application, Interview

FACTS: tuple[tuple[str, str], ...] = (
    ("location", "location"),
    ("job_link", "advert link"),
    ("recruiter", "recruiter"),
    ("notes", "notes"),
)
"""Fields named, not shown: their values are too long for one line."""

VALUES: tuple[tuple[str, str], ...] = (
    ("company", "company"),
    ("role", "role"),
    ("stage", "stage"),
    ("source", "came through"),
    ("company_size", "company size"),
    ("applied_on", "applied on"),
    ("offer_respond_by", "answer the offer by"),
)
"""Fields shown with their value before and after."""

INTERVIEW_PARTS: tuple[tuple[str, str], ...] = (
    ("at", "its time"),
    ("interviewers", "interviewers"),
    ("reflection", "reflection"),
    ("signals", "signals"),
    ("snoozed", "a snooze"),
)
"""Parts of an interview named on their own; every other field of it counts as "details"."""


def what_changed(before: Application, after: Application, now: datetime) -> list[str]:
    """Short phrases for what `after` changed compared to `before`; [] when nothing a person
    would see did. Days are told in `now`'s time zone."""
    today = now.date()
    phrases = [
        f"{label}: {_value(getattr(before, key), today)} → {_value(getattr(after, key), today)}"
        for key, label in VALUES
        if getattr(before, key) != getattr(after, key)
    ]
    if before.stage == after.stage and before.stage_history != after.stage_history:
        phrases.append("stage history")
    phrases += [label for key, label in FACTS if getattr(before, key) != getattr(after, key)]
    phrases += _referee_changes(before, after)
    phrases += _count_change(len(before.contact_log), len(after.contact_log), "contact", "logged")
    if before.contact_log[: len(after.contact_log)] != after.contact_log[: len(before.contact_log)]:
        phrases.append("contact log")
    phrases += _interview_changes(before, after, now)
    if after.quiet_acknowledged_at != before.quiet_acknowledged_at:
        phrases.append("kept waiting" if after.quiet_acknowledged_at else "waiting reset")
    if before.model_extra != after.model_extra:
        phrases.append("other fields in the file")
    return phrases


def _value(value: object, today: date) -> str:
    if value is None or value == "":
        return "none"
    label = getattr(value, "label", None)  # a stage has a name for people
    if isinstance(label, str):
        return label
    if isinstance(value, Enum):
        return str(value.value).replace("_", " ")
    if isinstance(value, date):
        return short_day(value, today)
    return str(value)


def short_day(day: date, today: date) -> str:
    """'3 Dec' ('3 Dec 2025' in another year than `today`'s)."""
    label = f"{day.day} {MONTH_NAMES[day.month - 1][:3]}"
    return label if day.year == today.year else f"{label} {day.year}"


def _count_change(was: int, now: int, thing: str, verb: str) -> list[str]:
    """'a contact logged', '2 contacts logged', 'a contact removed'."""
    if was == now:
        return []
    count = abs(now - was)
    counted = f"a {thing}" if count == 1 else f"{count} {thing}s"
    return [f"{counted} {verb if now > was else 'removed'}"]


def _referee_changes(before: Application, after: Application) -> list[str]:
    was = {person.id: person for person in before.referees}
    phrases = [f"referee {p.name} added" for p in after.referees if p.id not in was]
    now_ids = {person.id for person in after.referees}
    phrases += [f"referee {p.name} removed" for p in before.referees if p.id not in now_ids]
    other = False
    for person in after.referees:
        earlier = was.get(person.id)
        if earlier is None or earlier == person:
            continue
        if earlier.notified_at != person.notified_at:
            phrases.append(f"{person.name} {'warned' if person.notified_at else 'not warned'}")
        if earlier.model_dump(exclude={"notified_at"}) != person.model_dump(
            exclude={"notified_at"}
        ):
            other = True
    if other:
        phrases.append("referees")
    return phrases


def _interview_changes(before: Application, after: Application, now: datetime) -> list[str]:
    def name(interview: Interview) -> str:
        day = interview.at.astimezone(now.tzinfo).date()
        return f"interview on {short_day(day, now.date())}"

    was = {interview.id: interview for interview in before.interviews}
    kept = {interview.id for interview in after.interviews}
    phrases = [f"{name(i)} added" for i in after.interviews if i.id not in was]
    phrases += [f"{name(i)} removed" for i in before.interviews if i.id not in kept]
    for interview in after.interviews:
        earlier = was.get(interview.id)
        if earlier is not None and earlier != interview:
            parts = _interview_parts(earlier, interview)
            if parts:
                phrases.append(f"{name(interview)}: {', '.join(parts)}")
    return phrases


def _interview_parts(before: Interview, after: Interview) -> list[str]:
    parts = [label for key, label in INTERVIEW_PARTS if getattr(before, key) != getattr(after, key)]
    parts += _tick_changes(before, after)
    named = {key for key, _ in INTERVIEW_PARTS} | {"checklist"}
    if before.model_dump(exclude=named) != after.model_dump(exclude=named):  # keys it keeps too
        parts.append("details")
    return parts


def _tick_changes(before: Interview, after: Interview) -> list[str]:
    ticked = sum(1 for key in after.checklist if key not in before.checklist)
    unticked = sum(1 for key in before.checklist if key not in after.checklist)
    other = sum(
        1
        for key, mark in after.checklist.items()
        if key in before.checklist and before.checklist[key].state != mark.state
    )
    parts = []
    if ticked:
        parts.append("a checklist tick" if ticked == 1 else f"{ticked} checklist ticks")
    if unticked:
        parts.append("a tick taken back" if unticked == 1 else f"{unticked} ticks taken back")
    if other:
        parts.append("a checklist mark" if other == 1 else f"{other} checklist marks")
    return parts
