"""Pictures of date fields: what a field read from the text, and a refusal in its place.

After a deliberate change of look: `pytest tests/test_snapshots_dates.py --snapshot-update`,
then look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.pilot_tools import make_app, settle, type_text
from tests.pipeline import seed_pipeline

SIZE = (100, 30)
SnapCompare = Callable[..., bool]


async def open_contact_log_at_when(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("right", "enter", "l")
    await pilot.pause()
    await pilot.press("shift+tab", "shift+tab")  # back to 'when', its text selected


def test_contact_log_reads_a_spoken_time(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def type_a_time(pilot: Pilot[Any]) -> None:
        await open_contact_log_at_when(pilot)
        await type_text(pilot, "yesterday 4pm")
        await pilot.pause()

    seed_pipeline(tmp_path)
    assert snap_compare(make_app(tmp_path, "board"), terminal_size=SIZE, run_before=type_a_time)


def test_contact_log_explains_a_refused_time(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def type_a_bad_time(pilot: Pilot[Any]) -> None:
        await open_contact_log_at_when(pilot)
        await type_text(pilot, "next blursday 9am")
        await pilot.press("tab")  # leaving the field explains what it could not read
        await pilot.pause()

    seed_pipeline(tmp_path)
    assert snap_compare(make_app(tmp_path, "board"), terminal_size=SIZE, run_before=type_a_bad_time)
