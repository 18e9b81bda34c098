"""What every screen that lists applications shares: loading, watching the folder, and the
actions that change one application (add, edit, move, delete).

A screen built on this draws the applications its own way (a table, a board) by filling in the
`show_*` hooks. It owns the calls to the store for what it shows; dialogs get plain functions
to call back and never see the store.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import ValidationError
from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from postinterview.clock import Clock
from postinterview.domain.editing import (
    StageMoveRefused,
    describe_validation_error,
    move_stage,
    same_company,
)
from postinterview.domain.models import Application
from postinterview.domain.stages import Stage
from postinterview.storage.store import (
    ApplicationStore,
    FileProblem,
    LoadResult,
    Saved,
    Stored,
    StoreError,
)
from postinterview.ui.application_fields import describe_company
from postinterview.ui.saving import EditSession, create_application, save_form_edits
from postinterview.ui.screens.confirm import ConfirmScreen
from postinterview.ui.screens.problems import ProblemsScreen
from postinterview.ui.screens.stage_picker import StagePickerScreen

POLL_SECONDS = 2.0
"""How often to look for changes made by another window or by hand."""

EARLY_FILES = 80
"""Folders with more files than this show their most recently changed ones first: enough to
fill the board's open columns in a large terminal, few enough to read in a blink (150 cost
about 30 ms more before the first cards at 1,000 applications)."""

EARLY_PAINT_WAIT = 1.0
"""Seconds the full load waits, at most, for the early cards to be painted."""

PROGRESS_EVERY = 250
"""Report loading progress after this many files (reporting each one would slow loading)."""


class ApplicationCollectionScreen(Screen[None]):
    """Loads every application in a worker and keeps `entries` in step with the folder."""

    BINDINGS = [
        Binding("n", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("s", "move", "Stage"),
        Binding("d", "delete", "Delete"),
        Binding("p", "problems", "Problems", show=False),
        Binding("r", "reload", "Reload", show=False),
        Binding("t", "app.switch_mode('today')", "Today"),
        Binding("b", "app.switch_mode('board')", "Board"),
        Binding("a", "app.switch_mode('applications')", "List"),
        Binding("w", "app.weekly_review", "Review"),
    ]

    def __init__(self, store: ApplicationStore, clock: Clock) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.entries: dict[str, Stored] = {}
        """Every loaded application by id, with the revision of its file."""
        self.problems: list[FileProblem] = []
        """Files that could not be read at the last load."""
        self.loaded = False
        """True once the first load has finished."""
        self._folder_stamp: int | None = None

    # Hooks for the screen that draws the applications -------------------------------------------

    def selected_id(self) -> str | None:
        """The id of the application the person has selected, if any."""
        raise NotImplementedError

    def prepare(self, result: LoadResult) -> object:
        """Work on a fresh load that is worth doing off the UI thread; handed to `show_all`."""
        return None

    def show_progress(self, done: int, total: int) -> None:
        """Loading has read `done` files of `total`."""

    def show_all(self, prepared: object) -> None:
        """Draw every application in `entries` (just loaded)."""
        raise NotImplementedError

    def show_one(self, stored: Stored) -> None:
        """Draw one application that was added or changed."""
        raise NotImplementedError

    def drop_one(self, app_id: str) -> None:
        """Take away one application that was deleted."""
        raise NotImplementedError

    # Loading ------------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.reload()
        self.set_interval(POLL_SECONDS, self._poll_for_outside_changes)

    @work(thread=True, exclusive=True, group="load")
    def reload(self) -> None:
        """Read every file in a thread, so the screen stays responsive with thousands."""
        try:
            self.store.sweep_temp_files()
        except StoreError:
            pass  # a read-only folder: reading still works, and saving will say why it cannot
        stamp = self.store.folder_stamp()
        if not self.loaded:
            self._show_recent_first()
        result = self.store.load_all(progress=self._progress_from_thread)
        prepared = self.prepare(result)
        self.app.call_from_thread(self._show_loaded, result, stamp, prepared)

    def _show_recent_first(self) -> None:
        """On the first load of a large folder, show the most recently changed files at once.

        Reading thousands of files takes seconds; the ones changed lately are what a person
        is most likely to act on, so they appear while the rest load (from the worker thread).
        """
        recent = self.store.recent_files(EARLY_FILES + 1)
        if len(recent) <= EARLY_FILES:
            return
        early = self.store.load_all(paths=recent[:EARLY_FILES])
        prepared = self.prepare(early)
        painted = threading.Event()
        self.app.call_from_thread(self._show_early, early, prepared, painted)
        # Reading every file holds the interpreter most of the time, which would slow the
        # painting of the early cards: let them reach the screen first.
        painted.wait(EARLY_PAINT_WAIT)

    def _show_early(self, early: LoadResult, prepared: object, painted: threading.Event) -> None:
        if self.loaded:
            return  # the full load won the race
        self.entries = {stored.application.id: stored for stored in early.applications}
        self.show_all(prepared)
        self.call_after_refresh(painted.set)

    def _progress_from_thread(self, done: int, total: int) -> None:
        if done % PROGRESS_EVERY == 0:
            self.app.call_from_thread(self.show_progress, done, total)

    def _show_loaded(self, result: LoadResult, stamp: int | None, prepared: object) -> None:
        self.entries = {stored.application.id: stored for stored in result.applications}
        self.problems = result.problems
        self.loaded = True
        self._folder_stamp = stamp
        self.show_all(prepared)
        # Thousands of records now live as long as the screen. Left to the garbage collector,
        # each full collection rescans them all: 60-90 ms pauses, in the middle of a card move
        # at 1,000 applications (BENCHMARKS.md). Frozen, they are freed by reference counting
        # as usual but no longer rescanned. Collection itself is paused during start-up (see
        # app.py) and resumes here.
        gc.freeze()
        gc.enable()

    def on_screen_resume(self) -> None:
        # Back from another screen (an interview, say) that may have saved: catch up.
        self._poll_for_outside_changes()

    def _poll_for_outside_changes(self) -> None:
        if self.loaded and self.store.folder_stamp() != self._folder_stamp:
            self.reload()

    def _after_own_write(self) -> None:
        # Our own save changes the folder too; no need to reload for it.
        self._folder_stamp = self.store.folder_stamp()

    def problems_text(self) -> str:
        """A one-line warning about unreadable files, or "" when there are none."""
        count = len(self.problems)
        if not count:
            return ""
        files = "file" if count == 1 else "files"
        return (
            f"⚠ {count} {files} could not be read and {'was' if count == 1 else 'were'} "
            "left untouched. Press p to see why."
        )

    # Commands ----------------------------------------------------------------------------------

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's actions, for the command palette."""
        yield SystemCommand("Add application", "Record a new application", self.action_add)
        yield SystemCommand("Edit application", "Edit the selected one", self.action_edit)
        yield SystemCommand("Change stage", "Move the selected application", self.action_move)
        yield SystemCommand("Delete application", "After a confirmation", self.action_delete)
        yield SystemCommand(
            "Unreadable files", "Files that could not be read", self.action_problems
        )
        yield SystemCommand("Reload", "Read every file again", self.action_reload)

    def _selected(self) -> Stored | None:
        app_id = self.selected_id()
        return self.entries.get(app_id) if app_id else None

    def _duplicates_of(self, excluding_id: str = "") -> Callable[[str], list[str]]:
        def describe(company: str) -> list[str]:
            apps = [stored.application for stored in self.entries.values()]
            return [describe_company(app) for app in same_company(apps, company, excluding_id)]

        return describe

    def action_add(self) -> None:
        """Open the form for a new application."""
        # The form (and the text area it brings) is imported when first needed: it is not on
        # the way to the first screen.
        from postinterview.ui.screens.application_form import ApplicationFormScreen

        form = ApplicationFormScreen(self._create, self._duplicates_of(), self.clock().date())
        self.app.push_screen(form)

    def action_edit(self) -> None:
        """Open the form for the selected application."""
        stored = self._selected()
        if stored is None:
            return
        from postinterview.ui.screens.application_form import ApplicationFormScreen

        session = EditSession(stored)
        form = ApplicationFormScreen(
            lambda values: self._edit(session, values),
            self._duplicates_of(stored.application.id),
            self.clock().date(),
            stored.application,
        )
        self.app.push_screen(form)

    def action_move(self) -> None:
        """Choose a new stage for the selected application."""
        stored = self._selected()
        if stored is None:
            return
        app = stored.application

        def moved(target: Stage | None) -> None:
            if target is not None:
                self._update(stored, lambda a: move_stage(a, target, self.clock()))

        self.app.push_screen(StagePickerScreen(app.company, app.stage), moved)

    def action_delete(self) -> None:
        """Delete the selected application, once confirmed."""
        stored = self._selected()
        if stored is None:
            return
        app = stored.application

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._delete(stored)

        question = f"Delete {app.company} — {app.role}?"
        detail = (
            "Its file is moved to the deleted folder of your data folder, so it can still be "
            "recovered by hand."
        )
        self.app.push_screen(ConfirmScreen(question, detail, "Delete"), confirmed)

    def action_problems(self) -> None:
        """List the files that could not be read."""
        if not self.problems:
            self.notify("Every file was read without a problem.")
            return

        def closed(moved_any: bool | None) -> None:
            if moved_any:
                self.reload()

        self.app.push_screen(ProblemsScreen(self.store, self.problems), closed)

    def action_reload(self) -> None:
        """Read every file again."""
        self.reload()

    # Saving -------------------------------------------------------------------------------------

    def _create(self, values: dict[str, Any]) -> str | None:
        stored = create_application(self.store, values, self.clock())
        if isinstance(stored, str):
            return stored
        self._show_saved(stored)
        self.notify(f"Added {stored.application.company}.")
        return None

    def _edit(self, session: EditSession, values: dict[str, Any]) -> str | None:
        result = save_form_edits(self.store, session, values, self.clock())
        if isinstance(result, Saved):
            self._report(result)
            return None
        return result

    def _update(
        self,
        stored: Stored,
        change: Callable[[Application], Application],
        say_saved: bool = True,
    ) -> None:
        """Save `change` to `stored`; `say_saved=False` where the screen itself shows the
        result (a card in its new column), so only problems are reported."""
        try:
            saved = self.store.update(stored.application.id, change, stored.revision)
        except (StageMoveRefused, StoreError) as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        except ValidationError as error:
            self.notify("; ".join(describe_validation_error(error)), severity="error", timeout=8)
            return
        self._report(saved, say_saved)

    def _report(self, saved: Saved, say_saved: bool = True) -> None:
        self._show_saved(saved.stored)
        if saved.changed_elsewhere:
            self.notify("Saved, together with changes made in another window.", timeout=6)
        elif say_saved:
            self.notify("Saved.")

    def _show_saved(self, stored: Stored) -> None:
        self.entries[stored.application.id] = stored
        self._after_own_write()
        self.show_one(stored)

    def _delete(self, stored: Stored) -> None:
        app_id = stored.application.id
        try:
            moved_to = self.store.delete(app_id, stored.revision)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=8)
            self.reload()
            return
        del self.entries[app_id]
        self._after_own_write()
        self.drop_one(app_id)
        self.notify(f"Deleted {stored.application.company}. The file is in {moved_to.parent}.")
