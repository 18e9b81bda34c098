"""One meaning for a tick: the checklist's tick and Today's "done" record exactly the same."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from postinterview.domain.checklist import (
    EntryState,
    build_checklist,
    checklist_progress,
    checklist_states,
    load_checklist_catalog,
)
from postinterview.domain.contacts import log_contact
from postinterview.domain.interviews import InterviewNotFound, find_interview
from postinterview.domain.models import Application, Channel, Contact, Referee
from postinterview.domain.plan import (
    ActionState,
    PlannedAction,
    PlanSettings,
    catalog_for,
    complete_action,
    plan_for,
)
from postinterview.domain.stages import Stage
from postinterview.domain.ticks import tick_entry
from postinterview.storage.codec import encode_application
from tests.conftest import FIXED_NOW

MONDAY_10 = datetime(2026, 11, 16, 10, 0, tzinfo=UTC)
ANA = Contact(id="ana-ruiz", name="Ana Ruiz", email="ana@acme.test")
BEN = Contact(id="ben-okafor", name="Ben Okafor")
THANK_ANA = "thank-you:ana-ruiz"
# The interview screen's catalog carries the person's follow-up days; Today's the default.
SCREEN_CATALOG = catalog_for(PlanSettings(follow_up_days=10))


def make_application(**fields: Any) -> Application:
    data: dict[str, Any] = {
        "id": "acme-abc123",
        "company": "Acme Robotics",
        "role": "Backend Engineer",
        "stage": Stage.AWAITING_DECISION,
        "created_at": MONDAY_10 - timedelta(days=30),
        "updated_at": MONDAY_10,
        "interviews": [{"id": "i1", "at": MONDAY_10, "interviewers": [ANA, BEN]}],
    }
    data.update(fields)
    return Application.model_validate(data)


def planned(application: Application, entry_id: str, now: datetime = FIXED_NOW) -> PlannedAction:
    return next(a for a in plan_for(application, now) if a.entry_id == entry_id)


def via_checklist(
    application: Application, entry_id: str, now: datetime = FIXED_NOW
) -> Application:
    """What the interview screen's checklist does on space."""
    return tick_entry(application, "i1", entry_id, "done", now, SCREEN_CATALOG)


def via_today(application: Application, entry_id: str, now: datetime = FIXED_NOW) -> Application:
    """What Today and the weekly review do on "done"."""
    return complete_action(application, planned(application, entry_id, now), now)


# --- The same record from either view ----------------------------------------------------------


@pytest.mark.parametrize("entry_id", [THANK_ANA, "warn-your-referees", "call-your-recruiter"])
def test_the_checklist_and_today_record_byte_identical_ticks(entry_id: str) -> None:
    application = make_application(
        referees=[Referee(name="Dana Kay")], recruiter=Contact(name="Gus Park")
    )
    from_checklist = via_checklist(application, entry_id)
    from_today = via_today(application, entry_id)
    assert from_checklist.model_dump() == from_today.model_dump()
    assert encode_application(from_checklist) == encode_application(from_today)
    assert from_checklist != application  # something was recorded at all


def test_a_thank_you_ticked_in_the_checklist_is_logged_as_a_contact() -> None:
    updated = via_checklist(make_application(), THANK_ANA)
    mark = find_interview(updated, "i1").checklist[THANK_ANA]
    assert (mark.state, mark.at) == ("done", FIXED_NOW)
    [entry] = updated.contact_log
    assert (entry.at, entry.channel, entry.with_whom) == (FIXED_NOW, Channel.EMAIL, "Ana Ruiz")
    assert entry.note == "Sent a thank-you note."
    assert updated.updated_at == FIXED_NOW


def test_each_interviewers_note_is_its_own_contact() -> None:
    both = via_checklist(via_checklist(make_application(), THANK_ANA), "thank-you:ben-okafor")
    assert [e.with_whom for e in both.contact_log] == ["Ana Ruiz", "Ben Okafor"]


