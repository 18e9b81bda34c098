"""The lock file is never a link, a temp file's name is never followed, and a rename refused
for a moment (a virus scanner, a Windows sharing violation) is tried again, briefly."""

from __future__ import annotations

import errno
import os
from datetime import datetime
from pathlib import Path

import pytest

from postinterview.domain.editing import apply_field_edits
from postinterview.storage import atomic, history, locking, paths
from postinterview.storage.atomic import TEMP_PREFIX, TEMP_SUFFIX
from postinterview.storage.backup import BackupFailed, make_backup
from postinterview.storage.store import ApplicationStore, CannotSave
from postinterview.workspace import Workspace
from tests.conftest import FIXED_NOW, sample_application

REFUSED = "is a link; remove it"


def _edit(store: ApplicationStore, app_id: str, notes: str) -> None:
    revision = store.load(app_id).revision
    store.update(app_id, lambda a: apply_field_edits(a, {"notes": notes}, FIXED_NOW), revision)


# The lock ----------------------------------------------------------------------------------


@pytest.mark.parametrize("dangling", [True, False])
def test_a_link_at_the_lock_is_refused_and_what_it_points_to_is_never_made_or_opened(
    store: ApplicationStore, tmp_path: Path, dangling: bool
) -> None:
    app_id = store.create(sample_application()).application.id
    before = store.path_for(app_id).read_bytes()
    elsewhere = tmp_path / "elsewhere"
    if not dangling:
        elsewhere.write_bytes(b"someone's file\n")
        os.chmod(elsewhere, 0o644)
    lock = paths.lock_path(store.root)
    lock.unlink()
    lock.symlink_to(elsewhere)

    with pytest.raises(CannotSave, match=REFUSED) as raised:
        _edit(store, app_id, "new")

    assert str(lock) in str(raised.value) and "Nothing was changed" in str(raised.value)
    assert lock.is_symlink() and os.readlink(lock) == str(elsewhere)
    if dangling:
        assert not elsewhere.exists()
    else:
        assert elsewhere.read_bytes() == b"someone's file\n"
        assert os.stat(elsewhere).st_mode & 0o777 == 0o644
    assert store.path_for(app_id).read_bytes() == before


def test_the_save_path_says_so_in_words(data_dir: Path, tmp_path: Path) -> None:
    store = ApplicationStore(data_dir)
    app_id = store.create(sample_application()).application.id
    paths.lock_path(data_dir).unlink()
    paths.lock_path(data_dir).symlink_to(tmp_path / "nowhere")
    workspace = Workspace(store, lambda: FIXED_NOW)
    workspace.apply(workspace.read_all())

    outcome = workspace.update(app_id, lambda a: a.revised(notes="x"))

    assert not outcome.ok
    assert f"the lock file {paths.lock_path(data_dir)} {REFUSED}" in outcome.status()
    assert "Errno" not in outcome.status() and not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("kind", ["folder", "pipe"])
def test_a_folder_or_a_pipe_at_the_lock_is_refused_without_hanging(
    store: ApplicationStore, kind: str
) -> None:
    app_id = store.create(sample_application()).application.id
    lock = paths.lock_path(store.root)
    lock.unlink()
    if kind == "folder":
        lock.mkdir()
    else:
        os.mkfifo(lock)
    expected = "is a folder; remove it" if kind == "folder" else "is not a plain file; remove it"
    with pytest.raises(CannotSave, match=expected):
        _edit(store, app_id, "new")


def test_the_lock_handle_is_not_passed_to_programs_we_start(data_dir: Path) -> None:
    data_dir.mkdir()
    handle = locking.acquire_lock(paths.lock_path(data_dir))
    try:
        assert not os.get_inheritable(handle)
    finally:
        locking.release_lock(handle)


