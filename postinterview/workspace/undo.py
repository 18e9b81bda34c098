"""What this window changed, so that it can be undone and redone.

A step is one thing the person did (a tick, a stage move, an edit, a delete, an application
added with its first interview) and holds one operation per file it touched. Each operation
knows what it did, not how: undoing it goes through the workspace's normal save path (an edit
is taken back with the whole-record merge, so changes made elsewhere since to other values
are kept), and yields the operation that redoes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from postinterview.domain.models import Application
from postinterview.domain.record_changes import what_changed
from postinterview.domain.record_merge import merge_records
from postinterview.storage.recovery import DeletedFile
from postinterview.workspace.outcome import SaveOutcome

if TYPE_CHECKING:
    from postinterview.workspace.workspace import Workspace

LIMIT = 200
"""Steps kept per window: far more than anyone walks back, few enough to cost nothing."""


@dataclass(frozen=True)
class Edited:
    """A file changed from `before` to `after` (records as `Application.to_record` gives)."""

    app_id: str
    before: dict[str, Any]
    after: dict[str, Any]


@dataclass(frozen=True)
class Added:
    """A file created (or brought back from `deleted/`) holding `record`."""

    app_id: str
    record: dict[str, Any]


@dataclass(frozen=True)
class Removed:
    """A file moved into `deleted/` (to `moved_to`), holding `record`."""

    app_id: str
    record: dict[str, Any]
    moved_to: Path


Operation = Edited | Added | Removed


@dataclass
class Step:
    """One thing done, in words, and the operations it took, in the order they were made."""

    label: str
    """What was done, for "Undone: …" ("moved Acme to Interviewing")."""
    operations: list[Operation] = field(default_factory=list)
    merge_key: str = ""
    """Steps with the same non-empty key, one after another, become one (an autosave every
    few seconds while typing is one edit, not twenty)."""


class UndoHistory:
    """The steps that can be undone, and those undone that can be redone."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.done: list[Step] = []
        """Undoable steps, the latest last."""
        self.undone: list[Step] = []
        """Redoable steps, the latest undone last."""
        self._limit = limit

    def record(self, step: Step) -> None:
        """A new step was done: it can be undone, and what was undone can no longer be redone
        (it would apply to a state that no longer is)."""
        if not step.operations:
            return
        self.undone.clear()
        top = self.done[-1] if self.done else None
        if top is not None and step.merge_key and step.merge_key == top.merge_key:
            top.operations = _joined(top.operations, step.operations)
            return
        self.done.append(step)
        del self.done[: -self._limit]


def _joined(earlier: list[Operation], later: list[Operation]) -> list[Operation]:
    """One list of operations doing what `earlier` then `later` did: an edit of a file that
    was already edited keeps its first `before`."""
    joined = list(earlier)
    for operation in later:
        last = joined[-1] if joined else None
        if (
            isinstance(operation, Edited)
            and isinstance(last, Edited)
            and last.app_id == operation.app_id
        ):
            joined[-1] = Edited(operation.app_id, last.before, operation.after)
        else:
            joined.append(operation)
    return joined


class ChangedSince(ValueError):
    """An undo or redo met a value someone changed since (in another window, by hand)."""


def changed_since_message(paths: list[str]) -> str:
    """'the stage and notes were changed elsewhere since' for the clashing paths."""
    names: list[str] = []
    for path in paths:
        name = path.split(".")[0].split("[")[0].replace("_", " ")
        if name not in names:
            names.append(name)
    listed = " and ".join(names) if len(names) <= 2 else ", ".join(names)
    verb = "was" if len(names) == 1 else "were"
    return (
        f"the {listed} {verb} changed elsewhere since (another window, or by hand), so it is "
        "left as it is now."
    )


