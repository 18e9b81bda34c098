"""The application store: one TOML file per application under `applications/`.

Rules it keeps (DESIGN §4):
- every write is atomic and durable, files 0600 and folders 0700;
- every read-change-write holds an exclusive lock and applies the change to what is on disk
  *now*, so two processes never lose each other's edits;
- a file that cannot be read is reported with the reason and never overwritten.
"""

from __future__ import annotations

import hashlib
import heapq
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from postinterview.domain.ids import is_valid_id, new_application_id
from postinterview.domain.models import Application
from postinterview.domain.settings import HistorySettings
from postinterview.domain.sync_copies import has_conflict_markers, sync_copy_of
from postinterview.storage import history, paths
from postinterview.storage.atomic import (
    TEMP_PREFIX,
    TEMP_SUFFIX,
    ensure_private_dir,
    is_temp_name,
    write_atomic,
)
from postinterview.storage.codec import (
    MAX_FILE_BYTES,
    DamagedFile,
    UnsavableRecord,
    declared_newer_schema,
    read_application,
)
from postinterview.storage.hand_edits import encode_over
from postinterview.storage.links import (
    LinkRefused,
    is_link,
    temp_files_beside_targets,
    write_target,
)
from postinterview.storage.locking import acquire_lock, release_lock
from postinterview.storage.migrations import newer_schema_reason
from postinterview.storage.moves import move_entry
from postinterview.storage.toml_guard import BOM

SUFFIX = ".toml"
_O_BINARY = getattr(os, "O_BINARY", 0)
"""Windows reads text files as text unless told otherwise."""

Change = Callable[[Application], Application]
"""A pure edit: given the current application, the application as it should be."""


class StoreError(Exception):
    """A store operation failed; the message is for people, and nothing on disk was harmed."""


class NotFound(StoreError):
    """The application's file is gone (deleted in another window, or by hand)."""


class CannotSave(StoreError):
    """Writing failed (disk full, no permission, ...). The old file is intact."""


class FileIsDamaged(StoreError):
    """The file on disk is damaged, so it is not overwritten."""


class WrittenByNewerVersion(StoreError):
    """The file was written by a newer postinterview: it is shown, never rewritten or moved,
    as this version could drop or garble what the newer one means by it."""

    def __init__(self, path: Path, schema: int) -> None:
        self.path = path
        """The file, left exactly as it was."""
        self.schema = schema
        """The schema version the file declares."""
        super().__init__(
            f"{path.name} was written by a newer postinterview (schema {schema}): this one can "
            "show it but not change it. Update postinterview to change it. Nothing was changed."
        )


@dataclass(frozen=True)
class FileProblem:
    """A file that could not be loaded, and why."""

    path: Path
    """The file, which is left exactly as it was."""
    message: str
    """What is wrong, with line and field where known."""

    def describe(self) -> str:
        """One line for a list of problems."""
        return f"{self.path.name}: {self.message}"


@dataclass(frozen=True)
class Stored:
    """An application and the revision of the file it was read from or written to."""

    application: Application
    revision: str
    """A digest of the file's bytes: if the file changes, so does this."""
    newer_schema: int | None = None
    """The schema version of a file written by a newer postinterview (then it is read-only),
    else None."""
    comments_lost: bool = field(default=False, compare=False)
    """Set on the result of a save that could not keep the comments a person had written in
    the file (it wrote the plain form; the earlier text is in history/)."""

    @property
    def read_only(self) -> str:
        """Why the record may not be changed, for people; "" when it may. (The store refuses
        every write to such a file whatever a caller holds: it checks the file on disk under
        the lock.)"""
        return "" if self.newer_schema is None else newer_schema_reason(self.newer_schema)


@dataclass(frozen=True)
class Saved:
    """The outcome of an update."""

    stored: Stored
    changed_elsewhere: bool
    """The file had been changed by someone else since the caller read it; the change was
    applied on top of theirs."""
    previous: Application
    """The application as the file held it just before this save (what an undo goes back
    to)."""


