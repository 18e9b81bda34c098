"""The workspace: the folder read once, kept in step with the disk, and the one save path."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from postinterview.domain.editing import move_stage
from postinterview.domain.models import Application
from postinterview.domain.plan import PlannedAction
from postinterview.domain.stages import Stage
from postinterview.storage import store as store_module
from postinterview.storage.store import ApplicationStore
from postinterview.ui.saving import APPLICATION_FIELDS
from postinterview.workspace import Change, Context, Derivation, Workspace
from tests.conftest import FIXED_NOW, sample_application
from tests.pipeline import FRESH_ID, OVERDUE_ID, QUIET_ID, seed_pipeline


def loaded(data_dir: Path, clock: Callable[[], Any] = lambda: FIXED_NOW) -> Workspace:
    workspace = Workspace(ApplicationStore(data_dir), clock)
    workspace.apply(workspace.read_all())
    return workspace


def listen(workspace: Workspace) -> list[Change]:
    changes: list[Change] = []
    workspace.subscribe(changes.append)
    return changes


def rename(company: str) -> Callable[[Application], Application]:
    return lambda application: application.revised(company=company)


# Reading and watching --------------------------------------------------------------------------


def test_the_folder_is_read_once_and_a_save_does_not_read_it_again(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    workspace = loaded(data_dir)
    assert workspace.loaded and workspace.loads == 1
    assert len(workspace.records) == 5
    changes = listen(workspace)
    outcome = workspace.update(FRESH_ID, lambda a: move_stage(a, Stage.SCREENING, FIXED_NOW))
    assert outcome.ok and not outcome.merged
    assert workspace.records[FRESH_ID].application.stage is Stage.SCREENING
    assert workspace.loads == 1
    assert changes == [Change(frozenset({FRESH_ID}))]
    # The save's own file is not read again by the poller.
    assert workspace.scan().empty


def test_a_scan_reads_only_what_changed_elsewhere(data_dir: Path) -> None:
    store = seed_pipeline(data_dir)
    workspace = loaded(data_dir)
    changes = listen(workspace)
    assert workspace.scan().empty
    other = ApplicationStore(data_dir)  # another window
    other.update(QUIET_ID, rename("Globex Corp"), None)
    store.path_for(FRESH_ID).unlink()
    read = workspace.scan()
    assert [s.application.id for s in read.result.applications] == [QUIET_ID]
    workspace.apply(read)
    assert workspace.records[QUIET_ID].application.company == "Globex Corp"
    assert FRESH_ID not in workspace.records
    assert changes == [Change(frozenset({QUIET_ID, FRESH_ID}))]
    assert workspace.loads == 1


def test_a_file_damaged_by_hand_becomes_a_problem_and_comes_back_once_fixed(
    data_dir: Path,
) -> None:
    store = seed_pipeline(data_dir)
    workspace = loaded(data_dir)
    path = store.path_for(QUIET_ID)
    good = path.read_bytes()
    path.write_bytes(b"company = \n")
    workspace.apply(workspace.scan())
    assert QUIET_ID not in workspace.records
    assert [p.path.name for p in workspace.problems] == [path.name]
    path.write_bytes(good)
    os.utime(path, ns=(1, 1))  # a different stamp, whatever the clock's resolution
    change = workspace.apply(workspace.scan())
    assert change.problems and workspace.problems == []
    assert QUIET_ID in workspace.records


def test_a_settings_change_redraws_everything_with_the_new_settings(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    workspace = loaded(data_dir)
    changes = listen(workspace)
    (data_dir / "settings.toml").write_text("[follow_up]\nquiet_after_days = 30\n", "utf-8")
    workspace.apply(workspace.scan())
    assert changes and changes[-1].everything
    assert workspace.plan_settings.quiet_after_days == 30


def test_a_large_folder_shows_its_recent_files_first_then_everything(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from postinterview.workspace import folder as workspace_folder

    seed_pipeline(data_dir)
    monkeypatch.setattr(workspace_folder, "EARLY_FILES", 2)
    workspace = Workspace(ApplicationStore(data_dir), lambda: FIXED_NOW)
    early = workspace.read_early()
    assert early is not None
    workspace.apply(early)
    assert len(workspace.records) == 2 and not workspace.loaded
    workspace.apply(workspace.read_all())
    assert len(workspace.records) == 5 and workspace.loaded and workspace.loads == 1


# Derived values --------------------------------------------------------------------------------


def counting(calls: list[str]) -> Derivation[int]:
    def compute(application: Application, context: Context, plan: list[PlannedAction]) -> int:
        calls.append(application.id)
        return len(plan)

    return Derivation("count", compute)


def test_a_derived_value_is_computed_once_per_revision(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    workspace = loaded(data_dir)
    calls: list[str] = []
    derivation = counting(calls)
    first = workspace.derive(derivation, OVERDUE_ID)
    assert workspace.derive(derivation, OVERDUE_ID) == first
    assert workspace.plan(OVERDUE_ID) is workspace.plan(OVERDUE_ID)
    assert calls == [OVERDUE_ID]
    workspace.update(OVERDUE_ID, rename("Initech Inc"))
    workspace.derive(derivation, OVERDUE_ID)
    assert calls == [OVERDUE_ID, OVERDUE_ID]


def test_derived_values_are_computed_again_once_the_plan_can_have_changed(
    data_dir: Path,
) -> None:
    seed_pipeline(data_dir)
    now = [FIXED_NOW]
    workspace = loaded(data_dir, lambda: now[0])
    calls: list[str] = []
    derivation = counting(calls)
    workspace.derive(derivation, OVERDUE_ID)
    now[0] = FIXED_NOW + timedelta(minutes=1)  # the same day: nothing opens or falls due
    workspace.derive(derivation, OVERDUE_ID)
    assert len(calls) == 1
    now[0] = FIXED_NOW + timedelta(days=1)  # a new day: deadlines by the day have moved
    workspace.derive(derivation, OVERDUE_ID)
    assert len(calls) == 2


def test_registered_values_are_derived_while_the_folder_is_read(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    workspace = Workspace(ApplicationStore(data_dir), lambda: FIXED_NOW)
    calls: list[str] = []
    derivation = counting(calls)
    workspace.register(derivation)
    read = workspace.read_all()  # in the app, a worker thread
    assert len(calls) == 5
    workspace.apply(read)
    workspace.derive_all(derivation)
    assert len(calls) == 5  # nothing computed again on the UI's thread


# The one save path: every error a save can meet -------------------------------------------------


def no_space(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def no_permission(*args: Any, **kwargs: Any) -> None:
    raise PermissionError(errno.EACCES, "Permission denied")


@pytest.mark.parametrize(
    ("failure", "expected"),
    [(no_space, "No space left on device"), (no_permission, "Permission denied")],
)
def test_a_write_that_fails_is_refused_with_the_reason_and_the_file_intact(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, failure: Any, expected: str
) -> None:
    store = seed_pipeline(data_dir)
    workspace = loaded(data_dir)
    before = store.path_for(QUIET_ID).read_bytes()
    monkeypatch.setattr(store_module, "write_atomic", failure)
    outcome = workspace.update(QUIET_ID, rename("Globex Corp"))
    assert not outcome.ok and expected in outcome.error
    assert "Nothing was lost" in outcome.error
    assert store.path_for(QUIET_ID).read_bytes() == before
    assert workspace.records[QUIET_ID].application.company == "Globex"


def test_a_file_changed_elsewhere_is_merged_and_says_so(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    workspace = loaded(data_dir)
    ApplicationStore(data_dir).update(QUIET_ID, lambda a: a.revised(notes="From the laptop"), None)
    outcome = workspace.update(QUIET_ID, rename("Globex Corp"))
    assert outcome.ok and outcome.merged
    assert "another window" in outcome.status()
    application = workspace.records[QUIET_ID].application
    assert (application.company, application.notes) == ("Globex Corp", "From the laptop")


def test_a_file_damaged_since_it_was_read_is_not_overwritten(data_dir: Path) -> None:
    store = seed_pipeline(data_dir)
    workspace = loaded(data_dir)
    path = store.path_for(QUIET_ID)
    path.write_bytes(b"not = [toml\n")
    outcome = workspace.update(QUIET_ID, rename("Globex Corp"))
    assert not outcome.ok and "not valid TOML" in outcome.error
    assert path.read_bytes() == b"not = [toml\n"
    assert QUIET_ID not in workspace.records  # every view now shows it as a problem
    assert [p.path.name for p in workspace.problems] == [path.name]


def test_a_file_moved_elsewhere_is_refused_and_leaves_every_view(data_dir: Path) -> None:
    store = seed_pipeline(data_dir)
    workspace = loaded(data_dir)
    changes = listen(workspace)
    store.path_for(QUIET_ID).rename(data_dir / "elsewhere.toml")
    outcome = workspace.update(QUIET_ID, rename("Globex Corp"))
    assert not outcome.ok and "no longer exists" in outcome.error
    assert QUIET_ID not in workspace.records
    assert changes[-1].touches(QUIET_ID)


def test_a_stage_move_to_where_it_already_is_is_refused_with_a_reason(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    workspace = loaded(data_dir)
    # Another window moved it to Rejected; this one, not knowing, asks for the same.
    ApplicationStore(data_dir).update(
        QUIET_ID, lambda a: move_stage(a, Stage.REJECTED, FIXED_NOW), None
    )
    outcome = workspace.update(QUIET_ID, lambda a: move_stage(a, Stage.REJECTED, FIXED_NOW))
    assert not outcome.ok and "Rejected" in outcome.error
    # The refusal re-read the file: every view now shows the move made elsewhere.
    assert workspace.records[QUIET_ID].application.stage is Stage.REJECTED


def test_a_record_that_would_not_validate_is_refused_with_the_field(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    workspace = loaded(data_dir)
    outcome = workspace.update(QUIET_ID, rename("   "))
    assert not outcome.ok and "company" in outcome.error


def test_a_new_application_is_added_and_shown(data_dir: Path) -> None:
    workspace = loaded(data_dir)
    changes = listen(workspace)
    outcome = workspace.add(sample_application("Hooli"))
    assert outcome.stored is not None
    app_id = outcome.stored.application.id
    assert workspace.records[app_id].application.company == "Hooli"
    assert changes == [Change(frozenset({app_id}))]


def test_delete_is_refused_when_the_file_changed_since_it_was_read(data_dir: Path) -> None:
    store = seed_pipeline(data_dir)
    workspace = loaded(data_dir)
    ApplicationStore(data_dir).update(QUIET_ID, rename("Globex Corp"), None)
    outcome, moved_to = workspace.delete(QUIET_ID)
    assert not outcome.ok and moved_to is None and "changed in another window" in outcome.error
    assert store.path_for(QUIET_ID).exists()
    assert workspace.records[QUIET_ID].application.company == "Globex Corp"  # read again
    outcome, moved_to = workspace.delete(QUIET_ID)
    assert outcome.ok and moved_to is not None and moved_to.exists()
    assert QUIET_ID not in workspace.records


# The one merge rule ----------------------------------------------------------------------------


def test_saved_fields_become_the_baseline_so_a_second_save_never_clashes(
    data_dir: Path,
) -> None:
    seed_pipeline(data_dir)
    workspace = loaded(data_dir)
    baseline = APPLICATION_FIELDS.read(workspace.records[QUIET_ID].application)
    first = workspace.save_fields(QUIET_ID, APPLICATION_FIELDS, baseline, {"notes": "One"})
    assert first.saved.ok and first.written == {"notes": "One"} and not first.clashes
    baseline.update(first.written)
    second = workspace.save_fields(QUIET_ID, APPLICATION_FIELDS, baseline, {"notes": "Two"})
    assert second.saved.ok and not second.clashes and not second.saved.merged


def test_a_field_changed_on_both_sides_is_kept_on_disk_and_reported(data_dir: Path) -> None:
    seed_pipeline(data_dir)
    workspace = loaded(data_dir)
    baseline = APPLICATION_FIELDS.read(workspace.records[QUIET_ID].application)
    ApplicationStore(data_dir).update(
        QUIET_ID, lambda a: a.revised(notes="Theirs", location="Leeds"), None
    )
    mine = {"notes": "Mine", "role": "Staff Engineer"}
    outcome = workspace.save_fields(QUIET_ID, APPLICATION_FIELDS, baseline, mine)
    assert outcome.saved.ok and outcome.clashes == {"notes": "Theirs"}
    application = workspace.records[QUIET_ID].application
    assert (application.notes, application.role, application.location) == (
        "Theirs",
        "Staff Engineer",
        "Leeds",
    )


def test_a_save_made_while_the_folder_is_read_is_not_undone_by_the_read(
    data_dir: Path,
) -> None:
    """A card moved while a large folder is still loading (or while the poller reads): the
    read began before the save, so what it found of that file is older than the save."""
    seed_pipeline(data_dir)
    workspace = loaded(data_dir)
    full = workspace.read_all()  # began before the save ...
    ApplicationStore(data_dir).update(QUIET_ID, lambda a: a.revised(notes="Elsewhere"), None)
    scanned = workspace.scan()  # ... as did this look for outside changes
    outcome = workspace.update(QUIET_ID, rename("Globex Corp"))
    assert outcome.ok
    workspace.apply(scanned)
    workspace.apply(full)  # ... and is applied after it
    application = workspace.records[QUIET_ID].application
    assert (application.company, application.notes) == ("Globex Corp", "Elsewhere")
    assert len(workspace.records) == 5
    assert workspace.scan().empty  # and the save's own file is still known as read


def test_a_file_repaired_since_it_was_listed_is_not_quarantined(data_dir: Path) -> None:
    store = seed_pipeline(data_dir)
    workspace = loaded(data_dir)
    path = store.path_for(QUIET_ID)
    good = path.read_bytes()
    path.write_bytes(good[: len(good) // 2])
    workspace.apply(workspace.scan())
    [problem] = workspace.problems
    path.write_bytes(good)  # repaired by hand while the list of problems is open
    error, moved_to = workspace.quarantine(problem)
    assert moved_to is None and "reads fine now" in error
    assert path.read_bytes() == good
    assert workspace.problems == [] and QUIET_ID in workspace.records
