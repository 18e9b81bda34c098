"""The program's entry point."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from postinterview import cli, launch
from postinterview.storage.store import ApplicationStore
from postinterview.workspace import Workspace
from tests.conftest import FIXED_NOW
from tests.pipeline import seed_pipeline


def test_the_command_line_runs_with_the_garbage_collector_paused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []

    def command_line(workspace_ready: object = None) -> int:
        seen.append(gc.isenabled())
        return 3

    monkeypatch.setattr(cli, "main", command_line)
    try:
        assert launch.main() == 3  # the command line's exit code, unchanged
        assert gc.isenabled()  # back on when the command (or the app) ends, loaded or not
    finally:
        gc.enable()
    assert seen == [False]


def test_collection_resumes_once_the_folder_is_read_with_the_records_frozen(
    data_dir: Path,
) -> None:
    seed_pipeline(data_dir)
    workspace = Workspace(ApplicationStore(data_dir), lambda: FIXED_NOW)
    gc.unfreeze()
    gc.disable()
    try:
        launch.resume_collection_once_read(workspace)
        early_change = workspace.read_early()
        assert early_change is None  # five files: no early read
        assert not gc.isenabled()  # not yet: nothing is read
        workspace.apply(workspace.read_all())
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
        tracked = {id(thing) for thing in gc.get_objects()}  # the collector's own generations
        records = workspace.applications()
        assert records and not any(id(record) in tracked for record in records)
    finally:
        gc.enable()
        gc.unfreeze()
