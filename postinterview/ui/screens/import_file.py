"""Import a file: applications from another tracker's export, looked at before they are saved.

An interview invitation (.ics) is read here too: its preview says where the interview goes,
or lists the applications to choose from (and a new one, whose company and role are typed).

The person types a path; enter reads the file off the UI thread (a big file must not freeze
the screen) and shows what `postinterview import --dry-run` would say about it: how each
column is read, each refused row and warning with its line, the counts. Nothing is saved
until they confirm; then every new application is saved through the workspace as one step,
so one `u` takes the whole import back.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState, get_current_worker

from postinterview.domain.models import Application
from postinterview.formatting import shown
from postinterview.ui.file_preview import ChoosesApplication, FilePreview, ImportResult, OpenFile
from postinterview.ui.widgets.footer import SteadyFooter
from postinterview.ui.widgets.option_list import OptionList
from postinterview.ui.widgets.shown_text import PlainText, TextInput
from postinterview.workspace import SaveOutcome, Stored, Workspace

SAVING = "import-save"
"""The group of the worker that saves."""

PROGRESS_SECONDS = 0.25
"""Time between two updates of the count on screen: each one redraws the screen, which
costs more than a save (drawing every tenth save made a 300-row import twice as slow)."""

EXPLANATION = (
    "A tracker's export: a CSV file (from a spreadsheet, Huntr, Teal, LinkedIn...) or a "
    "Markdown table; or an interview invitation (.ics). You see what would be imported before "
    "anything is saved; one u undoes it."
)
TYPE_A_PATH = "Type the path of the file, then enter."


class ImportFileScreen(Screen[ImportResult | None]):
    """Dismisses with what the import did, or None when cancelled.

    A whole screen, not a dialog: the screens under a dialog are drawn with it, so the board
    would redraw a column for every application saved (3,000 took minutes). Under this one
    they wait, and catch up once when shown again."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "confirm", "Import"),
    ]

    saving = False
    """True from the confirm until the last application is saved: escape then waits."""

    def __init__(self, workspace: Workspace, open_file: OpenFile, path: str = "") -> None:
        super().__init__()
        self._workspace = workspace
        self._open_file = open_file
        self._path = path
        self._preview: FilePreview | None = None
        self._previewed = ""
        """The path text the preview shown was read from."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="import-page"):
            yield PlainText("Import a file", classes="form-title")
            yield PlainText(EXPLANATION, id="import-explanation", classes="dialog-detail")
            yield Label("File", classes="field-label")
            yield TextInput(self._path, placeholder="e.g. ~/Downloads/applications.csv", id="path")
            yield PlainText(TYPE_A_PATH, id="import-status")
            with VerticalScroll(id="import-preview"):
                yield PlainText("", id="import-lines")
            yield OptionList(id="import-choices")
            with Horizontal(id="import-new"):
                yield TextInput(placeholder="Company", id="new-company")
                yield TextInput(placeholder="Role", id="new-role")
            with Horizontal(classes="buttons"):
                yield Button(
                    "Import  ctrl+s", variant="primary", id="import", disabled=True, compact=True
                )
                yield Button("Cancel  escape", id="cancel", compact=True)
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Import a file"
        self._forget_preview()
        self.query_one("#path", Input).focus()

    @on(Input.Submitted, "#path")
    def _read(self) -> None:
        typed = self.query_one("#path", Input).value.strip()
        if not typed:
            self._status(TYPE_A_PATH)
            return
        if not self._workspace.loaded:  # rows already here would not be seen as such
            self._status("Your applications are still being read: enter again in a moment.")
            return
        self._forget_preview()
        self._status(f"Reading {typed}…")
        existing = [stored.application for stored in self._workspace.records.values()]
        you = self._workspace.settings.settings.you
        self._read_file(typed, self._workspace.clock(), existing, you.name if you else None)

    @work(thread=True, exclusive=True, group="import-preview")
    def _read_file(
        self, typed: str, now: datetime, existing: list[Application], you: str | None
    ) -> None:
        preview = self._open_file(Path(typed), now, existing, you)
        if not get_current_worker().is_cancelled:  # closed meanwhile: nothing to show it on
            self.app.call_from_thread(self._show, typed, preview)

    def _show(self, typed: str, preview: FilePreview) -> None:
        if not self.is_attached or self.query_one("#path", Input).value.strip() != typed:
            return  # closed, or another path typed while this one was read
        self._preview, self._previewed = preview, typed
        lines = preview.lines()
        self.query_one("#import-lines", PlainText).show_text("\n".join(lines))
        # The preview takes the room the explanation had: at 80x24 both do not fit.
        self.query_one("#import-page").set_class(not preview.refused, "previewing")
        button = self.query_one("#import", Button)
        button.disabled = not preview.action
        self._offer_choices(preview)
        if preview.refused:
            self._status(lines[0] if lines else "This file cannot be imported.", error=True)
        elif preview.action:
            button.label = f"{preview.action}  ctrl+s"
            button.refresh(layout=True)  # a longer label needs a wider button
            self._status(f"Nothing is saved yet. {preview.action}? One u undoes it.")
            button.focus()
        elif self.query_one("#import-page").has_class("naming"):
            self._status(lines[-1], error=True)  # why the new application cannot be saved
        elif self.query_one("#import-page").has_class("choosing"):
            self._status("Choose the application it is for, then enter.")
        else:
            self._status("There is nothing in it to import here.")

    def _offer_choices(self, preview: FilePreview) -> None:
        """An invitation naming no one application: the list to choose it from, once."""
        page = self.query_one("#import-page")
        if not isinstance(preview, ChoosesApplication) or not preview.choices:
            page.remove_class("choosing", "naming")
        elif not page.has_class("choosing"):
            options = self.query_one("#import-choices", OptionList)
            options.clear_options()
            options.add_options(
                Option(Content(shown(choice.label)), id=choice.key) for choice in preview.choices
            )
            page.add_class("choosing")
            options.highlighted = 0
            options.focus()

    @on(OptionList.OptionSelected, "#import-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        preview = self._preview
        if not isinstance(preview, ChoosesApplication) or self.saving:
            return
        choice = next(choice for choice in preview.choices if choice.key == event.option.id)
        page = self.query_one("#import-page")
        page.set_class(choice.new, "naming")
        if choice.new:
            self._status("Type the new application's company and role, then enter.")
            self.query_one("#new-company", Input).focus()
        else:
            self._show(self._previewed, preview.choose(choice.key))

    @on(Input.Submitted, "#new-company, #new-role")
    def _named(self, event: Input.Submitted) -> None:
        preview = self._preview
        if not isinstance(preview, ChoosesApplication) or self.saving:
            return
        company = self.query_one("#new-company", Input).value
        role = self.query_one("#new-role", Input).value
        if event.input.id == "new-company" and not role.strip():
            self.query_one("#new-role", Input).focus()
            return
        new = next(choice for choice in preview.choices if choice.new)
        self._show(self._previewed, preview.choose(new.key, company, role))

    @on(Input.Changed, "#path")
    def _typing(self) -> None:
        if self._preview is not None and self.query_one("#path", Input).value != self._previewed:
            self._forget_preview()
            self._status(TYPE_A_PATH)

    def _forget_preview(self) -> None:
        self._preview = None
        self.query_one("#import", Button).disabled = True
        self.query_one("#import-page").remove_class("previewing", "choosing", "naming")

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#import-status", PlainText)
        status.show_text(text)
        status.set_class(error, "error")

    @on(Button.Pressed, "#import")
    def action_confirm(self) -> None:
        """Save what the preview shows, as one step for undo."""
        preview = self._preview
        if preview is None or not preview.action or self.saving:
            return
        self.saving = True
        self.query_one("#import", Button).disabled = True
        self.query_one("#cancel", Button).disabled = True
        self.query_one("#path", Input).disabled = True
        self._status(f"{preview.action}: saving…")
        self._save(preview)

    @work(thread=True, exclusive=True, group=SAVING)
    def _save(self, preview: FilePreview) -> ImportResult:
        # Off the UI thread, so that the screen keeps drawing the count: a save is a few
        # milliseconds of fsync, thousands of them most of a minute. Each save itself runs
        # on the UI thread, where the workspace and its listeners live.
        return preview.apply(SavesOnUiThread(self.app, self._workspace, self._saved_so_far))

    @on(Worker.StateChanged)
    def _saved(self, event: Worker.StateChanged) -> None:
        # Closed once the worker is over: closing from inside it would cancel it.
        if event.worker.group == SAVING and event.state is WorkerState.SUCCESS:
            self.dismiss(event.worker.result)

    def _saved_so_far(self, count: int) -> None:
        if self.is_attached:
            self._status(f"Saving: {count:,} saved so far…")

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without saving anything (not while saving: it finishes first)."""
        if not self.saving:
            self.dismiss(None)


