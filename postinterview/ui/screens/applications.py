"""The Applications screen: every application in a list; add, edit, move and delete them.

This screen owns the calls to the store for what it shows. Dialogs get plain functions to call
back and never see the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Static

from postinterview.clock import Clock
from postinterview.domain.editing import (
    EditConflict,
    StageMoveRefused,
    apply_field_edits,
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
from postinterview.ui.application_fields import comparable, describe_company
from postinterview.ui.saving import create_application
from postinterview.ui.screens.application_form import ApplicationFormScreen
from postinterview.ui.screens.confirm import ConfirmScreen
from postinterview.ui.screens.problems import ProblemsScreen
from postinterview.ui.screens.stage_picker import StagePickerScreen
from postinterview.ui.widgets.application_table import ApplicationTable

POLL_SECONDS = 2.0
"""How often to look for changes made by another window or by hand."""

PROGRESS_EVERY = 250
"""Report loading progress after this many files (reporting each one would slow loading)."""


@dataclass
class _EditSession:
    """What an open edit form last saw, so a clash with another window is noticed once."""

    seen: Stored


class ApplicationsScreen(Screen[None]):
    """All applications, with the actions that change them."""

    BINDINGS = [
        Binding("n", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("s", "move", "Stage"),
        Binding("d", "delete", "Delete"),
        Binding("p", "problems", "Problems", show=False),
        Binding("r", "reload", "Reload", show=False),
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

    # Layout -------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="problems-banner")
        yield Static("Loading your applications…", id="loading")
        with Vertical(id="welcome"):
            with Center():
                yield Static(WELCOME, id="welcome-text")
            with Center():
                yield Button("Add your first application  n", variant="primary", id="add-first")
            with Center():
                yield Static("", id="data-location")
        yield ApplicationTable(id="applications")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Applications"
        self.query_one("#welcome").display = False
        self.query_one("#applications").display = False
        self.query_one("#problems-banner").display = False
        self.query_one("#data-location", Static).update(
            f"Your data will be kept in {self.store.root}"
        )
        self.reload()
        self.set_interval(POLL_SECONDS, self._poll_for_outside_changes)

    # Loading ------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def reload(self) -> None:
        """Read every file in a thread, so the screen stays responsive with thousands."""
        try:
            self.store.sweep_temp_files()
        except StoreError:
            pass  # a read-only folder: reading still works, and saving will say why it cannot
        stamp = self.store.folder_stamp()
        result = self.store.load_all(progress=self._progress_from_thread)
        self.app.call_from_thread(self._show_loaded, result, stamp)

    def _progress_from_thread(self, done: int, total: int) -> None:
        if done % PROGRESS_EVERY == 0:
            self.app.call_from_thread(self._show_progress, done, total)

    def _show_progress(self, done: int, total: int) -> None:
        self.query_one("#loading", Static).update(f"Loading your applications… {done} of {total}")

    def _show_loaded(self, result: LoadResult, stamp: int | None) -> None:
        self.entries = {stored.application.id: stored for stored in result.applications}
        self.problems = result.problems
        self.loaded = True
        self._folder_stamp = stamp
        self.query_one("#loading").display = False
        self.query_one(ApplicationTable).show(s.application for s in self.entries.values())
        self._refresh_visibility()

    def on_screen_resume(self) -> None:
        # Back from another screen (an interview, say) that may have saved: catch up.
        self._poll_for_outside_changes()

    def _poll_for_outside_changes(self) -> None:
        if self.loaded and self.store.folder_stamp() != self._folder_stamp:
            self.reload()

    def _after_own_write(self) -> None:
        # Our own save changes the folder too; no need to reload for it.
        self._folder_stamp = self.store.folder_stamp()

    def _refresh_visibility(self) -> None:
        has_any = bool(self.entries)
        self.query_one("#welcome").display = not has_any
        table = self.query_one(ApplicationTable)
        table.display = has_any
        if has_any and not isinstance(self.focused, DataTable):
            table.focus()
        banner = self.query_one("#problems-banner", Static)
        count = len(self.problems)
        banner.display = count > 0
        if count:
            files = "file" if count == 1 else "files"
            banner.update(
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
        app_id = self.query_one(ApplicationTable).selected_id
        return self.entries.get(app_id) if app_id else None

    def _duplicates_of(self, excluding_id: str = "") -> Callable[[str], list[str]]:
        def describe(company: str) -> list[str]:
            apps = [stored.application for stored in self.entries.values()]
            return [describe_company(app) for app in same_company(apps, company, excluding_id)]

        return describe

    @on(Button.Pressed, "#add-first")
    def action_add(self) -> None:
        """Open the form for a new application."""
        form = ApplicationFormScreen(self._create, self._duplicates_of(), self.clock().date())
        self.app.push_screen(form)

    @on(DataTable.RowSelected)
    def action_edit(self) -> None:
        """Open the form for the selected application."""
        stored = self._selected()
        if stored is None:
            return
        session = _EditSession(stored)
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

    def _edit(self, session: _EditSession, values: dict[str, Any]) -> str | None:
        before = comparable(session.seen.application)
        edits = {name: value for name, value in values.items() if before.get(name) != value}
        if not edits:
            return None
        seen = session.seen.application
        try:
            saved = self.store.update(
                seen.id,
                lambda current: apply_field_edits(current, edits, self.clock(), seen=seen),
                session.seen.revision,
            )
        except EditConflict as conflict:
            session.seen = self.store.load(seen.id)  # a second save now replaces theirs
            return f"{conflict} Save again to replace their version with yours, or cancel."
        except ValidationError as error:
            return "; ".join(describe_validation_error(error))
        except StoreError as error:
            return str(error)
        self._report(saved)
        return None

    def _update(self, stored: Stored, change: Callable[[Application], Application]) -> None:
        try:
            saved = self.store.update(stored.application.id, change, stored.revision)
        except (StageMoveRefused, StoreError) as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        except ValidationError as error:
            self.notify("; ".join(describe_validation_error(error)), severity="error", timeout=8)
            return
        self._report(saved)

    def _report(self, saved: Saved) -> None:
        self._show_saved(saved.stored)
        if saved.changed_elsewhere:
            self.notify("Saved, together with changes made in another window.", timeout=6)
        else:
            self.notify("Saved.")

    def _show_saved(self, stored: Stored) -> None:
        self.entries[stored.application.id] = stored
        self.query_one(ApplicationTable).upsert(stored.application)
        self._after_own_write()
        self._refresh_visibility()

    def _delete(self, stored: Stored) -> None:
        app_id = stored.application.id
        try:
            moved_to = self.store.delete(app_id, stored.revision)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=8)
            self.reload()
            return
        del self.entries[app_id]
        self.query_one(ApplicationTable).drop(app_id)
        self._after_own_write()
        self._refresh_visibility()
        self.notify(f"Deleted {stored.application.company}. The file is in {moved_to.parent}.")


WELCOME = (
    "[b]Welcome to postinterview[/b]\n\n"
    "Just had an interview, or keeping track of a job search? Start by adding the "
    "application: the company and the role are enough. Everything you add is saved at once, "
    "as a plain TOML file you can read and edit yourself.\n\n"
    "Press [b]n[/b] to add your first application, [b]?[/b] for help, [b]ctrl+q[/b] to quit."
)
