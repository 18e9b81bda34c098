"""Deleted applications, the most recent first, and putting one back."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.widgets.option_list import Option

from postinterview.domain.models import Application
from postinterview.ui.history_text import deleted_lines, option_text
from postinterview.ui.markup import escape_markup
from postinterview.ui.widgets.option_list import OptionList
from postinterview.workspace import Change, DeletedFile, StoreError, Workspace

EXPLANATION = (
    "A deleted application's file waits in the deleted folder of your data folder. "
    "enter or r puts the highlighted one back with everything it held; escape closes."
)
EMPTY = "Nothing has been deleted: there is nothing to put back."


class DeletedScreen(ModalScreen[bool]):
    """The deleted applications. Dismisses True when one was put back."""

    BINDINGS = [
        Binding("escape,q", "close", "Close"),
        Binding("r", "restore", "Restore"),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self._workspace = workspace
        self._deleted: list[DeletedFile] = []
        self._restored_any = False

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Deleted applications", classes="form-title")
            yield Static(EXPLANATION, classes="dialog-detail")
            yield OptionList(id="deleted")
            yield Static("", id="deleted-status", classes="dialog-detail")

    def on_mount(self) -> None:
        self._refresh()
        self.query_one("#deleted", OptionList).focus()
        self._unfollow = self._workspace.subscribe(self._changed)

    def on_unmount(self) -> None:
        self._unfollow()

    def _changed(self, change: Change) -> None:
        # Another window may delete (or put back) an application while the list is open.
        if change.ids or change.everything:
            self._refresh()

    def _refresh(self) -> None:
        self._deleted = self._workspace.deleted_files()
        now = self._workspace.clock()
        options = self.query_one("#deleted", OptionList)
        highlighted = options.highlighted
        options.set_options(
            [
                Option(option_text(*deleted_lines(item, self._read(item), now)), id=str(index))
                for index, item in enumerate(self._deleted)
            ]
            or [Option(EMPTY, disabled=True)]
        )
        if self._deleted:
            options.highlighted = min(highlighted or 0, len(self._deleted) - 1)

    def _read(self, deleted: DeletedFile) -> Application | str:
        try:
            return self._workspace.read_deleted(deleted)
        except StoreError as error:
            return str(error)

    @on(OptionList.OptionSelected, "#deleted")
    def _selected(self) -> None:
        self.action_restore()

    def action_restore(self) -> None:
        """Put the highlighted application back in the folder."""
        options = self.query_one("#deleted", OptionList)
        if options.highlighted is None or not self._deleted:
            return
        deleted = self._deleted[options.highlighted]
        outcome = self._workspace.restore_deleted(deleted)
        if outcome.stored is None:
            self._show_status(f"Not put back: {outcome.error}")
            return
        self._restored_any = True
        self._refresh()  # the workspace's change comes first, but a list at once is surer
        application = outcome.stored.application
        self._show_status(f"{application.company} — {application.role} is back.")

    def action_close(self) -> None:
        """Back to where the list was opened."""
        self.dismiss(self._restored_any)

    def _show_status(self, text: str) -> None:
        self.query_one("#deleted-status", Static).update(escape_markup(text))