class SavesOnUiThread:
    """The workspace's save path for an import run in a worker: every call runs on the UI
    thread (the workspace is not shared between threads), and `saved` hears the count."""

    def __init__(self, app: App[Any], workspace: Workspace, saved: Callable[[int], None]):
        self._app = app
        self._workspace = workspace
        self._saved = saved
        self._count = 0
        self._said_at = time.monotonic()

    @property
    def records(self) -> dict[str, Stored]:
        """The records as they are now (copied on the UI thread)."""
        return self._app.call_from_thread(lambda: dict(self._workspace.records))

    @contextmanager
    def one_step(self, label: str) -> Iterator[None]:
        """Every save inside is one step for undo, and one change for the views."""
        # The views are told once, at the end: drawing the board after every save cost more
        # than the saves.
        held, step = self._workspace.changes_held(), self._workspace.one_step(label)
        self._app.call_from_thread(lambda: (held.__enter__(), step.__enter__()))
        try:
            yield
        finally:
            self._app.call_from_thread(
                lambda: (step.__exit__(None, None, None), held.__exit__(None, None, None))
            )

    def update(self, app_id: str, change: Callable[[Application], Application]) -> SaveOutcome:
        """Change an application as it is on disk now."""
        return self._app.call_from_thread(self._workspace.update, app_id, change)

    def add(self, application: Application) -> SaveOutcome:
        """Save a new application."""
        outcome = self._app.call_from_thread(self._workspace.add, application)
        self._count += 1
        if time.monotonic() - self._said_at >= PROGRESS_SECONDS:
            self._said_at = time.monotonic()
            self._app.call_from_thread(self._saved, self._count)
        return outcome
