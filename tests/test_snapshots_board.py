"""Pictures of the board, the application detail and the weekly review.

After a deliberate change of look: `pytest tests/test_snapshots_board.py --snapshot-update`,
then look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.pilot_tools import make_app, settle
from tests.pipeline import seed_pipeline
from tests.test_board_saved import seed_with_a_saved_role

SIZE = (130, 36)
SnapCompare = Callable[..., bool]


def test_board(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed_pipeline(tmp_path)
    assert snap_compare(make_app(tmp_path, "board"), terminal_size=SIZE, run_before=settle)


def test_board_with_closed_stages_and_a_filter(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed_pipeline(tmp_path)

    async def filter_and_unfold(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("c", "slash", "e", "enter")
        await pilot.pause(0.3)

    assert snap_compare(
        make_app(tmp_path, "board"), terminal_size=SIZE, run_before=filter_and_unfold
    )


def test_application_detail(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed_pipeline(tmp_path)

    async def open_initech(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("right", "right", "enter")
        await pilot.pause()

    assert snap_compare(make_app(tmp_path, "board"), terminal_size=SIZE, run_before=open_initech)


def test_weekly_review(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed_pipeline(tmp_path)

    async def open_review(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)

    assert snap_compare(make_app(tmp_path, "board"), terminal_size=SIZE, run_before=open_review)


def test_today(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed_pipeline(tmp_path)
    assert snap_compare(make_app(tmp_path, "today"), terminal_size=SIZE, run_before=settle)


def test_snooze_picker(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed_pipeline(tmp_path)

    async def snooze(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("z")
        await pilot.pause()

    assert snap_compare(make_app(tmp_path, "today"), terminal_size=SIZE, run_before=snooze)


def test_draft(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed_pipeline(tmp_path)
    (tmp_path / "settings.toml").write_text('[you]\nname = "Sam Lee"\n', "utf-8")

    async def draft(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("d")  # the first action: Initech's thank-you to Ana Ruiz
        await pilot.pause()

    assert snap_compare(make_app(tmp_path, "today"), terminal_size=SIZE, run_before=draft)


def test_board_with_a_saved_role(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed_with_a_saved_role(tmp_path)
    assert snap_compare(make_app(tmp_path, "board"), terminal_size=SIZE, run_before=settle)
