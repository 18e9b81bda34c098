"""The plan follows the advice: pinned with a fixed clock for each situation the articles cover.

FIXED_NOW is Friday 20 November 2026, 15:30 UTC; the interview was that Monday at 10:00.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import icalendar
import pytest

from postinterview.domain.checklist import (
    EntryState,
    Phase,
    build_checklist,
    checklist_progress,
    checklist_states,
    load_checklist_catalog,
)
from postinterview.domain.contacts import log_contact
from postinterview.domain.days import last_day, local_day
from postinterview.domain.models import Application, CompanySize, Contact, Referee
from postinterview.domain.plan import (
    ActionState,
    PlannedAction,
    PlanSettings,
    complete_action,
    plan_all,
    plan_for,
)
from postinterview.domain.stages import Stage
from postinterview.domain.ticks import tick_entry
from postinterview.transfer.export_ics import event_uid, export_ics
from tests.conftest import FIXED_NOW

MONDAY_10 = datetime(2026, 11, 16, 10, 0, tzinfo=UTC)
ANA = Contact(id="ana-ruiz", name="Ana Ruiz")
BEN = Contact(id="ben-okafor", name="Ben Okafor")
GUS = Contact(id="gus-park", name="Gus Park")
CHASED = "Asked how their decision is coming along."


def day(n: int, hour: int = 0) -> datetime:
    """`n` days after the interview's day (Monday 16 November), at `hour` UTC."""
    return datetime.combine(date(2026, 11, 16) + timedelta(days=n), time(hour), tzinfo=UTC)


def make(*interviews: dict[str, Any], **fields: Any) -> Application:
    data: dict[str, Any] = {
        "id": "acme-abc123",
        "company": "Acme Robotics",
        "role": "Backend Engineer",
        "stage": Stage.AWAITING_DECISION,
        "created_at": MONDAY_10 - timedelta(days=30),
        "updated_at": MONDAY_10,
        "interviews": [
            {"id": f"i{n}", "at": MONDAY_10, "interviewers": [ANA, BEN], **i}
            for n, i in enumerate(interviews, 1)
        ],
    }
    data.update(fields)
    return Application.model_validate(data)


def actions(application: Application, now: datetime = FIXED_NOW) -> dict[str, PlannedAction]:
    return {a.entry_id: a for a in plan_for(application, now)}


def items(application: Application, now: datetime = FIXED_NOW) -> set[str]:
    return {a.item_id for a in plan_for(application, now)}


# --- Referees -----------------------------------------------------------------------------------

REFEREE_ITEMS = {"warn-your-referees", "thank-your-referees"}


def test_no_referees_and_none_asked_for_means_no_referee_actions() -> None:
    assert not items(make({}), day(1, 9)) & REFEREE_ITEMS
    checklist = build_checklist(make({}), make({}).interviews[0])
    assert not {e.item_id for e in checklist} & REFEREE_ITEMS


def test_recorded_referees_are_named_and_only_those_not_yet_warned_are_asked_for() -> None:
    dana = Referee(id="dana", name="Dana Kay")
    eli = Referee(id="eli", name="Eli Moss")
    both = actions(make({}, referees=[dana, eli]), day(1, 9))
    assert both["warn-your-referees"].text.startswith("Warn Dana Kay and Eli Moss that a call")
    assert both["warn-your-referees"].state is ActionState.DUE
    assert both["thank-your-referees"].text.startswith("Thank Dana Kay and Eli Moss after")

    one_warned = [dana.revised(notified_at=day(0, 12)), eli]
    half = actions(make({}, referees=one_warned), day(1, 9))["warn-your-referees"]
    assert half.state is ActionState.DUE and half.names == ("Eli Moss",)

    # Every referee has a warned date: done, whether or not it was ticked.
    all_warned = [r.revised(notified_at=day(0, 12)) for r in (dana, eli)]
    warned = actions(make({}, referees=all_warned), day(1, 9))["warn-your-referees"]
    assert (warned.state, warned.recorded_at) == (ActionState.DONE, day(0, 12))


def test_references_asked_for_with_none_recorded_says_to_choose_and_warn_them() -> None:
    application = make({"references_requested": True})
    planned = actions(application, day(1, 9))
    warn = planned["warn-your-referees"]
    assert warn.text == (
        "They asked for references: choose your referees and warn them a call may come."
    )
    assert warn.names == () and warn.state is ActionState.DUE
    assert planned["thank-your-referees"].text.startswith("Thank your referees after")


# --- Closed stages and outcomes -----------------------------------------------------------------


