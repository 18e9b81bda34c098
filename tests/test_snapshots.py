"""Pictures of every screen, compared with the approved SVGs in tests/__snapshots__.

After a deliberate change of look: `pytest tests/test_snapshots.py --snapshot-update`, then
look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from postinterview.app import PostInterviewApp
from postinterview.domain.editing import move_stage
from postinterview.domain.interviews import add_interview
from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import make_app

SIZE = (100, 34)
SnapCompare = Callable[..., bool]


def app_with(data_dir: Path, companies: list[tuple[str, str]] | None = None) -> PostInterviewApp:
    store = ApplicationStore(data_dir)
    for index, (company, role) in enumerate(companies or []):
        app = sample_application(company, role).model_copy(update={"id": f"app-{index}"})
        store.create(app)
    return make_app(store, start_mode="applications")


SAMPLE = [
    ("Acme Robotics", "Backend Engineer"),
    ("Globex", "Data Analyst"),
    ("Initech 株式会社", "Platform Engineer 🚀"),
]


async def loaded(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_welcome_on_an_empty_folder(snap_compare: SnapCompare, fixed_dir: Path) -> None:
    assert snap_compare(app_with(fixed_dir), terminal_size=SIZE, run_before=loaded)


def test_just_had_an_interview_on_an_empty_folder(
    snap_compare: SnapCompare, fixed_dir: Path
) -> None:
    """`i` on the welcome: only the company and the role (nothing to choose from yet)."""
    assert snap_compare(app_with(fixed_dir), terminal_size=SIZE, press=["i"], run_before=loaded)


def test_applications_list(snap_compare: SnapCompare, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    app = app_with(data_dir, SAMPLE)
    store = ApplicationStore(data_dir)
    current = store.load("app-1")
    store.update("app-1", lambda a: move_stage(a, Stage.INTERVIEWING, FIXED_NOW), current.revision)
    assert snap_compare(app, terminal_size=SIZE, run_before=loaded)


def test_new_application_form(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(
        app_with(tmp_path / "data"), terminal_size=SIZE, press=["n"], run_before=loaded
    )


def test_form_with_validation_errors(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def submit_bad_form(pilot: Pilot[Any]) -> None:
        await loaded(pilot)
        await pilot.press("n")
        await pilot.pause()
        pilot.app.screen.query_one("#applied_on", Input).value = "next tuesday"
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(
        app_with(tmp_path / "data", SAMPLE[:1]), terminal_size=SIZE, run_before=submit_bad_form
    )


def test_stage_picker(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(
        app_with(tmp_path / "data", SAMPLE), terminal_size=SIZE, press=["s"], run_before=loaded
    )


def test_delete_confirmation(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(
        app_with(tmp_path / "data", SAMPLE), terminal_size=SIZE, press=["d"], run_before=loaded
    )


def test_help(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(
        app_with(tmp_path / "data"), terminal_size=SIZE, press=["question_mark"], run_before=loaded
    )


def test_problems_banner_and_list(snap_compare: SnapCompare, fixed_dir: Path) -> None:
    data_dir = fixed_dir
    app = app_with(data_dir, SAMPLE[:1])
    (data_dir / "applications" / "broken-abc123.toml").write_text('company = "unterminated\n')
    assert snap_compare(app, terminal_size=SIZE, press=["p"], run_before=loaded)


def _with_interview(data_dir: Path) -> PostInterviewApp:
    app = app_with(data_dir, SAMPLE[:1])
    store = ApplicationStore(data_dir)
    current = store.load("app-0")
    store.update(
        "app-0",
        lambda a: add_interview(
            a.revised(referees=[{"name": "Dana Mentor"}]),
            "int1",
            FIXED_NOW - timedelta(hours=3),
            FIXED_NOW,
            kind="technical",
            format="video",
            planned_minutes=45,
            actual_minutes=70,
            decision_expected_on=date(2026, 11, 27),
            interviewers=[
                {"id": "ana-ruiz", "name": "Ana Ruiz", "title": "CTO", "email": "ana@acme.test"},
                {"id": "ben-okafor", "name": "Ben Okafor", "title": "Staff Engineer"},
            ],
            reflection={"went_well": "The system design discussion.", "still_want": "yes"},
            checklist={"thank-you:ana-ruiz": {"state": "done", "at": FIXED_NOW}},
        ),
        current.revision,
    )
    return app


def _open_interview(*keys: str) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await loaded(pilot)
        await pilot.press("i")
        await loaded(pilot)
        await pilot.press("enter", "down", "enter")
        await loaded(pilot)
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_interview_picker(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(
        app_with(tmp_path / "data", SAMPLE), terminal_size=SIZE, press=["i"], run_before=loaded
    )


def test_interview_facts(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = _with_interview(tmp_path / "data")
    assert snap_compare(app, terminal_size=(110, 50), run_before=_open_interview())


def test_interview_reflection(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = _with_interview(tmp_path / "data")
    assert snap_compare(app, terminal_size=(110, 50), run_before=_open_interview("ctrl+n"))


def test_interview_checklist(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = _with_interview(tmp_path / "data")
    assert snap_compare(
        app, terminal_size=(110, 50), run_before=_open_interview("ctrl+n", "ctrl+n", "ctrl+n")
    )
