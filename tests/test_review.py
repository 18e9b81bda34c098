"""The weekly review: overdue first, quiet applications, what must wait, nudges and the week."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from postinterview.domain.contacts import keep_waiting, log_contact
from postinterview.domain.editing import move_stage, new_application
from postinterview.domain.models import Application, Channel
from postinterview.domain.plan import ActionState, PlanSettings
from postinterview.domain.review import weekly_review
from postinterview.domain.stages import Stage
from tests.conftest import FIXED_NOW

# FIXED_NOW is Friday 20 November 2026, 15:30 UTC.
LAST_MONDAY = datetime(2026, 11, 16, 10, 0, tzinfo=UTC)
MONDAY_BEFORE = LAST_MONDAY - timedelta(days=7)


def make(
    app_id: str,
    *interviews: datetime,
    created: datetime = MONDAY_BEFORE - timedelta(days=20),
    stage: Stage = Stage.AWAITING_DECISION,
    **fields: Any,
) -> Application:
    """An application created at `created` (its first stage recorded then), with interviews."""
    application = new_application(
        f"Company {app_id}",
        "Engineer",
        created,
        stage=stage,
        interviews=[{"id": f"i{n}", "at": at} for n, at in enumerate(interviews, 1)],
        **fields,
    )
    return application.revised(id=app_id)


# --- Overdue -----------------------------------------------------------------------------------


def test_overdue_actions_come_oldest_deadline_first_and_lapsed_ones_are_gone() -> None:
    dana = [{"name": "Dana Kay"}]
    older = make("older", MONDAY_BEFORE, referees=dana)
    newer = make("newer", LAST_MONDAY, referees=dana)
    withdrawn = make("gone", MONDAY_BEFORE - timedelta(days=7), stage=Stage.WITHDRAWN)
    review = weekly_review([newer, withdrawn, older], FIXED_NOW)
    assert [(a.application_id, a.entry_id) for a in review.overdue] == [
        ("older", "warn-your-referees"),  # late since the end of Tuesday 10 November
        # older's thank-you note has lapsed: a week on, its moment has passed.
        ("newer", "warn-your-referees"),
        ("newer", "thank-you"),
    ]
    assert {a.state for a in review.overdue} == {ActionState.OVERDUE}
    deadlines = [a.overdue_at for a in review.overdue]
    assert deadlines == sorted(d for d in deadlines if d is not None)


# --- Quiet applications ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "age, quiet",
    [
        (timedelta(days=14), False),  # exactly the threshold: not yet
        (timedelta(days=14, hours=23, minutes=59), False),  # still 14 whole days
        (timedelta(days=15), True),
        (timedelta(days=40), True),
    ],
)
def test_quiet_means_more_than_the_threshold_in_whole_days(age: timedelta, quiet: bool) -> None:
    application = make("a", created=FIXED_NOW - age, stage=Stage.APPLIED)
    found = weekly_review([application], FIXED_NOW).quiet
    assert bool(found) is quiet
    if quiet:
        [entry] = found
        assert entry.quiet_days == age.days
        assert entry.last_activity == FIXED_NOW - age
        assert (entry.application_id, entry.company, entry.role, entry.stage) == (
            "a",
            "Company a",
            "Engineer",
            Stage.APPLIED,
        )


def test_the_quietest_application_comes_first() -> None:
    apps = [
        make("b", created=FIXED_NOW - timedelta(days=20)),
        make("a", created=FIXED_NOW - timedelta(days=60)),
        make("c", created=FIXED_NOW - timedelta(days=3)),
    ]
    review = weekly_review(apps, FIXED_NOW)
    assert [(q.application_id, q.quiet_days) for q in review.quiet] == [("a", 60), ("b", 20)]


def test_any_sign_of_life_keeps_an_application_off_the_quiet_list() -> None:
    old = FIXED_NOW - timedelta(days=30)
    recently = FIXED_NOW - timedelta(days=3)
    lively = [
        make("contact", created=old, contact_log=[{"at": recently}]),
        make("interview", recently, created=old),
        move_stage(make("moved", created=old, stage=Stage.APPLIED), Stage.SCREENING, recently),
    ]
    assert weekly_review(lively, FIXED_NOW).quiet == []
    # Editing the notes is not news from the company: updated_at does not count.
    edited = make("edited", created=old).revised(updated_at=recently, notes="Chased?")
    assert [q.application_id for q in weekly_review([edited], FIXED_NOW).quiet] == ["edited"]


def test_keep_waiting_restarts_the_quiet_clock() -> None:
    application = make("a", created=FIXED_NOW - timedelta(days=20))
    assert weekly_review([application], FIXED_NOW).quiet

    waiting = keep_waiting(application, FIXED_NOW)
    assert waiting.quiet_acknowledged_at == FIXED_NOW
    assert waiting.updated_at == FIXED_NOW
    assert weekly_review([waiting], FIXED_NOW).quiet == []
    assert weekly_review([waiting], FIXED_NOW + timedelta(days=14)).quiet == []
    [again] = weekly_review([waiting], FIXED_NOW + timedelta(days=15)).quiet
    assert (again.quiet_days, again.last_activity) == (15, FIXED_NOW)


@pytest.mark.parametrize("stage", [Stage.NO_REPLY, Stage.REJECTED, Stage.ACCEPTED])
def test_closed_applications_are_never_quiet_nor_active(stage: Stage) -> None:
    application = make("a", created=FIXED_NOW - timedelta(days=90), stage=stage)
    review = weekly_review([application], FIXED_NOW)
    assert review.quiet == []
    assert review.active_count == 0


def test_the_quiet_threshold_comes_from_the_settings() -> None:
    application = make("a", created=FIXED_NOW - timedelta(days=8))
    assert weekly_review([application], FIXED_NOW).quiet == []
    short = weekly_review([application], FIXED_NOW, PlanSettings(quiet_after_days=7))
    assert [q.quiet_days for q in short.quiet] == [8]


# --- What must wait ----------------------------------------------------------------------------


def test_follow_ups_that_must_wait_are_listed_soonest_first() -> None:
    waiting_for_date = make("date", LAST_MONDAY)  # about a week: opens Monday 23rd
    # A small firm, seen twice: chased after the first round, two days before the second.
    chased = {"at": datetime(2026, 11, 14, 9, tzinfo=UTC), "note": "Asked for news"}
    news = {"at": datetime(2026, 11, 18, 9, tzinfo=UTC), "note": "Still deciding"}
    heard_recently = make(
        "heard", MONDAY_BEFORE, LAST_MONDAY, company_size="small", contact_log=[chased, news]
    )
    due_now = make("due", MONDAY_BEFORE)  # open since the 16th, no recent contact
    closed = make("closed", LAST_MONDAY, stage=Stage.REJECTED)
    review = weekly_review([heard_recently, due_now, closed, waiting_for_date], FIXED_NOW)

    assert [(a.application_id, a.item_id, a.state) for a in review.too_soon] == [
        ("heard", "follow-up", ActionState.TOO_SOON),
        ("date", "follow-up", ActionState.UPCOMING),
    ]
    # Open since Friday (days 4-5), held until a week after the chase; "still deciding" is
    # their news, not a chase, and holds nothing back.
    assert review.too_soon[0].not_before == datetime(2026, 11, 21, tzinfo=UTC)
    assert review.too_soon[1].opens_at == datetime(2026, 11, 23, tzinfo=UTC)
    # Upcoming actions that are not chases (thank your referees) are not "not yet" items.
    assert all(a.item_id == "follow-up" for a in review.too_soon)


# --- Nudges ------------------------------------------------------------------------------------


def test_a_thin_pipeline_brings_a_nudge_that_counts_and_names_the_target() -> None:
    two = [make("a"), make("b"), make("c", stage=Stage.REJECTED)]
    review = weekly_review(two, FIXED_NOW)
    assert review.active_count == 2
    assert review.nudges[0].startswith("You have 2 active applications; your target is 5. ")

    [one] = weekly_review([make("a")], FIXED_NOW, PlanSettings(active_target=3)).nudges
    assert one.startswith("You have 1 active application; your target is 3. ")
    [none] = weekly_review([], FIXED_NOW).nudges
    assert none.startswith("You have no active applications; your target is 5. ")


def test_no_nudge_at_the_target_or_with_the_target_turned_off() -> None:
    five = [make(str(n)) for n in range(5)]
    assert weekly_review(five, FIXED_NOW).nudges == []
    assert weekly_review(five[:1], FIXED_NOW, PlanSettings(active_target=0)).nudges == []
    assert weekly_review(five[:4], FIXED_NOW, PlanSettings(active_target=4)).nudges == []


def test_keep_applying_after_an_interview_until_something_new_is_added() -> None:
    apps = [make(str(n)) for n in range(4)] + [make("interviewed", LAST_MONDAY)]
    [nudge] = weekly_review(apps, FIXED_NOW).nudges
    assert nudge.startswith("No application added since your last interview on Mon 16 Nov 2026.")
    assert "Keep applying" in nudge

    added = make("fresh", created=LAST_MONDAY + timedelta(days=1), stage=Stage.APPLIED)
    assert weekly_review([*apps, added], FIXED_NOW).nudges == []


def test_an_interview_still_to_come_is_not_a_last_interview() -> None:
    apps = [make(str(n)) for n in range(4)] + [make("soon", FIXED_NOW + timedelta(days=2))]
    assert weekly_review(apps, FIXED_NOW).nudges == []


# --- The week in numbers -----------------------------------------------------------------------


def test_the_summary_counts_the_last_seven_days() -> None:
    since = FIXED_NOW - timedelta(days=7)
    old = make("old", created=FIXED_NOW - timedelta(days=30), stage=Stage.APPLIED)
    old = move_stage(old, Stage.SCREENING, FIXED_NOW - timedelta(days=9))  # before the week
    old = move_stage(old, Stage.INTERVIEWING, FIXED_NOW - timedelta(days=2))  # a move
    apps = [
        old,
        make("new", created=FIXED_NOW - timedelta(days=3), stage=Stage.APPLIED),  # no move
        make("edge", created=since, stage=Stage.APPLIED),  # exactly a week ago: counted
        make("earlier", created=since - timedelta(minutes=1), stage=Stage.APPLIED),
        make(
            "talks",
            FIXED_NOW - timedelta(days=8),  # before the week
            FIXED_NOW - timedelta(days=2),  # held this week
            FIXED_NOW - timedelta(hours=1),  # held today
            FIXED_NOW + timedelta(days=1),  # still to come
        ),
    ]
    summary = weekly_review(apps, FIXED_NOW).summary
    assert summary.since == since
    assert (summary.added, summary.interviews_held, summary.stage_moves) == (2, 2, 1)


def test_an_empty_folder_gives_an_empty_review_with_one_gentle_nudge() -> None:
    review = weekly_review([], FIXED_NOW)
    assert (review.overdue, review.quiet, review.too_soon, review.active_count) == ([], [], [], 0)
    assert len(review.nudges) == 1
    assert (review.summary.added, review.summary.interviews_held) == (0, 0)


# --- Logging contacts --------------------------------------------------------------------------


def test_log_contact_appends_and_bumps_the_edit_time() -> None:
    application = make("a")
    yesterday = FIXED_NOW - timedelta(days=1)
    logged = log_contact(application, yesterday, "Rang the recruiter", Channel.PHONE, "Gus Park")
    logged = log_contact(logged, FIXED_NOW, "Emailed Ana", now=FIXED_NOW + timedelta(minutes=5))
    assert [(e.at, e.channel, e.with_whom, e.note) for e in logged.contact_log] == [
        (yesterday, Channel.PHONE, "Gus Park", "Rang the recruiter"),
        (FIXED_NOW, Channel.EMAIL, "", "Emailed Ana"),
    ]
    assert logged.updated_at == FIXED_NOW + timedelta(minutes=5)
    assert application.contact_log == []
