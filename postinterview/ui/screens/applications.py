"""The Applications screen: every application in a list; add, edit, move and delete them."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Vertical
from textual.widgets import Button, DataTable, Header, Static

from postinterview.ui.markup import escape_markup
from postinterview.ui.messages import OpenApplication
from postinterview.ui.screens.collection import ApplicationCollectionScreen
from postinterview.ui.widgets.application_table import ApplicationTable
from postinterview.ui.widgets.footer import SteadyFooter
from postinterview.workspace import Stored


class ApplicationsScreen(ApplicationCollectionScreen):
    """All applications in a table, with the actions that change them."""

    # Layout -------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="problems-banner")
        yield Static("Loading your applications…", id="loading")
        with Vertical(id="welcome"):
            with Center():
                yield Static(WELCOME, id="welcome-text")
            with Center(), Horizontal(id="welcome-buttons"):
                yield Button("I just had an interview  i", variant="primary", id="just-had-one")
                yield Button("Add an application  n", id="add-first")
            with Center():
                yield Static("", id="data-location")
        yield ApplicationTable(id="applications")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Applications"
        self.query_one("#welcome").display = False
        self.query_one("#applications").display = False
        self.query_one("#problems-banner").display = False
        self.query_one("#data-location", Static).update(
            f"Your data will be kept in {escape_markup(str(self.workspace.root))}"
        )

    # Drawing ------------------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        return self.query_one(ApplicationTable).selected_id

    def show_progress(self, done: int, total: int) -> None:
        self.query_one("#loading", Static).update(f"Loading your applications… {done} of {total}")

    def show_all(self) -> None:
        self.query_one("#loading").display = not self.loaded
        self.query_one(ApplicationTable).show(self.entries.values())
        self._refresh_visibility()

    def show_one(self, stored: Stored) -> None:
        self.query_one(ApplicationTable).upsert(stored)
        self._refresh_visibility()

    def drop_one(self, app_id: str) -> None:
        self.query_one(ApplicationTable).drop(app_id)
        self._refresh_visibility()

    def _refresh_visibility(self) -> None:
        has_any = bool(self.entries)
        self.query_one("#welcome").display = not has_any
        table = self.query_one(ApplicationTable)
        table.display = has_any
        if has_any and not isinstance(self.focused, DataTable):
            table.focus()
        banner = self.query_one("#problems-banner", Static)
        banner.display = bool(self.problems)
        banner.update(self.problems_text())

    @on(Button.Pressed, "#add-first")
    def _add_first(self) -> None:
        self.action_add()

    @on(Button.Pressed, "#just-had-one")
    async def _just_had_one(self) -> None:
        await self.app.run_action("app.new_interview")

    @on(DataTable.RowSelected)
    def _row_chosen(self) -> None:
        app_id = self.selected_id()
        if app_id is not None:
            self.post_message(OpenApplication(app_id))


WELCOME = (
    "[b]Welcome to postinterview[/b]\n\n"
    "Just out of an interview? Press [b]i[/b]: the company and the role are enough, and the "
    "interview is recorded at once. Then who you met, your notes while they are fresh, the "
    "signs you noticed, and a checklist of what to do next.\n\n"
    "Keeping track of a job search? Press [b]n[/b] to add an application. Everything you "
    "add is saved at once, as a plain TOML file you can read and edit yourself.\n\n"
    "[b]?[/b] for help, [b]ctrl+q[/b] to quit."
)
