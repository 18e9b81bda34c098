"""What this window changed, so that it can be undone and redone.

A step is one thing the person did (a tick, a stage move, an edit, a delete, an application
added with its first interview) and holds one operation per file it touched. Each operation
knows what it did, not how: undoing it is done by the workspace through the normal save path,
and yields the operation that redoes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


def describe(step: Step) -> str:
    """What the step did, in words: its label, else said from its operations."""
    if step.label:
        return step.label
    if not step.operations:
        return "nothing"
    operation = step.operations[0]
    company = _company(operation)
    if isinstance(operation, Added):
        return f"adding {company}"
    if isinstance(operation, Removed):
        return f"deleting {company}"
    changed = [
        key.replace("_", " ")
        for key in {**operation.before, **operation.after}
        if key != "updated_at" and operation.before.get(key) != operation.after.get(key)
    ]
    return (
        f"the change to {company} ({', '.join(changed)})" if changed else f"the change to {company}"
    )


def _company(operation: Operation) -> str:
    record = operation.after if isinstance(operation, Edited) else operation.record
    return str(record.get("company", operation.app_id))