def rejected(**fields: Any) -> Application:
    heard = {"at": day(3, 9), "from_stage": "interviewing", "to_stage": "rejected"}
    return make({"went_badly": True}, stage=Stage.REJECTED, stage_history=[heard], **fields)


def test_rejected_thank_them_and_ask_for_feedback_and_thank_the_recruiter() -> None:
    planned = actions(rejected(recruiter=GUS))
    assert set(planned) == {"ask-for-feedback", "thank-your-recruiter"}
    feedback = planned["ask-for-feedback"]
    assert feedback.text.startswith("Thank Ana Ruiz and Ben Okafor for their time and ask")
    assert "feedback" in feedback.text
    # From the day they said no (Thursday): due within two days, gone after a fortnight.
    assert (feedback.opens_at, feedback.due_at) == (day(3, 9), day(6))
    assert feedback.lapses_at == day(18)
    assert planned["thank-your-recruiter"].text == (
        "Thank Gus Park for their help with this application."
    )
    assert "thank-your-recruiter" not in actions(rejected())  # no recruiter, no thanks to one
    assert plan_for(rejected(), day(19)) == []  # a fortnight on, the moment has passed


def test_a_rejection_drops_the_went_badly_lines_and_every_chase() -> None:
    application = rejected(recruiter=GUS)
    entries = build_checklist(application, application.interviews[0])
    assert {e.phase for e in entries} == {Phase.IF_UNSUCCESSFUL}
    assert not any("nothing is settled" in f"{e.text} {e.why}" for e in entries)
    assert "follow-up" not in items(application, day(10))


@pytest.mark.parametrize("stage", [Stage.WITHDRAWN, Stage.ACCEPTED, Stage.NO_REPLY])
def test_other_closed_stages_leave_nothing_to_do_or_chase(stage: Stage) -> None:
    application = make({"went_badly": True}, stage=stage, recruiter=GUS, referees=[{"name": "D"}])
    for now in (day(0, 12), FIXED_NOW, day(10)):
        assert plan_for(application, now) == []


def test_due_lists_a_closed_applications_courtesies() -> None:
    courtesies = {
        (a.application_id, a.item_id) for a in plan_all([rejected(recruiter=GUS)], FIXED_NOW)
    }
    assert courtesies == {
        ("acme-abc123", "ask-for-feedback"),
        ("acme-abc123", "thank-your-recruiter"),
    }


def offer(**fields: Any) -> Application:
    made = {"at": day(2, 11), "from_stage": "awaiting_decision", "to_stage": "offer"}
    return make({"went_badly": True}, stage=Stage.OFFER, stage_history=[made], **fields)


def test_an_offer_is_answered_by_their_deadline_and_nothing_is_chased() -> None:
    planned = actions(offer(offer_respond_by=date(2026, 11, 25), recruiter=GUS), day(10))
    answer = planned["respond-to-the-offer"]
    assert answer.text == "Give Gus Park your answer to the offer by the day they asked for."
    assert (answer.opens_at, answer.due_at) == (day(2, 11), day(10))  # by the end of the 25th
    assert answer.state is ActionState.OVERDUE
    # Before then it is due, named after the first interviewer without a recruiter.
    early = actions(offer(offer_respond_by=date(2026, 11, 25)), FIXED_NOW)["respond-to-the-offer"]
    assert early.state is ActionState.DUE and early.text.startswith("Give Ana Ruiz your answer")
    assert not items(offer(), day(10)) & {
        "follow-up",
        "write-it-down-honestly",
        "keep-your-search-moving",
    }


def test_an_offer_without_a_deadline_says_to_ask_for_one() -> None:
    answer = actions(offer())["respond-to-the-offer"]
    assert answer.text == (
        "Ask Ana Ruiz by when they need your answer to the offer, then reply in time."
    )
    assert (answer.state, answer.due_at) == (ActionState.DUE, None)


def test_went_badly_brings_the_recovery_steps() -> None:
    application = make({"went_badly": True}, recruiter=GUS)
    planned = actions(application, day(0, 12))
    recovery = {
        "write-it-down-honestly",
        "tell-your-recruiter-how-it-felt",
        "keep-your-search-moving",
    }
    assert recovery <= set(planned)
    assert planned["tell-your-recruiter-how-it-felt"].text.startswith("Tell Gus Park how it felt")
    assert planned["keep-your-search-moving"].due_at == day(8)  # within the week
    checklist = {e.id for e in build_checklist(application, application.interviews[0])}
    assert "dont-write-it-off" in checklist  # "nothing is settled yet" still true here
    assert not recovery & items(make({}, recruiter=GUS), day(0, 12))


