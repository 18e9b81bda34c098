"""Pictures of the two questions about unsaved typing at 80x24: the offer, at start, of text
a form held when the app closed, and escape on a changed form.

After a deliberate change of look: `pytest tests/test_snapshots_unsaved.py --snapshot-update`,
then look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from postinterview.domain.unsaved import ADD, UnsavedForm
from postinterview.storage.unsaved_store import keep_unsaved
from tests.conftest import FIXED_NOW
from tests.pilot_tools import make_app, settle, type_text

SIZE = (80, 24)
SnapCompare = Callable[..., bool]


def test_the_offer_of_text_left_in_a_form(snap_compare: SnapCompare, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    kept = UnsavedForm(
        ADD,
        "add-0123456789ab",
        {"company": "Acme", "role": "Designer"},
        {"company": "", "role": ""},
        FIXED_NOW - timedelta(minutes=25),
    )
    keep_unsaved(data_dir, kept)
    assert snap_compare(make_app(data_dir), terminal_size=SIZE, run_before=settle)


def test_escape_on_a_changed_form_asks(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def type_then_escape(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("n")
        await type_text(pilot, "Acme")
        await pilot.press("escape")
        await pilot.pause()

    app = make_app(tmp_path / "data")
    assert snap_compare(app, terminal_size=SIZE, run_before=type_then_escape)
