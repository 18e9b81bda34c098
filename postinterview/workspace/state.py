"""The folder's state: every record read, with its revision, the settings, the files that
could not be read, and what is derived from each record; read in and kept in step with the
disk.

Reading is split from applying so that a UI can read in a worker thread and apply on its own
thread: `read_*` and `scan` only read the disk, `apply` changes the state and tells the
listeners. Saving is the Workspace's (workspace.py), built on this.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from postinterview.clock import Clock, system_clock
from postinterview.domain.checklist import ChecklistCatalog
from postinterview.domain.models import Application
from postinterview.domain.plan import (
    PlannedAction,
    PlanSettings,
    catalog_for,
    plan_for,
    plan_settings,
)
from postinterview.domain.settings import Settings
from postinterview.domain.signals import load_signals_catalog, validate_weight_overrides
from postinterview.domain.upcoming import next_start
from postinterview.storage.settings_store import SettingsLoad
from postinterview.storage.store import ApplicationStore, FileProblem, Stored
from postinterview.workspace import folder
from postinterview.workspace.changes import Change, HeldChanges, Listener
from postinterview.workspace.derived import Context, Derivation, DerivedEntry, valid_until
from postinterview.workspace.folder import FolderRead, Signature

T = TypeVar("T")

PLAN = Derivation[list[PlannedAction]](
    "plan", lambda application, context, _: plan_for(application, context.now, context.plan)
)
"""Every action of one application, most urgent first (see domain.plan)."""


class FolderState:
    """Every application in one data folder as last read or written here, its settings and
    problems, and the values derived from each; the listeners told of every change."""

    def __init__(self, store: ApplicationStore, clock: Clock = system_clock) -> None:
        self.store = store
        """Where the records live."""
        self.clock = clock
        """The current time, for saves and for what is derived."""
        self.records: dict[str, Stored] = {}
        """Every application read, by id, with the revision of its file."""
        self.problems: list[FileProblem] = []
        """Files that could not be read, in file-name order."""
        self.settings: SettingsLoad = SettingsLoad(Settings())
        """The person's settings and what was wrong with settings.toml."""
        self.loaded = False
        """True once every file has been read."""
        self.loads = 0
        """How many times the whole folder was read (a card move must not add one)."""
        self._signatures: dict[str, Signature] = {}
        self._settings_signature: Signature | None = None
        self._generation = 0
        self._plan = PlanSettings()
        self._weights: dict[str, float] = {}
        self._derived: dict[str, DerivedEntry] = {}
        self._listeners: list[Listener] = []
        self._held: HeldChanges | None = None
        """Changes gathered while `Workspace.changes_held` holds them."""
        self._registered: dict[str, Derivation[Any]] = {}
        self._writes = 0
        """Saves made here so far."""
        self._written: dict[str, int] = {}
        """File name -> the count of saves here when it was last saved or deleted here."""
        self.progress: tuple[int, int] | None = None
        """Files read so far and in all, while the first full read is under way."""

    @property
    def root(self) -> Path:
        """The data folder."""
        return self.store.root

    @property
    def folder(self) -> Path:
        """The folder of application files."""
        return self.store.folder

    # Listening ----------------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` after every change; returns the function that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _emit(self, change: Change) -> None:
        if self._held is not None:
            return self._held.add(change)
        for listener in list(self._listeners):
            listener(change)

    def register(self, derivation: Derivation[Any]) -> None:
        """Compute `derivation` for every record while the folder is read (in the reading
        thread), not when a view first asks for it."""
        self._registered[derivation.name] = derivation

    def report_progress(self, done: int, total: int) -> None:
        """The first read has read `done` files of `total` (call on the UI's thread)."""
        self.progress = (done, total)
        self._emit(Change())

    # Reading (any thread) -----------------------------------------------------------------------

    def read_early(self) -> FolderRead | None:
        """A large folder's most recently changed files, and never its large files (they
        wait for the full read); None when there is nothing to read early."""
        writes = self._writes
        read = folder.read_early(self.store)
        if read is not None:
            read.writes_before = writes
            self._warm(read)
        return read

    def read_all(self, progress: Callable[[int, int], None] | None = None) -> FolderRead:
        """Every file in the folder, and the settings."""
        writes = self._writes
        read = folder.read_all(self.store, progress)
        read.writes_before = writes
        self._warm(read)
        return read

    def scan(self) -> FolderRead:
        """Only what changed on disk since it was last read here: in another window, by hand,
        by a sync tool. Cheap when nothing did (one stat per file)."""
        writes = self._writes
        read = folder.scan(self.store, dict(self._signatures), self._settings_signature)
        read.writes_before = writes
        return read

    def _warm(self, read: FolderRead) -> None:
        """Derive the registered values of what `read` found, with its settings."""
        settings = read.settings.settings if read.settings else self.settings.settings
        weights, _ = validate_weight_overrides(settings.signal_weights, load_signals_catalog())
        context = Context(self.clock(), plan_settings(settings), load_signals_catalog(), weights)
        for stored in read.result.applications:
            entry = _entry_for(stored, -1, context)
            for derivation in list(self._registered.values()):
                entry.values[derivation.name] = derivation.compute(
                    stored.application, context, entry.plan
                )
            read.derived[stored.application.id] = entry

    # Applying (the UI's thread) -----------------------------------------------------------------

    def apply(self, read: FolderRead) -> Change:
        """Take in what a read found, and tell the listeners what changed."""
        # A save made here while the read was under way (a card moved while a large folder
        # loads) is newer than what the read found of that file: keep the save.
        saved_since = {name for name, count in self._written.items() if count > read.writes_before}
        kept_records = {
            Path(name).stem: self.records[Path(name).stem]
            for name in saved_since
            if Path(name).stem in self.records
        }
        if saved_since:
            read = read.without(saved_since)
        everything = read.kind != "partial" or read.settings is not None
        if read.settings is not None:
            self._use_settings(read.settings, read.settings_signature)
        if read.kind != "partial":
            self.progress = None
        if read.kind == "full":
            self._derived = {}
        for app_id, entry in read.derived.items():
            entry.generation = self._generation  # computed with the settings just taken in
            self._derived[app_id] = entry
        if read.kind == "early":
            if not self.loaded:  # the full read may have come first
                self.records = {s.application.id: s for s in read.result.applications}
            change = Change(everything=True)
            self._emit(change)
            return change
        if read.kind == "full":
            signatures = {n: self._signatures[n] for n in saved_since if n in self._signatures}
            self.records, self.problems, self._signatures = kept_records, [], signatures
            self.loaded = True
            self.loads += 1
        ids: set[str] = set()
        for name in read.gone:
            self._signatures.pop(name, None)
            self.records.pop(Path(name).stem, None)
            self._derived.pop(Path(name).stem, None)
            ids.add(Path(name).stem)
        for stored in read.result.applications:
            self.records[stored.application.id] = stored
            ids.add(stored.application.id)
        for problem in read.result.problems:
            self.records.pop(problem.path.stem, None)
            ids.add(problem.path.stem)
        self._signatures.update(read.signatures)
        touched = read.gone | set(read.signatures) | {p.path.name for p in read.result.problems}
        kept = [problem for problem in self.problems if problem.path.name not in touched]
        problems_changed = bool(read.result.problems) or len(kept) != len(self.problems)
        self.problems = sorted([*kept, *read.result.problems], key=lambda p: p.path.name)
        change = Change(frozenset(ids), everything, problems_changed)
        if everything or ids or problems_changed:
            self._emit(change)
        return change

    def _use_settings(self, loaded: SettingsLoad, signature: Signature | None) -> None:
        self.settings = loaded
        self.store.history = loaded.settings.history
        self._settings_signature = signature
        self._plan = plan_settings(loaded.settings)
        self._weights, _ = validate_weight_overrides(
            loaded.settings.signal_weights, load_signals_catalog()
        )
        self._generation += 1

    # Derived values -----------------------------------------------------------------------------

    @property
    def plan_settings(self) -> PlanSettings:
        """The person's follow-up settings."""
        return self._plan

    @property
    def checklist_catalog(self) -> ChecklistCatalog:
        """The checklist catalog with the person's follow-up days, so the checklist and the
        plan always show the same dates."""
        return catalog_for(self._plan)

    def context(self) -> Context:
        """What derived values are computed with, now."""
        return Context(self.clock(), self._plan, load_signals_catalog(), self._weights)

    def derive(self, derivation: Derivation[T], app_id: str, context: Context | None = None) -> T:
        """`derivation` of one application: computed once per revision of its file."""
        stored = self.records[app_id]
        context = context or self.context()
        entry = self._derived.get(app_id)
        if entry is None or not entry.holds(stored.revision, self._generation, context.now):
            entry = _entry_for(stored, self._generation, context)
            self._derived[app_id] = entry
        if derivation.name not in entry.values:
            entry.values[derivation.name] = derivation.compute(
                stored.application, context, entry.plan
            )
        return cast(T, entry.values[derivation.name])

    def plan(self, app_id: str, context: Context | None = None) -> list[PlannedAction]:
        """Every action of one application, most urgent first."""
        return self.derive(PLAN, app_id, context)

    def derive_all(self, derivation: Derivation[T]) -> dict[str, T]:
        """`derivation` of every application, by id."""
        context = self.context()
        return {app_id: self.derive(derivation, app_id, context) for app_id in self.records}

    def read_only(self, app_id: str) -> str:
        """Why application `app_id` cannot be changed here (a newer postinterview wrote its
        file), or "" when it can (or is not known): views say so before offering an edit; the
        store refuses the write anyway."""
        stored = self.records.get(app_id)
        return stored.read_only if stored is not None else ""

    def applications(self) -> list[Application]:
        """Every application read."""
        return [stored.application for stored in self.records.values()]

    def _read_again(self, path: Path) -> None:
        if path.exists():
            read = folder.read_files(self.store, [path])
            read.writes_before = self._writes  # read now: newer than any save made here
            self.apply(read)
        else:
            self._forget(path.name)

    def _count_write(self, name: str) -> None:
        self._writes += 1
        self._written[name] = self._writes

    def _forget(self, name: str) -> None:
        self._count_write(name)
        self.apply(FolderRead(gone={name}, writes_before=self._writes))


def _entry_for(stored: Stored, generation: int, context: Context) -> DerivedEntry:
    """A fresh entry for one record, holding its plan."""
    plan = PLAN.compute(stored.application, context, [])
    until = valid_until(plan, context.now)
    start = next_start([stored.application], context.now)  # once held, its plan begins
    if start is not None:
        until = min(until, start)
    entry = DerivedEntry(stored.revision, generation, until, plan)
    entry.values[PLAN.name] = plan
    return entry
