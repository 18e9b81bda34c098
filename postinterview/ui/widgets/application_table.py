"""The list of applications: one row each, in the order the screen asks for."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from postinterview.formatting import READ_ONLY_NOTE, local_date, one_line
from postinterview.ui.list_rows import COLUMNS, ListRow, ListSort, header_label

REMOVE_AT_MOST = 20
"""Rows taken out one by one; above this, all are built again (each removal renumbers every
row: a filter leaving 1 of 2,000 took 1.5 s by removals, 70 ms by building again)."""


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
        self._sort = ListSort()
        self._first_cells: dict[str, Text] = {}
        """Each row's first cell, by application id (see `_put_in_order`)."""
        self._build_columns()

    def _build_columns(self) -> None:
        """Every column and no row; the sorted column's header carries the arrow."""
        self.clear(columns=True)
        for label, key in COLUMNS:
            self.add_column(header_label(label, key, self._sort), key=key)

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

    def show(
        self,
        rows: Sequence[ListRow],
        sort: ListSort,
        select: str | None = None,
        changed: str | None = None,
        everything: bool = False,
    ) -> None:
        """Show `rows` (already filtered and sorted by `sort`), keeping the cursor on
        `select`, or else on the application it was on, where possible.

        Rows already shown are kept as they are (a filter changes which are shown, not what
        they say), except `changed`'s; all are built again with `everything`, a new sort
        (its arrow widens a header) or many rows gone. Building 2,000 rows takes 70 ms, a
        saved one drawn again about 2 ms."""
        keep = select or self.selected_id
        wanted = {row.app_id for row in rows}
        gone = [app_id for app_id in self._first_cells if app_id not in wanted]
        relabel = sort != self._sort
        if relabel:  # built again, so each column is as wide as its header with the arrow
            self._sort = sort
            self._build_columns()
        if everything or relabel or len(gone) > REMOVE_AT_MOST:
            if not relabel:
                self.clear()
            self._first_cells = {}
            gone = []
        for app_id in gone:
            self.remove_row(app_id)
            del self._first_cells[app_id]
        for row in rows:
            if row.app_id not in self._first_cells:
                cells = _cells(row)
                self.add_row(*cells, key=row.app_id)
                self._first_cells[row.app_id] = cells[0]
            elif row.app_id == changed:
                cells = _cells(row)
                for (_, key), cell in zip(COLUMNS, cells, strict=True):
                    self.update_cell(row.app_id, key, cell, update_width=True)
                self._first_cells[row.app_id] = cells[0]
        self._put_in_order(rows)
        if keep is not None:
            self.select(keep)

    def _put_in_order(self, rows: Sequence[ListRow]) -> None:
        # DataTable sorts by cell values only: each row's first cell is its own Text, which
        # names the row and so its place in `rows`.
        place = {id(self._first_cells[row.app_id]): index for index, row in enumerate(rows)}
        if self.shown_ids != [row.app_id for row in rows]:
            self.sort(COLUMNS[0][1], key=lambda cell: place[id(cell)])

    def select(self, app_id: str) -> None:
        """Put the cursor on `app_id`'s row, if it is there."""
        try:
            self.move_cursor(row=self.get_row_index(app_id))
        except RowDoesNotExist:
            pass
