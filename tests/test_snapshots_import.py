"""Pictures of the "Import a file" screen with a tracker's preview, at 80x24 and 120x36.

The file is typed by a relative name (the test runs in its own folder), so the picture does
not hold a temporary path. After a deliberate change of look: `pytest
tests/test_snapshots_import.py --snapshot-update`, then look at the new SVGs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.pilot_tools import make_app, settle, type_text
from tests.test_import_file import TRACKER

SnapCompare = Callable[..., bool]


async def _previewed(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("o")
    await settle(pilot)
    await type_text(pilot, "huntr.csv")
    await pilot.press("enter")
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_a_tracker_previewed_before_it_is_imported(
    snap_compare: SnapCompare,
    fixed_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    (tmp_path / "huntr.csv").write_text(TRACKER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    app = make_app(fixed_dir, "board")
    assert snap_compare(app, terminal_size=size, run_before=_previewed)
