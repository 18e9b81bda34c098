"""Pictures of the board and Today on ordinary and small terminals.

After a deliberate change of look: `pytest tests/test_snapshots_layout.py --snapshot-update`,
then look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.pilot_tools import make_app, settle
from tests.pipeline import seed_pipeline

SnapCompare = Callable[..., bool]


async def show_closed(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)


def test_board_at_80x24(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed_pipeline(tmp_path)
    assert snap_compare(make_app(tmp_path, "board"), terminal_size=(80, 24), run_before=settle)


def test_board_at_80x24_with_closed_stages(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed_pipeline(tmp_path)
    app = make_app(tmp_path, "board")
    assert snap_compare(app, terminal_size=(80, 24), run_before=show_closed)


def test_board_at_45x15_with_closed_stages(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed_pipeline(tmp_path)
    app = make_app(tmp_path, "board")
    assert snap_compare(app, terminal_size=(45, 15), run_before=show_closed)


def test_today_at_80x24(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed_pipeline(tmp_path)
    assert snap_compare(make_app(tmp_path, "today"), terminal_size=(80, 24), run_before=settle)


def test_today_at_45x15(snap_compare: SnapCompare, tmp_path: Path) -> None:
    seed_pipeline(tmp_path)
    assert snap_compare(make_app(tmp_path, "today"), terminal_size=(45, 15), run_before=settle)
