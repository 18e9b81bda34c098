"""The workspace: the data folder read once and kept in step with the disk.

Reading is split from applying so that a UI can read in a worker thread and apply on its own
thread: `read_*` and `scan` only read the disk, `apply` changes the state and tells the
listeners. Saving happens on the caller's thread, through `update` (and `add`, `delete`,
`quarantine`, `save_fields`), which all share one error policy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar, cast

from postinterview.clock import Clock, system_clock
from postinterview.domain.checklist import ChecklistCatalog
from postinterview.domain.merge import FieldSet, three_way
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
from postinterview.storage import history, recovery
from postinterview.storage.drafts_store import CannotSaveDraft, save_draft
from postinterview.storage.history import Version
from postinterview.storage.recovery import DeletedFile
from postinterview.storage.settings_store import (
    CannotSaveSettings,
    SettingsLoad,
    load_settings,
    save_table,
)
from postinterview.storage.store import (
    ApplicationStore,
    FileProblem,
    Stored,
    StoreError,
)
from postinterview.storage.store import (
    Change as RecordChange,
)
from postinterview.workspace import folder, undo
from postinterview.workspace.changes import Change, Listener
from postinterview.workspace.derived import Context, Derivation, DerivedEntry, valid_until
from postinterview.workspace.folder import FolderRead, Signature
from postinterview.workspace.outcome import (
    REFUSALS,
    EditOutcome,
    RestoreOutcome,
    SaveOutcome,
    describe_refusal,
)
from postinterview.workspace.undo import Added, Edited, Operation, Removed, Step, UndoHistory

T = TypeVar("T")

PLAN = Derivation[list[PlannedAction]](
    "plan", lambda application, context, _: plan_for(application, context.now, context.plan)
)
"""Every action of one application, most urgent first (see domain.plan)."""


class Workspace:
    """Every application in one data folder, its settings and problems, and the save path."""

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
        self._registered: dict[str, Derivation[Any]] = {}
        self._writes = 0
        """Saves made here so far."""
        self._written: dict[str, int] = {}
        """File name -> the count of saves here when it was last saved or deleted here."""
        self.progress: tuple[int, int] | None = None
        """Files read so far and in all, while the first full read is under way."""
        self.undo_history = UndoHistory()
        """What was changed here, to undo and redo (see workspace.undo)."""
        self._step: Step | None = None
        """The step being gathered by `one_step`, if one is."""
        self._recording = True
        """False while an undo or redo saves: those are not new steps."""

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
        """A large folder's most recently changed files, or None for a small one."""
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

    # Saving (the UI's thread) -------------------------------------------------------------------

    def update(
        self, app_id: str, change: RecordChange, label: str = "", merge_key: str = ""
    ) -> SaveOutcome:
        """Apply the pure `change` to the application as it is on disk now, under the lock,
        and write it. Every error a save can meet becomes the outcome's message. `label` says
        what was done, for undo ("" lets undo describe it); see `Step.merge_key`."""
        seen = self.records.get(app_id)
        try:
            saved = self.store.update(app_id, change, seen.revision if seen else None)
        except REFUSALS as error:
            self._after_refusal(app_id)
            return SaveOutcome(None, describe_refusal(error))
        self._take_own_write(saved.stored)
        before, after = saved.previous.to_record(), saved.stored.application.to_record()
        if before != after:
            self._record(Edited(app_id, before, after), label, merge_key)
        return SaveOutcome(saved.stored, merged=seen is not None and saved.changed_elsewhere)

    def add(self, application: Application, label: str = "", merge_key: str = "") -> SaveOutcome:
        """Store a new application under a fresh id (see `update` for `label`, `merge_key`)."""
        try:
            stored = self.store.create(application)
        except REFUSALS as error:
            return SaveOutcome(None, describe_refusal(error))
        self._take_own_write(stored)
        added = Added(stored.application.id, stored.application.to_record())
        self._record(added, label, merge_key)
        return SaveOutcome(stored)

    def delete(self, app_id: str, label: str = "") -> tuple[SaveOutcome, Path | None]:
        """Move the application's file into `deleted/`, if it is still what was last read
        here (someone may have changed it since); returns where it went."""
        seen = self.records.get(app_id)
        if seen is None:
            return SaveOutcome(None, "This application is no longer in the folder."), None
        try:
            moved_to = self.store.delete(app_id, seen.revision)
        except REFUSALS as error:
            self._after_refusal(app_id)
            return SaveOutcome(None, describe_refusal(error)), None
        self._forget(self.store.path_for(app_id).name)
        self._record(Removed(app_id, seen.application.to_record(), moved_to), label)
        return SaveOutcome(seen), moved_to

    # Undo -----------------------------------------------------------------------------------

    @contextmanager
    def one_step(self, label: str) -> Iterator[None]:
        """Make every save inside one step for undo (an application added with its first
        interview is undone at once)."""
        outer = self._step
        if outer is not None:  # already inside one: it gathers these too
            yield
            return
        self._step = Step(label)
        try:
            yield
        finally:
            step, self._step = self._step, None
            self.undo_history.record(step)

    def undo(self) -> str:
        """Undo the latest step made here: what was undone, or why it could not be."""
        return undo.walk_back(self, self.undo_history.done, self.undo_history.undone, "undone")

    def redo(self) -> str:
        """Redo the latest step undone here: what was redone, or why it could not be."""
        return undo.walk_back(self, self.undo_history.undone, self.undo_history.done, "redone")

    @contextmanager
    def unrecorded(self) -> Iterator[None]:
        """Saves made inside are not steps of their own (an undo's, a redo's)."""
        recording, self._recording = self._recording, False
        try:
            yield
        finally:
            self._recording = recording

    def _record(self, operation: Operation, label: str, merge_key: str = "") -> None:
        if not self._recording:
            return
        if self._step is not None:
            self._step.operations.append(operation)
        else:
            self.undo_history.record(Step(label, [operation], merge_key))

    def quarantine(self, problem: FileProblem) -> tuple[str, Path | None]:
        """Move a file that could not be read into `quarantine/`, byte for byte."""
        try:
            moved_to = self.store.quarantine(problem.path)
        except REFUSALS as error:
            self._read_again(problem.path)  # repaired meanwhile, most likely: show it so
            return describe_refusal(error), None
        self._forget(problem.path.name)
        return "", moved_to

    def save_fields(
        self,
        app_id: str,
        fields: FieldSet,
        baseline: Mapping[str, Any],
        mine: Mapping[str, Any],
        merge_key: str = "",
    ) -> EditOutcome:
        """Save an editor's fields with the one merge rule (domain.merge.three_way): the
        person's changes since `baseline` are written unless someone else changed the same
        field meanwhile. The outcome gives each written field as it is now on disk (the new
        baseline) and each clash with the value on disk. An autosaving editor passes one
        `merge_key` for its whole session, so that its typing is undone as one step."""
        merged: dict[str, Any] = {}

        def change(current: Application) -> Application:
            theirs = fields.read(current)
            # The person's values as the record would hold them (a typed list of people
            # becomes the model's), so that only real differences count.
            canonical = fields.read(fields.write(current, mine, self.clock()))
            merge = three_way(baseline, {name: canonical.get(name) for name in mine}, theirs)
            merged.clear()
            merged.update(clashes=merge.clashes, writes=merge.writes)
            if not merge.writes:
                return current
            return fields.write(current, merge.writes, self.clock())

        outcome = self.update(app_id, change, merge_key=merge_key)
        if outcome.stored is None:
            return EditOutcome(outcome)
        on_disk = fields.read(outcome.stored.application)
        written = {name: on_disk.get(name) for name in merged.get("writes", {})}
        return EditOutcome(outcome, written, dict(merged.get("clashes", {})))

    # Getting things back ---------------------------------------------------------------------

    def deleted_files(self) -> list[DeletedFile]:
        """The deleted applications, the most recently deleted first."""
        return recovery.deleted_files(self.store)

    def restore_deleted(self, deleted: DeletedFile) -> SaveOutcome:
        """Move a deleted application back into the folder (not over one with its id)."""
        try:
            stored = recovery.restore_deleted(self.store, deleted)
        except REFUSALS as error:
            return SaveOutcome(None, describe_refusal(error))
        self._take_own_write(stored)
        label = f"putting back {stored.application.company}"
        self._record(Added(deleted.app_id, stored.application.to_record()), label)
        return SaveOutcome(stored)

    def versions(self, app_id: str) -> list[Version]:
        """The versions kept of application `app_id`'s file, the oldest first."""
        return history.versions(self.root, app_id)

    def read_version(self, app_id: str, version: Version) -> Application:
        """The application one kept version holds; StoreError if it cannot be read."""
        return recovery.read_version(version.path, app_id)

    def restore_version(self, app_id: str, version: Version) -> SaveOutcome:
        """Make a kept version the application's content again, as a new save (so it can be
        undone, and the version it replaces is kept too)."""
        try:
            kept = recovery.read_version(version.path, app_id)
        except REFUSALS as error:
            return SaveOutcome(None, describe_refusal(error))
        return self.update(app_id, lambda _: kept.revised(updated_at=self.clock()))

    def read_deleted(self, deleted: DeletedFile) -> Application:
        """The application a deleted file holds; StoreError if it cannot be read."""
        return recovery.read_version(deleted.path, deleted.app_id)

    def last_good_version(self, problem: FileProblem) -> Version | None:
        """The newest kept version of a damaged file that reads, if any."""
        return recovery.last_good_version(self.store, problem.path.stem)

    def restore_last_good(self, problem: FileProblem) -> RestoreOutcome:
        """Put the newest readable kept version in place of a damaged or empty file, which
        goes into `quarantine/` byte for byte."""
        app_id = problem.path.stem
        try:
            version = recovery.last_good_version(self.store, app_id)
            if version is None:
                refused = SaveOutcome(
                    None,
                    f"No earlier version of {problem.path.name} was kept, so it stays as it is.",
                )
                return RestoreOutcome(refused)
            stored, quarantined = recovery.restore_version(self.store, app_id, version)
        except REFUSALS as error:
            self._read_again(problem.path)
            return RestoreOutcome(SaveOutcome(None, describe_refusal(error)))
        self._take_own_write(stored)
        return RestoreOutcome(SaveOutcome(stored), version, quarantined)

    def save_draft(self, name_parts: list[str], text: str) -> tuple[str, Path | None]:
        """Keep a draft as a text file in `drafts/`: ("", where) or (why not, None)."""
        try:
            return "", save_draft(self.store.root, name_parts, text)
        except CannotSaveDraft as error:
            return str(error), None

    def save_you(self, name: str, sign_off: str) -> str:
        """Keep how drafts are signed in settings.toml's `[you]` table, leaving the rest of
        the file as it is; "" when saved, else why not (then the file is unchanged)."""
        try:
            path = save_table(
                self.root, "you", {"name": name.strip(), "sign_off": sign_off.strip()}
            )
        except CannotSaveSettings as error:
            return str(error)
        self._use_settings(load_settings(self.root), folder.signature(path))
        self._emit(Change(everything=True))
        return ""

    def _take_own_write(self, stored: Stored) -> None:
        app_id = stored.application.id
        path = self.store.path_for(app_id)
        self._count_write(path.name)
        signature = folder.signature(path)
        if signature is not None:
            self._signatures[path.name] = signature
        self.records[app_id] = stored
        problems = [problem for problem in self.problems if problem.path.name != path.name]
        repaired = len(problems) != len(self.problems)  # a damaged file put right
        self.problems = problems
        self._emit(Change(frozenset({app_id}), problems=repaired))

    def _after_refusal(self, app_id: str) -> None:
        """A save failed: the file may be gone, damaged or changed. Read it again, so every
        view shows what is really there."""
        try:
            path = self.store.path_for(app_id)
        except StoreError:
            return
        self._read_again(path)

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