def describe(step: Step, now: datetime) -> str:
    """What the step did, in words: its label, else said from its first operation."""
    if step.label or not step.operations:
        return step.label or "nothing"
    operation = step.operations[0]
    company = _company(operation)
    if isinstance(operation, Added):
        return f"adding {company}"
    if isinstance(operation, Removed):
        return f"deleting {company}"
    try:
        changes = what_changed(_application(operation.before), _application(operation.after), now)
    except ValueError:  # a record this version cannot model: say it plainly
        changes = []
    return f"{company} ({'; '.join(changes)})" if changes else f"the change to {company}"


def _company(operation: Operation) -> str:
    record = operation.after if isinstance(operation, Edited) else operation.record
    return str(record.get("company", operation.app_id))


def _application(record: dict[str, Any]) -> Application:
    return Application.model_validate(record)


def _without_stamp(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key != "updated_at"}


# Walking back and forth --------------------------------------------------------------------------


def walk_back(workspace: Workspace, source: list[Step], target: list[Step], done: str) -> str:
    """Take the latest step of `source` back, operation by operation (the latest first),
    and put what takes it forward again on `target`: "Undone: …", or why not."""
    if not source:
        return f"Nothing to {'undo' if done == 'undone' else 'redo'}."
    step = source[-1]
    label = describe(step, workspace.clock())
    inverses: list[Operation] = []
    error = note = ""
    with workspace.unrecorded(), workspace.changes_held():  # views redraw once
        while step.operations:
            outcome, inverse = _reverse(workspace, step.operations[-1])
            if inverse is None:
                error = outcome.error
                break
            step.operations.pop()
            inverses.append(inverse)
            note = note or outcome.note
    # A refused step is dropped: what it would take back is no longer there as it was, and
    # keeping it would stand in front of every older step for good.
    source.pop()
    if inverses:  # what was taken back can be taken forward again, even after a refusal
        target.append(Step(label, inverses))
    if error:
        verb = "undo" if done == "undone" else "redo"
        return f"Not {done}: {error} It is no longer in the list, so {verb} goes on from here."
    return f"{done.capitalize()}: {label}. {note}".strip()


def _reverse(workspace: Workspace, operation: Operation) -> tuple[SaveOutcome, Operation | None]:
    """Do the opposite of `operation` through the save path: the outcome, and the operation
    that does it again (None when refused)."""
    if isinstance(operation, Removed):
        deleted = DeletedFile(operation.moved_to, operation.app_id, None)
        if not operation.moved_to.exists():  # put back and deleted again since: its newest
            deleted = next(
                (item for item in workspace.deleted_files() if item.app_id == operation.app_id),
                deleted,
            )
        outcome = workspace.restore_deleted(deleted)
        if outcome.stored is None:
            return outcome, None
        return outcome, Added(operation.app_id, outcome.stored.application.to_record())
    if isinstance(operation, Added):
        return _remove_added(workspace, operation)
    seen: dict[str, Any] = {}

    def back(current: Application) -> Application:
        seen.update(current.to_record())
        merge = merge_records(operation.after, operation.before, seen)
        if merge.clashes:
            raise ChangedSince(changed_since_message(merge.clashes))
        if _without_stamp(merge.record) == _without_stamp(operation.before):
            return _application(operation.before)  # exactly as it was
        return _application({**merge.record, "updated_at": workspace.clock()})

    outcome = workspace.update(operation.app_id, back)
    if outcome.stored is None:
        return outcome, None
    return outcome, Edited(operation.app_id, dict(seen), outcome.stored.application.to_record())


def _remove_added(workspace: Workspace, operation: Added) -> tuple[SaveOutcome, Operation | None]:
    stored = workspace.records.get(operation.app_id)
    if stored is not None and _without_stamp(stored.application.to_record()) != _without_stamp(
        operation.record
    ):
        message = f"{stored.application.company} was changed elsewhere since it was added."
        return SaveOutcome(None, message), None
    outcome, moved_to = workspace.delete(operation.app_id)
    if outcome.stored is None or moved_to is None:
        return outcome, None
    return outcome, Removed(operation.app_id, operation.record, moved_to)
