"""Which column of a spreadsheet tracker holds what: header names matched with synonyms.

Headers are compared by a key that ignores case, punctuation and accents and splits camelCase
(`companyName`, `Company Name:`, `company_name` and `COMPANY-NAME` are one column; `Société`
is `societe`). The synonyms cover the trackers people export from (Huntr, JobSync, LinkedIn,
Teal, Notion, sheet templates) in English, German, French and Spanish. A column we do not know
is kept: its cells go into the application's notes as 'Column: value' lines. The person can
override any of it with `--map COLUMN=field` (ImportOptions.columns).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from postinterview.transfer.import_fields import (
    DATE_FIELDS,
    KEEP_IN_NOTES,
    REQUIRED,
    SKIP,
    SYNONYMS,
    Field,
    header_key,
)

_BY_NAME: dict[str, Field] = {name: f for f, names in SYNONYMS.items() for name in names}

_YES_NO = frozenset(
    header_key(word) for word in "yes no true false y n ja nein oui non sí si 1 0 ✓ ✔ ✗ x".split()
)
"""Cell values of a tick-box column: such a column says whether, never when or where."""

_NOT_YES_NO = (*DATE_FIELDS, Field.STAGE)


class MappingRefused(ValueError):
    """A `--map` the file cannot follow, or a required column missing; one line."""


@dataclass(frozen=True)
class ColumnMap:
    """Where each known field is in a row, the columns kept in the notes, and why."""

    fields: dict[Field, int] = field(default_factory=dict)
    """Field -> cell index."""
    extra: list[tuple[int, str]] = field(default_factory=list)
    """(cell index, column name as written) for columns kept in the notes."""
    header: tuple[str, ...] = ()
    """The header row as written; a column in neither `fields` nor `extra` is skipped."""
    reasons: dict[int, str] = field(default_factory=dict)
    """Cell index -> why the column went where it did, when it was not its name."""

    def missing(self) -> list[Field]:
        """Required fields with no column."""
        return [f for f in REQUIRED if f not in self.fields]

    def lines(self) -> list[str]:
        """One line per file column: `"Name" -> field`, `-> notes` or `-> skipped`."""
        by_index = {index: name.value for name, index in self.fields.items()}
        kept = {index for index, _ in self.extra}
        result = []
        for index, name in enumerate(self.header):
            target = by_index.get(index) or ("notes" if index in kept else "skipped")
            reason = f" ({self.reasons[index]})" if index in self.reasons else ""
            result.append(f"{_shown_name(name, index)} -> {target}{reason}")
        return result


def _shown_name(name: str, index: int) -> str:
    return name.strip() or f"Column {index + 1}"


def map_header(
    header: Sequence[str],
    sample_rows: Sequence[Sequence[str]] = (),
    overrides: Mapping[str, str] | None = None,
) -> ColumnMap:
    """Read a header row. `overrides` (column -> field, "notes" or "skip") come first; then
    the first column with a field's name wins, a second one goes to the notes. A column whose
    `sample_rows` cells are all yes/no is never a date or a stage. MappingRefused for an
    override the file cannot follow."""
    columns = ColumnMap(header=tuple(header))
    chosen = _overrides(header, overrides or {}, columns)
    for index, raw in enumerate(header):
        if index in chosen:
            continue
        known = _BY_NAME.get(header_key(raw))
        if known in _NOT_YES_NO and _is_yes_no(index, sample_rows):
            columns.reasons[index] = "yes/no values, so not a date or a stage"
            known = None
        if known is not None and known not in columns.fields:
            columns.fields[known] = index
        else:
            columns.extra.append((index, _shown_name(raw, index)))
    _contact_parts_need_a_contact(columns, chosen)
    columns.extra.sort()
    return columns


_CONTACT_PARTS = (Field.RECRUITER_EMAIL, Field.RECRUITER_PHONE)


def _contact_parts_need_a_contact(columns: ColumnMap, chosen: set[int]) -> None:
    """An email or phone column is the recruiter's only beside a contact (name) column:
    alone it is as likely the person's own (LinkedIn's `Contact Email` is the applicant's),
    so it is kept in the notes, unless `--map` said otherwise."""
    if Field.RECRUITER in columns.fields:
        return
    for part in _CONTACT_PARTS:
        index = columns.fields.get(part)
        if index is not None and index not in chosen:
            del columns.fields[part]
            columns.extra.append((index, _shown_name(columns.header[index], index)))
            columns.reasons[index] = "no contact column beside it, so perhaps your own"


def _overrides(header: Sequence[str], overrides: Mapping[str, str], columns: ColumnMap) -> set[int]:
    """Apply `--map`s to `columns`; the indices they decided."""
    accepted = [f.value for f in Field] + [SKIP]
    chosen: set[int] = set()
    for column, target in overrides.items():
        target = target.strip().casefold()
        if target not in accepted:
            raise MappingRefused(
                f"--map {column}={target}: {target!r} is not a field; use one of "
                + ", ".join(accepted)
            )
        index = _find_column(header, column)
        if index is None:
            hint = _nearest(column, header)
            raise MappingRefused(
                f"--map {column}={target}: the header has no column {column!r}"
                + (f"; did you mean {hint!r}?" if hint else "")
            )
        chosen.add(index)
        columns.reasons[index] = "--map"
        if target == KEEP_IN_NOTES:
            columns.extra.append((index, _shown_name(header[index], index)))
        elif target != SKIP:
            columns.fields[Field(target)] = index
    return chosen


def _find_column(header: Sequence[str], column: str) -> int | None:
    """The column as written, or else the one with the same header key."""
    for index, name in enumerate(header):
        if name.strip() == column.strip():
            return index
    for index, name in enumerate(header):
        if header_key(name) == header_key(column):
            return index
    return None


def _is_yes_no(index: int, sample_rows: Sequence[Sequence[str]]) -> bool:
    values = [row[index].strip() for row in sample_rows if index < len(row) and row[index].strip()]
    return bool(values) and all(header_key(value) in _YES_NO or value in "✓✔✗" for value in values)


def _nearest(wanted: str, candidates: Sequence[str], words: Sequence[str] = ()) -> str | None:
    """The candidate closest to `wanted` (or to any of `words`), by header key; None if none is
    close."""
    best, best_score = None, 0.6
    targets = [header_key(wanted), *words] if wanted else list(words)
    for name in candidates:
        key = header_key(name)
        for target in targets:
            score = difflib.SequenceMatcher(None, key, target).ratio()
            if score > best_score:
                best, best_score = name.strip(), score
    return best


def missing_column_message(columns: ColumnMap, missing: Field) -> str:
    """Why a header with no `missing` column is refused, naming the nearest column if any."""
    names = ", ".join(SYNONYMS[missing][:3])
    text = f"the header has no {missing.value} column (name one {names})"
    free = [columns.header[i] for i, _ in columns.extra if columns.reasons.get(i) != "--map"]
    hint = _nearest("", free, SYNONYMS[missing])
    if hint:
        option = f"{hint}={missing.value}"
        shown = f'"{option}"' if " " in option else option
        text += f"; did you mean {hint!r}? Use --map {shown}"
    return text
