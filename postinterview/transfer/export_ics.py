"""The planned actions not yet done, as an iCalendar file (RFC 5545) calendar apps import.

Each action is an all-day VEVENT over the days `postinterview due` lists it
(transfer.days.action_days): from the day it opens or comes back (today at the earliest) to its
deadline's day; one day when it has no deadline or is past it. So the calendar and `due` show
the same actions on the same days, closed applications' courtesies included. The UID is stable,
`<application id>.<interview id>.<entry id>@postinterview`, so importing a newer export updates
the events instead of adding copies; the interview is part of it because a second round has
its own thank-you note to the same person. Done actions are left out. Events are TRANSPARENT:
a reminder does not make you look busy. Upcoming interviews are timed events of their own
(transfer.ical_interviews).

An overdue action is put on today, and its description starts "Was due 2026-11-28." so the
lateness is not lost. Each event carries one DISPLAY alarm (`alarm_lines`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from postinterview import __version__
from postinterview.domain.days import last_day
from postinterview.domain.models import Application
from postinterview.domain.plan import ActionState, PlannedAction, PlanSettings, plan_for
from postinterview.transfer.days import action_days, local_day
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

EVENING_BEFORE = "-PT6H"
"""The alarm of an event starting after today: 18:00 the evening before its first day, so
there is time to plan it (a DATE start is midnight local time; RFC 5545 §3.8.6.3)."""
MORNING_OF = "PT9H"
"""The alarm of an event starting today (overdue ones too): 09:00 on the day, as the
evening before has already gone."""


def event_uid(application: Application, action: PlannedAction) -> str:
    """The event's UID: the same action gives the same UID in every export."""
    parts = [application.id, action.interview_id or "", action.entry_id]
    return ".".join(part for part in parts if part) + f"@{UID_DOMAIN}"


def pending_actions(
    applications: Iterable[Application], now: datetime, settings: PlanSettings
) -> list[tuple[Application, PlannedAction]]:
    """Every action not yet done, of every application, in calendar order.

    plan_for already keeps only the courtesies after a rejection for a closed application,
    and leaves out what has lapsed.
    """
    pairs = [
        (application, action)
        for application in in_export_order(applications)
        for action in plan_for(application, now, settings)
        if action.state != ActionState.DONE
    ]
    today = local_day(now)
    return sorted(
        pairs, key=lambda pair: (action_days(pair[1], today), pair[0].created_at, pair[0].id)
    )


def event_lines(application: Application, action: PlannedAction, now: datetime) -> list[str]:
    """One VEVENT's content lines, folded."""
    today = local_day(now)
    first, last = action_days(action, today)
    why = f"{action.why}\n{action.timing_note}" if action.timing_note else action.why
    description = f"{why}\n\n{application.role} at {application.company}."
    was_due = overdue_day(action, first)
    if was_due is not None:
        description = f"Was due {was_due.isoformat()}.\n{description}"
    return [
        "BEGIN:VEVENT",
        text_property("UID", event_uid(application, action)),
        property_line("DTSTAMP", utc_value(now)),
        property_line("DTSTART", date_value(first), "VALUE=DATE"),
        property_line("DTEND", date_value(last + timedelta(days=1)), "VALUE=DATE"),
        text_property("SUMMARY", f"{application.company}: {action.text}"),
        text_property("DESCRIPTION", description),
        "TRANSP:TRANSPARENT",
        *alarm_lines(f"{application.company}: {action.text}", first, today),
        "END:VEVENT",
    ]


def overdue_day(action: PlannedAction, first: date) -> date | None:
    """The last day the action was due on, when that is before the event's first day (an
    overdue action, moved to today); else None."""
    if action.due_at is None:
        return None
    day = last_day(action.due_at)
    return day if day < first else None


def alarm_lines(text: str, first: date, today: date) -> list[str]:
    """One VALARM: at 18:00 the evening before an event that starts after today, at 09:00 on
    the day for one that starts today."""
    trigger = EVENING_BEFORE if first > today else MORNING_OF
    return [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        property_line("TRIGGER", trigger, "RELATED=START"),
        text_property("DESCRIPTION", text),
        "END:VALARM",
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
