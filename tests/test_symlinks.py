"""A data file that is a symbolic link (into a sync folder, say) is written through: the file
it leads to gets the new bytes and the link stays a link. A link that leads nowhere usable is
refused, and reported, without anything being made where it points."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from postinterview.commands.output import OutputFailed, write_output
from postinterview.domain.editing import apply_field_edits
from postinterview.storage import atomic, history, paths, recovery
from postinterview.storage.backup import make_backup
from postinterview.storage.drafts_store import save_draft
from postinterview.storage.links import LinkRefused
from postinterview.storage.settings_store import CannotSaveSettings, load_settings, save_table
from postinterview.storage.store import ApplicationStore, CannotSave, FileIsDamaged
from postinterview.workspace.folder import signature
from tests.conftest import FIXED_NOW, sample_application


def _edit(store: ApplicationStore, app_id: str, notes: str) -> None:
    revision = store.load(app_id).revision
    store.update(app_id, lambda a: apply_field_edits(a, {"notes": notes}, FIXED_NOW), revision)


@pytest.fixture
def sync(tmp_path: Path) -> Path:
    """A sync folder outside the data folder."""
    folder = tmp_path / "Sync"
    folder.mkdir()
    return folder


def _linked_application(store: ApplicationStore, sync: Path, relative: bool) -> tuple[str, Path]:
    """An application whose file has been moved into `sync` and linked back; returns its id
    and the file in the sync folder."""
    app_id = store.create(sample_application()).application.id
    path = store.path_for(app_id)
    synced = sync / path.name
    path.rename(synced)
    path.symlink_to(os.path.relpath(synced, path.parent) if relative else synced)
    return app_id, synced


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_a_save_writes_through_the_link_and_the_link_stays(
    store: ApplicationStore, sync: Path, relative: bool
) -> None:
    app_id, synced = _linked_application(store, sync, relative)
    path = store.path_for(app_id)
    link_text = os.readlink(path)

    _edit(store, app_id, "written into the sync folder")

    assert path.is_symlink() and os.readlink(path) == link_text
    assert "written into the sync folder" in synced.read_text()
    assert store.load(app_id).application.notes == "written into the sync folder"
    assert stat.S_IMODE(synced.stat().st_mode) == atomic.PRIVATE_FILE_MODE
    # No temp file left in either folder; history has both versions.
    assert [p.name for p in store.folder.iterdir()] == [path.name]
    assert [p.name for p in sync.iterdir()] == [synced.name]
    kept = history.versions(store.root, app_id)
    assert kept[-1].path.read_bytes() == synced.read_bytes() and len(kept) == 2


def test_a_chain_of_links_is_followed_to_the_file(store: ApplicationStore, sync: Path) -> None:
    app_id, synced = _linked_application(store, sync, relative=False)
    hop = sync / "hop.toml"
    hop.symlink_to(synced)
    store.path_for(app_id).unlink()
    store.path_for(app_id).symlink_to(hop)

    _edit(store, app_id, "two hops")

    assert hop.is_symlink() and store.path_for(app_id).is_symlink()
    assert "two hops" in synced.read_text()


def test_the_poller_sees_a_change_made_through_a_link(store: ApplicationStore, sync: Path) -> None:
    app_id, synced = _linked_application(store, sync, relative=False)
    before = signature(store.path_for(app_id))
    other_window = ApplicationStore(store.root)
    _edit(other_window, app_id, "from the other window")
    assert signature(store.path_for(app_id)) != before


def test_settings_drafts_and_exports_are_written_through_too(tmp_path: Path, sync: Path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    (sync / "settings.toml").write_text("# mine\n[you]\nname = 'Sam'\n", encoding="utf-8")
    paths.settings_path(root).symlink_to(sync / "settings.toml")
    save_table(root, "follow_up", {"follow_up_days": 9})
    assert paths.settings_path(root).is_symlink()
    assert "# mine" in (sync / "settings.toml").read_text()
    loaded = load_settings(root).settings
    assert loaded.you.name == "Sam" and loaded.follow_up.follow_up_days == 9

    paths.drafts_dir(root).mkdir()
    (sync / "note.txt").write_text("old\n", encoding="utf-8")
    (paths.drafts_dir(root) / "note.txt").symlink_to(sync / "note.txt")
    save_draft(root, ["note"], "new\n")
    assert (sync / "note.txt").read_text() == "new\n"

    (sync / "export.json").write_bytes(b"old")
    (tmp_path / "export.json").symlink_to(sync / "export.json")
    write_output(b"[]\n", tmp_path / "export.json")
    assert (tmp_path / "export.json").is_symlink()
    assert (sync / "export.json").read_bytes() == b"[]\n"


# Links that cannot be written through ------------------------------------------------------


def _planted(tmp_path: Path, kind: str) -> tuple[Path, Path]:
    """A link of `kind` at tmp_path/data.toml, and where it points."""
    link = tmp_path / "data.toml"
    if kind == "dangling":
        pointee = tmp_path / "unmounted" / "data.toml"
    elif kind == "loop":
        pointee = tmp_path / "other.toml"
        pointee.symlink_to(link)
    elif kind == "folder":
        pointee = tmp_path / "a-folder"
        pointee.mkdir()
    else:
        pointee = Path("/dev/null")
    link.symlink_to(pointee)
    return link, pointee


REASONS = {
    "dangling": "is a link to .*, which is not there",
    "loop": "is a link that leads round in a loop",
    "folder": "is a link to a folder",
    "device": "which is not a plain file",
}


@pytest.mark.parametrize("kind", list(REASONS))
def test_a_link_that_cannot_be_written_through_is_refused_and_left_as_it_is(
    tmp_path: Path, kind: str
) -> None:
    link, pointee = _planted(tmp_path, kind)
    before = os.readlink(link)
    with pytest.raises(LinkRefused, match=REASONS[kind]):
        atomic.write_atomic(link, b"data")
    assert link.is_symlink() and os.readlink(link) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".tmp")) == []
    if kind == "dangling":
        assert not pointee.parent.exists()
    if kind == "folder":
        assert list(pointee.iterdir()) == []


def test_a_dangling_application_link_is_reported_not_silently_dropped(
    store: ApplicationStore, sync: Path
) -> None:
    app_id, synced = _linked_application(store, sync, relative=False)
    synced.unlink()  # the sync folder is not there today

    result = store.load_all()

    assert result.applications == []
    [problem] = result.problems
    assert problem.describe().startswith(f"{app_id}.toml: is a link to {synced}, which is not")
    with pytest.raises(FileIsDamaged, match="which is not there"):
        store.load(app_id)
    with pytest.raises(FileIsDamaged, match="which is not there"):
        _edit(store, app_id, "x")
    assert not synced.exists() and store.path_for(app_id).is_symlink()


def test_a_new_application_at_a_dangling_link_is_refused(
    store: ApplicationStore, sync: Path
) -> None:
    application = sample_application().model_copy(update={"id": "acme-abc123"})
    store.folder.mkdir(parents=True)
    store.path_for("acme-abc123").symlink_to(sync / "gone" / "acme-abc123.toml")
    with pytest.raises(CannotSave, match="which is not there"):
        store.create(application)
    assert not (sync / "gone").exists()


def test_settings_at_a_dangling_link_are_not_replaced_by_a_plain_file(
    tmp_path: Path, sync: Path
) -> None:
    root = tmp_path / "data"
    root.mkdir()
    paths.settings_path(root).symlink_to(sync / "settings.toml")
    with pytest.raises(CannotSaveSettings, match="is a link to .*which is not there"):
        save_table(root, "you", {"name": "Sam"})
    assert paths.settings_path(root).is_symlink() and not (sync / "settings.toml").exists()


def test_an_export_to_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out.json").symlink_to("/dev/null")
    with pytest.raises(OutputFailed, match="not a plain file"):
        write_output(b"[]", tmp_path / "out.json")
    assert (tmp_path / "out.json").is_symlink()


# Setting a linked file aside ---------------------------------------------------------------


def test_deleting_a_linked_application_keeps_its_bytes_and_leaves_the_synced_file(
    store: ApplicationStore, sync: Path
) -> None:
    app_id, synced = _linked_application(store, sync, relative=True)
    raw = synced.read_bytes()

    moved = store.delete(app_id, store.load(app_id).revision)

    assert not store.path_for(app_id).is_symlink() and not store.path_for(app_id).exists()
    assert not moved.is_symlink() and moved.read_bytes() == raw
    assert synced.read_bytes() == raw
    [deleted] = recovery.deleted_files(store)
    assert recovery.restore_deleted(store, deleted).application.id == app_id


def test_restoring_the_last_good_version_writes_through_the_link(
    store: ApplicationStore, sync: Path
) -> None:
    app_id, synced = _linked_application(store, sync, relative=False)
    good = synced.read_bytes()
    synced.write_bytes(b"cut sho")  # a sync tool cut it

    version = recovery.last_good_version(store, app_id)
    assert version is not None
    stored, quarantined = recovery.restore_version(store, app_id, version)

    assert stored.application.id == app_id
    assert store.path_for(app_id).is_symlink() and synced.read_bytes() == good
    assert quarantined is not None and quarantined.read_bytes() == b"cut sho"
    assert not quarantined.is_symlink()


def test_quarantining_a_dangling_link_moves_the_link_itself(
    store: ApplicationStore, sync: Path
) -> None:
    app_id, synced = _linked_application(store, sync, relative=False)
    synced.unlink()
    moved = store.quarantine(store.path_for(app_id))
    assert moved.is_symlink() and os.readlink(moved) == str(synced)
    assert not store.path_for(app_id).is_symlink() and store.load_all().problems == []


# The folder copy ---------------------------------------------------------------------------


def test_a_backup_copies_linked_data_as_data_and_other_links_as_links(
    store: ApplicationStore, sync: Path, tmp_path: Path
) -> None:
    app_id, synced = _linked_application(store, sync, relative=True)
    (sync / "settings.toml").write_text("[you]\nname = 'Sam'\n", encoding="utf-8")
    paths.settings_path(store.root).symlink_to(sync / "settings.toml")
    (store.root / "notes-link").symlink_to(sync / "settings.toml")
    into = tmp_path / "backups"
    into.mkdir()

    made = make_backup(store.root, into, FIXED_NOW)

    copied = made.folder / "applications" / f"{app_id}.toml"
    assert not copied.is_symlink() and copied.read_bytes() == synced.read_bytes()
    assert not (made.folder / "settings.toml").is_symlink()
    assert "Sam" in (made.folder / "settings.toml").read_text()
    assert (made.folder / "notes-link").is_symlink()  # not data the app reads
    assert made.applications == 1


def test_a_linked_applications_folder_is_copied_unless_it_holds_the_backup(
    tmp_path: Path, sync: Path
) -> None:
    root = tmp_path / "data"
    root.mkdir()
    (sync / "apps").mkdir()
    paths.applications_dir(root).symlink_to(sync / "apps")
    store = ApplicationStore(root)
    app_id = store.create(sample_application()).application.id
    into = tmp_path / "backups"
    into.mkdir()

    made = make_backup(root, into, FIXED_NOW)
    assert not (made.folder / "applications").is_symlink() and made.applications == 1
    assert (made.folder / "applications" / f"{app_id}.toml").is_file()

    inside = sync / "apps" / "backups"  # a backup into the linked folder: never copies itself
    inside.mkdir()
    again = make_backup(root, inside, FIXED_NOW.replace(hour=16))
    assert (again.folder / "applications").is_symlink()


def test_a_killed_save_through_a_link_leaves_no_temp_file_in_the_sync_folder(
    store: ApplicationStore, sync: Path
) -> None:
    app_id, synced = _linked_application(store, sync, relative=False)
    left = sync / f".tmp-{app_id}-dead0001.partial"
    left.write_bytes(b"half")
    theirs = sync / ".tmp-someone-else-1234.partial"  # not ours: not touched
    theirs.write_bytes(b"x")

    assert store.sweep_temp_files() == 1
    assert not left.exists() and theirs.exists() and synced.exists()
