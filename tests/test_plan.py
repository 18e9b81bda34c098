"""The follow-up plan: actions from the catalog, their states at a fixed clock, and ticking off."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postinterview.domain.checklist import build_checklist, is_chase, load_checklist_catalog
from postinterview.domain.contacts import log_contact
from postinterview.domain.models import (
    Application,
    Channel,
    CompanySize,
    Contact,
    Referee,
    Source,
)
from postinterview.domain.plan import (
    ActionState,
    PlannedAction,
    PlanSettings,
    catalog_for,
    complete_action,
    last_activity,
    last_contact,
    next_action,
    plan_all,
    plan_for,
    plan_settings,
    snooze_action,
)
from postinterview.domain.settings import FollowUpSettings, Settings
from postinterview.domain.stages import Stage
from tests.conftest import FIXED_NOW

# FIXED_NOW is Friday 20 November 2026, 15:30 UTC; the interview was that Monday morning.
MONDAY_10 = datetime(2026, 11, 16, 10, 0, tzinfo=UTC)
PLUS_10 = timezone(timedelta(hours=10))
MINUS_8 = timezone(timedelta(hours=-8))
# Fixed, readable person ids, so entry ids read "thank-you:ana-ruiz" (<item id>:<person id>).
ANA = Contact(id="ana-ruiz", name="Ana Ruiz", email="ana@acme.test")
BEN = Contact(id="ben-okafor", name="Ben Okafor")

PLAN_ITEMS = {
    "call-your-recruiter",
    "thank-you",
    "send-what-you-promised",
    "warn-your-referees",
    "follow-up",
    "ask-for-feedback",
    "thank-your-recruiter",
    "tell-your-recruiter-how-it-felt",
    "thank-your-referees",
}


def make_application(*interviews: dict[str, Any], **fields: Any) -> Application:
    data: dict[str, Any] = {
        "id": "acme-abc123",
        "company": "Acme Robotics",
        "role": "Backend Engineer",
        "stage": Stage.AWAITING_DECISION,
        "created_at": MONDAY_10 - timedelta(days=30),
        "updated_at": MONDAY_10,
        "interviews": [{"id": f"i{n}", "at": MONDAY_10, **i} for n, i in enumerate(interviews, 1)],
    }
    data.update(fields)
    return Application.model_validate(data)


def by_entry(actions: list[PlannedAction]) -> dict[str, PlannedAction]:
    return {action.entry_id: action for action in actions}


def states(application: Application, now: datetime, **kw: Any) -> dict[str, ActionState]:
    return {a.entry_id: a.state for a in plan_for(application, now, **kw)}


def done(at: datetime = MONDAY_10, state: str = "done") -> dict[str, Any]:
    return {"state": state, "at": at}


# --- What is in the plan -----------------------------------------------------------------------


def test_the_catalog_marks_exactly_the_plan_items_and_only_dos() -> None:
    catalog = load_checklist_catalog()
    marked = {item.id for item in catalog.items if item.in_plan}
    assert marked == PLAN_ITEMS
    assert all(catalog.item(i).kind == "do" for i in marked)
    contacts = {item.id for item in catalog.items if item.logs_contact is not None}
    assert contacts == {
        "call-your-recruiter",
        "thank-you",
        "follow-up",
        "ask-for-feedback",
        "thank-your-recruiter",
        "tell-your-recruiter-how-it-felt",
    }
    assert contacts <= marked  # every logged contact is a plan action
    assert {item.id for item in catalog.items if is_chase(item)} == {"follow-up"}


def test_no_interview_means_no_actions() -> None:
    application = make_application()
    assert plan_for(application, FIXED_NOW) == []
    assert next_action(application, FIXED_NOW) is None
    assert plan_all([application], FIXED_NOW) == []


def test_only_plan_items_that_fit_the_record_appear() -> None:
    plain = make_application({}, source=Source.DIRECT)
    assert {a.item_id for a in plan_for(plain, FIXED_NOW)} == {
        "thank-you",
        "warn-your-referees",
        "follow-up",
        "thank-your-referees",
    }
    rich = make_application(
        {"promised_to_send": "Notice period", "went_badly": True},
        recruiter=Contact(name="Gus Park"),
    )
    assert {a.item_id for a in plan_for(rich, FIXED_NOW)} == PLAN_ITEMS - {
        "ask-for-feedback",  # only once rejected
        "thank-your-recruiter",
    }


def test_one_thank_you_per_named_interviewer() -> None:
    application = make_application({"interviewers": [ANA, BEN]})
    actions = by_entry(plan_for(application, FIXED_NOW))
    ana, ben = actions["thank-you:ana-ruiz"], actions["thank-you:ben-okafor"]
    assert ana.text == "Send Ana Ruiz a short thank-you note."
    assert ben.text == "Send Ben Okafor a short thank-you note."
    assert (ana.item_id, ana.interview_id, ana.application_id) == ("thank-you", "i1", "acme-abc123")
    assert ana.names == ("Ana Ruiz",)
    assert ana.why.startswith("It shows courtesy")
    assert "thank-you" not in actions


# --- States over time --------------------------------------------------------------------------


def test_thank_you_moves_from_upcoming_to_due_to_overdue() -> None:
    application = make_application({"interviewers": [ANA]})
    key = "thank-you:ana-ruiz"
    action = by_entry(plan_for(application, FIXED_NOW))[key]
    assert action.opens_at == MONDAY_10
    assert action.due_at == datetime(2026, 11, 18, tzinfo=UTC)  # end of Tuesday
    assert action.overdue_at == datetime(2026, 11, 19, tzinfo=UTC)  # end of Wednesday

    # Before it starts the interview is upcoming: it plans nothing yet (domain.upcoming).
    assert key not in states(application, MONDAY_10 - timedelta(minutes=1))
    assert states(application, MONDAY_10 + timedelta(hours=2))[key] == ActionState.DUE
    assert states(application, datetime(2026, 11, 18, 20, tzinfo=UTC))[key] == ActionState.DUE
    assert states(application, datetime(2026, 11, 19, tzinfo=UTC))[key] == ActionState.OVERDUE


@pytest.mark.parametrize("mark", ["done", "not_applicable"])
def test_a_mark_makes_an_action_done_even_when_late(mark: str) -> None:
    application = make_application(
        {"interviewers": [ANA], "checklist": {"thank-you:ana-ruiz": done(state=mark)}}
    )
    assert states(application, FIXED_NOW)["thank-you:ana-ruiz"] == ActionState.DONE


def test_actions_come_most_urgent_first_and_next_action_skips_done() -> None:
    application = make_application(
        {
            "interviewers": [ANA, BEN],
            "decision_expected_on": date(2026, 11, 18),
            "checklist": {"thank-you:ana-ruiz": done()},
        },
        recruiter=Contact(name="Gus Park"),
        referees=[Referee(name="Dana Kay")],
    )
    now = datetime(2026, 11, 18, 12, tzinfo=UTC)  # Wednesday noon
    actions = plan_for(application, now)
    assert [(a.entry_id, a.state) for a in actions] == [
        ("call-your-recruiter", ActionState.OVERDUE),  # end of Monday
        ("warn-your-referees", ActionState.OVERDUE),  # end of Tuesday
        ("thank-you:ben-okafor", ActionState.DUE),  # due end of Tuesday, late end of Wednesday
        ("follow-up", ActionState.UPCOMING),  # opens Thursday, the day after their date
        ("thank-your-referees", ActionState.UPCOMING),  # also Thursday, but no deadline
        ("thank-you:ana-ruiz", ActionState.DONE),
    ]
    first = next_action(application, now)
    assert first is not None and first.entry_id == "call-your-recruiter"

    all_done = make_application(
        {"checklist": {a.entry_id: done() for a in plan_for(make_application({}), now)}}
    )
    assert next_action(all_done, now) is None


def test_the_latest_interview_supersedes_earlier_rounds() -> None:
    second_round = MONDAY_10 + timedelta(days=2)
    application = make_application(
        {"interviewers": [ANA]}, {"at": second_round, "interviewers": [BEN]}
    )
    actions = plan_for(application, FIXED_NOW)
    assert {a.interview_id for a in actions} == {"i2"}
    entries = by_entry(actions)
    assert "thank-you:ben-okafor" in entries and "thank-you:ana-ruiz" not in entries
    assert entries["thank-you:ben-okafor"].opens_at == second_round


# --- Following up ------------------------------------------------------------------------------


def follow_up(application: Application, now: datetime = FIXED_NOW, **kw: Any) -> PlannedAction:
    return by_entry(plan_for(application, now, **kw))["follow-up"]


def test_follow_up_waits_for_the_day_after_their_date() -> None:
    action = follow_up(make_application({"decision_expected_on": date(2026, 11, 19)}))
    assert action.opens_at == datetime(2026, 11, 20, tzinfo=UTC)
    assert action.due_at == datetime(2026, 11, 21, tzinfo=UTC)
    assert action.state == ActionState.DUE  # Friday afternoon, the day after their Thursday


@pytest.mark.parametrize(
    "size, settings, opens_day",
    [
        (None, PlanSettings(), 23),  # the catalog: about a week
        (CompanySize.SMALL, PlanSettings(), 20),  # a little sooner for small firms
        (CompanySize.LARGE, PlanSettings(), 24),  # later for large ones
        (None, PlanSettings(follow_up_days=10), 26),
        (CompanySize.SMALL, PlanSettings(follow_up_days_small=2), 18),
        (CompanySize.LARGE, PlanSettings(follow_up_days_large=12), 28),
        # Each setting replaces only its own counterpart: the small-firm days stay the catalog's.
        (CompanySize.SMALL, PlanSettings(follow_up_days=10), 20),
    ],
)
def test_without_a_date_the_follow_up_counts_from_the_interview(
    size: CompanySize | None, settings: PlanSettings, opens_day: int
) -> None:
    action = follow_up(make_application({}, company_size=size), settings=settings)
    assert action.opens_at == datetime(2026, 11, opens_day, tzinfo=UTC)
    assert action.overdue_at == action.opens_at + timedelta(days=5)


def test_a_date_they_gave_wins_over_the_settings() -> None:
    application = make_application({"decision_expected_on": date(2026, 11, 19)})
    action = follow_up(application, settings=PlanSettings(follow_up_days=30))
    assert action.opens_at == datetime(2026, 11, 20, tzinfo=UTC)


def test_the_checklist_built_from_catalog_for_agrees_with_the_plan() -> None:
    settings = PlanSettings(follow_up_days=10)
    application = make_application({})
    entries = {
        e.id: e
        for e in build_checklist(application, application.interviews[0], catalog_for(settings))
    }
    assert entries["follow-up"].opens_at == follow_up(application, settings=settings).opens_at
    # The shared catalog itself is untouched, and the same settings give the same copy.
    shared = load_checklist_catalog().item("follow-up").due
    assert shared is not None and shared.fallback_days == 7
    assert catalog_for(settings) is catalog_for(PlanSettings(follow_up_days=10))
    assert catalog_for(PlanSettings()) is load_checklist_catalog()


def test_a_recent_contact_makes_following_up_too_soon() -> None:
    now = datetime(2026, 11, 24, 9, tzinfo=UTC)  # the day after the usual week
    application = make_application({})
    assert follow_up(application, now).state == ActionState.DUE

    heard = datetime(2026, 11, 21, 12, tzinfo=UTC)  # the recruiter rang with "still deciding"
    recent = log_contact(application, heard, "Still deciding", Channel.PHONE)
    action = follow_up(recent, now)
    assert action.state == ActionState.TOO_SOON
    assert action.not_before == heard + timedelta(days=7)
    assert follow_up(recent, heard + timedelta(days=7)).state == ActionState.OVERDUE
    assert follow_up(recent, now, settings=PlanSettings(min_days_between_chases=2)).state == (
        ActionState.DUE
    )
    three = follow_up(recent, now, settings=PlanSettings(min_days_between_chases=3))
    assert three.not_before == heard + timedelta(days=3)


def test_the_no_badgering_rule_looks_only_at_chases_and_past_contacts() -> None:
    application = make_application({"interviewers": [ANA]})
    just_now = FIXED_NOW - timedelta(hours=1)
    recent = log_contact(application, just_now, "Called about parking")
    # A thank-you note is not a chase: it stays overdue however recent the contact.
    assert states(recent, FIXED_NOW)["thank-you:ana-ruiz"] == ActionState.OVERDUE
    # A follow-up not yet open stays upcoming: "not yet" for its own reason.
    assert follow_up(recent).state == ActionState.UPCOMING
    # A call booked for later has not happened: it does not hold anything back.
    later = datetime(2026, 11, 24, 9, tzinfo=UTC)
    booked = log_contact(application, later + timedelta(days=2), "Call booked")
    assert follow_up(booked, later).state == ActionState.DUE
    # A follow-up already made stays done.
    made = make_application({"checklist": {"follow-up": done(later)}})
    assert follow_up(log_contact(made, later, "Asked"), later).state == ActionState.DONE


# --- Outcomes and stages -----------------------------------------------------------------------


def test_a_rejected_application_keeps_only_the_after_rejection_courtesies() -> None:
    application = make_application(
        {"interviewers": [ANA], "went_badly": True},
        stage=Stage.REJECTED,
        recruiter=Contact(name="Gus Park"),
    )
    actions = plan_for(application, FIXED_NOW)
    # Undated, so in the order they open: feedback is never asked for on the interview day.
    assert [a.item_id for a in actions] == ["thank-your-recruiter", "ask-for-feedback"]
    assert all(a.state == ActionState.DUE and a.due_at is None for a in actions)
    assert actions[0].text == "Thank Gus Park for their help with this application."


@pytest.mark.parametrize("stage", [Stage.WITHDRAWN, Stage.NO_REPLY, Stage.ACCEPTED])
def test_other_closed_applications_have_nothing_left_to_do(stage: Stage) -> None:
    application = make_application({"interviewers": [ANA]}, stage=stage, recruiter=ANA)
    assert plan_for(application, FIXED_NOW) == []


def test_an_offer_has_nothing_left_to_chase() -> None:
    application = make_application({"interviewers": [ANA]}, stage=Stage.OFFER)
    items = {a.item_id for a in plan_for(application, datetime(2026, 11, 24, tzinfo=UTC))}
    assert "follow-up" not in items
    assert {"thank-you", "thank-your-referees"} <= items


# --- Across applications -----------------------------------------------------------------------


def test_plan_all_lists_what_is_due_across_open_applications_overdue_first() -> None:
    now = datetime(2026, 11, 18, 12, tzinfo=UTC)  # Wednesday noon
    early = make_application({"interviewers": [ANA]}, id="early-aaaaaa")  # Monday
    late = make_application(
        {"at": now - timedelta(hours=2), "interviewers": [BEN]}, id="late-bbbbbb"
    )
    rejected = make_application({}, id="gone-cccccc", stage=Stage.REJECTED)
    finished = make_application(
        {"checklist": {e: done() for e in ("thank-you", "warn-your-referees")}}, id="done-dddddd"
    )
    actions = plan_all([late, rejected, finished, early], now)
    assert [(a.application_id, a.entry_id, a.state) for a in actions] == [
        ("early-aaaaaa", "warn-your-referees", ActionState.OVERDUE),  # late since Tuesday night
        ("early-aaaaaa", "thank-you:ana-ruiz", ActionState.DUE),  # due Tuesday night, grace today
        # Both due by the end of Thursday: then in checklist order.
        ("late-bbbbbb", "thank-you:ben-okafor", ActionState.DUE),
        ("late-bbbbbb", "warn-your-referees", ActionState.DUE),
    ]


# --- Ticking off -------------------------------------------------------------------------------


def test_completing_a_thank_you_marks_it_and_logs_the_contact() -> None:
    application = make_application({"interviewers": [ANA]})
    action = by_entry(plan_for(application, FIXED_NOW))["thank-you:ana-ruiz"]
    updated = complete_action(application, action, FIXED_NOW)

    mark = updated.interviews[0].checklist["thank-you:ana-ruiz"]
    assert (mark.state, mark.at) == ("done", FIXED_NOW)
    [entry] = updated.contact_log
    assert (entry.at, entry.channel, entry.with_whom) == (FIXED_NOW, Channel.EMAIL, "Ana Ruiz")
    assert entry.note == "Sent a thank-you note."
    assert updated.updated_at == FIXED_NOW
    assert states(updated, FIXED_NOW)["thank-you:ana-ruiz"] == ActionState.DONE
    assert application.contact_log == []  # the original is untouched

    # Pressing twice logs once.
    assert complete_action(updated, action, FIXED_NOW + timedelta(minutes=1)) == updated


def test_a_completed_contact_holds_back_the_follow_up() -> None:
    now = datetime(2026, 11, 24, 9, tzinfo=UTC)
    application = make_application({}, recruiter=Contact(name="Gus Park"))
    call = by_entry(plan_for(application, now))["call-your-recruiter"]
    updated = complete_action(application, call, now, channel=Channel.MESSAGE)
    assert updated.contact_log[0].channel == Channel.MESSAGE
    assert updated.contact_log[0].with_whom == "Gus Park"
    action = follow_up(updated, now)
    assert (action.state, action.not_before) == (ActionState.TOO_SOON, now + timedelta(days=7))


def test_completing_a_non_contact_action_logs_nothing() -> None:
    application = make_application({}, referees=[Referee(name="Dana Kay")])
    action = by_entry(plan_for(application, FIXED_NOW))["warn-your-referees"]
    updated = complete_action(application, action, FIXED_NOW)
    assert updated.contact_log == []
    assert updated.interviews[0].checklist["warn-your-referees"].state == "done"
    assert updated.referees[0].notified_at == FIXED_NOW


def test_an_action_without_an_interview_cannot_be_completed() -> None:
    application = make_application({})
    action = plan_for(application, FIXED_NOW)[0]
    orphan = replace(action, interview_id=None)
    with pytest.raises(ValueError, match="no interview"):
        complete_action(application, orphan, FIXED_NOW)


# --- Time zones --------------------------------------------------------------------------------


def test_a_late_evening_interview_east_of_utc_keeps_its_own_days() -> None:
    # 22:30 Monday in UTC+10 is 12:30 Monday UTC.
    at = datetime(2026, 11, 16, 22, 30, tzinfo=PLUS_10)
    application = make_application({"at": at, "interviewers": [ANA]}, recruiter=BEN)
    actions = by_entry(plan_for(application, at))
    thanks = actions["thank-you:ana-ruiz"]
    assert thanks.due_at == datetime(2026, 11, 18, tzinfo=PLUS_10)  # all of Tuesday there
    assert thanks.overdue_at == datetime(2026, 11, 19, tzinfo=PLUS_10)
    # Ring within 4 hours: 02:30 on Tuesday there, so the whole of Tuesday (not a UTC day).
    assert actions["call-your-recruiter"].due_at == datetime(2026, 11, 18, tzinfo=PLUS_10)

    key = "thank-you:ana-ruiz"
    one_minute_early = datetime(2026, 11, 18, 13, 59, tzinfo=UTC)  # 23:59 Wednesday there
    assert states(application, one_minute_early)[key] == ActionState.DUE
    assert states(application, one_minute_early + timedelta(minutes=1))[key] == ActionState.OVERDUE
    assert follow_up(application).opens_at == datetime(2026, 11, 23, tzinfo=PLUS_10)


def test_a_late_interview_west_of_utc_is_not_moved_to_the_next_day() -> None:
    # 23:15 Monday in UTC-8 is already 07:15 Tuesday in UTC.
    at = datetime(2026, 11, 16, 23, 15, tzinfo=MINUS_8)
    application = make_application({"at": at, "interviewers": [ANA]})
    thanks = by_entry(plan_for(application, at))["thank-you:ana-ruiz"]
    assert thanks.due_at == datetime(2026, 11, 18, tzinfo=MINUS_8)  # end of Tuesday there
    assert thanks.overdue_at == datetime(2026, 11, 19, tzinfo=MINUS_8)
    # About a week from Monday, where it happened; not from Tuesday, the UTC date.
    assert follow_up(application).opens_at == datetime(2026, 11, 23, tzinfo=MINUS_8)

    key = "thank-you:ana-ruiz"
    # `now` in yet another zone: 23:59 Wednesday in UTC-8 is 17:59 Thursday in UTC+10.
    assert states(application, datetime(2026, 11, 19, 17, 59, tzinfo=PLUS_10))[key] == "due"
    assert states(application, datetime(2026, 11, 19, 18, 0, tzinfo=PLUS_10))[key] == "overdue"


def test_the_same_instant_in_any_zone_gives_the_same_plan() -> None:
    application = make_application(
        {"interviewers": [ANA, BEN], "at": datetime(2026, 11, 16, 22, 30, tzinfo=PLUS_10)},
        contact_log=[{"at": datetime(2026, 11, 19, 9, tzinfo=MINUS_8)}],
    )
    for now in (MONDAY_10, FIXED_NOW, datetime(2026, 11, 24, 3, tzinfo=UTC)):
        in_utc = plan_for(application, now)
        assert plan_for(application, now.astimezone(PLUS_10)) == in_utc
        assert plan_for(application, now.astimezone(MINUS_8)) == in_utc


def test_a_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        plan_for(make_application(), datetime(2026, 11, 20, 12))
    with pytest.raises(ValueError, match="timezone-aware"):
        plan_all([], datetime(2026, 11, 20, 12))


_ORDER = ["overdue", "due", "too_soon", "upcoming", "done"]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    offset_hours=st.integers(min_value=-11, max_value=13),
    minutes_after=st.lists(st.integers(min_value=-600, max_value=30 * 24 * 60), min_size=2),
    contact_days=st.integers(min_value=0, max_value=20),
)
def test_states_only_ever_move_forward_and_stay_sorted(
    offset_hours: int, minutes_after: list[int], contact_days: int
) -> None:
    zone = timezone(timedelta(hours=offset_hours))
    at = datetime(2026, 11, 16, 21, 45, tzinfo=zone)
    contact = at + timedelta(days=contact_days)
    application = make_application(
        {"at": at, "interviewers": [ANA]}, recruiter=BEN, contact_log=[{"at": contact}]
    )
    progress = {"upcoming": 0, "due": 1, "overdue": 2}
    seen: dict[str, ActionState] = {}
    for minutes in sorted(minutes_after):
        now = at + timedelta(minutes=minutes)
        actions = plan_for(application, now)
        ranks = [_ORDER.index(a.state) for a in actions]
        assert ranks == sorted(ranks)
        for action in actions:
            if action.item_id == "follow-up":
                # Held back exactly while it is open and the contact is under a week old.
                recent = contact <= now < contact + timedelta(days=7)
                held = now >= action.opens_at and recent
                assert (action.state == ActionState.TOO_SOON) is held
                assert action.not_before == (contact + timedelta(days=7) if held else None)
                continue
            # Outside the no-badgering rule, nothing ever becomes less urgent by itself.
            before = seen.get(action.entry_id)
            if before is not None:
                assert progress[action.state] >= progress[before], action.entry_id
            seen[action.entry_id] = action.state


# --- Activity and settings ---------------------------------------------------------------------


def test_last_contact_and_last_activity() -> None:
    application = make_application()
    assert last_contact(application) is None
    assert last_activity(application) == MONDAY_10 - timedelta(days=30)  # created

    later = make_application(
        {},
        contact_log=[{"at": MONDAY_10 + timedelta(days=2)}, {"at": MONDAY_10 + timedelta(days=1)}],
        stage_history=[{"at": MONDAY_10 + timedelta(days=3), "to_stage": "awaiting_decision"}],
    )
    assert last_contact(later) == MONDAY_10 + timedelta(days=2)
    assert last_activity(later) == MONDAY_10 + timedelta(days=3)  # the stage move
    waited = later.revised(quiet_acknowledged_at=MONDAY_10 + timedelta(days=4))
    assert last_activity(waited) == MONDAY_10 + timedelta(days=4)
    assert last_contact(waited) == MONDAY_10 + timedelta(days=2)  # choosing to wait is no contact


def test_plan_settings_come_from_the_follow_up_table() -> None:
    assert plan_settings(Settings()) == PlanSettings()
    table = FollowUpSettings(follow_up_days=9, follow_up_days_large=12, active_target=3)
    assert plan_settings(Settings(follow_up=table)) == PlanSettings(
        follow_up_days=9, follow_up_days_large=12, active_target=3
    )


# Snoozing ---------------------------------------------------------------------------------------


def test_a_snoozed_action_leaves_today_and_comes_back_when_the_snooze_runs_out() -> None:
    app = make_application({"interviewers": [ANA.model_dump()]})
    overdue = by_entry(plan_for(app, FIXED_NOW))["thank-you:ana-ruiz"]
    assert overdue.state is ActionState.OVERDUE
    tomorrow = FIXED_NOW + timedelta(days=1)
    snoozed = snooze_action(app, overdue, tomorrow, FIXED_NOW)
    assert snoozed.interviews[0].snoozed == {"thank-you:ana-ruiz": tomorrow}
    held = by_entry(plan_for(snoozed, FIXED_NOW))["thank-you:ana-ruiz"]
    assert held.state is ActionState.UPCOMING and held.not_before == tomorrow
    assert "thank-you:ana-ruiz" not in {a.entry_id for a in plan_all([snoozed], FIXED_NOW)}
    back = by_entry(plan_for(snoozed, tomorrow))["thank-you:ana-ruiz"]
    assert back.state is ActionState.OVERDUE and back.not_before is None


def test_done_wins_over_a_snooze_and_a_snooze_must_end_in_the_future() -> None:
    app = make_application({"interviewers": [ANA.model_dump()]})
    action = by_entry(plan_for(app, FIXED_NOW))["thank-you:ana-ruiz"]
    snoozed = snooze_action(app, action, FIXED_NOW + timedelta(days=2), FIXED_NOW)
    done = complete_action(snoozed, action, FIXED_NOW)
    assert by_entry(plan_for(done, FIXED_NOW))["thank-you:ana-ruiz"].state is ActionState.DONE
    with pytest.raises(ValueError, match="future"):
        snooze_action(app, action, FIXED_NOW, FIXED_NOW)
