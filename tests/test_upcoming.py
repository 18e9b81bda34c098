"""Upcoming interviews, with a fixed clock: the one rule, getting ready, the plan left alone
until it has been held, and asking how it went afterwards."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from postinterview.domain.checklist import EntryState, ItemKind, Phase, load_checklist_catalog
from postinterview.domain.interviews import (
    is_upcoming,
    latest_held_interview,
    schedule_interview,
    upcoming_interviews,
)
from postinterview.domain.models import Application, ChecklistMark, Contact, Source
from postinterview.domain.plan import ActionState, plan_for
from postinterview.domain.stages import Stage
from postinterview.domain.ticks import tick_entry
from postinterview.domain.upcoming import (
    GETTING_READY,
    awaiting_record,
    checklist_for,
    coming_up,
    has_record,
    next_interview,
    next_start,
    preparation,
    start_problem,
)
from tests.conftest import FIXED_NOW

# FIXED_NOW is Friday 20 November 2026, 15:30 UTC.
HELD = datetime(2026, 11, 16, 10, 0, tzinfo=UTC)  # the Monday before
NEXT_WED = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
ANA = Contact(id="ana-ruiz", name="Ana Ruiz", title="CTO", email="ana@acme.test")


def make_application(*interviews: dict[str, Any], **fields: Any) -> Application:
    data: dict[str, Any] = {
        "id": "acme-abc123",
        "company": "Acme Robotics",
        "role": "Backend Engineer",
        "stage": Stage.INTERVIEWING,
        "created_at": HELD - timedelta(days=30),
        "updated_at": HELD,
        "interviews": [{"id": f"i{n}", **i} for n, i in enumerate(interviews, 1)],
    }
    data.update(fields)
    return Application.model_validate(data)


def booked(**fields: Any) -> dict[str, Any]:
    return {"at": NEXT_WED, "scheduled": True, "interviewers": [ANA], **fields}


# --- The rule --------------------------------------------------------------------------------


def test_an_interview_is_upcoming_exactly_while_its_start_is_ahead() -> None:
    application = make_application(booked())
    interview = application.interviews[0]
    assert is_upcoming(interview, NEXT_WED - timedelta(seconds=1))
    assert not is_upcoming(interview, NEXT_WED)
    assert not is_upcoming(interview, NEXT_WED + timedelta(hours=1))


def test_the_latest_held_interview_ignores_the_one_still_to_come() -> None:
    application = make_application({"at": HELD}, booked())
    assert latest_held_interview(application, FIXED_NOW).id == "i1"
    assert [i.id for i in upcoming_interviews(application, FIXED_NOW)] == ["i2"]
    assert latest_held_interview(application, NEXT_WED).id == "i2"
    assert latest_held_interview(make_application(booked()), FIXED_NOW) is None


def test_a_start_must_be_ahead_when_scheduling_and_behind_when_recording() -> None:
    past, future = FIXED_NOW - timedelta(hours=1), FIXED_NOW + timedelta(days=1)
    assert start_problem(future, FIXED_NOW, upcoming=True) is None
    assert "has passed" in (start_problem(past, FIXED_NOW, upcoming=True) or "")
    assert "has passed" in (start_problem(FIXED_NOW, FIXED_NOW, upcoming=True) or "")
    assert start_problem(past, FIXED_NOW, upcoming=False) is None
    assert "future" in (start_problem(future, FIXED_NOW, upcoming=False) or "")
    # A clock a little off does not block recording one that just ended.
    assert start_problem(FIXED_NOW + timedelta(minutes=10), FIXED_NOW, upcoming=False) is None
    assert start_problem(past, FIXED_NOW, None) is None
    assert start_problem(future, FIXED_NOW, None) is None


def test_scheduling_refuses_the_past_and_moves_an_early_application_on() -> None:
    early = make_application(stage=Stage.APPLIED)
    with pytest.raises(ValueError, match="later than now"):
        schedule_interview(early, "next", FIXED_NOW - timedelta(minutes=1), FIXED_NOW)
    scheduled = schedule_interview(early, "next", NEXT_WED, FIXED_NOW, place="Room 4")
    interview = scheduled.interviews[0]
    assert interview.scheduled and interview.place == "Room 4"
    assert scheduled.stage is Stage.INTERVIEWING
    assert scheduled.stage_history[-1].note == "Interview scheduled"


def test_place_and_scheduled_are_left_out_of_the_record_when_not_set() -> None:
    plain = make_application({"at": HELD}).to_record()["interviews"][0]
    assert "place" not in plain and "scheduled" not in plain
    kept = make_application(booked(place="https://meet.test/x")).to_record()["interviews"][0]
    assert kept["place"] == "https://meet.test/x" and kept["scheduled"] is True
    again = Application.model_validate(make_application(booked()).to_record())
    assert again.interviews[0].scheduled


# --- The plan waits for the interview ----------------------------------------------------------


def test_an_upcoming_interview_plans_no_thank_you_until_it_has_been_held() -> None:
    application = make_application(booked())
    assert plan_for(application, FIXED_NOW) == []
    after = plan_for(application, NEXT_WED + timedelta(hours=2))
    thanks = next(a for a in after if a.entry_id == "thank-you:ana-ruiz")
    assert thanks.interview_id == "i1" and thanks.state is ActionState.DUE


def test_follow_ups_count_from_the_interview_held_not_the_one_booked() -> None:
    first = {"at": HELD, "interviewers": [Contact(id="ben", name="Ben Ode")]}
    application = make_application(first, booked())
    actions = plan_for(application, FIXED_NOW)
    assert {a.interview_id for a in actions} == {"i1"}
    assert any(a.entry_id == "thank-you:ben" for a in actions)
    assert not any(a.entry_id.startswith("thank-you:ana-ruiz") for a in actions)


def test_no_chasing_while_the_next_round_is_booked() -> None:
    first = {"at": HELD - timedelta(days=14)}  # long enough ago for the follow-up to be open
    alone = plan_for(make_application(first), FIXED_NOW)
    assert any(a.item_id == "follow-up" and a.state is not ActionState.DONE for a in alone)
    with_next = plan_for(make_application(first, booked()), FIXED_NOW)
    assert not any(a.item_id == "follow-up" for a in with_next)


# --- Getting ready ---------------------------------------------------------------------------


def test_getting_ready_is_the_preparation_then_the_day_itself() -> None:
    application = make_application(booked(format="video"), source=Source.RECRUITER)
    steps = preparation(application, application.interviews[0])
    phases = [entry.phase for entry in steps]
    assert phases[0] is Phase.BEFORE_THE_INTERVIEW and set(phases) == set(GETTING_READY)
    assert phases == sorted(phases, key=list(Phase).index)
    ids = {entry.item_id for entry in steps}
    assert {"write-your-closing-questions", "note-who-you-will-meet"} <= ids
    assert {"ask-about-the-process", "collect-interviewer-details"} <= ids  # on the day
    assert "know-how-to-end-the-call" in ids  # a video call
    assert "no-meetups-near-the-venue" not in ids  # in person only
    recruiter_call = next(e for e in steps if e.item_id == "plan-the-recruiter-call")
    assert "your recruiter" in recruiter_call.text


def test_every_getting_ready_item_has_no_deadline_and_stays_out_of_the_plan() -> None:
    catalog = load_checklist_catalog()
    ready = [item for item in catalog.items if item.phase is Phase.BEFORE_THE_INTERVIEW]
    assert {item.kind for item in ready} == {ItemKind.DO, ItemKind.DONT}
    assert all(item.due is None and not item.in_plan for item in ready)


def test_an_upcoming_checklist_shows_only_getting_ready_each_step_open_until_ticked() -> None:
    application = make_application(booked())
    interview = application.interviews[0]
    states, progress = checklist_for(application, interview, FIXED_NOW)
    assert {entry.phase for entry, _ in states} == set(GETTING_READY)
    assert {state for _, state in states} == {EntryState.DUE}
    assert progress.finished == 0 and progress.total == len(states)
    ticked = tick_entry(application, "i1", "write-your-closing-questions", "done", FIXED_NOW)
    states, progress = checklist_for(ticked, ticked.interviews[0], FIXED_NOW)
    assert dict((e.id, s) for e, s in states)["write-your-closing-questions"] is EntryState.DONE
    assert progress.done == 1 and progress.to_do_now == progress.total - 1 - sum(
        entry.kind is ItemKind.DONT for entry, _ in states
    )


def test_once_held_the_checklist_leaves_getting_ready_out_and_keeps_the_day_itself() -> None:
    application = make_application(booked())
    later = NEXT_WED + timedelta(hours=3)
    states, progress = checklist_for(application, application.interviews[0], later)
    phases = {entry.phase for entry, _ in states}
    assert Phase.BEFORE_THE_INTERVIEW not in phases
    assert {Phase.BEFORE_YOU_LEAVE, Phase.WITHIN_TWO_DAYS} <= phases
    # Shown, but the day's own steps are past once it is over: only the rest is counted.
    assert progress.total == sum(entry.phase is not Phase.BEFORE_YOU_LEAVE for entry, _ in states)


def test_today_lists_the_open_preparation_and_the_day_s_steps_only_on_the_day() -> None:
    application = make_application(booked())
    marks = {"note-who-you-will-meet": ChecklistMark(state="done", at=FIXED_NOW)}
    ticked = application.interviews[0].revised(checklist=marks)
    application = application.revised(interviews=[ticked])
    [ahead] = coming_up([application], FIXED_NOW)
    ids = [entry.item_id for entry in ahead.steps]
    assert "write-your-closing-questions" in ids and "note-who-you-will-meet" not in ids
    assert all(entry.phase is Phase.BEFORE_THE_INTERVIEW for entry in ahead.steps)
    assert all(entry.kind is ItemKind.DO for entry in ahead.steps)
    assert ahead.on_the_day >= 3
    morning = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    [on_the_day] = coming_up([application], morning)
    assert any(entry.phase is Phase.BEFORE_YOU_LEAVE for entry in on_the_day.steps)


def test_the_interview_day_is_counted_in_the_interview_s_own_zone() -> None:
    tokyo = timezone(timedelta(hours=9))
    start = datetime(2026, 11, 26, 9, 0, tzinfo=tokyo)  # Wednesday 24:00 UTC
    application = make_application(booked(at=start))
    evening_utc = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)  # already Thursday in Tokyo
    [item] = coming_up([application], evening_utc)
    assert any(entry.phase is Phase.BEFORE_YOU_LEAVE for entry in item.steps)


def test_coming_up_is_soonest_first_and_skips_closed_applications() -> None:
    soon = make_application(booked(at=NEXT_WED - timedelta(days=2)), id="soon")
    later = make_application(booked(), id="later")
    closed = make_application(booked(), id="closed", stage=Stage.WITHDRAWN)
    found = coming_up([later, closed, soon], FIXED_NOW)
    assert [item.application_id for item in found] == ["soon", "later"]
    assert next_interview(later, FIXED_NOW) == later.interviews[0]
    assert next_interview(later, NEXT_WED) is None
    assert next_start([later, soon], FIXED_NOW) == NEXT_WED - timedelta(days=2)
    assert next_start([later], NEXT_WED) is None


# --- Once it has happened --------------------------------------------------------------------


def test_once_its_time_has_passed_a_scheduled_interview_asks_how_it_went() -> None:
    application = make_application(booked(), {"at": HELD})  # the held one was not scheduled
    assert awaiting_record(application, FIXED_NOW) == []
    after = NEXT_WED + timedelta(hours=1)
    assert [i.id for i in awaiting_record(application, after)] == ["i1"]
    closed = application.revised(stage=Stage.REJECTED)
    assert awaiting_record(closed, after) == []


@pytest.mark.parametrize(
    "recorded",
    [
        {"reflection": {"went_well": "The system design part"}},
        {"reflection": {"still_want": "yes"}},
        {"signals": {"ran_long": True}},
        {"actual_minutes": 50},
        {"went_badly": True},
    ],
)
def test_anything_recorded_about_how_it_went_stops_the_question(recorded: dict[str, Any]) -> None:
    application = make_application(booked(**recorded))
    assert has_record(application.interviews[0])
    assert awaiting_record(application, NEXT_WED + timedelta(hours=1)) == []


def test_blank_answers_are_not_a_record() -> None:
    application = make_application(booked(reflection={"went_well": "   "}))
    assert not has_record(application.interviews[0])
