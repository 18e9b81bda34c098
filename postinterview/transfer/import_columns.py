"""Which column of a spreadsheet tracker holds what: header names matched with synonyms.

Names are compared case-insensitively, with `_` and `-` read as spaces (so `Job_Link`,
`job-link` and `Job link` are the same column). A column we do not know is kept: its cells go
into the application's notes as 'Column: value' lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from postinterview.transfer.import_values import normalise


class Field(StrEnum):
    """The application fields a tracker column can fill."""

    COMPANY = "company"
    ROLE = "role"
    STAGE = "stage"
    APPLIED_ON = "applied_on"
    LOCATION = "location"
    JOB_LINK = "job_link"
    RECRUITER = "recruiter"
    SOURCE = "source"
    NOTES = "notes"


REQUIRED: tuple[Field, ...] = (Field.COMPANY, Field.ROLE)

SYNONYMS: dict[Field, tuple[str, ...]] = {
    Field.COMPANY: (
        "company",
        "company name",
        "employer",
        "organisation",
        "organization",
        "firm",
    ),
    Field.ROLE: ("role", "title", "job title", "position", "job", "role title", "job role"),
    Field.STAGE: ("stage", "status", "application status"),
    Field.APPLIED_ON: (
        "applied",
        "applied on",
        "date applied",
        "applied date",
        "application date",
        "date",
    ),
    Field.LOCATION: ("location", "city", "place"),
    Field.JOB_LINK: (
        "link",
        "url",
        "job link",
        "job url",
        "advert",
        "job advert",
        "ad",
        "posting",
        "job posting",
    ),
    Field.RECRUITER: ("recruiter", "agent", "recruiter name", "recruiter contact"),
    Field.SOURCE: ("source", "found via", "channel"),
    Field.NOTES: ("notes", "note", "comments", "comment"),
}
"""Each field's accepted column names, already normalised."""

_BY_NAME: dict[str, Field] = {name: f for f, names in SYNONYMS.items() for name in names}


@dataclass(frozen=True)
class ColumnMap:
    """Where each known field is in a row, and the columns kept in the notes."""

    fields: dict[Field, int] = field(default_factory=dict)
    """Field -> cell index."""
    extra: list[tuple[int, str]] = field(default_factory=list)
    """(cell index, column name as written) for columns we do not know."""

    def missing(self) -> list[Field]:
        """Required fields with no column."""
        return [f for f in REQUIRED if f not in self.fields]


def map_header(header: Sequence[str]) -> ColumnMap:
    """Read a header row. The first column with a field's name wins; a second one is extra."""
    columns = ColumnMap()
    for index, raw in enumerate(header):
        name = raw.strip()
        known = _BY_NAME.get(normalise(name))
        if known is not None and known not in columns.fields:
            columns.fields[known] = index
        else:
            columns.extra.append((index, name or f"Column {index + 1}"))
    return columns
