"""`postinterview backup [DIR]`: a dated, private, complete copy of the data folder."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from postinterview.demo import demo_applications
from postinterview.storage import backup as backup_module
from postinterview.storage import paths
from postinterview.storage.atomic import TEMP_PREFIX, TEMP_SUFFIX
from postinterview.storage.backup import BackupFailed, backup_name, make_backup
from postinterview.storage.locking import _try_lock
from postinterview.storage.store import ApplicationStore
from tests.cli_tools import cli
from tests.conftest import FIXED_NOW

NAME = "postinterview-backup-2026-11-20T153000"  # FIXED_NOW in UTC, the tests' zone


pytestmark = pytest.mark.usefixtures("fixed_now_env")


@pytest.fixture
def full_folder(tmp_path: Path) -> Path:
    """A data folder with something in every part, plus what a backup must leave out."""
    store = ApplicationStore(tmp_path / "data")
    for application in demo_applications(FIXED_NOW):
        store.create(application)
    root = store.root
    paths.settings_path(root).write_text('[you]\nname = "Sam"\n', encoding="utf-8")
    for folder, name in [
        (paths.drafts_dir(root), "thank-you-ana.txt"),
        (paths.deleted_dir(root), "old-one-abc123.20261101T100000000000Z.toml"),
        (paths.quarantine_dir(root), "cut-abc123.20261102T100000000000Z.toml"),
        (paths.migrated_dir(root), "acme-abc123.schema1.toml"),
        (root / "history" / "acme-abc123", "20261103T100000.toml"),
    ]:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"kept: {name}\n", encoding="utf-8")
    os.utime(paths.drafts_dir(root) / "thank-you-ana.txt", ns=(1_700_000_000_000_000_000,) * 2)
    (paths.applications_dir(root) / f"{TEMP_PREFIX}acme-1a2b{TEMP_SUFFIX}").write_bytes(b"half")
    (root / f"{TEMP_PREFIX}settings-3c4d{TEMP_SUFFIX}").write_bytes(b"half")
    paths.lock_path(root).touch()
    (root / "notes-link").symlink_to("drafts/thank-you-ana.txt")
    os.mkfifo(root / "a-pipe")
    return root


def tree(root: Path) -> dict[str, str]:
    """Relative path -> 'dir', 'link:<target>' or the file's text."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        name = str(path.relative_to(root))
        if path.is_symlink():
            found[name] = f"link:{os.readlink(path)}"
        elif path.is_dir():
            found[name] = "dir"
        elif path.is_file():
            found[name] = path.read_bytes().decode("utf-8", "replace")
    return found


def test_the_backup_is_the_whole_folder_private_and_without_lock_or_temp_files(
    full_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    into = tmp_path / "backups"
    into.mkdir()

    code, out, err = cli(capsys, "--data-dir", str(full_folder), "backup", str(into))

    assert code == 0
    made = into / NAME
    files = sum(1 for path in made.rglob("*") if path.is_file() or path.is_symlink())
    assert out.splitlines()[0] == f"Backed up 13 applications ({files} files in all) to {made}"
    assert (
        err == "postinterview: warning: not copied: a-pipe (a pipe, socket or device, not a file)\n"
    )
    expected = {
        name: value
        for name, value in tree(full_folder).items()
        if name not in (".lock", "a-pipe") and TEMP_PREFIX not in name
    }
    assert tree(made) == expected
    assert {"settings.toml", "drafts", "deleted", "quarantine", "migrated", "history"} <= set(
        expected
    )
    assert (made / "notes-link").is_symlink()
    for path in [made, *made.rglob("*")]:
        if path.is_symlink():
            continue
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path
    draft = "drafts/thank-you-ana.txt"
    assert (made / draft).stat().st_mtime_ns == (full_folder / draft).stat().st_mtime_ns
    assert [p.name for p in into.iterdir()] == [NAME]  # no .partial folder left behind


def test_the_copy_used_as_data_folder_lists_the_same_applications(
    full_folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # the default DIR is the current folder
    assert cli(capsys, "--data-dir", str(full_folder), "backup")[0] == 0

    original = cli(capsys, "--data-dir", str(full_folder), "list", "--json")
    copied = cli(capsys, "--data-dir", str(tmp_path / NAME), "list", "--json")

    assert original[0] == copied[0] == 0
    assert len(json.loads(copied[1])) == 13
    assert copied[1] == original[1]


def test_a_second_backup_in_the_same_second_gets_its_own_folder(
    full_folder: Path, tmp_path: Path
) -> None:
    first = make_backup(full_folder, tmp_path, FIXED_NOW)
    (first.folder / "settings.toml").write_text("mine\n", encoding="utf-8")

    second = make_backup(full_folder, tmp_path, FIXED_NOW)

    assert first.folder.name == backup_name(FIXED_NOW) == NAME
    assert second.folder.name == f"{NAME}-2"
    assert (first.folder / "settings.toml").read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("where", [".", "applications", "drafts/deeper", "link-inside"])
def test_a_folder_inside_the_data_folder_is_refused(
    full_folder: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    (full_folder / "drafts" / "deeper").mkdir()
    (full_folder.parent / "link-inside").symlink_to(full_folder / "drafts")
    target = full_folder.parent / "link-inside" if where == "link-inside" else full_folder / where
    before = tree(full_folder)

    code, out, err = cli(capsys, "--data-dir", str(full_folder), "backup", str(target))

    assert (code, out) == (1, "")
    assert "is inside the data folder" in err
    assert tree(full_folder) == before


def test_nothing_to_back_up_or_nowhere_to_put_it_is_said_plainly(
    tmp_path: Path, full_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(capsys, "--data-dir", str(tmp_path / "none"), "backup", str(tmp_path))
    assert code == 1 and "there is no data folder" in err
    code, _, err = cli(capsys, "--data-dir", str(full_folder), "backup", str(tmp_path / "typo"))
    assert code == 1 and "is not a folder: create it first" in err
    assert not (tmp_path / "typo").exists()


def test_the_copy_is_made_while_holding_the_stores_lock(
    full_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held: list[bool] = []
    copy_file = backup_module._copy_file

    def copy_and_check(source: Path, target: Path) -> None:
        fd = os.open(paths.lock_path(full_folder), os.O_RDWR)
        try:
            held.append(not _try_lock(fd))  # another handle cannot take it: the backup has it
        finally:
            os.close(fd)
        copy_file(source, target)

    monkeypatch.setattr(backup_module, "_copy_file", copy_and_check)
    made = make_backup(full_folder, tmp_path, FIXED_NOW)

    assert made.files == len(held) + 1  # every file but the link was copied under the lock
    assert held and all(held)
    fd = os.open(paths.lock_path(full_folder), os.O_RDWR)
    try:
        assert _try_lock(fd)  # and released after
    finally:
        os.close(fd)


def test_a_failed_copy_leaves_nothing_half_made(
    full_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copies: list[Path] = []
    copy_file = backup_module._copy_file

    def fill_up(source: Path, target: Path) -> None:
        if len(copies) == 3:
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        copies.append(target)
        copy_file(source, target)

    monkeypatch.setattr(backup_module, "_copy_file", fill_up)
    before = tree(full_folder)

    with pytest.raises(BackupFailed, match="No space left on device.*Nothing was kept"):
        make_backup(full_folder, tmp_path, FIXED_NOW)

    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
    assert tree(full_folder) == before
