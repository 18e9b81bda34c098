"""The Saved stage (issue 16): a role kept to apply for later, before Applied.

Open but not applied for: first on the board, no plan, never quiet, out of the review's counts;
leaving it for an active stage is applying, and dates `applied_on` when it is empty.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from postinterview.domain.editing import StageMoveRefused, move_stage, new_application
from postinterview.domain.interviews import record_interview
from postinterview.domain.models import Application
from postinterview.domain.plan import plan_for
from postinterview.domain.review import applied_at, weekly_review
from postinterview.domain.stages import (
    ACTIVE_STAGES,
    CLOSED_STAGES,
    OPEN_STAGES,
    STAGE_ORDER,
    Stage,
    allowed_targets,
    move_refusal,
)
from tests.conftest import FIXED_NOW

MONTH_AGO = FIXED_NOW - timedelta(days=30)


def saved(app_id: str = "s", created: datetime = MONTH_AGO, **fields: object) -> Application:
    application = new_application("Lumen", "Data Engineer", created, stage=Stage.SAVED, **fields)
    return application.revised(id=app_id)


def test_saved_comes_first_and_is_open_but_not_active() -> None:
    assert STAGE_ORDER[:2] == (Stage.SAVED, Stage.APPLIED)
    assert Stage.SAVED.label == "Saved"
    assert Stage.SAVED in OPEN_STAGES and not Stage.SAVED.is_closed
    assert not Stage.SAVED.is_active and Stage.APPLIED.is_active
    assert set(ACTIVE_STAGES) == set(OPEN_STAGES) - {Stage.SAVED}
    assert not set(ACTIVE_STAGES) & CLOSED_STAGES


def test_only_applied_goes_back_to_saved() -> None:
    assert move_refusal(Stage.APPLIED, Stage.SAVED) is None
    for stage in set(Stage) - {Stage.APPLIED, Stage.SAVED}:
        assert move_refusal(stage, Stage.SAVED) is not None, stage
    assert Stage.SAVED not in allowed_targets(Stage.INTERVIEWING)
    assert Stage.SAVED not in allowed_targets(Stage.REJECTED)


def test_a_saved_role_can_be_applied_for_or_dropped_but_not_left_without_reply() -> None:
    targets = allowed_targets(Stage.SAVED)
    assert Stage.APPLIED in targets and Stage.WITHDRAWN in targets
    assert Stage.NO_REPLY not in targets and Stage.ACCEPTED not in targets


def test_moving_on_from_saved_dates_an_empty_applied_on_with_the_day_of_the_move() -> None:
    moved = move_stage(saved(), Stage.APPLIED, FIXED_NOW)
    assert moved.applied_on == FIXED_NOW.astimezone().date()
    assert moved.stage_history[-1].from_stage == Stage.SAVED
    assert moved.stage_history[-1].to_stage == Stage.APPLIED
    straight_to_screening = move_stage(saved(), Stage.SCREENING, FIXED_NOW)
    assert straight_to_screening.applied_on == FIXED_NOW.astimezone().date()


def test_an_applied_on_already_set_stays_and_dropping_a_saved_role_sets_none() -> None:
    kept = move_stage(saved(applied_on=date(2026, 11, 2)), Stage.APPLIED, FIXED_NOW)
    assert kept.applied_on == date(2026, 11, 2)
    assert move_stage(saved(), Stage.WITHDRAWN, FIXED_NOW).applied_on is None
    back = move_stage(move_stage(saved(), Stage.APPLIED, FIXED_NOW), Stage.SAVED, FIXED_NOW)
    assert back.stage == Stage.SAVED and back.applied_on == FIXED_NOW.astimezone().date()


def test_moves_refused_from_saved_say_why() -> None:
    with pytest.raises(StageMoveRefused, match="no reply to wait for"):
        move_stage(saved(), Stage.NO_REPLY, FIXED_NOW)
    applied = new_application("A", "B", MONTH_AGO)
    interviewing = move_stage(applied, Stage.INTERVIEWING, MONTH_AGO)
    with pytest.raises(StageMoveRefused, match="not applied for yet"):
        move_stage(interviewing, Stage.SAVED, FIXED_NOW)


def test_a_saved_role_has_no_plan_even_with_an_interview_in_the_file() -> None:
    held = FIXED_NOW - timedelta(days=2)
    role = saved(interviews=[{"id": "i1", "at": held}], referees=[{"name": "Dana Kay"}])
    assert plan_for(role, FIXED_NOW) == []
    # The same record at Applied has a plan: it is the stage that empties it.
    assert plan_for(role.revised(stage=Stage.APPLIED), FIXED_NOW) != []


def test_recording_an_interview_moves_a_saved_role_on_and_dates_it() -> None:
    recorded = record_interview(saved(), "i1", FIXED_NOW - timedelta(hours=1), FIXED_NOW)
    assert recorded.stage == Stage.INTERVIEWING
    assert recorded.applied_on == FIXED_NOW.astimezone().date()


def test_applied_at_is_creation_or_the_first_move_on_from_saved() -> None:
    applied = new_application("A", "B", MONTH_AGO)
    assert applied_at(applied) == MONTH_AGO
    assert applied_at(saved()) is None
    moved_at = FIXED_NOW - timedelta(days=2)
    moved = move_stage(saved(), Stage.APPLIED, moved_at)
    assert applied_at(moved) == moved_at
    later = move_stage(moved, Stage.SCREENING, FIXED_NOW)
    assert applied_at(later) == moved_at
    assert applied_at(move_stage(saved(), Stage.WITHDRAWN, moved_at)) is None


def test_the_review_leaves_saved_roles_out_of_its_counts_and_nudges_once() -> None:
    this_week = FIXED_NOW - timedelta(days=1)
    roles = [
        saved("old"),  # saved a month ago: would be quiet if it were applied for
        saved("new", created=this_week),  # saved this week: not "added"
        new_application("Acme", "Dev", MONTH_AGO).revised(id="applied"),
    ]
    review = weekly_review(roles, FIXED_NOW)
    assert review.active_count == 1
    assert [q.application_id for q in review.quiet] == ["applied"]
    assert review.summary.added == 0
    assert [n for n in review.nudges if "saved" in n] == [
        "2 saved roles not applied for yet. Applying for one this week keeps the search "
        "moving; one you no longer want can go to Withdrawn."
    ]


def test_a_saved_role_applied_for_this_week_counts_as_added_and_active() -> None:
    applied_now = move_stage(saved("old"), Stage.APPLIED, FIXED_NOW - timedelta(days=1))
    review = weekly_review([applied_now], FIXED_NOW)
    assert review.summary.added == 1
    assert review.summary.stage_moves == 1
    assert review.active_count == 1
    assert review.quiet == []  # the move is a sign of life
    assert not [n for n in review.nudges if "saved role" in n]


def test_a_role_saved_after_the_last_interview_is_no_application_added_since() -> None:
    held = datetime(2026, 11, 10, 10, 0, tzinfo=UTC)
    interviewed = new_application("Acme", "Dev", MONTH_AGO, interviews=[{"id": "i1", "at": held}])
    review = weekly_review(
        [interviewed, saved("later", created=held + timedelta(days=1))], FIXED_NOW
    )
    assert any(
        n.startswith("No application added since your last interview") for n in review.nudges
    )
