"""How upcoming interviews read: the words, the board card, the calendar (parsed back with a
real iCalendar parser), and the workspace noticing by itself when one has begun."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar

from postinterview.domain.interviews import add_interview, schedule_interview
from postinterview.domain.models import Application, Contact
from postinterview.domain.plan import DEFAULT_PLAN_SETTINGS
from postinterview.domain.signals import load_signals_catalog
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from postinterview.transfer.export_ics import export_ics
from postinterview.transfer.ical_interviews import interview_uid
from postinterview.ui.board_cards import card_for
from postinterview.ui.upcoming_text import ask_text, how_soon, interview_choice, when_text
from postinterview.ui.widgets.board_column import card_prompt
from postinterview.workspace import Workspace
from tests.conftest import FIXED_NOW, sample_application

NEXT_WED = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
ANA = Contact(id="ana", name="Ana Ruiz", title="CTO", email="ana@acme.test")


def booked(at: datetime = NEXT_WED, **fields: Any) -> Application:
    app = sample_application().model_copy(update={"id": "acme"})
    return schedule_interview(app, "next", at, FIXED_NOW, interviewers=[ANA], **fields)


# --- Words -----------------------------------------------------------------------------------


def test_how_soon_counts_minutes_hours_then_days() -> None:
    assert how_soon(FIXED_NOW + timedelta(minutes=40), FIXED_NOW) == "in 40 minutes"
    assert how_soon(FIXED_NOW + timedelta(minutes=1), FIXED_NOW) == "in 1 minute"
    assert how_soon(FIXED_NOW + timedelta(hours=3), FIXED_NOW) == "in 3 hours"
    assert how_soon(FIXED_NOW + timedelta(hours=20), FIXED_NOW) == "tomorrow"
    assert how_soon(NEXT_WED, FIXED_NOW) == "in 5 days"
    assert how_soon(FIXED_NOW, FIXED_NOW) == "now"


def test_an_interview_reads_with_when_and_who() -> None:
    interview = booked().interviews[0]
    assert when_text(interview, FIXED_NOW) == "Wed 25 Nov 14:00, in 5 days"
    assert (
        ask_text(interview)
        == "How did the interview with Ana Ruiz go? Record it while it is fresh."
    )
    assert interview_choice(interview, FIXED_NOW, waiting=False).startswith("upcoming · Wed 25 Nov")


# --- The board -------------------------------------------------------------------------------


def test_the_card_shows_the_next_interview_and_keeps_counting_the_last_contact() -> None:
    held = FIXED_NOW - timedelta(days=3)
    app = add_interview(booked(), "before", held, held)
    card = card_for(app, FIXED_NOW, DEFAULT_PLAN_SETTINGS, load_signals_catalog())
    assert card.next_interview == NEXT_WED
    assert card.days_since_contact == 3  # the interview still to come is no contact yet
    assert "◷ interview Wed 25 Nov" in card_prompt(card, FIXED_NOW).plain
    later = card_for(
        app, NEXT_WED + timedelta(hours=1), DEFAULT_PLAN_SETTINGS, load_signals_catalog()
    )
    assert later.next_interview is None and later.days_since_contact == 0


# --- The calendar ----------------------------------------------------------------------------


def events_of(text: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_an_upcoming_interview_is_a_timed_event_with_its_place_and_two_reminders() -> None:
    app = booked(place="Zoom: https://meet.example/acme?pwd=1", planned_minutes=45, format="video")
    text = export_ics([app], FIXED_NOW, DEFAULT_PLAN_SETTINGS)
    event = events_of(text)[interview_uid(app, app.interviews[0])]
    assert event.decoded("DTSTART") == NEXT_WED
    assert event.decoded("DTEND") == NEXT_WED + timedelta(minutes=45)
    assert str(event["LOCATION"]) == "Zoom: https://meet.example/acme?pwd=1"
    assert str(event["URL"]) == "https://meet.example/acme?pwd=1"
    assert str(event["SUMMARY"]) == "Interview: Acme Robotics (Backend Engineer)"
    description = str(event["DESCRIPTION"])
    assert "With Ana Ruiz (CTO)." in description
    assert "Get ready:" in description and "Write down what to ask near the end" in description
    assert "On the day, before you leave:" in description
    alarms = event.walk("VALARM")
    assert sorted(alarm.decoded("TRIGGER") for alarm in alarms) == [
        timedelta(days=-1),
        timedelta(hours=-1),
    ]
    assert all(str(alarm["ACTION"]) == "DISPLAY" for alarm in alarms)
    assert str(event["TRANSP"]) == "OPAQUE"


def test_without_a_planned_length_the_event_lasts_an_hour_and_past_ones_are_left_out() -> None:
    app = booked()
    uid = interview_uid(app, app.interviews[0])
    event = events_of(export_ics([app], FIXED_NOW, DEFAULT_PLAN_SETTINGS))[uid]
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(hours=1)
    assert "LOCATION" not in event
    after = events_of(export_ics([app], NEXT_WED + timedelta(hours=2), DEFAULT_PLAN_SETTINGS))
    assert uid not in after  # held now: its thank-you notes are the events
    assert any(key.startswith("acme.next.thank-you") for key in after)
    closed = app.revised(stage=Stage.WITHDRAWN)
    assert uid not in events_of(export_ics([closed], FIXED_NOW, DEFAULT_PLAN_SETTINGS))


def test_ticked_steps_leave_the_event_s_description() -> None:
    app = booked()
    marks = {"write-your-closing-questions": {"state": "done", "at": FIXED_NOW}}
    app = app.revised(interviews=[app.interviews[0].revised(checklist=marks)])
    event = events_of(export_ics([app], FIXED_NOW, DEFAULT_PLAN_SETTINGS))[
        "acme.next.interview@postinterview"
    ]
    assert "Write down what to ask" not in str(event["DESCRIPTION"])
    assert date(2026, 11, 25) == event.decoded("DTSTART").date()


# --- The workspace ---------------------------------------------------------------------------


def test_the_plan_is_computed_again_once_an_upcoming_interview_has_begun(data_dir: Path) -> None:
    store = ApplicationStore(data_dir)
    this_evening = FIXED_NOW + timedelta(hours=2)  # before midnight, when plans expire anyway
    store.create(booked(at=this_evening))
    moments = [FIXED_NOW]
    workspace = Workspace(store, clock=lambda: moments[-1])
    workspace.apply(workspace.read_all())
    assert workspace.plan("acme") == []
    moments.append(this_evening + timedelta(minutes=5))
    assert any(a.entry_id == "thank-you:ana" for a in workspace.plan("acme"))
