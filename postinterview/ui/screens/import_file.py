"""Import a file: applications from another tracker's export, looked at before they are saved.

The person types a path; enter reads the file off the UI thread (a big file must not freeze
the screen) and shows what `postinterview import --dry-run` would say about it: how each
column is read, each refused row and warning with its line, the counts. Nothing is saved
until they confirm; then every new application is saved through the workspace as one step,
so one `u` takes the whole import back.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from postinterview.domain.models import Application
from postinterview.ui.file_preview import FilePreview, ImportResult, OpenFile
from postinterview.ui.widgets.shown_text import PlainText, TextInput
from postinterview.workspace import Workspace

EXPLANATION = (
    "A tracker's export: a CSV file (from a spreadsheet, Huntr, Teal, LinkedIn...) or a "
    "Markdown table. You see what would be imported before anything is saved; one u undoes it."
)
TYPE_A_PATH = "Type the path of the file, then enter."


class ImportFileScreen(ModalScreen[ImportResult | None]):
    """Dismisses with what the import did, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "confirm", "Import"),
    ]

    def __init__(self, workspace: Workspace, open_file: OpenFile, path: str = "") -> None:
        super().__init__()
        self._workspace = workspace
        self._open_file = open_file
        self._path = path
        self._preview: FilePreview | None = None
        self._previewed = ""
        """The path text the preview shown was read from."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield PlainText("Import a file", classes="form-title")
            yield PlainText(EXPLANATION, id="import-explanation", classes="dialog-detail")
            yield Label("File", classes="field-label")
            yield TextInput(self._path, placeholder="e.g. ~/Downloads/applications.csv", id="path")
            yield PlainText(TYPE_A_PATH, id="import-status")
            with VerticalScroll(id="import-preview"):
                yield PlainText("", id="import-lines")
            with Horizontal(classes="buttons"):
                yield Button(
                    "Import  ctrl+s", variant="primary", id="import", disabled=True, compact=True
                )
                yield Button("Cancel  escape", id="cancel", compact=True)

    def on_mount(self) -> None:
        self._forget_preview()
        self.query_one("#path", Input).focus()

    @on(Input.Submitted, "#path")
    def _read(self) -> None:
        typed = self.query_one("#path", Input).value.strip()
        if not typed:
            self._status(TYPE_A_PATH)
            return
        self._forget_preview()
        self._status(f"Reading {typed}…")
        existing = [stored.application for stored in self._workspace.records.values()]
        self._read_file(typed, self._workspace.clock(), existing)

    @work(thread=True, exclusive=True, group="import-preview")
    def _read_file(self, typed: str, now: datetime, existing: list[Application]) -> None:
        preview = self._open_file(Path(typed), now, existing)
        self.app.call_from_thread(self._show, typed, preview)

    def _show(self, typed: str, preview: FilePreview) -> None:
        if not self.is_attached or self.query_one("#path", Input).value.strip() != typed:
            return  # closed, or another path typed while this one was read
        self._preview, self._previewed = preview, typed
        lines = preview.lines()
        self.query_one("#import-lines", PlainText).show_text("\n".join(lines))
        # The preview takes the room the explanation had: at 80x24 both do not fit.
        self.query_one("#dialog").set_class(not preview.refused, "previewing")
        button = self.query_one("#import", Button)
        button.disabled = not preview.action
        if preview.refused:
            self._status(lines[0] if lines else "This file cannot be imported.", error=True)
        elif preview.action:
            button.label = f"{preview.action}  ctrl+s"
            button.refresh(layout=True)  # a longer label needs a wider button
            self._status(f"Nothing is saved yet. {preview.action}? One u undoes it.")
            button.focus()
        else:
            self._status("There is nothing in it to import here.")

    @on(Input.Changed, "#path")
    def _typing(self) -> None:
        if self._preview is not None and self.query_one("#path", Input).value != self._previewed:
            self._forget_preview()
            self._status(TYPE_A_PATH)

    def _forget_preview(self) -> None:
        self._preview = None
        self.query_one("#import", Button).disabled = True
        self.query_one("#dialog").remove_class("previewing")

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#import-status", PlainText)
        status.show_text(text)
        status.set_class(error, "error")

    @on(Button.Pressed, "#import")
    def action_confirm(self) -> None:
        """Save what the preview shows, as one step for undo."""
        preview = self._preview
        if preview is None or not preview.action:
            return
        self.dismiss(preview.apply(self._workspace))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without saving anything."""
        self.dismiss(None)
