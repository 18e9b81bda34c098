"""Our own CSV export read back: its bookkeeping columns left out instead of filling the notes.

`export --format csv` writes, besides what a spreadsheet tracker holds, the record's id, its
interview count and its interviewers. None of them can become part of an imported record: a
new application gets a new id, and interviews (their times, checklists, reflections) are not
in a CSV (the JSON export restores them). Kept as notes lines they would grow the notes on
every export and import. They are left out when the header is our export's, and only then:
another tracker's `id` or `interviews` column may be the person's own words.

Its other columns are read by their names like any tracker's (`created_at` as the date the
application was saved, `updated_at` as the stage's date when there is no history, `history`
as the stage history): see import_columns.
"""

from __future__ import annotations

from dataclasses import replace

from postinterview.transfer.export_csv import CSV_COLUMNS
from postinterview.transfer.import_columns import ColumnMap

_OUR_FIRST_COLUMNS = CSV_COLUMNS[:7]
"""Enough of our export's header to know it (columns are only ever added at its end)."""

LEFT_OUT: dict[str, str] = {
    "id": "our export's id: the application gets a new one",
    "interviews": "our export's interview count: interviews are in the JSON export",
    "interviewers": "our export's interviewers: interviews are in the JSON export",
}
"""Our export's columns the import leaves out, and why (the dry run says it)."""


def is_our_export(header: tuple[str, ...]) -> bool:
    """Whether `header` is the header row `export --format csv` writes."""
    return tuple(name.strip() for name in header[: len(_OUR_FIRST_COLUMNS)]) == _OUR_FIRST_COLUMNS


def without_our_bookkeeping(columns: ColumnMap) -> ColumnMap:
    """`columns` with our export's bookkeeping columns skipped, when it is our export's header;
    a column the person mapped with `--map` stays as they said."""
    if not is_our_export(columns.header):
        return columns
    reasons = dict(columns.reasons)
    skipped = set()
    for index, name in enumerate(columns.header):
        why = LEFT_OUT.get(name.strip())
        if why and reasons.get(index) != "--map" and index not in columns.fields.values():
            skipped.add(index)
            reasons[index] = why
    extra = [(index, name) for index, name in columns.extra if index not in skipped]
    return replace(columns, extra=extra, reasons=reasons)
