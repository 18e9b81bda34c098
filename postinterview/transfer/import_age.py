"""How old an imported application is: its created_at and stage history from the file's dates.

A tracker row says more than its stage: the day the role was saved or the card created
(`Date Saved`, Huntr's `createdAt`), the applied date, the day it reached its current stage
(`Last Moved`, Huntr's `lastMovedAt`), sometimes a whole stage history. Dating every import
"now" would make a month-old application count as added this week and be "in this stage
since today", and would make all of them go quiet together. So:

- `created_at` is the day the row was saved or created when the file says it (it is when the
  application entered a tracker, as in the app), else the earliest day the row gives
  (applied, history, stage since).
- The stage history is the history column when there is one, ending at the row's stage (a
  last move to it is added when the history stops earlier). Without one it is built from what
  the row says in the order a search goes: saved (when the app has a stage before Applied and
  the saved day is before the applied day), applied on the applied date, then the row's stage
  since its stage-since day.
- A step the file gives no day for is dated at `created_at` when it is the first, and at
  `now` otherwise: the row was in that stage when imported, and since when is not known. With
  no date at all, everything is `now`, as before.
- Nothing is later than `now`, and each step is no earlier than the one before it.

Pure: `now` is passed in; the local time zone is read as `domain.days.local_day` reads it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from postinterview.domain.models import StageChange
from postinterview.domain.stages import STAGE_ORDER, Stage
from postinterview.transfer.import_columns import ColumnMap
from postinterview.transfer.import_dates import row_date
from postinterview.transfer.import_day_order import DayOrderDecision
from postinterview.transfer.import_fields import Field
from postinterview.transfer.import_history import HistoryEntry, read_history

DAY_TIME = time(12)
"""The moment a day with no time becomes: noon in the person's own time zone, stored in UTC.

The app shows a moment as the day it falls on in the local time zone (`domain.days.local_day`,
the zone the CSV export also writes its days in), so local noon is shown, exported and read
again as the same day in every zone, UTC+14 and UTC-11 alike; a fixed noon UTC would show as
the next day in New Zealand, and midnight UTC as the day before across the Americas. Noon,
not midnight, because no zone changes its clocks at noon and it stays on its day when the
person later travels a few zones. A re-import on the same machine gives the same moments."""

UNDATED_MOVE_NOTE = "In this stage when imported; the file does not say since when"
"""The note of a last move the file gives no day for (it is dated at the import)."""


def day_moment(day: date, now: datetime) -> datetime:
    """The moment a file's `day` stands for (see DAY_TIME), never later than `now`."""
    return min(datetime.combine(day, DAY_TIME).astimezone().astimezone(UTC), now)


@dataclass(frozen=True)
class RowDates:
    """The days a row gives about its age; None where it gives none."""

    saved: date | None = None
    """When the role was saved or the row created."""
    applied: date | None = None
    since: date | None = None
    """When the row's current stage was reached (last moved, stage since, updated)."""
    history: Sequence[HistoryEntry] = ()
    """The row's stage history column, read (import_history)."""


@dataclass(frozen=True)
class RowAge:
    """An imported application's age: what its record holds about when things happened."""

    created_at: datetime
    stage: Stage
    stage_history: list[StageChange]


def row_age(stage: Stage | None, dates: RowDates, now: datetime, note: str) -> RowAge:
    """The age of a row in `stage` (None: the stage cell was empty) from its `dates`.

    `note` (e.g. "Imported from tracker.csv") is the first change's note.
    """
    steps: list[tuple[date | None, Stage]] = [(e.day, e.stage) for e in dates.history]
    stage = stage or (steps[-1][1] if steps else Stage.APPLIED)
    if not steps:
        steps = _steps_from_row(stage, dates)
    elif steps[-1][1] != stage:
        steps.append((dates.since, stage))
    known = [day for day in (dates.applied, *(d for d, _ in steps)) if day]
    first_day = dates.saved or (min(known) if known else None)
    created_at = day_moment(first_day, now) if first_day else now
    history: list[StageChange] = []
    for index, (day, to_stage) in enumerate(steps):
        if day is None:
            at = created_at if index == 0 else now
        else:
            at = day_moment(day, now)
            at = max(at, history[-1].at) if history else at
        said = note if index == 0 else UNDATED_MOVE_NOTE if day is None else ""
        from_stage = history[-1].to_stage if history else None
        history.append(StageChange(at=at, from_stage=from_stage, to_stage=to_stage, note=said))
    return RowAge(created_at, stage, history)


def _steps_from_row(stage: Stage, dates: RowDates) -> list[tuple[date | None, Stage]]:
    """The stages a row without a history went through, as far as its cells tell."""
    first = STAGE_ORDER[0]
    steps: list[tuple[date | None, Stage]] = []
    if dates.applied and STAGE_ORDER.index(stage) >= STAGE_ORDER.index(Stage.APPLIED):
        # Saved before it was applied for: the stage before Applied, if the app has one. A
        # created day alone does not say the card began there (it may have begun as Applied).
        if first != Stage.APPLIED and dates.saved and dates.saved < dates.applied:
            steps.append((dates.saved, first))
        steps.append((dates.applied, Stage.APPLIED))
    if not steps or steps[-1][1] != stage:
        steps.append((dates.since, stage))
    return steps


# --- Reading the cells ---------------------------------------------------------------------


@dataclass
class RowAgeRead:
    """A row's age and what was said on the way: warnings, and notes lines keeping text."""

    age: RowAge
    warnings: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


_DATE_FIELDS: dict[Field, str] = {Field.SAVED_ON: "date saved", Field.STAGE_SINCE: "stage since"}
"""The row's age columns besides the applied date, and how a warning names what they hold."""


def read_row_age(
    cell: Callable[[Field], str],
    columns: ColumnMap,
    stage: Stage | None,
    applied: date | None,
    now: datetime,
    note: str,
    stage_words: Mapping[str, Stage] | None = None,
    day_orders: Mapping[int, DayOrderDecision] | None = None,
) -> RowAgeRead:
    """The age of a row whose cells `cell` gives, in `stage` (None when its cell was empty),
    applied on `applied` (already read). A date or history that cannot be read costs only
    itself: a warning, and the cell kept in the notes under its column's name."""
    warnings: list[str] = []
    kept: list[str] = []

    def label(name: Field) -> str:
        return columns.header[columns.fields[name]].strip() or name.value

    days: dict[Field, date | None] = {}
    for name, meaning in _DATE_FIELDS.items():
        days[name] = None
        if text := cell(name):
            order = (day_orders or {}).get(columns.fields[name])
            date_read = row_date(text, order, meaning, label(name))
            days[name] = date_read.day
            warnings += date_read.warnings
            kept += [date_read.kept] if date_read.kept else []
        if (day := days[name]) is not None and day > now.date():
            warnings.append(f"{meaning} {text!r} is after today: dated today")
    history: list[HistoryEntry] = []
    if text := cell(Field.HISTORY):
        reading = read_history(text, stage_words)
        history = reading.entries
        if reading.unreadable:
            first, more = reading.unreadable[0], len(reading.unreadable) - 1
            also = f" and {more} more" if more else ""
            warnings.append(
                f"stage history entry {first!r}{also} not read: the history kept in the notes"
            )
            kept.append(f"{label(Field.HISTORY)}: {text}")
    dates = RowDates(days[Field.SAVED_ON], applied, days[Field.STAGE_SINCE], history)
    return RowAgeRead(row_age(stage, dates, now, note), warnings, kept)
