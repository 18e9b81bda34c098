"""Pictures of every draft the plan offers, and of the question how to sign them.

After a deliberate change of look: `pytest tests/test_snapshots_drafts.py --snapshot-update`,
then look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import OptionList, TabbedContent

from postinterview.app import PostInterviewApp
from postinterview.domain.draft_offers import DraftOffer, follow_up_contact
from postinterview.domain.editing import move_stage, new_application
from postinterview.domain.interviews import add_interview, latest_interview
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from postinterview.ui.screens.draft import open_drafts
from postinterview.ui.screens.weekly_review import WeeklyReviewScreen
from postinterview.ui.screens.workspace_screen import WorkspaceScreen
from tests.conftest import FIXED_NOW
from tests.pilot_tools import make_app, settle

SIZE = (130, 40)
SnapCompare = Callable[..., bool]
SIGNED = '[you]\nname = "Sam Lee"\nsign_off = "Best wishes"\n'


def seed(data_dir: Path, signed: bool = True) -> PostInterviewApp:
    """Initech, interviewed yesterday (two interviewers, a promise, a referee, their date
    passed), Umbrella, rejected after an interview, and Globex, quiet and never interviewed."""
    store = ApplicationStore(data_dir)
    at = FIXED_NOW - timedelta(days=1, hours=3)
    initech = new_application(
        "Initech",
        "Platform Engineer",
        at - timedelta(days=12),
        referees=[{"id": "dana", "name": "Dana Mentor", "email": "dana@old-job.test"}],
    )
    initech = add_interview(
        move_stage(initech, Stage.INTERVIEWING, at),
        "iv-initech",
        at,
        at,
        kind="technical",
        format="video",
        interviewers=[
            {"id": "ana", "name": "Ana Ruiz", "title": "CTO", "email": "ana@initech.test"},
            {"id": "ben", "name": "Ben Okafor", "title": "Staff Engineer"},
        ],
        promised_to_send="My notice period and two references",
        decision_expected_on=(FIXED_NOW - timedelta(days=1)).date(),
        reflection={
            "interested_them": "How I run incident reviews",
            "interested_them_by_person": {"ana": "The on-call rota I set up last year"},
            "forgot_to_say": "I mentor two junior engineers",
        },
    )
    umbrella = new_application(
        "Umbrella Health", "Designer", at - timedelta(days=20), recruiter={"name": "Gus Park"}
    )
    umbrella = add_interview(
        umbrella, "iv-umbrella", at - timedelta(days=6), at, kind="panel", format="in_person"
    )
    umbrella = move_stage(umbrella, Stage.REJECTED, FIXED_NOW - timedelta(hours=5))
    globex = new_application("Globex", "Data Analyst", FIXED_NOW - timedelta(days=25))
    globex = move_stage(globex, Stage.SCREENING, FIXED_NOW - timedelta(days=21))
    for app_id, application in (("initech", initech), ("umbrella", umbrella), ("globex", globex)):
        store.create(application.model_copy(update={"id": app_id}))
    if signed:
        (data_dir / "settings.toml").write_text(SIGNED, "utf-8")
    return make_app(store, "today")


def from_today(option_id: str, tab: int = 0) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Highlight `option_id` on Today, press d, and show tab `tab` of the drafts."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        listing = pilot.app.screen.query_one("#today-list", OptionList)
        listing.highlighted = next(i for i, o in enumerate(listing.options) if o.id == option_id)
        await pilot.press("d")
        await settle(pilot)
        await show_tab(pilot, tab)

    return run_before


async def show_tab(pilot: Pilot[Any], tab: int) -> None:
    if tab:  # as a person would: from the text to the tabs, then along them
        await pilot.press("shift+tab", *["right"] * tab, "tab")
        await settle(pilot)
        assert pilot.app.screen.query_one(TabbedContent).active == f"draft-{tab}"


def the_offer(tab: int) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Open the answers to an offer for Initech (the plan's offer step offers them)."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, WorkspaceScreen)
        application = screen.workspace.records["initech"].application
        interview = latest_interview(application)
        person = follow_up_contact(application, interview)
        offers = [DraftOffer(kind, interview, person) for kind in ("accept-offer", "decline-offer")]
        open_drafts(screen, application, offers)
        await settle(pilot)
        await show_tab(pilot, tab)

    return run_before


def test_your_name_is_asked_the_first_time(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = seed(tmp_path, signed=False)
    run_before = from_today("initech/thank-you:ana")
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_thank_you_with_what_interested_them(snap_compare: SnapCompare, tmp_path: Path) -> None:
    run_before = from_today("initech/thank-you:ana")
    assert snap_compare(seed(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_send_what_you_promised(snap_compare: SnapCompare, tmp_path: Path) -> None:
    run_before = from_today("initech/send-what-you-promised")
    assert snap_compare(seed(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_thank_a_referee(snap_compare: SnapCompare, tmp_path: Path) -> None:
    run_before = from_today("initech/thank-your-referees")
    assert snap_compare(seed(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_feedback_request(snap_compare: SnapCompare, tmp_path: Path) -> None:
    run_before = from_today("umbrella/ask-for-feedback")
    assert snap_compare(seed(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_follow_up_call_after_an_interview(snap_compare: SnapCompare, tmp_path: Path) -> None:
    run_before = from_today("initech/follow-up", tab=1)
    assert snap_compare(seed(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_follow_up_of_a_quiet_application_never_interviewed(
    snap_compare: SnapCompare, tmp_path: Path
) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        review = pilot.app.screen
        assert isinstance(review, WeeklyReviewScreen)
        listing = review.query_one("#review-list", OptionList)
        listing.highlighted = next(
            i
            for i, o in enumerate(listing.options)
            if (row := review.rows.get(o.id or "")) and row.app_id == "globex"
        )
        await pilot.press("d")
        await settle(pilot)

    assert snap_compare(seed(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_accept_an_offer(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(seed(tmp_path), terminal_size=SIZE, run_before=the_offer(0))


def test_decline_an_offer(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(seed(tmp_path), terminal_size=SIZE, run_before=the_offer(1))
