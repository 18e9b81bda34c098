"""The workspace: the folder's state (workspace.state) and THE save path over it.

Saving happens on the caller's thread, through `update` (and `add`, `delete`, `quarantine`,
`save_fields`, the restores), which all share one error policy; every save made here is a step
that `undo` can take back (workspace.undo).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from postinterview.clock import Clock, system_clock
from postinterview.domain.merge import FieldSet, three_way
from postinterview.domain.models import Application
from postinterview.storage import history, recovery
from postinterview.storage.drafts_store import CannotSaveDraft, save_draft
from postinterview.storage.history import Version
from postinterview.storage.recovery import DeletedFile
from postinterview.storage.settings_store import CannotSaveSettings, load_settings, save_table
from postinterview.storage.store import ApplicationStore, FileProblem, Stored, StoreError
from postinterview.storage.store import Change as RecordChange
from postinterview.workspace import folder, undo
from postinterview.workspace.changes import Change, HeldChanges
from postinterview.workspace.outcome import (
    REFUSALS,
    EditOutcome,
    RestoreOutcome,
    SaveOutcome,
    describe_refusal,
)
from postinterview.workspace.state import FolderState
from postinterview.workspace.undo import Added, Edited, Operation, Removed, Step, UndoHistory
from postinterview.workspace.unsaved import UnsavedForms


class Workspace(FolderState):
    """Every application in one data folder, its settings and problems, and the save path."""

    def __init__(self, store: ApplicationStore, clock: Clock = system_clock) -> None:
        super().__init__(store, clock)
        self.undo_history = UndoHistory()
        """What was changed here, to undo and redo (see workspace.undo)."""
        self._step: Step | None = None
        """The step being gathered by `one_step`, if one is."""
        self._recording = True
        """False while an undo or redo saves: those are not new steps."""
        self.unsaved = UnsavedForms(store.root, clock)
        """Form text typed and not saved yet, kept so that a quit or crash does not lose it."""

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

    @contextmanager
    def changes_held(self) -> Iterator[None]:
        """Tell the listeners once, at the end, what the saves inside changed (an import)."""
        if self._held is not None:  # already held: the outer one tells
            yield
            return
        self._held = HeldChanges()
        try:
            yield
        finally:
            held, self._held = self._held, None
            if (change := held.change()) is not None:
                self._emit(change)

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
