"""The words of the history, deleted and problems screens, computed without Textual (so they
are tested). Options are a heading and a dimmer line under it (`option_text`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from rich.text import Text

from postinterview.domain.models import Application
from postinterview.domain.record_changes import what_changed
from postinterview.ui.date_text import local_moment_label, local_now
from postinterview.ui.markup import shown_rich
from postinterview.workspace import DeletedFile, Version

CURRENT_MARK = "●"
"""Marks the version the file holds now."""
INDENT = "    "
"""Before each detail line."""


@dataclass(frozen=True)
class VersionRow:
    """One kept version, as the history screen lists it."""

    version: Version
    when: str
    """When it was saved, in local time and our date words."""
    current: bool
    """True for the version the application's file holds now."""
    application: Application | None
    """What it holds; None when it cannot be read (then `changes` says why)."""
    changes: str
    """What it changed compared to the version before it, or why it cannot be read."""

    def lines(self) -> tuple[str, str]:
        """When (and whether it is the current one), then what changed."""
        mark = f"{CURRENT_MARK} " if self.current else "  "
        now_note = "  · what the application holds now" if self.current else ""
        return f"{mark}{self.when}{now_note}", self.changes


def option_text(heading: str, *details: str) -> Text:
    """An option of a list: `heading` in bold, each detail on its own line under it, indented
    and dim. (Rich text, not markup: a company's name is shown as typed.)"""
    text = Text(heading, style="bold")
    for detail in details:
        text.append(f"\n{INDENT}{detail}", style="dim")
    return shown_rich(text)


def version_rows(
    versions: Sequence[Version],
    read: Callable[[Version], Application | str],
    current_revision: str,
    now: datetime,
) -> list[VersionRow]:
    """The rows for `versions` (oldest first, as the workspace gives them), newest first.

    `read` gives a version's application, or why it cannot be read. The current version is
    the newest whose revision is the file's (an older one may hold the same bytes)."""
    rows: list[VersionRow] = []
    previous: Application | None = None
    for index, version in enumerate(versions):
        held = read(version)
        application = held if isinstance(held, Application) else None
        if application is None:
            changes = f"cannot be read: {held}"
        elif previous is None:
            changes = "the oldest version kept" if index == 0 else "the oldest one that reads"
        else:
            phrases = what_changed(previous, application, local_now(now))
            changes = "; ".join(phrases) if phrases else "no visible change"
        rows.append(
            VersionRow(
                version, local_moment_label(version.saved_at, now), False, application, changes
            )
        )
        if application is not None:
            previous = application
    for position in range(len(rows) - 1, -1, -1):
        row = rows[position]
        if current_revision.startswith(row.version.revision) and row.application is not None:
            rows[position] = VersionRow(row.version, row.when, True, row.application, row.changes)
            break
    return rows[::-1]


def deleted_lines(deleted: DeletedFile, held: Application | str, now: datetime) -> tuple[str, str]:
    """Company, role and stage (or the file and why it cannot be read), then when it was
    deleted."""
    if isinstance(held, Application):
        first = f"{held.company} — {held.role}  ·  {held.stage.label}"
    else:
        first = f"{deleted.path.name} (cannot be read: {held})"
    when = (
        f"deleted {local_moment_label(deleted.deleted_at, now)}"
        if deleted.deleted_at is not None
        else "deleted at a time its file name does not say"
    )
    return first, when