@dataclass(frozen=True)
class _Origin:
    """A file migrated from an older schema when read: its bytes as they were on disk."""

    raw: bytes
    schema_version: int


@dataclass
class LoadResult:
    """Everything in the store: what loaded, and what did not."""

    applications: list[Stored] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)


def _is_application_file(name: str) -> bool:
    return name.endswith(SUFFIX) and not name.startswith(".") and not is_temp_name(name)


def _size(entry: os.DirEntry[str]) -> int:
    try:
        return entry.stat().st_size  # (the entry keeps it: _modified asks it again for free)
    except OSError:
        return 0  # gone or unreadable: the full read reports it


def _modified(entry: os.DirEntry[str]) -> int:
    try:
        return entry.stat().st_mtime_ns
    except OSError:
        return 0


def read_file(path: Path) -> bytes:
    """The bytes of an application file or a kept copy of one (history/, deleted/), read no
    further than a file may hold: NotFound, or FileIsDamaged with the reason."""
    return ApplicationStore._read_bytes(path)


def revision_of(raw: bytes) -> str:
    """The revision of a file with these bytes."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


class ApplicationStore:
    """Reads and writes the applications in one data folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = paths.applications_dir(root)
        self.history = HistorySettings()
        """How many earlier versions of each file are kept (the settings' `[history]`)."""

    # Reading --------------------------------------------------------------------------------

    def path_for(self, app_id: str) -> Path:
        """The file of application `app_id`; refuses ids that are not plain file names."""
        if not is_valid_id(app_id):
            raise StoreError(f"{app_id!r} is not a valid application id.")
        return self.folder / f"{app_id}{SUFFIX}"

    def files(self) -> list[Path]:
        """The application files, by name; temp files and anything else are left out."""
        return [self.folder / name for name in sorted(self._entries())]

    def has_files(self) -> bool:
        """Whether there is at least one application file (without listing them all)."""
        try:
            with os.scandir(self.folder) as listing:
                return any(_is_application_file(entry.name) for entry in listing)
        except (FileNotFoundError, NotADirectoryError):
            return False

    def recent_files(self, count: int) -> list[Path]:
        """The `count` application files changed most recently, the latest first."""

        def modified(entry: os.DirEntry[str]) -> int:
            try:
                return entry.stat().st_mtime_ns
            except OSError:
                return 0  # gone or unreadable: a full load reports it

        entries = heapq.nlargest(count, self._entries().values(), key=modified)
        return [self.folder / entry.name for entry in entries]

    def early_files(self, count: int, max_bytes: int) -> tuple[list[Path], bool]:
        """The `count` files changed most recently, the latest first, less any larger than
        `max_bytes`; and whether that leaves any file out (so a full read must follow)."""
        entries = list(self._entries().values())
        small = [entry for entry in entries if _size(entry) <= max_bytes]
        chosen = heapq.nlargest(count, small, key=_modified)
        return [self.folder / entry.name for entry in chosen], len(chosen) < len(entries)

    def _entries(self) -> dict[str, os.DirEntry[str]]:
        # Names, not Paths: listing 10,000 files as Path objects, filtering and sorting them
        # took a tenth of a second before the first card could be shown.
        try:
            with os.scandir(self.folder) as listing:
                return {entry.name: entry for entry in listing if _is_application_file(entry.name)}
        except (FileNotFoundError, NotADirectoryError):
            return {}

    def folder_stamp(self) -> int | None:
        """Changes whenever a file is added, replaced or removed (every save is a rename)."""
        try:
            return self.folder.stat().st_mtime_ns
        except OSError:
            return None

    def load_all(
        self,
        progress: Callable[[int, int], None] | None = None,
        paths: Sequence[Path] | None = None,
    ) -> LoadResult:
        """Every application (or those in `paths`), and a problem for each file that could not
        be loaded."""
        result = LoadResult()
        files = self.files() if paths is None else list(paths)
        for index, path in enumerate(files, start=1):
            try:
                result.applications.append(self._read(path))
            except FileIsDamaged as error:
                result.problems.append(FileProblem(path, str(error)))
            except NotFound:
                pass  # deleted between listing and reading
            if progress is not None:
                progress(index, len(files))
        return result

    def load(self, app_id: str) -> Stored:
        """One application; NotFound or FileIsDamaged if it cannot be had."""
        return self._read(self.path_for(app_id))

    def _read(self, path: Path) -> Stored:
        return self._read_with_origin(path)[0]

    def _read_with_origin(self, path: Path) -> tuple[Stored, _Origin | None]:
        """The application, and the file's bytes and schema if it was migrated from an older one."""
        app_id = path.stem
        if not is_valid_id(app_id):
            copy = sync_copy_of(path.name)
            if copy is not None:
                raise FileIsDamaged(copy.describe())
            raise FileIsDamaged(
                "the file name is not a valid application id (lower-case letters, digits "
                "and single hyphens)"
            )
        return self._decode(path, self._read_bytes(path))

    @staticmethod
    def _decode(path: Path, raw: bytes) -> tuple[Stored, _Origin | None]:
        try:
            decoded = read_application(raw, path.stem)
        except DamagedFile as error:
            if has_conflict_markers(raw.decode("utf-8", "replace")):
                raise FileIsDamaged(
                    f"{error.describe()}. It holds git's conflict markers (<<<<<<<): a merge "
                    "was left for you to finish. Keep one side of each marked part, delete "
                    "the marker lines, then `git add` the file."
                ) from error
            raise FileIsDamaged(error.describe()) from error
        origin = None if decoded.migrated_from is None else _Origin(raw, decoded.migrated_from)
        return Stored(decoded.application, revision_of(raw), decoded.newer_schema), origin

    @staticmethod
    def _refuse_if_newer(path: Path, stored: Stored) -> None:
        """Every write and move checks the file as it is on disk now, under the lock: what
        the caller read may be older than a sync that brought a newer version's file."""
        if stored.newer_schema is not None:
            raise WrittenByNewerVersion(path, stored.newer_schema)

    @staticmethod
    def _read_bytes(path: Path) -> bytes:
        try:
            # O_NONBLOCK: opening a named pipe would otherwise wait for a writer, forever.
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _O_BINARY)
            with os.fdopen(fd, "rb") as handle:
                mode = os.fstat(fd).st_mode
                if stat.S_ISDIR(mode):
                    raise FileIsDamaged("is a folder, not a file")
                if not stat.S_ISREG(mode):
                    raise FileIsDamaged("is not a regular file (a pipe or a device?)")
                size = os.fstat(fd).st_size
                if size > MAX_FILE_BYTES + len(BOM):  # not even read: it cannot be one of ours
                    raise FileIsDamaged(
                        f"the file is {size / 1_048_576:.1f} MiB; an application file may be "
                        f"at most {MAX_FILE_BYTES // 1_048_576} MiB (a real one is a few "
                        "kilobytes)"
                    )
                # One byte past the limit, so that the codec sees a file that has grown since.
                return handle.read(MAX_FILE_BYTES + len(BOM) + 1)
        except FileNotFoundError as error:
            try:
                write_target(path)
            except LinkRefused as refused:  # a link to nothing is news, not a deletion
                reason = str(refused.strerror or refused).removeprefix(f"{path.name} ")
                raise FileIsDamaged(reason) from error
            except OSError:
                pass
            raise NotFound(
                f"{path.name} no longer exists: it was deleted or moved in another window "
                "or by hand."
            ) from error
        except IsADirectoryError as error:
            raise FileIsDamaged("is a folder, not a file") from error
        except OSError as error:
            raise FileIsDamaged(f"cannot be read: {error.strerror or error}") from error

    # Writing --------------------------------------------------------------------------------

    def create(self, application: Application) -> Stored:
        """Store a new application under a fresh id (or its own, if it has one and it is free)."""
        with self.locked():
            app_id = application.id or new_application_id(application.company, application.role)
            while self.path_for(app_id).exists():
                if application.id:
                    raise StoreError(f"An application with id {app_id} already exists.")
                app_id = new_application_id(application.company, application.role)
            application = application.model_copy(update={"id": app_id})
            return self._write(application)

    def update(self, app_id: str, change: Change, seen_revision: str | None) -> Saved:
        """Apply `change` to the application as it is on disk now, and save it.

        `seen_revision` is what the caller last read. If the file changed since, the change is
        still applied to the fresh copy (nothing of the other edit is lost) and the result says
        so; a change that cannot merge raises its own error from inside `change`.
        """
        with self.locked():
            path = self.path_for(app_id)
            raw = self._read_bytes(path)
            current, origin = self._decode(path, raw)
            self._refuse_if_newer(path, current)
            updated = change(current.application)
            updated = updated.model_copy(update={"id": app_id})
            stored = self._write(updated, origin, previous=raw)
        return Saved(stored, current.revision != seen_revision, current.application)

    def delete(self, app_id: str, seen_revision: str) -> Path:
        """Move the application's file into `deleted/` (never erased). Returns where it went.

        Refused if the file changed since the caller read it: they confirmed deleting what they
        saw, not what someone else has since written. Refused for a file a newer version wrote.
        """
        with self.locked():
            path = self.path_for(app_id)
            raw = self._read_bytes(path)
            if revision_of(raw) != seen_revision:
                raise StoreError(
                    "This application was changed in another window since you opened it. "
                    "It has been reloaded: look again before deleting."
                )
            self._refuse_if_newer(path, self._decode(path, raw)[0])
            return self._move_aside(path, paths.deleted_dir(self.root))

    def refuse_if_newer_schema(self, path: Path) -> None:
        """Raise WrittenByNewerVersion for a file a newer version wrote, though this version
        cannot read it (a stage it has no name for): updating opens it, so it is never put
        aside or replaced here."""
        try:
            schema = declared_newer_schema(self._read_bytes(path))
        except (FileIsDamaged, NotFound):
            return
        if schema is not None:
            raise WrittenByNewerVersion(path, schema)

    def quarantine(self, path: Path) -> Path:
        """Move a damaged file into `quarantine/`, byte for byte. Returns where it went.

        Refused if the file reads fine now (repaired by hand, or replaced by a sync since it
        was found damaged; a newer version's file included): it stays where it is.
        """
        if path.parent != self.folder:
            raise StoreError(f"{path} is not in the applications folder.")
        with self.locked():
            try:
                stored = self._read(path)
            except FileIsDamaged:
                self.refuse_if_newer_schema(path)  # damaged to this version only
            except NotFound:
                pass  # gone: _move_aside says so
            else:
                self._refuse_if_newer(path, stored)
                raise StoreError(
                    f"{path.name} reads fine now (it was repaired or replaced since), so it "
                    "stays where it is."
                )
            return self._move_aside(path, paths.quarantine_dir(self.root))

    def sweep_temp_files(self) -> int:
        """Remove temp files a killed save left behind. Returns how many."""
        if not self.folder.is_dir():
            return 0
        removed = 0
        with self.locked():  # no save is under way while we hold the lock
            linked = [p for p in self.files() if is_link(p)]
            for name in os.listdir(self.folder):
                if is_temp_name(name):
                    (self.folder / name).unlink(missing_ok=True)
                    removed += 1
            for path in temp_files_beside_targets(linked, TEMP_PREFIX, TEMP_SUFFIX):
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the data folder's lock: no other postinterview saves meanwhile."""
        try:
            ensure_private_dir(self.root)
            handle = acquire_lock(paths.lock_path(self.root))
        except OSError as error:
            raise CannotSave(
                f"Cannot use the data folder {self.root}: {error.strerror or error}. "
                "Nothing was changed."
            ) from error
        try:
            yield
        finally:
            release_lock(handle)

    def _write(
        self, application: Application, origin: _Origin | None = None, previous: bytes | None = None
    ) -> Stored:
        """Write `application`'s file. `origin` is the file's old bytes if it was migrated,
        `previous` the bytes it replaces (kept in history first; None for a new file)."""
        try:  # fails before anything is written; keeps a hand-edited file's comments
            encoded = encode_over(application, previous)
        except UnsavableRecord as error:
            raise CannotSave(f"{error} Nothing was written; your edit is kept.") from error
        data = encoded.data
        if data == previous:
            return Stored(application, revision_of(data))  # nothing changed: nothing to keep
        path = self.path_for(application.id)
        if origin is not None:
            self._keep_premigration_copy(application, origin)
        revision = revision_of(data)
        kept = self._keep_versions(application, previous, data, revision)
        try:
            ensure_private_dir(self.folder)
            write_atomic(path, data)
        except OSError as error:
            kept.unlink(missing_ok=True)  # it never was the file's content
            raise CannotSave(
                f"Could not save {application.company}: {error.strerror or error}. "
                "Nothing was lost: the previous version is intact and your edit is kept."
            ) from error
        return Stored(application, revision, comments_lost=encoded.comments_lost)

    def _keep_versions(
        self, application: Application, previous: bytes | None, data: bytes, revision: str
    ) -> Path:
        """Keep the bytes about to be replaced (unless history has them already) and the new
        ones in history; if that cannot be done, refuse the save: a change that could not be
        undone is not made. Returns the new bytes' copy."""
        now = datetime.now(UTC)
        try:
            if previous is not None:
                earlier = revision_of(previous)
                newest = history.newest(self.root, application.id)
                if newest is None or not earlier.startswith(newest.revision):
                    # A microsecond earlier, so that it sorts before the new version.
                    before = now - timedelta(microseconds=1)
                    history.keep(self.root, application.id, previous, earlier, before, self.history)
            return history.keep(self.root, application.id, data, revision, now, self.history)
        except OSError as error:
            raise CannotSave(
                f"Could not save {application.company}: its history could not be written "
                f"({error.strerror or error}). Nothing was changed: the file is intact and "
                "your edit is kept."
            ) from error

    def _keep_premigration_copy(self, application: Application, origin: _Origin) -> None:
        """Copy a migrated file's original bytes aside before its first rewrite.

        A migration is the one change nobody asked for: if it got something wrong, the file as
        it was must still exist. An existing copy is never replaced (it is the oldest, the one
        that matters), and the caller holds the store's lock, so checking then writing cannot
        race another postinterview. If the copy cannot be written, nothing is: the save is
        refused and the file stays as it was.
        """
        target = paths.migrated_copy_path(self.root, application.id, origin.schema_version)
        try:
            if target.exists():
                return
            ensure_private_dir(target.parent)
            write_atomic(target, origin.raw)
        except OSError as error:
            raise CannotSave(
                f"Could not save {application.company}: its file is from an older version of "
                f"postinterview and a copy of it could not be kept first "
                f"({error.strerror or error}). Nothing was changed: the file is intact and your "
                "edit is kept."
            ) from error

    def write_bytes(self, app_id: str, raw: bytes) -> Stored:
        """Put `raw` (a kept version, checked by the caller) back as application `app_id`'s
        file, exactly; the caller holds the lock and has moved any file there aside."""
        stored, _ = self._decode(self.path_for(app_id), raw)
        try:
            ensure_private_dir(self.folder)
            write_atomic(self.path_for(app_id), raw)
        except OSError as error:
            raise CannotSave(f"Could not write {app_id}: {error.strerror or error}") from error
        return stored

    def move_aside(self, path: Path, folder: Path, keep_link: bool = False) -> Path:
        """Move `path` into `folder` under a dated name (the caller holds the lock). For a
        link, see `moves.move_entry`."""
        return self._move_aside(path, folder, keep_link)

    @staticmethod
    def _move_aside(path: Path, folder: Path, keep_link: bool = False) -> Path:
        ensure_private_dir(folder)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = folder / f"{path.stem}.{stamp}{path.suffix}"
        try:
            move_entry(path, target, keep_link)
        except FileNotFoundError as error:
            raise NotFound(f"{path.name} no longer exists.") from error
        except OSError as error:
            raise CannotSave(f"Could not move {path.name}: {error.strerror or error}") from error
        return target
