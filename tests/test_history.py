"""History: every replaced file is kept (bounded), and deleted or damaged files come back."""

from __future__ import annotations

import errno
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from postinterview.domain.editing import apply_field_edits, move_stage
from postinterview.domain.settings import HistorySettings
from postinterview.domain.stages import Stage
from postinterview.storage import atomic, history, paths, recovery
from postinterview.storage.store import ApplicationStore, CannotSave, FileIsDamaged, StoreError
from tests.conftest import sample_application


def _folder_bytes(store: ApplicationStore) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in store.files()}


def _edit_notes(store: ApplicationStore, app_id: str, text: str, now: datetime) -> None:
    revision = store.load(app_id).revision
    store.update(app_id, lambda a: apply_field_edits(a, {"notes": text}, now), revision)


def test_every_version_written_is_kept(store: ApplicationStore, now: datetime) -> None:
    app_id = store.create(sample_application()).application.id
    first = store.path_for(app_id).read_bytes()
    _edit_notes(store, app_id, "second", now)
    second = store.path_for(app_id).read_bytes()
    kept = history.versions(store.root, app_id)
    assert [version.path.read_bytes() for version in kept] == [first, second]
    mode = stat.S_IMODE(kept[0].path.stat().st_mode)
    assert mode == atomic.PRIVATE_FILE_MODE
    for folder in (paths.history_root(store.root), paths.history_dir(store.root, app_id)):
        assert stat.S_IMODE(folder.stat().st_mode) == atomic.PRIVATE_DIR_MODE


def test_a_hand_edit_is_kept_before_a_save_replaces_it(
    store: ApplicationStore, now: datetime
) -> None:
    app_id = store.create(sample_application()).application.id
    path = store.path_for(app_id)
    hand_edited = path.read_bytes().replace(b'company = "', b'# mine\ncompany = "')
    path.write_bytes(hand_edited)
    _edit_notes(store, app_id, "after the hand edit", now)
    kept = [version.path.read_bytes() for version in history.versions(store.root, app_id)]
    assert kept[-2:] == [hand_edited, path.read_bytes()]


def test_a_save_that_changes_nothing_keeps_nothing_more(store: ApplicationStore) -> None:
    stored = store.create(sample_application())
    app_id = stored.application.id
    store.update(app_id, lambda a: a, stored.revision)
    assert len(history.versions(store.root, app_id)) == 1


def test_history_stays_within_its_bound(store: ApplicationStore, now: datetime) -> None:
    store.history = HistorySettings(keep_versions=5, keep_days=0)
    app_id = store.create(sample_application()).application.id
    written = []
    for count in range(12):
        written.append(store.path_for(app_id).read_bytes())
        _edit_notes(store, app_id, f"edit {count}", now)
    written.append(store.path_for(app_id).read_bytes())
    kept = history.versions(store.root, app_id)
    assert len(kept) == 5
    assert [version.path.read_bytes() for version in kept] == written[-5:]


def test_to_keep_holds_the_latest_and_one_a_day() -> None:
    now = datetime(2026, 12, 2, 12, tzinfo=UTC)
    policy = HistorySettings(keep_versions=2, keep_days=3)
    moments = [
        now - timedelta(days=10),  # too old, not among the latest: dropped
        now - timedelta(days=2, hours=2),  # two on one day: the later one stays
        now - timedelta(days=2, hours=1),
        now - timedelta(days=1),
        now - timedelta(minutes=2),
        now - timedelta(minutes=1),
    ]
    assert history.to_keep(moments, now, policy) == {2, 3, 4, 5}


