"""Pictures of the Signals screen, compared with the approved SVGs in tests/__snapshots__.

After a deliberate change of look: `pytest tests/test_snapshots_signals.py --snapshot-update`,
then look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from postinterview.domain.editing import move_stage, new_application
from postinterview.domain.models import Contact, Interview, InterviewKind
from postinterview.domain.signals import load_signals_catalog
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from postinterview.ui.screens.signals import SignalsScreen
from tests.conftest import FIXED_NOW
from tests.pilot_tools import make_app

SIZE = (100, 34)
SnapCompare = Callable[..., bool]
APP_ID = "acme-robotics-abc123"


def store_with(data_dir: Path, signals: Mapping[str, bool], history: bool) -> ApplicationStore:
    """One application with a technical interview (ran long, two interviewers); optionally a
    few closed applications with readings, for the history panel."""
    store = ApplicationStore(data_dir)
    interview = Interview(
        id="iv1",
        at=FIXED_NOW - timedelta(hours=5),
        kind=InterviewKind.TECHNICAL,
        planned_minutes=45,
        actual_minutes=60,
        interviewers=[Contact(name="Ana Ng", title="Engineering Manager"), Contact(name="Bo Li")],
        decision_expected_on=date(2026, 11, 27),
        signals=dict(signals),
    )
    app = new_application("Acme Robotics", "Backend Engineer", FIXED_NOW)
    store.create(app.revised(id=APP_ID, interviews=[interview]))
    if history:
        strong = {s.id: True for s in load_signals_catalog().signals}
        for index, (stage, answers) in enumerate(
            [(Stage.OFFER, strong), (Stage.REJECTED, {"ran_long": True}), (Stage.REJECTED, strong)]
        ):
            other = new_application(f"Company {index}", "Engineer", FIXED_NOW)
            other = other.revised(id=f"company-{index}-abc123", interviews=[interview])
            other.interviews[0].signals = answers
            store.create(move_stage(other, stage, FIXED_NOW))
    return store


def opened() -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.app.push_screen(SignalsScreen(pilot.app.workspace, APP_ID, "iv1"))
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


def test_fresh_interview_with_suggestions(snap_compare: SnapCompare, tmp_path: Path) -> None:
    store = store_with(tmp_path / "data", {}, history=False)
    app = make_app(store, start_mode=None)
    assert snap_compare(app, terminal_size=SIZE, run_before=opened())


def test_answered_with_a_caution(snap_compare: SnapCompare, tmp_path: Path) -> None:
    answers = {
        "ran_long": True,
        "easy_rapport": False,
        "future_language": True,
        "met_team": True,
        "end_stage_questions": True,
        "no_timeline": True,
    }
    store = store_with(tmp_path / "data", answers, history=True)
    app = make_app(store, start_mode=None)
    assert snap_compare(app, terminal_size=SIZE, run_before=opened())


def test_history_and_weight_problems(snap_compare: SnapCompare, fixed_dir: Path) -> None:
    store = store_with(fixed_dir, {"ran_long": True, "met_team": True}, history=True)
    app = make_app(store, start_mode=None)
    (fixed_dir / "settings.toml").write_text(
        '[signal_weights]\nran_long = 4\nmet_team = "lots"\ngut_feeling = 2\n', "utf-8"
    )
    run_before = opened()

    async def scrolled(pilot: Pilot[Any]) -> None:
        await run_before(pilot)
        await pilot.press("tab")  # to the reading panel
        await pilot.press("end")
        # The scroll to the end is animated: on a busy machine one pause caught it half-way.
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=scrolled)