# --- Following up: the articles' days, not held back by a thank-you --------------------------


@pytest.mark.parametrize(
    "size, decision, opens, due, overdue",
    [
        # No date given: about a week (days 7-8), 4-5 for a small firm, 8-12 for a large one.
        (None, None, day(7), day(9), day(12)),
        (CompanySize.SMALL, None, day(4), day(6), day(9)),
        (CompanySize.LARGE, None, day(8), day(13), day(13)),
        # A date given (Wednesday 18th): the day after it, whatever the size.
        (None, date(2026, 11, 18), day(3), day(4), day(8)),
        (CompanySize.SMALL, date(2026, 11, 18), day(3), day(4), day(8)),
        (CompanySize.LARGE, date(2026, 11, 18), day(3), day(4), day(8)),
    ],
)
def test_the_follow_up_keeps_the_articles_days_after_a_thank_you_sent_on_the_day(
    size: CompanySize | None,
    decision: date | None,
    opens: datetime,
    due: datetime,
    overdue: datetime,
) -> None:
    application = make({"decision_expected_on": decision}, company_size=size)
    sent = day(0, 16)
    for person in ("ana-ruiz", "ben-okafor"):
        thanks = actions(application, sent)[f"thank-you:{person}"]
        application = complete_action(application, thanks, sent)
    assert [e.note for e in application.contact_log] == ["Sent a thank-you note."] * 2
    follow_up = actions(application, opens)["follow-up"]
    assert (follow_up.opens_at, follow_up.due_at, follow_up.overdue_at) == (opens, due, overdue)
    assert (follow_up.state, follow_up.not_before) == (ActionState.DUE, None)  # not held back
    assert actions(application, opens - timedelta(seconds=1))["follow-up"].state is (
        ActionState.UPCOMING
    )
    assert actions(application, overdue)["follow-up"].state is ActionState.OVERDUE


def test_the_follow_up_names_whom_to_ask() -> None:
    text = actions(make({}), day(7))["follow-up"].text
    assert text == "Get in touch with Ana Ruiz to ask how their decision is coming along."
    via = actions(make({}, recruiter=GUS), day(7))["follow-up"].text
    assert via.startswith("Get in touch with Gus Park to ask")
    nobody = actions(make({"interviewers": []}), day(7))["follow-up"].text
    assert nobody.startswith("Get in touch with them to ask")


def test_the_settings_move_the_window_and_keep_its_length() -> None:
    small = make({}, company_size=CompanySize.SMALL)
    moved = plan_for(small, day(3), PlanSettings(follow_up_days_small=3))
    follow_up = next(a for a in moved if a.item_id == "follow-up")
    assert (follow_up.opens_at, follow_up.due_at) == (day(3), day(5))  # days 3-4


def test_only_the_latest_interview_drives_the_follow_up() -> None:
    application = make({"decision_expected_on": date(2026, 11, 17)}, {"at": day(2, 14)})
    planned = actions(application, day(3, 9))
    assert {a.interview_id for a in planned.values()} == {"i2"}
    # Round two gave no date: about a week from Wednesday, not the day after round one's date.
    assert planned["follow-up"].opens_at == day(9)
    assert planned["thank-you:ana-ruiz"].opens_at == day(2, 14)


def test_a_follow_up_already_logged_counts_and_the_next_one_waits() -> None:
    # Logged by hand after the interview, not ticked: the follow-up is done.
    application = log_contact(make({}), day(8, 9), "Followed up by phone", with_whom="Ana")
    follow_up = actions(application, day(8, 12))["follow-up"]
    assert (follow_up.state, follow_up.recorded_at) == (ActionState.DONE, day(8, 9))

    # Ticked after round one; round two comes; its follow-up waits a week from the chase.
    first = make({}, company_size=CompanySize.SMALL)
    chased = complete_action(first, actions(first, day(4, 9))["follow-up"], day(4, 9))
    second = chased.revised(
        interviews=[*chased.interviews, {"id": "i2", "at": day(5, 10), "interviewers": [ANA]}]
    )
    waits = actions(second, day(9, 12))["follow-up"]  # open on day 9 (4 days after round two)
    assert (waits.interview_id, waits.state) == ("i2", ActionState.TOO_SOON)
    assert waits.not_before == day(11)  # from the start of the day a week after the chase
    assert actions(second, day(11))["follow-up"].state is ActionState.DUE


# --- What the record shows, and what has lapsed -------------------------------------------------


