"""Getting files back: a deleted application, or the last good version of a damaged one.

Every step holds the store's lock and checks the disk as it is now, like a save: a file is never
put back over one that is there, and a damaged file is moved into `quarantine/`, byte for byte,
before a kept version takes its place.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from postinterview.domain.ids import is_valid_id
from postinterview.domain.models import Application
from postinterview.storage import history, paths
from postinterview.storage.codec import DamagedFile, read_application
from postinterview.storage.history import Version
from postinterview.storage.store import (
    SUFFIX,
    ApplicationStore,
    FileIsDamaged,
    NotFound,
    Stored,
    StoreError,
    read_file,
)


@dataclass(frozen=True)
class DeletedFile:
    """An application file moved into `deleted/`."""

    path: Path
    app_id: str
    deleted_at: datetime | None
    """When it was deleted, from its name (None if the name was changed by hand)."""


def deleted_files(store: ApplicationStore) -> list[DeletedFile]:
    """The deleted applications, the most recently deleted first."""
    folder = paths.deleted_dir(store.root)
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = []
    for name in names:
        if not name.endswith(SUFFIX):
            continue
        app_id, _, when = name.removesuffix(SUFFIX).partition(".")
        if is_valid_id(app_id):
            found.append(DeletedFile(folder / name, app_id, history.parse_stamp(when)))
    return sorted(found, key=lambda item: item.path.name.partition(".")[2], reverse=True)


def read_version(path: Path, app_id: str) -> Application:
    """The application a kept file holds; FileIsDamaged when it cannot be read."""
    try:
        raw = read_file(path)  # bounded: a copy dropped in history/ by hand is checked too
    except NotFound as error:
        raise FileIsDamaged(str(error)) from error
    try:
        application = read_application(raw, app_id).application
    except DamagedFile as error:
        raise FileIsDamaged(error.describe()) from error
    return application


def restore_deleted(store: ApplicationStore, deleted: DeletedFile) -> Stored:
    """Move a deleted application back into the folder, unless its id is in use again."""
    with store.locked():
        target = store.path_for(deleted.app_id)
        if target.exists():
            raise StoreError(
                f"An application with id {deleted.app_id} is in the folder again, so the "
                "deleted copy stays in deleted/."
            )
        raw = _read_kept(deleted.path)
        stored = store.write_bytes(deleted.app_id, raw)
        deleted.path.unlink()
    return stored


def last_good_version(store: ApplicationStore, app_id: str) -> Version | None:
    """The newest kept version of `app_id` that reads as an application."""
    for version in reversed(history.versions(store.root, app_id)):
        try:
            read_version(version.path, app_id)
        except FileIsDamaged:
            continue
        return version
    return None


def restore_version(
    store: ApplicationStore, app_id: str, version: Version
) -> tuple[Stored, Path | None]:
    """Put a kept version back in place of a damaged, empty or missing file; returns it
    and where the damaged file went (None for a missing one).

    The damaged file goes into `quarantine/` first. Refused when the file reads fine now
    (repaired since): then a restore is a normal save, which the caller makes through the
    workspace so that it can be undone.
    """
    with store.locked():
        path = store.path_for(app_id)
        raw = _read_kept(version.path)
        read_version(version.path, app_id)  # a damaged copy must not push the file aside
        quarantined = None
        try:
            store.load(app_id)
        except NotFound:
            pass
        except FileIsDamaged:
            store.refuse_if_newer_schema(path)
            # A link stays, so the kept version is written through it (see storage/links.py).
            quarantined = store.move_aside(path, paths.quarantine_dir(store.root), keep_link=True)
        else:
            raise StoreError(f"{path.name} reads fine now, so it was not replaced.")
        return store.write_bytes(app_id, raw), quarantined


def _read_kept(path: Path) -> bytes:
    try:
        return read_file(path)
    except NotFound as error:
        raise NotFound(f"{path.name} is no longer there.") from error
    except FileIsDamaged as error:
        raise StoreError(f"{path.name} {error}") from error
