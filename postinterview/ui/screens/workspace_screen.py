"""A screen that is a view of the workspace: it follows every change while it is mounted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events, on
from textual.screen import Screen

from postinterview.workspace import Change, SaveOutcome, Workspace


class WorkspaceScreen(Screen[None]):
    """Shows part of the workspace and redraws, in `workspace_changed`, what changed."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        """The one model of the data folder; this screen only shows it."""
        self.clock = workspace.clock
        """The current time, as the workspace has it."""
        self._unfollow: Callable[[], None] | None = None
        self._missed: Change | None = None
        """What changed while another screen was on top, drawn when this one is shown."""

    @property
    def closing(self) -> bool:
        """Whether the screen is being taken down: its widgets may be gone already, while
        messages and timers queued before (a burst of keys, then escape) still arrive."""
        return self._pruning or self._closing or self._closed

    def workspace_changed(self, change: Change) -> None:
        """Redraw what `change` touched (called once when the screen is mounted, with
        `everything`, to draw what is already there)."""

    # Decorated handlers run once each, after the subclass's own on_mount (Textual calls every
    # class's on_mount in the MRO, so an undecorated one here would need no super() call and
    # a super() call would run it twice).
    @on(events.Mount)
    def _follow_workspace(self) -> None:
        self._unfollow = self.workspace.subscribe(self._changed)
        self.workspace_changed(Change(everything=True))

    def _changed(self, change: Change) -> None:
        # A screen nobody sees draws nothing: with Today, the list and the review open behind
        # the board, redrawing them all made a card move take over a second at 2,000
        # applications. What they would show is already in the workspace; they catch up
        # when shown (and a screen under a dialog, when the dialog closes).
        if self.is_current:
            self.workspace_changed(change)
        else:
            self._missed = change if self._missed is None else self._missed.merged(change)

    @on(events.ScreenResume)
    def _catch_up(self) -> None:
        if self._missed is not None:
            change, self._missed = self._missed, None
            self.workspace_changed(change)

    @on(events.Unmount)
    def _unfollow_workspace(self) -> None:
        if self._unfollow is not None:
            self._unfollow()
            self._unfollow = None


def notify_outcome(screen: Screen[Any], outcome: SaveOutcome, done: str = "") -> None:
    """Tell the person how a save went: `done` (if any), the merge, or the error."""
    if not outcome.ok:
        screen.notify(outcome.error, severity="error", timeout=8)
    elif outcome.merged or outcome.note:
        screen.notify(outcome.status(done or "Saved."), timeout=6)
    elif done:
        screen.notify(done)


def read_only_text(reason: str) -> str:
    """The sentence shown (banner, notification) for a record that cannot be changed."""
    return f"Read-only: this file was {reason}."


def refuse_if_read_only(screen: WorkspaceScreen, app_id: str) -> bool:
    """Say why `app_id` cannot be changed, before any dialog opens; True when it cannot.

    Only a courtesy: the store refuses the write anyway, and the workspace says why."""
    reason = screen.workspace.read_only(app_id)
    if reason:
        screen.notify(read_only_text(reason), severity="warning", timeout=8)
    return bool(reason)
