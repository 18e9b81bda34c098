"""The list of applications: one row each, kept sorted by company."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from postinterview.formatting import READ_ONLY_NOTE, local_date, one_line
from postinterview.workspace import Stored

COLUMNS = (
    ("Company", "company"),
    ("Role", "role"),
    ("Stage", "stage"),
    ("Interviews", "interviews"),
    ("Updated", "updated"),
)


def _cells(stored: Stored) -> list[Text]:
    # Text, not str: a company called "[b]Acme" must show as typed, not as markup.
    application = stored.application
    stage = Text(application.stage.label)
    if stored.read_only:  # a newer postinterview wrote it: said once, where the stage is
        stage.append(f" ({READ_ONLY_NOTE})", style="dim")
    return [
        Text(one_line(application.company, 32)),
        Text(one_line(application.role, 32)),
        stage,
        Text(str(len(application.interviews)), justify="right"),
        Text(local_date(application.updated_at)),
    ]


def _sort_key(cells: tuple[Text, Text]) -> tuple[str, str]:
    company, role = cells
    return company.plain.casefold(), role.plain.casefold()


class ApplicationTable(DataTable[Text]):
    """Rows keyed by application id. The screen decides what to show; this only draws it."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        for label, key in COLUMNS:
            self.add_column(label, key=key)

    @property
    def selected_id(self) -> str | None:
        """The id of the application under the cursor, if any."""
        if not self.row_count:
            return None
        try:
            row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        except CellDoesNotExist:
            return None
        return row_key.value

    def show(self, records: Iterable[Stored]) -> None:
        """Replace every row, keeping the cursor on the same application where possible."""
        keep = self.selected_id
        self.clear()
        for stored in records:
            self.add_row(*_cells(stored), key=stored.application.id)
        self._sort()
        if keep is not None:
            self.select(keep)

    def upsert(self, stored: Stored) -> None:
        """Add or refresh one row, and put the cursor on it."""
        application = stored.application
        try:
            self.remove_row(application.id)
        except RowDoesNotExist:
            pass
        self.add_row(*_cells(stored), key=application.id)
        self._sort()
        self.select(application.id)

    def drop(self, app_id: str) -> None:
        """Drop one row, if it is there."""
        try:
            self.remove_row(app_id)
        except RowDoesNotExist:
            pass

    def select(self, app_id: str) -> None:
        """Put the cursor on `app_id`'s row, if it is there."""
        try:
            self.move_cursor(row=self.get_row_index(app_id))
        except RowDoesNotExist:
            pass

    def _sort(self) -> None:
        self.sort("company", "role", key=_sort_key)
