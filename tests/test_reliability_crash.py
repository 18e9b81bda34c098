"""Reliability: a save killed at each step of the write, on purpose rather than by chance.

tests/test_store.py kills a saver at random moments (30 times in CI, 200 with
--reliability-heavy); random kills land mostly between writes. Here the saver is stopped at
each step of write_atomic in turn and SIGKILLed there, so every step is proven, every run:
the file is always one whole version, and what the kill leaves is never taken for data.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from multiprocessing.synchronize import Event
from pathlib import Path

import pytest

from postinterview.storage import atomic
from postinterview.storage import store as store_module
from postinterview.storage.atomic import is_temp_name
from postinterview.storage.codec import DamagedFile, decode_record
from postinterview.storage.store import ApplicationStore
from tests.conftest import sample_application

NEW_NOTES = "the new version " + "n" * 50_000


def _hang(ready: Event) -> None:
    ready.set()
    while True:
        time.sleep(60)


def _save_and_hang_at(root: str, app_id: str, step: str, ready: Event) -> None:
    """Save once, stopping for good at `step` (in this child process only)."""

    def fsync_half_written(fd: int) -> None:
        os.ftruncate(fd, os.fstat(fd).st_size // 2)  # as if the kill came mid-write
        _hang(ready)

    def stop_here(*_: object) -> None:
        _hang(ready)

    def install_hook() -> None:
        if step == "temp half written":
            setattr(os, "fsync", fsync_half_written)  # noqa: B010
        elif step in ("temp written, not renamed", "creating, not renamed"):
            setattr(os, "replace", stop_here)  # noqa: B010
        elif step == "renamed, folder not synced":
            setattr(atomic, "fsync_dir", stop_here)  # noqa: B010

    real_write = store_module.write_atomic

    def write_the_file(path: Path, data: bytes) -> None:
        # The history copy is written first, whole; the kill is aimed at the file's own write.
        if step == "lock held, nothing written":
            stop_here()
        install_hook()
        real_write(path, data)

    setattr(store_module, "write_atomic", write_the_file)  # noqa: B010
    store = ApplicationStore(Path(root))
    if step == "creating, not renamed":
        store.create(sample_application("Newco"))
    else:
        store.update(app_id, lambda a: a.revised(notes=NEW_NOTES), None)


STEPS = [
    "temp half written",
    "temp written, not renamed",
    "renamed, folder not synced",
    "lock held, nothing written",
    "creating, not renamed",
]


@pytest.mark.parametrize("step", STEPS)
def test_a_save_killed_at_each_step_leaves_one_whole_version(
    store: ApplicationStore, step: str
) -> None:
    stored = store.create(sample_application())
    app_id = stored.application.id
    path = store.path_for(app_id)
    old_bytes = path.read_bytes()
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    child = context.Process(target=_save_and_hang_at, args=(str(store.root), app_id, step, ready))
    child.start()
    try:
        assert ready.wait(20), "the saver never reached the step"
    finally:
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)
        child.join()

    temps = [p for p in store.folder.iterdir() if is_temp_name(p.name)]
    assert store.files() == [path]  # the temp file is never listed as an application
    result = store.load_all()
    assert result.problems == []
    [loaded] = [s.application for s in result.applications]
    if step == "renamed, folder not synced":
        assert loaded.notes == NEW_NOTES
        assert temps == []
    else:
        assert path.read_bytes() == old_bytes  # byte for byte the version before
        assert loaded == stored.application
        assert len(temps) == (0 if step == "lock held, nothing written" else 1)
    if step == "temp half written":
        with pytest.raises(DamagedFile):  # a torn file, which is why it must never be loaded
            decode_record(temps[0].read_bytes())

    # The dead saver's lock died with it: the next save goes through at once.
    started = time.monotonic()
    store.update(app_id, lambda a: a.revised(notes="after the crash"), None)
    assert time.monotonic() - started < 2
    assert store.load(app_id).application.notes == "after the crash"

    assert store.sweep_temp_files() == len(temps)
    assert [p.name for p in store.folder.iterdir()] == [path.name]