def test_a_backup_with_a_link_at_the_lock_is_refused(
    store: ApplicationStore, tmp_path: Path
) -> None:
    store.create(sample_application())
    paths.lock_path(store.root).unlink()
    paths.lock_path(store.root).symlink_to(tmp_path / "nowhere")
    into = tmp_path / "backups"
    into.mkdir()
    with pytest.raises(BackupFailed, match=REFUSED):
        make_backup(store.root, into, FIXED_NOW)
    assert list(into.iterdir()) == [] and not (tmp_path / "nowhere").exists()


def test_a_data_folder_that_is_a_link_keeps_working(tmp_path: Path) -> None:
    real = tmp_path / "Sync" / "postinterview"
    real.mkdir(parents=True)
    linked = tmp_path / "data"
    linked.symlink_to(real)
    store = ApplicationStore(linked)
    app_id = store.create(sample_application()).application.id
    _edit(store, app_id, "through the folder link")

    assert linked.is_symlink()
    assert (real / ".lock").is_file() and not (real / ".lock").is_symlink()
    assert "through the folder link" in (real / "applications" / f"{app_id}.toml").read_text()
    assert len(history.versions(linked, app_id)) == 2


# A link at a temp file's name ---------------------------------------------------------------


def test_a_link_planted_at_a_temp_name_is_never_written_through(
    store: ApplicationStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_id = store.create(sample_application()).application.id
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep me\n")
    planted = store.folder / f"{TEMP_PREFIX}{app_id}-planted{TEMP_SUFFIX}"
    planted.symlink_to(victim)
    names = iter(["planted", "fresh001"])
    monkeypatch.setattr(atomic.secrets, "token_hex", lambda _: next(names))

    _edit(store, app_id, "saved beside the planted link")

    assert victim.read_bytes() == b"keep me\n"
    assert "saved beside" in store.path_for(app_id).read_text()
    assert not store.path_for(app_id).is_symlink()


def test_when_every_temp_name_is_taken_the_save_fails_cleanly(
    store: ApplicationStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_id = store.create(sample_application()).application.id
    before = store.path_for(app_id).read_bytes()
    (store.folder / f"{TEMP_PREFIX}{app_id}-taken{TEMP_SUFFIX}").symlink_to(tmp_path / "x")
    monkeypatch.setattr(atomic.secrets, "token_hex", lambda _: "taken")
    with pytest.raises(CannotSave, match="previous version is intact"):
        _edit(store, app_id, "new")
    assert store.path_for(app_id).read_bytes() == before and not (tmp_path / "x").exists()


# The rename retry ---------------------------------------------------------------------------


class FlakyReplace:
    """os.replace into `folder` refused `failures` times with `error`, then done for real
    (renames elsewhere, such as history's, just done)."""

    def __init__(self, failures: int, error: OSError, folder: Path) -> None:
        self.failures = failures
        self.error = error
        self.folder = folder
        self.calls = 0
        self.real = os.replace

    def __call__(self, source: str | Path, target: str | Path) -> None:
        if Path(target).parent == self.folder:
            self.calls += 1
            if self.calls <= self.failures:
                raise self.error
        self.real(source, target)


def _sharing_violation() -> OSError:
    error = OSError(errno.EINVAL, "The process cannot access the file")
    error.winerror = 32  # type: ignore[attr-defined]
    return error


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The retry's pauses, recorded instead of slept."""
    recorded: list[float] = []
    monkeypatch.setattr(atomic, "pause", recorded.append)
    return recorded


@pytest.mark.parametrize(
    "error",
    [
        PermissionError(errno.EACCES, "Permission denied"),
        OSError(errno.EBUSY, "Device or resource busy"),
        _sharing_violation(),
    ],
    ids=["EACCES", "EBUSY", "winerror 32"],
)
def test_a_rename_refused_a_few_times_is_tried_again_and_saves(
    store: ApplicationStore,
    monkeypatch: pytest.MonkeyPatch,
    pauses: list[float],
    error: OSError,
) -> None:
    app_id = store.create(sample_application()).application.id
    flaky = FlakyReplace(3, error, store.folder)
    monkeypatch.setattr(os, "replace", flaky)

    _edit(store, app_id, "saved on the fourth try")

    assert flaky.calls == 4 and len(pauses) == 3
    assert "saved on the fourth try" in store.path_for(app_id).read_text()
    assert [p.name for p in store.folder.iterdir()] == [f"{app_id}.toml"]


def test_a_rename_refused_for_good_fails_within_two_seconds_and_leaves_no_temp_file(
    store: ApplicationStore, monkeypatch: pytest.MonkeyPatch, pauses: list[float], now: datetime
) -> None:
    app_id = store.create(sample_application()).application.id
    path = store.path_for(app_id)
    before = path.read_bytes()
    kept_before = history.versions(store.root, app_id)
    flaky = FlakyReplace(1000, PermissionError(errno.EACCES, "Permission denied"), store.folder)
    monkeypatch.setattr(os, "replace", flaky)

    with pytest.raises(CannotSave, match="Permission denied.*previous version is intact"):
        _edit(store, app_id, "never")

    assert 2 <= flaky.calls <= 10 and 0 < sum(pauses) <= 2.0
    assert path.read_bytes() == before
    assert [p.name for p in store.folder.iterdir()] == [path.name]
    assert history.versions(store.root, app_id) == kept_before


@pytest.mark.parametrize(
    "error",
    [OSError(errno.EROFS, "Read-only file system"), OSError(errno.ENOSPC, "No space left")],
    ids=["EROFS", "ENOSPC"],
)
def test_other_rename_failures_fail_at_once(
    store: ApplicationStore, monkeypatch: pytest.MonkeyPatch, pauses: list[float], error: OSError
) -> None:
    app_id = store.create(sample_application()).application.id
    flaky = FlakyReplace(1000, error, store.folder)
    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(CannotSave, match=str(error.strerror)):
        _edit(store, app_id, "never")
    assert flaky.calls == 1 and pauses == []
    assert [p.name for p in store.folder.iterdir()] == [f"{app_id}.toml"]


def test_the_retry_covers_every_file_written_through_the_atomic_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pauses: list[float]
) -> None:
    from postinterview.storage.drafts_store import save_draft
    from postinterview.storage.settings_store import save_table

    refused = PermissionError(errno.EACCES, "no")
    monkeypatch.setattr(os, "replace", FlakyReplace(2, refused, tmp_path))
    save_table(tmp_path, "you", {"name": "Sam"})
    monkeypatch.setattr(os, "replace", FlakyReplace(2, refused, paths.drafts_dir(tmp_path)))
    draft = save_draft(tmp_path, ["thank", "you"], "Thanks!\n")
    assert "Sam" in paths.settings_path(tmp_path).read_text()
    assert draft.read_text() == "Thanks!\n" and len(pauses) == 4


def test_a_data_folder_link_to_a_missing_folder_is_refused_in_words(tmp_path: Path) -> None:
    linked = tmp_path / "data"
    linked.symlink_to(tmp_path / "unmounted" / "postinterview")
    store = ApplicationStore(linked)
    assert store.load_all().applications == []
    with pytest.raises(CannotSave, match="is a link to .*, which is not there"):
        store.create(sample_application())
    assert not (tmp_path / "unmounted").exists() and linked.is_symlink()


def test_moving_a_file_aside_is_retried_too(
    store: ApplicationStore, monkeypatch: pytest.MonkeyPatch, pauses: list[float]
) -> None:
    app_id = store.create(sample_application()).application.id
    deleted = paths.deleted_dir(store.root)
    deleted.mkdir()
    refused = PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(os, "replace", FlakyReplace(2, refused, deleted))

    moved = store.delete(app_id, store.load(app_id).revision)

    assert moved.parent == deleted and len(pauses) == 2
    assert not store.path_for(app_id).exists()
