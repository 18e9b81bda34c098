"""The list of applications: one row each, in the order the screen asks for."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from postinterview.formatting import READ_ONLY_NOTE, local_date, one_line
from postinterview.ui.list_rows import COLUMNS, ListRow, ListSort, header_label


def _cells(row: ListRow) -> list[Text]:
    # Text, not str: a company called "[b]Acme" must show as typed, not as markup.
    stage = Text(row.stage.label)
    if row.read_only:  # a newer postinterview wrote it: said once, where the stage is
        stage.append(f" ({READ_ONLY_NOTE})", style="dim")
    applied = row.applied_on.isoformat() if row.applied_on is not None else "—"
    return [
        Text(one_line(row.company, 32)),
        Text(one_line(row.role, 32)),
        stage,
        Text(applied),
        Text(str(row.interviews), justify="right"),
        Text(local_date(row.updated_at)),
    ]


class ApplicationTable(DataTable[Text]):
    """Rows keyed by application id. The screen decides what to show; this only draws it."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self._label_columns(ListSort())

    def _label_columns(self, sort: ListSort) -> None:
        self.clear(columns=True)
        for label, key in COLUMNS:
            self.add_column(header_label(label, key, sort), key=key)

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

    @property
    def shown_ids(self) -> list[str]:
        """The ids of the rows, top to bottom."""
        return [str(row.key.value) for row in self.ordered_rows]

    def show(self, rows: Sequence[ListRow], sort: ListSort, select: str | None = None) -> None:
        """Replace every row with `rows` (already filtered and sorted by `sort`), keeping the
        cursor on `select`, or else on the application it was on, where possible."""
        keep = select or self.selected_id
        self._label_columns(sort)  # the sorted column's header carries the arrow
        for row in rows:
            self.add_row(*_cells(row), key=row.app_id)
        if keep is not None:
            self.select(keep)

    def select(self, app_id: str) -> None:
        """Put the cursor on `app_id`'s row, if it is there."""
        try:
            self.move_cursor(row=self.get_row_index(app_id))
        except RowDoesNotExist:
            pass
