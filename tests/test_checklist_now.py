"""What of a checklist can still be done now, and where it opens (domain.checklist_now)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from postinterview.domain.checklist import (
    EntryState,
    Phase,
    build_checklist,
    checklist_progress,
    checklist_states,
)
from postinterview.domain.checklist_now import (
    doable_progress,
    first_to_do,
    is_to_do_now,
    past_entries,
    progress_now,
)
from postinterview.domain.interviews import interview_end
from postinterview.domain.models import Application, ChecklistMark, Interview, InterviewFormat
from postinterview.domain.stages import Stage

MONDAY_10 = datetime(2026, 11, 16, 10, 0, tzinfo=UTC)
ANA = {"id": "ana-ruiz", "name": "Ana Ruiz"}


def application() -> Application:
    return Application.model_validate(
        {
            "company": "Acme Robotics",
            "role": "Backend Engineer",
            "stage": Stage.INTERVIEWING,
            "created_at": MONDAY_10 - timedelta(days=10),
            "updated_at": MONDAY_10,
        }
    )


def interview(**fields: Any) -> Interview:
    return Interview.model_validate({"id": "i1", "at": MONDAY_10, **fields})


def mark(state: str) -> ChecklistMark:
    return ChecklistMark.model_validate({"state": state, "at": MONDAY_10})


def leave_ids(meeting: Interview) -> set[str]:
    entries = build_checklist(application(), meeting)
    return {e.id for e in entries if e.phase is Phase.BEFORE_YOU_LEAVE}


def test_an_interview_ends_after_its_actual_else_planned_length_else_an_hour() -> None:
    assert interview_end(interview()) == MONDAY_10 + timedelta(hours=1)
    assert interview_end(interview(planned_minutes=45)) == MONDAY_10 + timedelta(minutes=45)
    ran_long = interview(planned_minutes=45, actual_minutes=70)
    assert interview_end(ran_long) == MONDAY_10 + timedelta(minutes=70)


def test_before_you_leave_steps_are_past_once_the_interview_is_over() -> None:
    meeting = interview(format=InterviewFormat.VIDEO, planned_minutes=45)
    entries = build_checklist(application(), meeting)
    during = MONDAY_10 + timedelta(minutes=30)
    assert past_entries(checklist_states(entries, {}, during), meeting, during) == frozenset()
    after = MONDAY_10 + timedelta(minutes=45)
    past = past_entries(checklist_states(entries, {}, after), meeting, after)
    assert past == leave_ids(meeting)
    assert "check-the-call-has-ended" in past  # a video call's own step too
    assert len(past) == 6


def test_a_marked_before_you_leave_step_keeps_its_mark_and_its_count() -> None:
    meeting = interview(checklist={"ask-about-the-process": {"state": "done", "at": MONDAY_10}})
    entries = build_checklist(application(), meeting)
    later = MONDAY_10 + timedelta(hours=3)
    past = past_entries(checklist_states(entries, meeting.checklist, later), meeting, later)
    assert "ask-about-the-process" not in past
    assert past == leave_ids(meeting) - {"ask-about-the-process"}

    progress = doable_progress(entries, meeting.checklist, later, past)
    everything = checklist_progress(entries, meeting.checklist, later)
    # The past is the domain's lapsed state, so the checklist's own count already leaves it out.
    assert progress.total == everything.total == len(entries) - len(past)
    assert everything.lapsed == len(past)
    assert progress.done == 1  # the step asked about still counts as done


def test_progress_counts_only_what_can_still_be_done() -> None:
    meeting = interview(interviewers=[ANA])
    entries = build_checklist(application(), meeting)
    later = MONDAY_10 + timedelta(hours=2)
    progress = progress_now(entries, meeting, later)
    everything = checklist_progress(entries, {}, later)
    assert progress.total == everything.total == len(entries) - len(leave_ids(meeting))
    # The dated dos due now are the same: before-you-leave steps have no deadline.
    assert progress.to_do_now == everything.to_do_now > 0
    assert progress.overdue == everything.overdue == 0


def test_the_checklist_opens_on_the_first_thing_to_do_now() -> None:
    meeting = interview(interviewers=[ANA])
    entries = build_checklist(application(), meeting)
    later = MONDAY_10 + timedelta(hours=2)
    states = checklist_states(entries, {}, later)
    past = past_entries(states, meeting, later)
    # Not a before-you-leave step (the interview is over), nor undated advice.
    assert first_to_do(states, past) == "write-down-who-you-met"
    assert is_to_do_now(*next(pair for pair in states if pair[0].id == "thank-you:ana-ruiz"))


def test_an_overdue_step_comes_first_when_it_is_first_in_the_list() -> None:
    meeting = interview(interviewers=[ANA])
    entries = build_checklist(application(), meeting)
    wednesday = datetime(2026, 11, 18, 12, tzinfo=UTC)
    states = checklist_states(entries, {}, wednesday)
    overdue = [e.id for e, s in states if s is EntryState.OVERDUE]
    assert overdue and first_to_do(states, past_entries(states, meeting, wednesday)) == overdue[0]


def test_with_nothing_pressing_it_opens_on_the_first_open_then_upcoming_step() -> None:
    meeting = interview(interviewers=[ANA])
    entries = build_checklist(application(), meeting)
    later = MONDAY_10 + timedelta(hours=2)
    states = checklist_states(entries, {}, later)
    pressing = {e.id for e, s in states if is_to_do_now(e, s)}
    marks = {entry_id: mark("done") for entry_id in pressing}
    states = checklist_states(entries, marks, later)
    past = past_entries(states, meeting, later)
    first_open = next(
        e.id for e, s in states if s is EntryState.DUE and e.id not in past and e.id not in marks
    )
    assert first_to_do(states, past) == first_open

    every_open = {e.id: mark("done") for e, s in states if s is not EntryState.UPCOMING}
    states = checklist_states(entries, every_open, later)
    upcoming = next(e.id for e, s in states if s is EntryState.UPCOMING)
    assert first_to_do(states, past_entries(states, meeting, later)) == upcoming

    all_marked = {e.id: mark("done") for e in entries}
    states = checklist_states(entries, all_marked, later)
    assert first_to_do(states, past_entries(states, meeting, later)) is None
