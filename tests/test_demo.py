"""The demo's sample data: valid, varied, storable, and the same for the same clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postinterview.demo import demo_applications
from postinterview.domain.ids import is_valid_id
from postinterview.domain.plan import ActionState, plan_all
from postinterview.domain.review import weekly_review
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from tests.conftest import FIXED_NOW


def test_a_dozen_applications_and_a_saved_role_across_the_stages() -> None:
    apps = demo_applications(FIXED_NOW)
    assert len(apps) == 13
    assert len({app.id for app in apps}) == 13
    assert all(is_valid_id(app.id) for app in apps)
    stages = [app.stage for app in apps]
    assert set(stages) == set(Stage) - {Stage.ACCEPTED}  # still searching: nothing accepted
    assert stages.count(Stage.REJECTED) == 1
    assert stages.count(Stage.OFFER) == 1
    assert stages.count(Stage.SAVED) == 1


def test_the_records_are_rich_enough_to_show_every_screen() -> None:
    apps = demo_applications(FIXED_NOW)
    interviews = [interview for app in apps for interview in app.interviews]
    assert len(interviews) >= 6
    assert all(interview.interviewers for interview in interviews)
    assert sum(1 for interview in interviews if interview.signals) >= 4
    assert any(interview.checklist for interview in interviews)
    assert any(app.referees for app in apps)
    assert any(referee.notified_at for app in apps for referee in app.referees)
    assert sum(1 for app in apps if app.contact_log) >= 3
    assert any(app.recruiter for app in apps)


def test_there_is_something_due_something_overdue_and_something_quiet() -> None:
    apps = demo_applications(FIXED_NOW)
    states = {action.state for action in plan_all(apps, FIXED_NOW)}
    assert {ActionState.DUE, ActionState.OVERDUE} <= states
    assert len(weekly_review(apps, FIXED_NOW).quiet) >= 2


def test_the_same_clock_gives_the_same_data() -> None:
    assert demo_applications(FIXED_NOW) == demo_applications(FIXED_NOW)


@settings(max_examples=40, deadline=None)
@given(
    st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2090, 1, 1),
        timezones=st.sampled_from(
            [UTC, timezone(timedelta(hours=-8)), timezone(timedelta(hours=13))]
        ),
    )
)
def test_whatever_the_time_everything_has_already_happened(now: datetime) -> None:
    upcoming = 0
    for app in demo_applications(now):
        moments = [app.created_at, app.updated_at]
        moments += [change.at for change in app.stage_history]
        # Only an interview booked ahead is still to come.
        moments += [interview.at for interview in app.interviews if not interview.scheduled]
        ahead = [interview.at for interview in app.interviews if interview.scheduled]
        assert all(moment > now for moment in ahead), app.id
        upcoming += len(ahead)
        moments += [entry.at for entry in app.contact_log]
        assert all(moment <= now for moment in moments), app.id
        history = [change.at for change in app.stage_history]
        assert history == sorted(history), app.id
        assert all(interview.at >= app.created_at for interview in app.interviews), app.id
    assert upcoming == 1  # Today's "Interviews coming up" has one to show


def test_a_naive_clock_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        demo_applications(datetime(2026, 11, 20, 15, 30))


def test_every_record_survives_the_store(tmp_path: Path) -> None:
    store = ApplicationStore(tmp_path)
    for app in demo_applications(FIXED_NOW):
        store.create(app)
    loaded = store.load_all()
    assert loaded.problems == []
    by_id = {stored.application.id: stored.application for stored in loaded.applications}
    assert by_id == {app.id: app for app in demo_applications(FIXED_NOW)}
