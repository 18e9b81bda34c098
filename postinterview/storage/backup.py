"""A dated copy of the whole data folder, made while no save is under way.

Everything in the folder is copied (applications, settings.toml, drafts, deleted, quarantine,
migrated, history, and anything else a person keeps there) except the lock file and the temp
files of a save. Symbolic links are copied as links, never followed, except those the app
reads as its data (see `_followed`); pipes, sockets and devices are not data and are left out
(and named). The copy is private to the user
(folders 0700, files 0600) and keeps each file's modification time.

The copy goes into a hidden `.partial` folder first and takes its dated name only once it is
complete, so a folder named `postinterview-backup-...` is always a whole backup; if copying
fails, the partial folder is removed.
"""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from postinterview.storage import paths
from postinterview.storage.atomic import (
    PRIVATE_DIR_MODE,
    PRIVATE_FILE_MODE,
    fsync_dir,
    is_temp_name,
)
from postinterview.storage.locking import acquire_lock, release_lock

BACKUP_PREFIX = "postinterview-backup-"
_O_BINARY = getattr(os, "O_BINARY", 0)


class BackupFailed(Exception):
    """No backup was made; the message says why, for people. Nothing half-made is left."""


@dataclass
class BackupMade:
    """A finished backup."""

    folder: Path
    """The new folder holding the copy."""
    files: int = 0
    """How many files (and links) were copied."""
    applications: int = 0
    """How many of them are application files."""
    left_out: list[str] = field(default_factory=list)
    """Paths (relative to the data folder) of pipes, sockets and devices, not copied."""


def backup_name(now: datetime) -> str:
    """'postinterview-backup-2026-11-20T153000', in local time."""
    return BACKUP_PREFIX + now.astimezone().strftime("%Y-%m-%dT%H%M%S")


def make_backup(root: Path, into: Path, now: datetime) -> BackupMade:
    """Copy data folder `root` into a new dated folder inside `into`; BackupFailed if not."""
    if not root.is_dir():
        raise BackupFailed(f"there is no data folder at {root}, so there is nothing to back up")
    if not into.is_dir():
        raise BackupFailed(f"{into} is not a folder: create it first, or name another")
    real_root, real_into = root.resolve(), into.resolve()
    if real_into == real_root or real_root in real_into.parents:
        raise BackupFailed(
            f"{into} is inside the data folder {root}: a backup there would copy itself and "
            "go with the folder if it were lost. Name a folder outside it"
        )
    name = backup_name(now)
    staging = real_into / f".{name}.partial"
    try:
        staging.mkdir(mode=PRIVATE_DIR_MODE)
    except OSError as error:
        reason = error.strerror or error
        raise BackupFailed(f"cannot create a folder in {into}: {reason}") from error
    made = BackupMade(staging)
    copied: list[Path] = []
    try:
        _copy_locked(root, staging, made, copied)
        for path in copied:  # after the lock: saves need not wait for the disk
            _fsync(path)
        made.folder = _final_place(staging, real_into, name)
        fsync_dir(real_into)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        where = f" ({error.filename})" if error.filename else ""
        raise BackupFailed(
            f"the backup could not be made: {error.strerror or error}{where}. Nothing was "
            "kept, and the data folder is as it was"
        ) from error
    return made


def _copy_locked(root: Path, target: Path, made: BackupMade, copied: list[Path]) -> None:
    """Copy under the store's lock, so no save is half-way through while files are read."""
    handle = acquire_lock(paths.lock_path(root))
    try:
        skip = {paths.lock_path(root).name}
        avoid = (root.resolve(), target.resolve())
        _copy_folder(root, target, Path(), skip, made, copied, avoid)
        copied.append(target)
    finally:
        release_lock(handle)
    applications = target / paths.applications_dir(root).relative_to(root)
    if applications.is_dir():
        made.applications = sum(
            1
            for entry in os.scandir(applications)
            if entry.name.endswith(".toml") and not entry.name.startswith(".")
        )


def _copy_folder(
    source: Path,
    target: Path,
    relative: Path,
    skip: set[str],
    made: BackupMade,
    copied: list[Path],
    avoid: tuple[Path, ...],
) -> None:
    with os.scandir(source) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        if entry.name in skip or is_temp_name(entry.name):
            continue
        to = target / entry.name
        info = entry.stat(follow_symlinks=False)
        if stat.S_ISLNK(info.st_mode) and _followed(Path(entry.path), relative / entry.name, avoid):
            info = os.stat(entry.path)  # copied as what it leads to
        if stat.S_ISDIR(info.st_mode):
            to.mkdir(mode=PRIVATE_DIR_MODE)
            os.chmod(to, PRIVATE_DIR_MODE)
            inner = relative / entry.name
            _copy_folder(Path(entry.path), to, inner, set(), made, copied, avoid)
        elif stat.S_ISLNK(info.st_mode):
            os.symlink(os.readlink(entry.path), to)
            made.files += 1
            continue  # a link has no contents of its own to flush
        elif stat.S_ISREG(info.st_mode):
            _copy_file(Path(entry.path), to)
            os.utime(to, ns=(info.st_atime_ns, info.st_mtime_ns))
            made.files += 1
        else:
            made.left_out.append(str(relative / entry.name))
            continue
        copied.append(to)


_DATA_LINKS = frozenset({"applications", "settings.toml"})
"""Entries of the data folder that, when links, are copied as what they lead to."""


def _followed(path: Path, relative: Path, avoid: tuple[Path, ...]) -> bool:
    """Whether the link at `path` is copied as the file or folder it leads to: the
    application files, their folder and the settings. A person links those into a sync
    folder; a backup holding only the link would hold none of the data, and, opened as a data
    folder, would write into the live one. A folder that is, or holds, the data folder or the
    backup (in `avoid`) stays a link, so the copy never copies itself."""
    posix = relative.as_posix()
    in_applications = relative.parent.as_posix() == "applications" and posix.endswith(".toml")
    if posix not in _DATA_LINKS and not in_applications:
        return False
    try:
        real = Path(os.path.realpath(path, strict=True))
        mode = os.stat(real).st_mode
    except OSError:  # leads nowhere, or round in a loop: copied as the link it is
        return False
    if stat.S_ISREG(mode):
        return True
    return stat.S_ISDIR(mode) and not any(real == p or real in p.parents for p in avoid)


def _copy_file(source: Path, target: Path) -> None:
    # O_NONBLOCK: a file swapped for a pipe since the listing must not hang the backup.
    fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _O_BINARY)
    with os.fdopen(fd, "rb") as reading:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY
        out = os.open(target, flags, PRIVATE_FILE_MODE)
        with os.fdopen(out, "wb") as writing:
            shutil.copyfileobj(reading, writing)
    os.chmod(target, PRIVATE_FILE_MODE)


def _fsync(path: Path) -> None:
    if path.is_dir():
        fsync_dir(path)
        return
    fd = os.open(path, os.O_RDONLY | _O_BINARY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _final_place(staging: Path, into: Path, name: str) -> Path:
    """Give the finished copy its dated name, never one already taken (a second backup in
    the same second gets '-2')."""
    os.chmod(staging, PRIVATE_DIR_MODE)
    for attempt in range(1, 100):
        final = into / (name if attempt == 1 else f"{name}-{attempt}")
        if final.exists() or final.is_symlink():
            continue
        os.rename(staging, final)
        return final
    raise FileExistsError(f"too many backups named {name} in {into}")