def test_a_thank_you_in_the_contact_log_counts_for_the_person_it_names() -> None:
    logged = log_contact(make({}), day(0, 18), "Emailed my thanks", with_whom="Ana")
    planned = actions(logged, day(1, 9))
    assert planned["thank-you:ana-ruiz"].state is ActionState.DONE
    assert planned["thank-you:ben-okafor"].state is ActionState.DUE
    both = log_contact(make({}), day(0, 18), "Thank-you notes", with_whom="Ana Ruiz, Ben Okafor")
    assert {a.state for a in actions(both, day(1, 9)).values() if a.item_id == "thank-you"} == {
        ActionState.DONE
    }
    # Before the interview, or thanks to someone else, counts for nothing.
    before = log_contact(make({}), MONDAY_10 - timedelta(hours=1), "Thanks", with_whom="Ana")
    other = log_contact(make({}), day(0, 18), "Thanked them", with_whom="Gus Park")
    for application in (before, other):
        assert actions(application, day(1, 9))["thank-you:ana-ruiz"].state is ActionState.DUE


def test_a_tick_cleared_by_mistake_reopens_the_action_though_its_log_entry_stays() -> None:
    application = make({})
    thanks = actions(application, day(0, 16))["thank-you:ana-ruiz"]
    ticked = complete_action(application, thanks, day(0, 16))
    cleared = tick_entry(ticked, "i1", "thank-you:ana-ruiz", None, day(0, 17))
    assert len(cleared.contact_log) == 1
    assert actions(cleared, day(1, 9))["thank-you:ana-ruiz"].state is ActionState.DUE


def test_a_thank_you_a_week_on_drops_out_instead_of_staying_overdue() -> None:
    application = make({})
    assert actions(application, day(7, 23))["thank-you:ana-ruiz"].state is ActionState.OVERDUE
    later = actions(application, day(8))
    assert not {"thank-you:ana-ruiz", "thank-you:ben-okafor"} & set(later)
    assert "follow-up" in later  # the follow-up is now the moment to be in touch
    interview = application.interviews[0]
    states = dict(
        (e.id, s) for e, s in checklist_states(build_checklist(application, interview), {}, day(8))
    )
    assert states["thank-you:ana-ruiz"] is EntryState.LAPSED


def test_before_you_leave_steps_have_passed_once_the_interview_is_over() -> None:
    application = make({"planned_minutes": 45})
    entries = build_checklist(application, application.interviews[0])
    leave = [e for e in entries if e.phase is Phase.BEFORE_YOU_LEAVE and e.kind == "do"]
    assert len(leave) == 5
    during = dict(checklist_states(entries, {}, MONDAY_10 + timedelta(minutes=30)))
    assert {during[e] for e in leave} == {EntryState.DUE}
    over = MONDAY_10 + timedelta(minutes=45)  # its planned end, not the end of the day
    after = dict(checklist_states(entries, {}, over))
    assert {after[e] for e in leave} == {EntryState.LAPSED}
    progress = checklist_progress(entries, {}, day(1, 9))
    steps = sum(e.phase is Phase.BEFORE_YOU_LEAVE for e in entries)  # the call's don't too
    assert steps == 6
    assert progress.lapsed == steps and progress.total == len(entries) - steps
    # Ticked in time, a step stays done.
    marks = {leave[0].id: {"state": "done", "at": MONDAY_10 + timedelta(minutes=40)}}
    ticked = application.interviews[0].revised(checklist=marks)
    assert dict(checklist_states(entries, ticked.checklist, day(1, 9)))[leave[0]] is (
        EntryState.DONE
    )


# --- Every action names what it is about --------------------------------------------------------


def test_sending_what_you_promised_says_what_and_to_whom() -> None:
    application = make({"promised_to_send": "my notice period\nand two references"})
    promise = actions(application, day(0, 12))["send-what-you-promised"]
    assert promise.text == (
        "Send Ana Ruiz and Ben Okafor what you promised: my notice period and two references."
    )
    assert promise.names == ("Ana Ruiz", "Ben Okafor")
    nobody = make({"promised_to_send": "a code sample.", "interviewers": []})
    assert actions(nobody, day(0, 12))["send-what-you-promised"].text == (
        "Send your interviewers what you promised: a code sample."
    )


def test_where_the_articles_disagree_on_timing_the_action_says_so() -> None:
    planned = actions(make({}), day(7))
    assert planned["follow-up"].timing_note == (
        "Sources differ: about a week; 4-5 days for a small firm, 8-12 for a large one."
    )
    assert planned["thank-you:ana-ruiz"].timing_note is not None
    assert "two days" in planned["thank-you:ana-ruiz"].timing_note


