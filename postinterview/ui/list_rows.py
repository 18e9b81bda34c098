"""What the applications list shows and in which order, without Textual.

A row holds what its columns show and what they sort by; `sort_rows` orders the rows by one
column, either way, with rows that have no value in it (no applied day) last both ways and
ties kept in company order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from postinterview.domain.search import fold, matches
from postinterview.domain.stages import STAGE_ORDER, Stage
from postinterview.workspace import Stored

COLUMNS = (
    ("Company", "company"),
    ("Role", "role"),
    ("Stage", "stage"),
    ("Applied", "applied"),
    ("Interviews", "interviews"),
    ("Updated", "updated"),
)
"""The list's columns, left to right: label and key (every one sorts)."""

_STAGE_RANK = {stage: rank for rank, stage in enumerate(STAGE_ORDER)}


@dataclass(frozen=True, slots=True)
class ListRow:
    """One application as the list shows it."""

    app_id: str
    company: str
    role: str
    stage: Stage
    applied_on: date | None
    interviews: int
    updated_at: datetime
    read_only: bool
    search_text: str
    """Every text the person wrote in it, folded (the board card's, computed once)."""

    def matches(self, query: str) -> bool:
        """True when every word of `query` is in something written in the application."""
        return matches(self.search_text, query)


def row_for(stored: Stored, search_text: str) -> ListRow:
    """The row of one application read from the folder."""
    application = stored.application
    return ListRow(
        app_id=application.id,
        company=application.company,
        role=application.role,
        stage=application.stage,
        applied_on=application.applied_on,
        interviews=len(application.interviews),
        updated_at=application.updated_at,
        read_only=bool(stored.read_only),
        search_text=search_text,
    )


@dataclass(frozen=True, slots=True)
class ListSort:
    """The column the list is sorted by, and which way."""

    column: str = "company"
    descending: bool = False

    def next_column(self) -> ListSort:
        """Sorted by the next column to the right (after the last, the first), ascending."""
        keys = [key for _, key in COLUMNS]
        index = keys.index(self.column) if self.column in keys else -1
        return ListSort(keys[(index + 1) % len(keys)])

    def reversed(self) -> ListSort:
        """The same column, the other way."""
        return ListSort(self.column, not self.descending)

    def by(self, column: str) -> ListSort:
        """Sorted by `column` (a header clicked): the other way if it is already the one."""
        return self.reversed() if column == self.column else ListSort(column)

    @property
    def arrow(self) -> str:
        """▲ ascending (A to Z, earliest first), ▼ descending."""
        return "▼" if self.descending else "▲"


def sort_value(row: ListRow, column: str) -> str | int | date | datetime | None:
    """What `row` sorts by in `column`; None when it has nothing there (sorted last)."""
    if column == "company":
        return fold(row.company)
    if column == "role":
        return fold(row.role)
    if column == "stage":
        return _STAGE_RANK.get(row.stage, len(_STAGE_RANK))
    if column == "applied":
        return row.applied_on
    if column == "interviews":
        return row.interviews
    if column == "updated":
        return row.updated_at
    raise ValueError(f"no column {column!r}")


def _tie_key(row: ListRow) -> tuple[str, str, str]:
    return fold(row.company), fold(row.role), row.app_id


def sort_rows(rows: Iterable[ListRow], sort: ListSort) -> list[ListRow]:
    """`rows` in `sort`'s order: empty values last either way, ties by company then role."""
    by_name = sorted(rows, key=_tie_key)
    present = [row for row in by_name if sort_value(row, sort.column) is not None]
    empty = [row for row in by_name if sort_value(row, sort.column) is None]
    # Stable, also reversed: rows equal in the column stay in company order.
    present.sort(key=lambda row: sort_value(row, sort.column), reverse=sort.descending)  # type: ignore[arg-type, return-value]
    return present + empty


def header_label(label: str, key: str, sort: ListSort) -> str:
    """A column's header: the sorted one carries its arrow."""
    return f"{label} {sort.arrow}" if key == sort.column else label


def list_status(rows: Sequence[ListRow], shown: int, sort: ListSort, query: str) -> str:
    """The line above the list: how many are shown, the sort, and the keys that change them."""
    label = next(label for label, key in COLUMNS if key == sort.column)
    sorted_by = f"sorted by {label.lower()} {sort.arrow}"
    total = len(rows)
    if query:  # no room for the keys beside the filter on a narrow terminal: help has them
        return f"filter “{query}”: {shown} of {total} shown (escape clears)  ·  {sorted_by}"
    count = f"{total} application{'' if total == 1 else 's'}"
    return f"{count}  ·  {sorted_by} (S: next column, R: other way)"
