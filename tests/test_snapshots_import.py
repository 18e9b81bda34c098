"""Pictures of the "Import a file" screen with a tracker's preview, at 80x24 and 120x36, and
with an invitation's, whose application is to be chosen.

The file is typed by a relative name (the test runs in its own folder), so the picture does
not hold a temporary path. After a deliberate change of look: `pytest
tests/test_snapshots_import.py --snapshot-update`, then look at the new SVGs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from postinterview.domain.stages import Stage
from postinterview.storage.store import ApplicationStore
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import make_app, settle, type_text
from tests.test_import_file import TRACKER
from tests.test_import_invite import FIXTURES

SnapCompare = Callable[..., bool]


async def _previewed(pilot: Pilot[Any], name: str = "huntr.csv") -> None:
    await settle(pilot)
    await pilot.press("o")
    await settle(pilot)
    await type_text(pilot, name)
    await pilot.press("enter")
    await settle(pilot)


async def _invite_previewed(pilot: Pilot[Any]) -> None:
    await _previewed(pilot, "google.ics")


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


def test_an_invitation_to_one_of_two_applications_previewed(
    snap_compare: SnapCompare,
    fixed_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "google.ics").write_bytes((FIXTURES / "google.ics").read_bytes())
    store = ApplicationStore(fixed_dir)
    first = sample_application("Acme", "Product Designer")  # listed second: changed earlier
    store.create(first.model_copy(update={"updated_at": FIXED_NOW - timedelta(days=30)}))
    second = sample_application("Acme", "Product Designer")  # a second try, a year on
    store.create(second.model_copy(update={"stage": Stage.SCREENING}))
    monkeypatch.chdir(tmp_path)
    app = make_app(store, "board")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_invite_previewed)
