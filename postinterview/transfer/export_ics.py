"""The planned actions not yet done, as an iCalendar file (RFC 5545) calendar apps import.

Each action is an all-day VEVENT on the day it belongs to (transfer.days.action_day): its last
day when it has a deadline, else the day it opens (today, if it is open already). The UID is stable,
`<application id>.<interview id>.<entry id>@postinterview`, so importing a newer export updates
the events instead of adding copies; the interview is part of it because a second round has
its own thank-you note to the same person. Done actions are left out. Events are TRANSPARENT:
a reminder does not make you look busy. Upcoming interviews are timed events of their own
(transfer.ical_interviews).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from postinterview import __version__
from postinterview.domain.models import Application
from postinterview.domain.plan import ActionState, PlannedAction, PlanSettings, plan_for
from postinterview.transfer.days import action_day, local_day
from postinterview.transfer.ical import (
    date_value,
    document,
    property_line,
    text_property,
    utc_value,
)
from postinterview.transfer.ical_interviews import interview_events
from postinterview.transfer.records import in_export_order

PRODID = f"-//postinterview//postinterview {__version__}//EN"
UID_DOMAIN = "postinterview"


def event_uid(application: Application, action: PlannedAction) -> str:
    """The event's UID: the same action gives the same UID in every export."""
    parts = [application.id, action.interview_id or "", action.entry_id]
    return ".".join(part for part in parts if part) + f"@{UID_DOMAIN}"


def pending_actions(
    applications: Iterable[Application], now: datetime, settings: PlanSettings
) -> list[tuple[Application, PlannedAction]]:
    """Every action not yet done, of every application, in calendar order.

    plan_for already keeps only the courtesies after a rejection for a closed application.
    """
    pairs = [
        (application, action)
        for application in in_export_order(applications)
        for action in plan_for(application, now, settings)
        if action.state != ActionState.DONE
    ]
    today = local_day(now)
    return sorted(
        pairs, key=lambda pair: (action_day(pair[1], today), pair[0].created_at, pair[0].id)
    )


def event_lines(application: Application, action: PlannedAction, now: datetime) -> list[str]:
    """One VEVENT's content lines, folded."""
    day = action_day(action, local_day(now))
    description = f"{action.why}\n\n{application.role} at {application.company}."
    return [
        "BEGIN:VEVENT",
        text_property("UID", event_uid(application, action)),
        property_line("DTSTAMP", utc_value(now)),
        property_line("DTSTART", date_value(day), "VALUE=DATE"),
        property_line("DTEND", date_value(day + timedelta(days=1)), "VALUE=DATE"),
        text_property("SUMMARY", f"{application.company}: {action.text}"),
        text_property("DESCRIPTION", description),
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def export_ics(applications: Iterable[Application], now: datetime, settings: PlanSettings) -> str:
    """The calendar of every pending action and upcoming interview, as text with CRLF line ends
    (encode it as UTF-8)."""
    applications = list(applications)
    pairs = pending_actions(applications, now, settings)
    return calendar_text(pairs, now, interview_events(applications, now))


def calendar_text(
    pairs: Iterable[tuple[Application, PlannedAction]],
    now: datetime,
    interviews: Sequence[str] = (),
) -> str:
    """A VCALENDAR holding one VEVENT per (application, action), in the order given, then the
    `interviews`' event lines (transfer.ical_interviews)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        text_property("PRODID", PRODID),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        text_property("X-WR-CALNAME", "postinterview"),
    ]
    for application, action in pairs:
        lines += event_lines(application, action, now)
    lines += interviews
    lines.append("END:VCALENDAR")
    return document(lines)
