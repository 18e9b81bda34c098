"""Upcoming interviews as calendar events (RFC 5545), next to the plan's all-day reminders.

Each upcoming interview of an open application is a timed VEVENT: its start, its planned
length (an hour when none was given), where it is or the link, and in the description what
it is, whom you will meet and the steps to get ready. Two VALARMs remind you the day before
and an hour before. The UID, `<application id>.<interview id>.interview@postinterview`, is
stable, so importing a newer export moves the event when the interview moves. Unlike the
reminders, the event is OPAQUE: the interview does take up that time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta

from postinterview.domain.checklist import ChecklistCatalog, Phase
from postinterview.domain.interviews import upcoming_interviews
from postinterview.domain.models import Application, Interview
from postinterview.domain.upcoming import open_steps, people_text, what_text
from postinterview.transfer.ical import property_line, text_property, utc_value
from postinterview.transfer.records import in_export_order

UID_DOMAIN = "postinterview"
DEFAULT_MINUTES = 60
"""The length of an interview whose planned length is not recorded."""
REMINDERS = (("-P1D", "tomorrow"), ("-PT1H", "in an hour"))
"""Each alarm's trigger before the start, and how its text says when."""

_LINK = re.compile(r"https?://\S+")


def interview_uid(application: Application, interview: Interview) -> str:
    """The event's UID: the same interview gives the same UID in every export."""
    return f"{application.id}.{interview.id}.interview@{UID_DOMAIN}"


def upcoming_pairs(
    applications: Iterable[Application], now: datetime
) -> list[tuple[Application, Interview]]:
    """Every upcoming interview of the open applications, soonest first."""
    pairs = [
        (application, interview)
        for application in in_export_order(applications)
        if not application.stage.is_closed
        for interview in upcoming_interviews(application, now)
    ]
    return sorted(pairs, key=lambda pair: (pair[1].at, pair[0].id, pair[1].id))


def description(
    application: Application, interview: Interview, catalog: ChecklistCatalog | None = None
) -> str:
    """What it is, whom you will meet, and the steps still open to get ready and on the day."""
    lines = [what_text(interview)]
    people = people_text(interview)
    if people:
        lines.append(f"With {people}.")
    steps = open_steps(application, interview, catalog)
    for phase, heading in (
        (Phase.BEFORE_THE_INTERVIEW, "Get ready:"),
        (Phase.BEFORE_YOU_LEAVE, "On the day, before you leave:"),
    ):
        texts = [f"- {entry.text}" for entry in steps if entry.phase is phase]
        if texts:
            lines += ["", heading, *texts]
    lines += ["", f"{application.role} at {application.company}."]
    return "\n".join(lines)


def interview_event_lines(
    application: Application,
    interview: Interview,
    now: datetime,
    catalog: ChecklistCatalog | None = None,
) -> list[str]:
    """One interview's VEVENT content lines, folded, with its alarms."""
    minutes = interview.planned_minutes or DEFAULT_MINUTES
    summary = f"Interview: {application.company} ({application.role})"
    lines = [
        "BEGIN:VEVENT",
        text_property("UID", interview_uid(application, interview)),
        property_line("DTSTAMP", utc_value(now)),
        property_line("DTSTART", utc_value(interview.at)),
        property_line("DTEND", utc_value(interview.at + timedelta(minutes=minutes))),
        text_property("SUMMARY", summary),
        text_property("DESCRIPTION", description(application, interview, catalog)),
    ]
    place = interview.place.strip()
    if place:
        lines.append(text_property("LOCATION", place))
        link = _LINK.search(place)
        if link:
            lines.append(property_line("URL", link.group(0)))
    lines.append("TRANSP:OPAQUE")
    for trigger, when in REMINDERS:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            text_property("DESCRIPTION", f"Interview {when}: {application.company}"),
            property_line("TRIGGER", trigger),
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines


def interview_events(
    applications: Iterable[Application], now: datetime, catalog: ChecklistCatalog | None = None
) -> list[str]:
    """The content lines of every upcoming interview's event, soonest first."""
    lines: list[str] = []
    for application, interview in upcoming_pairs(applications, now):
        lines += interview_event_lines(application, interview, now, catalog)
    return lines
