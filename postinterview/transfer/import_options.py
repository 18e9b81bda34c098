"""What a person tells the import beyond the file: columns and stage words read their way."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from postinterview.domain.stages import Stage
from postinterview.transfer.import_day_order import DayOrder


@dataclass(frozen=True)
class ImportOptions:
    """Overrides given on the command line (`--map`, `--stage`, `--day-first`) or in the app's
    import."""

    columns: Mapping[str, str] = field(default_factory=dict)
    """File column (as the header writes it) -> field name (an `import_columns.Field`
    value), or "notes" to keep it in the notes, or "skip" to leave it out."""
    stages: Mapping[str, Stage] = field(default_factory=dict)
    """A tracker's stage word (as the file writes it, case ignored) -> our stage."""
    day_order: DayOrder | None = None
    """How slashed dates such as 03/04/2026 are read (`--day-first`, `--month-first`);
    None to decide it per column from the file."""