def test_the_channel_can_be_said_otherwise() -> None:
    application = make_application(recruiter=Contact(name="Gus Park"))
    updated = tick_entry(
        application, "i1", "call-your-recruiter", "done", FIXED_NOW, channel=Channel.MESSAGE
    )
    [entry] = updated.contact_log
    assert (entry.channel, entry.with_whom) == (Channel.MESSAGE, "Gus Park")
    assert entry.note == "Rang the recruiter after the interview."


# --- Once ----------------------------------------------------------------------------------------


def test_ticking_twice_logs_once_and_changes_nothing() -> None:
    once = via_checklist(make_application(), THANK_ANA)
    assert via_checklist(once, THANK_ANA, FIXED_NOW + timedelta(minutes=1)) == once
    assert via_today(once, THANK_ANA, FIXED_NOW + timedelta(minutes=1)) == once


def test_clearing_keeps_the_contact_and_ticking_again_does_not_log_it_twice() -> None:
    once = via_checklist(make_application(), THANK_ANA)
    cleared = tick_entry(once, "i1", THANK_ANA, None, FIXED_NOW + timedelta(minutes=1))
    assert THANK_ANA not in find_interview(cleared, "i1").checklist
    assert cleared.contact_log == once.contact_log  # the note was sent: the log says so
    again = via_checklist(cleared, THANK_ANA, FIXED_NOW + timedelta(minutes=2))
    assert find_interview(again, "i1").checklist[THANK_ANA].state == "done"
    assert again.contact_log == once.contact_log


def test_a_contact_logged_before_this_interview_does_not_count_as_this_one() -> None:
    # The same note to the same person, but for an interview nine days before this one.
    earlier = log_contact(
        make_application(),
        MONDAY_10 - timedelta(days=9),
        "Sent a thank-you note.",
        Channel.EMAIL,
        "Ana Ruiz",
    )
    assert len(via_checklist(earlier, THANK_ANA).contact_log) == 2


def test_not_applicable_logs_nothing_and_done_after_it_does() -> None:
    skipped = tick_entry(make_application(), "i1", THANK_ANA, "not_applicable", FIXED_NOW)
    assert find_interview(skipped, "i1").checklist[THANK_ANA].state == "not_applicable"
    assert skipped.contact_log == []
    assert len(via_checklist(skipped, THANK_ANA).contact_log) == 1


def test_advice_and_unknown_ids_record_only_the_mark() -> None:
    application = make_application()
    for entry_id in ("personalise-each-note", "gone-item", "thank-you:someone-renamed"):
        updated = tick_entry(application, "i1", entry_id, "done", FIXED_NOW)
        assert find_interview(updated, "i1").checklist[entry_id].state == "done"
        assert updated.referees == application.referees
        if entry_id != "thank-you:someone-renamed":
            assert updated.contact_log == []
    # A thank-you whose interviewer is no longer recorded is still a thank-you sent.
    renamed = tick_entry(application, "i1", "thank-you:someone-renamed", "done", FIXED_NOW)
    assert [(e.note, e.with_whom) for e in renamed.contact_log] == [("Sent a thank-you note.", "")]


def test_a_tick_on_a_missing_interview_is_refused() -> None:
    with pytest.raises(InterviewNotFound):
        tick_entry(make_application(), "gone", THANK_ANA, "done", FIXED_NOW)


# --- What the tick holds back -----------------------------------------------------------------


def test_a_thank_you_ticked_in_the_checklist_does_not_hold_back_the_follow_up() -> None:
    due = datetime(2026, 11, 24, 9, tzinfo=UTC)  # the follow-up is open: a week has passed
    application = make_application()
    assert planned(application, "follow-up", due).state == ActionState.DUE
    thanked = via_checklist(application, THANK_ANA, due - timedelta(days=1))  # sent late
    assert thanked.contact_log[-1].note == "Sent a thank-you note."
    follow_up = planned(thanked, "follow-up", due)
    # A thank-you note is no chase: the follow-up keeps the articles' timing.
    assert (follow_up.state, follow_up.not_before) == (ActionState.DUE, None)


# --- Referees -----------------------------------------------------------------------------------


