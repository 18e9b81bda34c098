"""Pictures of the applications list filtered and sorted (see tests/test_snapshots.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.pilot_tools import make_app, type_text
from tests.test_search_ui import seed

SnapCompare = Callable[..., bool]


def test_the_list_filtered_and_sorted_at_80x24(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """Sorted by stage, latest first (▼ in its header), filtered to the engineers: 2 of 5."""
    data_dir = tmp_path / "data"
    seed(data_dir)

    async def sort_and_filter(pilot: Pilot[Any]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.press("S", "S", "R", "slash")
        await type_text(pilot, "engineer")
        await pilot.press("enter")
        await pilot.pause()

    app = make_app(data_dir)
    assert snap_compare(app, terminal_size=(80, 24), run_before=sort_and_filter)
