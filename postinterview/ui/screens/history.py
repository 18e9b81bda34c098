"""Every kept version of one application: when it was saved, what it changed, and restoring
one (as a new save, so what the application holds now stays in its history)."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.widgets import Header, Static
from textual.widgets.option_list import Option

from postinterview.domain.models import Application
from postinterview.ui.history_text import VersionRow, option_text, version_rows
from postinterview.ui.markup import escape_markup
from postinterview.ui.screens.confirm import ConfirmScreen
from postinterview.ui.screens.workspace_screen import WorkspaceScreen, refuse_if_read_only
from postinterview.ui.widgets.footer import SteadyFooter
from postinterview.ui.widgets.option_list import OptionList
from postinterview.workspace import Change, StoreError, Version, Workspace

EXPLANATION = (
    "Newest first; ● is what the application holds now. enter restores the highlighted "
    "version as a new save, so what it holds now stays here too."
)


class HistoryScreen(WorkspaceScreen):
    """The kept versions of one application."""

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("enter,r", "restore", "Restore this version", priority=True),
    ]

    def __init__(self, workspace: Workspace, app_id: str) -> None:
        super().__init__(workspace)
        self.app_id = app_id
        self.rows: list[VersionRow] = []
        """The versions shown, newest first."""
        self._read: dict[Path, Application | str] = {}
        """Versions read so far: a kept file never changes, so each is read once."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="history-title")
        yield Static(EXPLANATION, id="history-explanation")
        yield OptionList(id="history-versions")
        yield Static("", id="history-status")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "History"
        self.query_one("#history-versions").focus()

    def workspace_changed(self, change: Change) -> None:
        if change.touches(self.app_id):
            self._show()

    def _show(self) -> None:
        stored = self.workspace.records.get(self.app_id)
        title = self.query_one("#history-title", Static)
        if stored is not None:
            application = stored.application
            title.update(
                f"[b]{escape_markup(application.company)}[/b] — "
                f"{escape_markup(application.role)}: every version kept"
            )
        else:
            title.update("[$error]This application cannot be read now: its kept versions[/]")
        versions = self.workspace.versions(self.app_id)
        revision = stored.revision if stored is not None else ""
        self.rows = version_rows(versions, self._application, revision, self.clock())
        listing = self.query_one("#history-versions", OptionList)
        highlighted = listing.highlighted
        listing.set_options(
            [Option(option_text(*row.lines()), id=row.version.path.name) for row in self.rows]
            or [Option("No version of this application has been kept yet.", disabled=True)]
        )
        if self.rows:
            listing.highlighted = min(highlighted or 0, len(self.rows) - 1)

    def _application(self, version: Version) -> Application | str:
        if version.path not in self._read:
            try:
                self._read[version.path] = self.workspace.read_version(self.app_id, version)
            except StoreError as error:
                self._read[version.path] = str(error)
        return self._read[version.path]

    # Commands ----------------------------------------------------------------------------------

    def palette_commands(self) -> list[SystemCommand]:
        """This screen's actions, for the command palette."""
        return [
            SystemCommand(
                "Restore this version", "The highlighted one, as a new save", self.action_restore
            )
        ]

    @on(OptionList.OptionSelected, "#history-versions")
    def _selected(self) -> None:
        self.action_restore()  # a click; enter comes to action_restore directly

    def action_restore(self) -> None:
        """Ask, then make the highlighted version the application's content again."""
        index = self.query_one("#history-versions", OptionList).highlighted
        if index is None or not self.rows:
            return
        row = self.rows[index]
        if row.current:
            self._status("This is what the application holds now: there is nothing to restore.")
            return
        if row.application is None:
            self._status(f"This version {row.changes}, so it cannot be restored.")
            return
        if self.app_id not in self.workspace.records or refuse_if_read_only(self, self.app_id):
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._restore(row)

        question = f"Restore the version saved {row.when}?"
        detail = (
            "The application will hold again what it held then, saved as a new version. "
            "What it holds now stays in its history, so you can come back to it."
        )
        self.app.push_screen(ConfirmScreen(question, detail, "Restore"), confirmed)

    def _restore(self, row: VersionRow) -> None:
        outcome = self.workspace.restore_version(self.app_id, row.version)
        done = f"Restored the version saved {row.when}: it is the newest version now."
        self._status(outcome.status(done))
        if outcome.ok:
            self.query_one("#history-versions", OptionList).highlighted = 0

    def action_close(self) -> None:
        """Back to the application."""
        self.app.pop_screen()

    def _status(self, text: str) -> None:
        self.query_one("#history-status", Static).update(escape_markup(text))
