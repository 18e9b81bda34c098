"""Pictures of upcoming interviews: Today with one coming up and one to record, and the board.

After a deliberate change of look: `pytest tests/test_snapshots_upcoming.py --snapshot-update`,
then look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from postinterview.app import PostInterviewApp
from postinterview.domain.editing import new_application
from postinterview.domain.interviews import schedule_interview
from postinterview.domain.models import Contact, InterviewFormat, InterviewKind
from postinterview.storage.store import ApplicationStore
from postinterview.ui.messages import OpenInterview
from tests.conftest import FIXED_NOW
from tests.pilot_tools import make_app, settle

SIZE = (110, 46)
SnapCompare = Callable[..., bool]


def seed(data_dir: Path) -> None:
    """Acme's second round next Wednesday by video; Globex's screen yesterday, not recorded."""
    store = ApplicationStore(data_dir)
    week_ago = FIXED_NOW - timedelta(days=7)
    acme = new_application("Acme Robotics", "Backend Engineer", week_ago).model_copy(
        update={"id": "acme"}
    )
    acme = schedule_interview(
        acme,
        "round-2",
        datetime(2026, 11, 25, 14, 0, tzinfo=UTC),
        week_ago,
        kind=InterviewKind.TECHNICAL,
        format=InterviewFormat.VIDEO,
        round=2,
        place="https://meet.example/acme-r2",
        interviewers=[
            Contact(id="ana", name="Ana Ruiz", title="CTO"),
            Contact(id="ben", name="Ben Okafor", title="Staff Engineer"),
        ],
    )
    globex = new_application("Globex", "Data Analyst", week_ago).model_copy(update={"id": "globex"})
    globex = schedule_interview(
        globex,
        "screen",
        FIXED_NOW - timedelta(days=1),
        week_ago,
        kind=InterviewKind.SCREEN,
        interviewers=[Contact(id="cy", name="Cy Tan", title="Recruiter")],
    )
    store.create(acme)
    store.create(globex)


def test_today_with_an_interview_coming_up(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed(tmp_path)
    assert snap_compare(make_app(tmp_path, "today"), terminal_size=SIZE, run_before=settle)


def test_board_shows_the_next_interview(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed(tmp_path)
    assert snap_compare(make_app(tmp_path, "board"), terminal_size=(130, 30), run_before=settle)


def test_an_upcoming_interview_s_screen(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed(tmp_path)

    async def open_it(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        app = pilot.app
        assert isinstance(app, PostInterviewApp)
        app.post_message(OpenInterview("acme", "round-2"))
        await settle(pilot)

    assert snap_compare(make_app(tmp_path, "today"), terminal_size=SIZE, run_before=open_it)


def test_the_getting_ready_checklist(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed(tmp_path)

    async def open_it(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        app = pilot.app
        assert isinstance(app, PostInterviewApp)
        app.post_message(OpenInterview("acme", "round-2", "checklist-tab"))
        await settle(pilot)

    assert snap_compare(make_app(tmp_path, "today"), terminal_size=SIZE, run_before=open_it)
