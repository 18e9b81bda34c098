"""Pictures of getting things back, at 80x24: the deleted list, a damaged file that can be
restored, and the history of one application.

Kept versions and deleted files are named by the moment they were written; the seeds rename
them to moments near `FIXED_NOW`, so the pictures hold still.

After a deliberate change of look: `pytest tests/test_snapshots_restore.py --snapshot-update`,
then look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from postinterview.app import PostInterviewApp
from postinterview.domain.editing import apply_field_edits, move_stage
from postinterview.domain.interviews import record_interview, revise_interview
from postinterview.domain.models import Application
from postinterview.domain.stages import Stage
from postinterview.domain.ticks import tick_entry
from postinterview.storage import history, paths
from postinterview.storage.store import ApplicationStore
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import make_app, settle

SIZE = (80, 24)
SnapCompare = Callable[..., bool]


def _create(store: ApplicationStore, app_id: str, application: Application) -> str:
    return store.create(application.model_copy(update={"id": app_id})).application.id


def _change(
    store: ApplicationStore, app_id: str, change: Callable[[Application], Application]
) -> None:
    store.update(app_id, change, store.load(app_id).revision)


def _pin_history(root: Path, app_id: str, moments: list[datetime]) -> None:
    """Rename the kept versions of `app_id` (oldest first) to `moments`."""
    for version, moment in zip(history.versions(root, app_id), moments, strict=True):
        version.path.rename(
            version.path.with_name(f"{history.stamp(moment)}-{version.revision}.toml")
        )


def _delete_at(store: ApplicationStore, app_id: str, moment: datetime) -> None:
    moved = store.delete(app_id, store.load(app_id).revision)
    moved.rename(moved.with_name(f"{app_id}.{history.stamp(moment)}.toml"))


async def _loaded(pilot: Pilot[Any]) -> None:
    await settle(pilot)


def test_deleted_applications(snap_compare: SnapCompare, tmp_path: Path) -> None:
    store = ApplicationStore(tmp_path)
    _create(store, "initech", sample_application("Initech", "Platform Engineer"))
    _create(store, "acme", sample_application("Acme Robotics", "Backend Engineer"))
    _change(store, "acme", lambda a: move_stage(a, Stage.INTERVIEWING, FIXED_NOW))
    _create(store, "globex", sample_application("Globex", "Data Analyst"))
    _delete_at(store, "globex", FIXED_NOW - timedelta(days=6, hours=3))
    _delete_at(store, "acme", FIXED_NOW - timedelta(hours=20))
    app = make_app(store, "applications")
    assert snap_compare(app, terminal_size=SIZE, press=["D"], run_before=_loaded)


def test_problems_with_a_restorable_file(snap_compare: SnapCompare, fixed_dir: Path) -> None:
    store = ApplicationStore(fixed_dir)
    _create(store, "acme", sample_application("Acme Robotics", "Backend Engineer"))
    _change(store, "acme", lambda a: apply_field_edits(a, {"notes": "Kept words"}, FIXED_NOW))
    _pin_history(fixed_dir, "acme", [FIXED_NOW - timedelta(days=2), FIXED_NOW - timedelta(hours=3)])
    store.path_for("acme").write_bytes(b"")  # a sync tool cut it to nothing
    (store.folder / "broken-abc123.toml").write_text('company = "unterminated\n')
    app = make_app(store, "applications")
    assert snap_compare(app, terminal_size=SIZE, press=["p"], run_before=_loaded)


def _with_history(data_dir: Path) -> PostInterviewApp:
    """Acme: added, a note, an interview, its reflection and a tick, then awaiting decision."""
    store = ApplicationStore(data_dir)
    start = FIXED_NOW - timedelta(days=10)
    _create(store, "acme", sample_application().revised(created_at=start, updated_at=start))
    _change(store, "acme", lambda a: apply_field_edits(a, {"notes": "Referred by Sam"}, start))
    interview_at = FIXED_NOW - timedelta(days=2, hours=4)
    _change(store, "acme", lambda a: record_interview(a, "iv1", interview_at, interview_at))
    reflection = {"reflection": {"went_well": "The system design part"}}
    _change(
        store,
        "acme",
        lambda a: tick_entry(
            revise_interview(a, "iv1", reflection, interview_at),
            "iv1",
            "reflect-on-the-interview",
            "done",
            interview_at,
        ),
    )
    _change(store, "acme", lambda a: move_stage(a, Stage.AWAITING_DECISION, FIXED_NOW))
    moments = [
        start,
        start + timedelta(hours=2),
        interview_at + timedelta(hours=1),
        interview_at + timedelta(hours=3),
        FIXED_NOW - timedelta(hours=1),
    ]
    _pin_history(data_dir, "acme", moments)
    assert len(history.versions(data_dir, "acme")) == len(moments)
    assert paths.history_dir(data_dir, "acme").is_dir()
    return make_app(store, "applications")


def test_history_of_one_application(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("H")
        await settle(pilot)

    app = _with_history(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