def test_a_full_disk_during_the_history_copy_refuses_the_save(
    store: ApplicationStore, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_id = store.create(sample_application()).application.id
    path = store.path_for(app_id)
    before = path.read_bytes()
    real_write = atomic.write_atomic

    def full_disk(target: Path, data: bytes) -> None:
        if paths.history_root(store.root) in target.parents:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write(target, data)

    monkeypatch.setattr(history, "write_atomic", full_disk)
    with pytest.raises(CannotSave, match="its history could not be written"):
        _edit_notes(store, app_id, "lost?", now)
    assert path.read_bytes() == before
    assert len(history.versions(store.root, app_id)) == 1  # the first version only


def test_delete_all_then_restore_gives_the_set_back_byte_for_byte(
    store: ApplicationStore, now: datetime
) -> None:
    ids = [store.create(sample_application(company=f"Firm {n}")).application.id for n in range(5)]
    for count in range(25):
        app_id = ids[count % len(ids)]
        if count % 2:
            _edit_notes(store, app_id, f"note {count}", now)
        else:
            stage = Stage.INTERVIEWING if count % 4 == 0 else Stage.APPLIED
            revision = store.load(app_id).revision
            store.update(
                app_id,
                lambda a, s=stage: a if a.stage == s else move_stage(a, s, now),
                revision,
            )
    saved = _folder_bytes(store)
    for app_id in ids:
        store.delete(app_id, store.load(app_id).revision)
    assert store.files() == []
    deleted = recovery.deleted_files(store)
    assert sorted(item.app_id for item in deleted) == sorted(ids)
    for item in deleted:
        recovery.restore_deleted(store, item)
    assert _folder_bytes(store) == saved
    assert recovery.deleted_files(store) == []


def test_a_deleted_file_is_not_restored_over_one_with_its_id(store: ApplicationStore) -> None:
    stored = store.create(sample_application())
    app_id = stored.application.id
    store.delete(app_id, stored.revision)
    store.create(sample_application().model_copy(update={"id": app_id}))
    (deleted,) = recovery.deleted_files(store)
    with pytest.raises(StoreError, match="in the folder again"):
        recovery.restore_deleted(store, deleted)
    assert deleted.path.exists()


def test_an_empty_file_is_restored_from_its_last_good_version(
    store: ApplicationStore, now: datetime
) -> None:
    app_id = store.create(sample_application()).application.id
    _edit_notes(store, app_id, "the last good words", now)
    good = store.path_for(app_id).read_bytes()
    path = store.path_for(app_id)
    path.write_bytes(b"")  # a sync tool cut it
    with pytest.raises(FileIsDamaged):
        store.load(app_id)
    version = recovery.last_good_version(store, app_id)
    assert version is not None
    assert version.path.read_bytes() == good
    stored, moved_to = recovery.restore_version(store, app_id, version)
    assert stored.application.notes == "the last good words"
    assert path.read_bytes() == good
    quarantined = list(paths.quarantine_dir(store.root).iterdir())
    assert [item.read_bytes() for item in quarantined] == [b""]
    assert quarantined == [moved_to]


def test_restoring_a_version_refuses_a_file_that_reads_fine(
    store: ApplicationStore, now: datetime
) -> None:
    app_id = store.create(sample_application()).application.id
    _edit_notes(store, app_id, "later", now)
    current = store.path_for(app_id).read_bytes()
    version = history.versions(store.root, app_id)[0]
    with pytest.raises(StoreError, match="reads fine now"):
        recovery.restore_version(store, app_id, version)
    assert store.path_for(app_id).read_bytes() == current


def test_the_workspace_restores_a_cut_file_and_drops_its_problem(
    store: ApplicationStore, now: datetime
) -> None:
    from postinterview.workspace import Workspace

    app_id = store.create(sample_application()).application.id
    _edit_notes(store, app_id, "kept words", now)
    store.path_for(app_id).write_bytes(b"")
    workspace = Workspace(store, clock=lambda: now)
    workspace.apply(workspace.read_all())
    (problem,) = workspace.problems
    restored = workspace.restore_last_good(problem)
    assert restored.saved.ok, restored.saved.error
    assert restored.version == workspace.last_good_version(problem)
    assert restored.quarantined is not None and restored.quarantined.read_bytes() == b""
    assert workspace.problems == []
    assert workspace.records[app_id].application.notes == "kept words"


def test_the_workspace_restores_a_version_as_a_new_save(
    store: ApplicationStore, now: datetime
) -> None:
    from postinterview.workspace import Workspace

    app_id = store.create(sample_application()).application.id
    _edit_notes(store, app_id, "first words", now)
    _edit_notes(store, app_id, "second words", now)
    workspace = Workspace(store, clock=lambda: now)
    workspace.apply(workspace.read_all())
    first_words = workspace.versions(app_id)[-2]
    assert workspace.read_version(app_id, first_words).notes == "first words"
    outcome = workspace.restore_version(app_id, first_words)
    assert outcome.ok, outcome.error
    assert store.load(app_id).application.notes == "first words"
    assert len(workspace.versions(app_id)) == 4  # the restore is a version of its own