def test_ticking_warn_your_referees_records_when_each_was_warned() -> None:
    earlier = FIXED_NOW - timedelta(days=3)
    application = make_application(
        referees=[{"name": "Old Boss", "notified_at": earlier}, {"name": "Mentor"}]
    )
    warned = via_checklist(application, "warn-your-referees")
    assert [r.notified_at for r in warned.referees] == [earlier, FIXED_NOW]
    assert warned.contact_log == []  # telling a referee is not a contact with the company
    cleared = tick_entry(warned, "i1", "warn-your-referees", None, FIXED_NOW)
    assert [r.notified_at for r in cleared.referees] == [earlier, FIXED_NOW]  # history is kept
    skipped = tick_entry(application, "i1", "warn-your-referees", "not_applicable", FIXED_NOW)
    assert [r.notified_at for r in skipped.referees] == [earlier, None]


def test_marks_are_set_flipped_and_cleared() -> None:
    application = make_application()
    marked = tick_entry(application, "i1", "write-down-who-you-met", "done", FIXED_NOW)
    mark = find_interview(marked, "i1").checklist["write-down-who-you-met"]
    assert (mark.state, mark.at) == ("done", FIXED_NOW)
    flipped = tick_entry(marked, "i1", "write-down-who-you-met", "not_applicable", FIXED_NOW)
    assert find_interview(flipped, "i1").checklist["write-down-who-you-met"].state == (
        "not_applicable"
    )
    cleared = tick_entry(flipped, "i1", "write-down-who-you-met", None, FIXED_NOW)
    assert find_interview(cleared, "i1").checklist == {}


# --- After a rejection: the checklist and the plan agree --------------------------------------


@pytest.mark.parametrize("stage", list(Stage))
def test_the_checklists_plan_steps_are_the_plans_actions_at_every_stage(stage: Stage) -> None:
    application = make_application(
        stage=stage, recruiter=Contact(name="Gus Park"), referees=[Referee(name="Dana Kay")]
    )
    interview = find_interview(application, "i1")
    catalog = load_checklist_catalog()
    for now in (MONDAY_10 + timedelta(hours=2), FIXED_NOW, datetime(2026, 12, 1, tzinfo=UTC)):
        entries = build_checklist(application, interview, catalog)
        # What has lapsed (a thank-you a fortnight on) is in neither the plan nor the counts.
        in_plan = [
            entry.id
            for entry, state in checklist_states(entries, interview.checklist, now)
            if catalog.item(entry.item_id).in_plan and state is not EntryState.LAPSED
        ]
        assert sorted(in_plan) == sorted(a.entry_id for a in plan_for(application, now))


def test_after_a_rejection_the_checklist_and_its_progress_agree_with_the_plan() -> None:
    application = make_application(stage=Stage.REJECTED, recruiter=Contact(name="Gus Park"))
    interview = find_interview(application, "i1")
    now = datetime(2026, 11, 26, 12, tzinfo=UTC)  # the follow-up would be overdue by now
    entries = build_checklist(application, interview, SCREEN_CATALOG)
    assert not {"follow-up", "thank-you:ana-ruiz", "keep-applying"} & {e.id for e in entries}
    progress = checklist_progress(entries, interview.checklist, now)
    plan = plan_for(application, now)
    # Both from the outcome, as no stage move is recorded: the interview on Monday, so overdue
    # since the end of Saturday.
    assert [a.item_id for a in plan] == ["thank-your-recruiter", "ask-for-feedback"]
    assert progress.overdue == sum(a.state == ActionState.OVERDUE for a in plan) == 2
    assert progress.to_do_now == sum(a.state == ActionState.DUE for a in plan) == 0
    states = dict(checklist_states(entries, interview.checklist, now))
    assert {e.id: s.value for e, s in states.items() if e.id in {a.entry_id for a in plan}} == {
        a.entry_id: a.state.value for a in plan
    }
    # Ticking a courtesy there is the same as ticking it on Today.
    assert via_checklist(application, "thank-your-recruiter", now) == via_today(
        application, "thank-your-recruiter", now
    )
