"""The calendar export's alarms and overdue actions, read back with a real iCalendar parser."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import icalendar

from postinterview.domain.plan import DEFAULT_PLAN_SETTINGS, ActionState, plan_for
from postinterview.transfer.export_ics import calendar_text, export_ics
from tests.conftest import FIXED_NOW
from tests.pipeline import pipeline
from tests.test_transfer_export import everything

TODAY = FIXED_NOW.date()  # Fri 20 Nov 2026; the tests run in UTC


def events(text: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_every_event_carries_one_display_alarm_naming_the_action() -> None:
    found = events(export_ics(everything(), FIXED_NOW, DEFAULT_PLAN_SETTINGS))
    assert found
    for event in found.values():
        [alarm] = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
        assert alarm["TRIGGER"].params.get("RELATED") == "START"


def test_an_overdue_action_is_moved_to_today_and_says_when_it_was_due() -> None:
    found = events(export_ics(everything(), FIXED_NOW, DEFAULT_PLAN_SETTINGS))
    ana = found["initech.iv-initech.thank-you:ana-ruiz@postinterview"]
    assert ana.decoded("DTSTART") == TODAY
    assert str(ana["DESCRIPTION"]).startswith("Was due 2026-11-16.\n")
    # Today's event rings at 09:00 on the day: the evening before has gone.
    [alarm] = ana.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(hours=9)
    gavin = found["hooli.iv-hooli.thank-you:gavin-belson@postinterview"]  # due, not late
    assert "Was due" not in str(gavin["DESCRIPTION"])


def test_an_event_starting_tomorrow_rings_the_evening_before() -> None:
    app = pipeline()[2]
    [overdue, *_] = plan_for(app, FIXED_NOW)
    tomorrow = replace(
        overdue,
        opens_at=FIXED_NOW + timedelta(days=1),
        due_at=FIXED_NOW + timedelta(days=3),
        overdue_at=None,
        state=ActionState.UPCOMING,
    )
    [event] = events(calendar_text([(app, tomorrow)], FIXED_NOW)).values()
    assert event.decoded("DTSTART") == date(2026, 11, 21)
    assert "Was due" not in str(event["DESCRIPTION"])
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -timedelta(hours=6)
    ring = datetime.combine(event.decoded("DTSTART"), time()) + alarm.decoded("TRIGGER")
    assert ring == datetime(2026, 11, 20, 18, 0)  # the evening before, local time