def test_the_follow_up_note_states_the_days_the_rule_gives() -> None:
    rule = load_checklist_catalog().item("follow-up").due
    note = load_checklist_catalog().item("follow-up").note
    assert rule is not None and note is not None and rule.overdue_after_hours is not None
    late = int(rule.overdue_after_hours // 24)
    days = {
        None: (rule.fallback_days, rule.fallback_due_days),
        "small": (rule.fallback_days_small, rule.fallback_due_days_small),
        "large": (rule.fallback_days_large, rule.fallback_due_days_large),
    }
    assert f"days {days[None][0]}-{days[None][1]} after the interview" in note
    assert f"{days['small'][0]}-{days['small'][1]} for a small firm" in note
    assert f"{days['large'][0]}-{days['large'][1]} for a large one" in note
    overdue = [max(first + late, last) for first, last in days.values()]  # type: ignore[operator]
    assert f"overdue after day {overdue[0]}, {overdue[1]} and {overdue[2]}" in note
    assert f"overdue {late} days later" in note
    # And the plan does what the note says (a small firm: the window of days 4-5).
    small = actions(make({}, company_size=CompanySize.SMALL), day(4))["follow-up"]
    assert (small.opens_at, last_day(small.due_at)) == (day(4), date(2026, 11, 21))  # type: ignore[arg-type]


# --- `due` and the calendar show the same actions on the same days ------------------------------


def situations() -> list[Application]:
    """Overdue thanks, a follow-up opening soon, one held back, an offer, a rejection."""
    overdue = make({}, id="overdue-aaaaaa")
    small = make({}, id="small-bbbbbb", company_size=CompanySize.SMALL, recruiter=GUS)
    first = make({}, id="held-cccccc", company_size=CompanySize.SMALL)
    chased = log_contact(first, day(3, 9), CHASED)
    held = chased.revised(interviews=[*chased.interviews, {"id": "i2", "at": day(4, 9)}])
    return [
        overdue,
        small,
        held,
        offer(id="offer-dddddd", offer_respond_by=date(2026, 11, 26)),
        rejected(id="no-eeeeee", recruiter=GUS),
        make({}, id="quiet-ffffff", stage=Stage.WITHDRAWN),
    ]


def calendar(applications: list[Application], now: datetime) -> dict[str, tuple[date, date]]:
    """UID -> (first day, last day) of each event."""
    parsed = icalendar.Calendar.from_ical(export_ics(applications, now, PlanSettings()))
    return {
        str(event["UID"]): (event.decoded("DTSTART"), event.decoded("DTEND") - timedelta(days=1))
        for event in parsed.walk("VEVENT")
    }


def listed(applications: list[Application], now: datetime) -> set[str]:
    """What `postinterview due` lists at `now`, as event UIDs."""
    by_id = {a.id: a for a in applications}
    return {event_uid(by_id[a.application_id], a) for a in plan_all(applications, now)}


def on(events: dict[str, tuple[date, date]], when: date) -> set[str]:
    return {uid for uid, (first, last) in events.items() if first <= when <= last}


def test_due_and_the_calendar_show_the_same_actions_on_the_same_days() -> None:
    applications = situations()
    events = calendar(applications, FIXED_NOW)
    today = local_day(FIXED_NOW)
    assert on(events, today) == listed(applications, FIXED_NOW)
    assert "no-eeeeee.i1.ask-for-feedback@postinterview" in on(events, today)
    for ahead in range(1, 15):
        when = today + timedelta(days=ahead)
        noon = datetime.combine(when, time(12), tzinfo=UTC)
        due_then = listed(applications, noon)
        assert on(events, when) <= due_then, when
        # What `due` will list with its deadline still ahead is on the calendar that day.
        by_id = {a.id: a for a in applications}
        dated = {
            event_uid(by_id[a.application_id], a)
            for a in plan_all(applications, noon)
            if a.due_at is not None and last_day(a.due_at) >= when
        }
        assert dated <= on(events, when), when
    # The held-back follow-up is on neither before its day, and on both from it.
    held = "held-cccccc.i2.follow-up@postinterview"
    assert events[held][0] == date(2026, 11, 26)
    assert held not in listed(applications, day(9, 23))
    assert held in listed(applications, day(10))


def test_the_calendar_carries_nothing_lapsed_or_done() -> None:
    applications = situations()
    later = calendar(applications, day(30))
    assert not any(":ana-ruiz" in uid or "ask-for-feedback" in uid for uid in later)
    assert re.search(r"offer-dddddd\.i1\.respond-to-the-offer", " ".join(later))
