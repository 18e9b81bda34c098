"""The Applications screen: every application in a list; add, edit, move and delete them.

`/` filters the rows by anything written in them (domain.search, through the board card
computed once per revision); `S` sorts by the next column, `R` reverses, a click on a header
sorts by it. The filter and the sort stay across every redraw from the workspace.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Button, DataTable, Header, Input, Static

from postinterview.ui.board_cards import CARD, FILTER_HINT
from postinterview.ui.list_rows import ListRow, ListSort, list_status, row_for, sort_rows
from postinterview.ui.markup import escape_markup
from postinterview.ui.messages import OpenApplication
from postinterview.ui.screens.collection import ApplicationCollectionScreen
from postinterview.ui.widgets.application_table import ApplicationTable
from postinterview.ui.widgets.footer import SteadyFooter
from postinterview.ui.widgets.shown_text import TextInput
from postinterview.workspace import Stored, Workspace

FILTER_DELAY = 0.15
"""Seconds after the last key in the filter before the list is redrawn (as on the board)."""


class ApplicationsScreen(ApplicationCollectionScreen):
    """All applications in a table, with the actions that change them."""

    BINDINGS = [
        Binding("slash", "filter", "Filter"),
        Binding("S", "sort_next", "Sort", show=False),  # in help and the status line
        Binding("R", "sort_reverse", "Reverse sort", show=False),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        workspace.register(CARD)  # its search text is computed as the folder is read
        self.rows: dict[str, ListRow] = {}
        """Every application's row, by id."""
        self.sort = ListSort()
        """The column the rows are sorted by, and which way."""
        self.query_text = ""
        """The filter as typed; "" shows every row."""
        self._filter_timer: Timer | None = None
        self._had_any = False

    # Layout -------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="problems-banner")
        yield Static("Loading your applications…", id="loading")
        # Plain text: the filter shown in it is typed by the person ("[/x]" is no tag).
        yield Static("", id="list-status", markup=False)
        box = TextInput(placeholder=FILTER_HINT, id="list-filter")
        box.display, box.disabled = False, True  # out of the focus chain until `/`
        yield box
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
        self.rows = {app_id: self._row(stored) for app_id, stored in self.entries.items()}
        self._draw(everything=True)

    def show_one(self, stored: Stored) -> None:
        self.rows[stored.application.id] = self._row(stored)
        self._draw(select=stored.application.id, changed=stored.application.id)

    def drop_one(self, app_id: str) -> None:
        self.rows.pop(app_id, None)
        self._draw(changed=app_id)

    def _row(self, stored: Stored) -> ListRow:
        card = self.workspace.derive(CARD, stored.application.id)
        return row_for(stored, (card.as_read_only() if stored.read_only else card).search_text)

    def _draw(
        self, select: str | None = None, changed: str | None = None, everything: bool = False
    ) -> None:
        """Show the rows the filter leaves, in the sort's order: `changed` is the one
        application whose row changed, if any; `everything`, when any may have."""
        shown = [row for row in self.rows.values() if row.matches(self.query_text)]
        table = self.query_one(ApplicationTable)
        table.show(sort_rows(shown, self.sort), self.sort, select, changed, everything)
        status = list_status(list(self.rows.values()), len(shown), self.sort, self.query_text)
        self.query_one("#list-status", Static).update(status)
        self._refresh_visibility()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Filter and sort only once there is a row: the welcome screen's footer stays short.
        if action in ("filter", "sort_next", "sort_reverse"):
            return bool(self.rows)
        return super().check_action(action, parameters)

    def _refresh_visibility(self) -> None:
        has_any = bool(self.entries)
        if has_any != self._had_any:
            self._had_any = has_any
            self.refresh_bindings()
        self.query_one("#welcome").display = not has_any
        table = self.query_one(ApplicationTable)
        table.display = has_any
        self.query_one("#list-status").display = has_any
        typing = isinstance(self.focused, Input) and self.focused.display
        if has_any and not (isinstance(self.focused, DataTable) or typing):
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

    # Sorting and filtering ----------------------------------------------------------------------

    def palette_commands(self) -> list[SystemCommand]:
        """This screen's actions, for the command palette."""
        return [
            *super().palette_commands(),
            SystemCommand("Filter the list", FILTER_HINT, self.action_filter),
            SystemCommand("Sort by the next column", "Or click a header", self.action_sort_next),
            SystemCommand("Reverse the sort", "Descending, or back", self.action_sort_reverse),
        ]

    def action_sort_next(self) -> None:
        """Sort by the next column to the right."""
        self._sort_by(self.sort.next_column())

    def action_sort_reverse(self) -> None:
        """Sort the same column the other way."""
        self._sort_by(self.sort.reversed())

    @on(DataTable.HeaderSelected)
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        if event.column_key.value is not None:
            self._sort_by(self.sort.by(event.column_key.value))

    def _sort_by(self, sort: ListSort) -> None:
        self.sort = sort
        self._draw()

    def action_filter(self) -> None:
        """Show the filter box and type into it."""
        box = self.query_one("#list-filter", Input)
        box.display, box.disabled = True, False
        box.focus()

    @on(Input.Changed, "#list-filter")
    def _filter_typed(self, event: Input.Changed) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
        value = event.value.strip()
        self._filter_timer = self.set_timer(FILTER_DELAY, lambda: self._apply_filter(value))

    @on(Input.Submitted, "#list-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        self._apply_filter(event.value.strip())
        if not self.query_text:
            event.input.display, event.input.disabled = False, True
        self.query_one(ApplicationTable).focus()

    def _apply_filter(self, value: str) -> None:
        if value == self.query_text or self.closing:
            return
        self.query_text = value
        self._draw()

    def action_clear_filter(self) -> None:
        """Show every row again."""
        box = self.query_one("#list-filter", Input)
        box.value = ""
        box.display, box.disabled = False, True
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._apply_filter("")
        self.query_one(ApplicationTable).focus()


WELCOME = (
    "[b]Welcome to postinterview[/b]\n\n"
    "Just out of an interview? Press [b]i[/b]: the company and the role are enough, and the "
    "interview is recorded at once. Then who you met, your notes while they are fresh, the "
    "signs you noticed, and a checklist of what to do next.\n\n"
    "Keeping track of a job search? Press [b]n[/b] to add an application. Everything you "
    "add is saved at once, as a plain TOML file you can read and edit yourself.\n\n"
    "[b]?[/b] for help, [b]ctrl+q[/b] to quit."
)
