"""What every screen that lists applications shares: following the workspace, and the actions
that change one application (add, edit, move, delete).

A screen built on this draws the applications its own way (a table, a board, a list of
actions) by filling in the `show_*` hooks; the workspace tells it what changed, wherever the
change was made. Dialogs get plain functions to call back and never see the workspace.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.app import SystemCommand
from textual.binding import Binding
from textual.widgets import Static

from postinterview.domain.editing import move_stage, same_company
from postinterview.domain.models import Application
from postinterview.domain.stages import Stage
from postinterview.ui import navigation
from postinterview.ui.application_fields import describe_company
from postinterview.ui.messages import LookAgain
from postinterview.ui.screens.confirm import ConfirmScreen
from postinterview.ui.screens.problems import ProblemsScreen
from postinterview.ui.screens.stage_picker import StagePickerScreen
from postinterview.ui.screens.workspace_screen import (
    WorkspaceScreen,
    notify_outcome,
    refuse_if_read_only,
)
from postinterview.workspace import Change, FileProblem, SaveOutcome, Stored

REDRAW_ALL_ABOVE = 50
"""Applications changed at once above which a view draws everything again."""


class ApplicationCollectionScreen(WorkspaceScreen):
    """A view of every application in the workspace, redrawn as it changes."""

    BINDINGS = [
        Binding("n", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("s", "move", "Stage"),
        Binding("d", "delete", "Delete"),
        Binding("D", "deleted", "Deleted", show=False),  # in help and the delete dialog
        Binding("p", "problems", "Problems", show=False),
        Binding("r", "look_again", "Reload", show=False),
        Binding("t", "app.switch_mode('today')", "Today"),
        Binding("b", "app.switch_mode('board')", "Board"),
        Binding("a", "app.switch_mode('applications')", "List"),
        Binding("w", "app.weekly_review", "Review"),
        Binding("o", "app.import_file", "Import", show=False),  # in help and the palette
    ]

    @property
    def entries(self) -> dict[str, Stored]:
        """Every application read, by id."""
        return self.workspace.records

    @property
    def problems(self) -> list[FileProblem]:
        """Files that could not be read."""
        return self.workspace.problems

    @property
    def loaded(self) -> bool:
        """True once every file has been read."""
        return self.workspace.loaded

    # Hooks for the screen that draws the applications -------------------------------------------

    def selected_id(self) -> str | None:
        """The id of the application the person has selected, if any."""
        raise NotImplementedError

    def show_progress(self, done: int, total: int) -> None:
        """Reading has read `done` files of `total`."""

    def show_all(self) -> None:
        """Draw every application in `entries`."""
        raise NotImplementedError

    def show_one(self, stored: Stored) -> None:
        """Draw one application that was added or changed."""
        raise NotImplementedError

    def drop_one(self, app_id: str) -> None:
        """Take away one application that was deleted (or can no longer be read)."""
        raise NotImplementedError

    def show_problems(self) -> None:
        """The list of unreadable files changed: show or hide the banner about them."""
        for banner in self.query("#problems-banner").results(Static):
            banner.display = bool(self.problems)
            banner.update(self.problems_text())

    # Following the workspace --------------------------------------------------------------------

    def workspace_changed(self, change: Change) -> None:
        # Many at once (an import, or its undo): one redraw of all, not one per application
        # (3,000 one by one held the board for seconds).
        if change.everything or len(change.ids) > REDRAW_ALL_ABOVE:
            if self.entries or self.loaded:  # else the first read is still under way
                self.show_all()
            self.show_problems()
            return
        for app_id in sorted(change.ids):
            stored = self.entries.get(app_id)
            if stored is not None:
                self.show_one(stored)
            else:
                self.drop_one(app_id)
        if change.problems:
            self.show_problems()
        progress = self.workspace.progress
        if progress is not None and not change.ids:
            self.show_progress(*progress)

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
        yield SystemCommand(
            "Reload", "Look for changes made outside the app now", self.action_look_again
        )

    def _selected(self) -> Stored | None:
        app_id = self.selected_id()
        return self.entries.get(app_id) if app_id else None

    def _selected_to_change(self) -> Stored | None:
        """The selected application, unless it cannot be changed (then the person is told
        why, and no dialog opens for an edit that would be refused)."""
        stored = self._selected()
        if stored is None or refuse_if_read_only(self, stored.application.id):
            return None
        return stored

    def _duplicates_of(self, excluding_id: str = "") -> Callable[[str], list[str]]:
        def describe(company: str) -> list[str]:
            apps = self.workspace.applications()
            return [describe_company(app) for app in same_company(apps, company, excluding_id)]

        return describe

    def action_add(self) -> None:
        """Open the form for a new application."""
        # The form (and the text area it brings) is imported when first needed: it is not on
        # the way to the first screen.
        from postinterview.ui.form_openers import open_add_form

        open_add_form(self.app, self.workspace, self._duplicates_of())

    def action_edit(self) -> None:
        """Open the form for the selected application."""
        stored = self._selected_to_change()
        if stored is None:
            return
        from postinterview.ui.form_openers import open_edit_form

        open_edit_form(self.app, self.workspace, stored, self._duplicates_of(stored.application.id))

    def action_move(self) -> None:
        """Choose a new stage for the selected application."""
        stored = self._selected_to_change()
        if stored is None:
            return
        app = stored.application

        def moved(target: Stage | None) -> None:
            if target is not None:
                self.save(app.id, lambda a: move_stage(a, target, self.clock()))

        self.app.push_screen(StagePickerScreen(app.company, app.stage), moved)

    def action_delete(self) -> None:
        """Delete the selected application, once confirmed."""
        stored = self._selected_to_change()
        if stored is None:
            return
        app = stored.application

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._delete(app.id)

        question = f"Delete {app.company} — {app.role}?"
        detail = (
            "Its file is moved to the deleted folder of your data folder: D lists the deleted "
            "applications and puts one back."
        )
        self.app.push_screen(ConfirmScreen(question, detail, "Delete"), confirmed)

    def action_problems(self) -> None:
        """List the files that could not be read."""
        if not self.problems:
            self.notify("Every file was read without a problem.")
            return
        self.app.push_screen(ProblemsScreen(self.workspace))

    def action_deleted(self) -> None:
        """List the deleted applications, to put one back."""
        navigation.open_deleted(self.app, self.workspace)

    def action_look_again(self) -> None:
        """Look for changes made outside the app now (it looks every two seconds anyway)."""
        self.post_message(LookAgain())

    # Saving -------------------------------------------------------------------------------------

    def save(
        self, app_id: str, change: Callable[[Application], Application], done: str = "Saved."
    ) -> SaveOutcome:
        """Save `change` through the workspace; say `done` once saved (nothing, where the
        screen itself shows the result, like a card in its new column), or why not."""
        outcome = self.workspace.update(app_id, change)
        notify_outcome(self, outcome, done)
        return outcome

    def _delete(self, app_id: str) -> None:
        outcome, moved_to = self.workspace.delete(app_id)
        if outcome.stored is None or moved_to is None:
            self.notify(outcome.error, severity="error", timeout=8)
            return
        company = outcome.stored.application.company
        self.notify(f"Deleted {company}. The file is in {moved_to.parent}; u undoes it.")
