"""Keeping the workspace in step with the folder, from the UI: the first read in a worker
thread (a large folder's recent files first) and one poller for changes made elsewhere."""

from __future__ import annotations

import threading

from textual.app import App

from postinterview.workspace import FolderRead, Workspace

POLL_SECONDS = 2.0
"""How often to look for changes made by another window, by hand or by a sync tool."""

EARLY_PAINT_WAIT = 1.0
"""Seconds the full read waits, at most, for the early cards to be painted."""

PROGRESS_EVERY = 250
"""Report reading progress after this many files (reporting each one would slow reading)."""


class FolderSync:
    """Reads the folder into `workspace` and watches it, on behalf of `app`."""

    def __init__(self, app: App[None], workspace: Workspace) -> None:
        self.app = app
        self.workspace = workspace

    def start(self) -> None:
        """Read everything (in a thread), then look for outside changes every few seconds."""
        self.app.run_worker(self._read_all, thread=True, group="workspace", exclusive=True)
        self.app.set_interval(POLL_SECONDS, self.poll)

    def poll(self) -> None:
        """Look for changes made elsewhere (in a thread); skipped while a read is under way."""
        busy = any(w.group == "workspace" and w.is_running for w in self.app.workers)
        if self.workspace.loaded and not busy:
            self.app.run_worker(self._scan, thread=True, group="workspace")

    def _read_all(self) -> None:
        early = self.workspace.read_early()
        if early is not None:
            painted = threading.Event()
            self.app.call_from_thread(self._apply_early, early, painted)
            # Reading every file holds the interpreter most of the time, which would slow the
            # painting of the early cards: let them reach the screen first.
            painted.wait(EARLY_PAINT_WAIT)
        read = self.workspace.read_all(progress=self._progress)
        self.app.call_from_thread(self.workspace.apply, read)

    def _apply_early(self, early: FolderRead, painted: threading.Event) -> None:
        self.workspace.apply(early)
        self.app.call_after_refresh(painted.set)

    def _progress(self, done: int, total: int) -> None:
        if done % PROGRESS_EVERY == 0:
            self.app.call_from_thread(self.workspace.report_progress, done, total)

    def _scan(self) -> None:
        read = self.workspace.scan()
        if not read.empty:
            self.app.call_from_thread(self.workspace.apply, read)
