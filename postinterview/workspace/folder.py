"""Looking at the data folder: reading every file, a large folder's recent files first, and
the poller's scan for what changed. Reading only; the workspace applies what was found."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from postinterview.storage import paths
from postinterview.storage.settings_store import SettingsLoad, load_settings
from postinterview.storage.store import ApplicationStore, LoadResult, StoreError
from postinterview.workspace.derived import DerivedEntry

EARLY_FILES = 80
"""Folders with more files than this show their most recently changed ones first: enough to
fill the board's open columns in a large terminal, few enough to read in a blink."""

SLOW_BYTES = 256 * 1024
"""Files larger than this take tens of milliseconds or more each to read (long notes, or a file
that is not ours and will be refused): the early read leaves them to the full read, so the
other cards never wait for them."""

Signature = tuple[int, int, int]
"""A file's size, modification time (ns) and inode: if any differs, the file was replaced or
edited in place, so it is read again."""


def signature(path: Path) -> Signature | None:
    """The file's signature, or None when it cannot be had (gone, unreadable)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


@dataclass
class FolderRead:
    """What one look at the folder found: files read, and files gone."""

    result: LoadResult = field(default_factory=LoadResult)
    signatures: dict[str, Signature] = field(default_factory=dict)
    """By file name: each file read, as it was just before it was read."""
    gone: set[str] = field(default_factory=set)
    """File names that were known and are no longer there."""
    settings: SettingsLoad | None = None
    """The settings, when settings.toml was (re)read."""
    settings_signature: Signature | None = None
    derived: dict[str, DerivedEntry] = field(default_factory=dict)
    """What was derived from the files read, in the reading thread (see `register`)."""
    kind: Literal["full", "early", "partial"] = "partial"
    """A read of every file (which replaces what was known), the early look at a large
    folder's most recent files, or a read of some files (which updates them)."""
    writes_before: int = 0
    """How many saves the workspace had made when this read began: a file saved here since
    is newer in memory than what this read found."""

    def without(self, names: set[str]) -> FolderRead:
        """This read less what it found of the files `names`."""
        result = LoadResult(
            [s for s in self.result.applications if _name(s.application.id) not in names],
            [p for p in self.result.problems if p.path.name not in names],
        )
        return FolderRead(
            result,
            {n: sig for n, sig in self.signatures.items() if n not in names},
            self.gone - names,
            self.settings,
            self.settings_signature,
            {i: e for i, e in self.derived.items() if _name(i) not in names},
            self.kind,
            self.writes_before,
        )

    @property
    def empty(self) -> bool:
        """True when the look found nothing new."""
        return not (self.result.applications or self.result.problems or self.gone or self.settings)


def _name(app_id: str) -> str:
    return f"{app_id}.toml"


def read_files(
    store: ApplicationStore,
    files: Sequence[Path],
    progress: Callable[[int, int], None] | None = None,
) -> FolderRead:
    """`files` read, each with its signature as it was just before it was read (a change
    after that is seen by the next scan)."""
    read = FolderRead()
    for path in files:
        stamp = signature(path)
        if stamp is not None:
            read.signatures[path.name] = stamp
    read.result = store.load_all(progress=progress, paths=files)
    return read


def read_early(store: ApplicationStore) -> FolderRead | None:
    """A large folder's most recently changed files, and in any folder every file but the
    large ones; None when that would be every file (the full read is all there is)."""
    recent, partial = store.early_files(EARLY_FILES, SLOW_BYTES)
    if not partial:
        return None
    read = read_files(store, recent)
    read.kind = "early"
    read.settings = load_settings(store.root)
    return read


def read_all(
    store: ApplicationStore, progress: Callable[[int, int], None] | None = None
) -> FolderRead:
    """Every file in the folder, and the settings."""
    try:
        store.sweep_temp_files()
    except StoreError:
        pass  # a read-only folder: reading still works, and saving will say why it cannot
    read = read_files(store, store.files(), progress)
    read.kind = "full"
    read.settings_signature = signature(paths.settings_path(store.root))
    read.settings = load_settings(store.root)
    return read


def scan(
    store: ApplicationStore,
    known: dict[str, Signature],
    settings_signature: Signature | None,
) -> FolderRead:
    """The files whose signature differs from `known` (or that are new), the ones gone, and
    the settings if settings.toml changed."""
    changed: list[Path] = []
    seen: set[str] = set()
    for path in store.files():
        seen.add(path.name)
        if known.get(path.name) != signature(path):
            changed.append(path)
    read = read_files(store, changed)
    read.gone = set(known) - seen
    now_signature = signature(paths.settings_path(store.root))
    if now_signature != settings_signature:
        read.settings = load_settings(store.root)
        read.settings_signature = now_signature
    return read
