"""Bringing files written by older versions up to the current schema.

To change the schema: bump SCHEMA_VERSION and add a step to _STEPS that turns a version N
record into a version N+1 record. Steps work on plain dicts and must keep keys they do not know.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1
"""The schema this version of postinterview writes."""

Record = dict[str, Any]

_STEPS: dict[int, Callable[[Record], Record]] = {
    # 1: lambda record: {...record, "new_field": ...},   # how version 1 becomes 2
}


class MigrationError(ValueError):
    """A schema version this version cannot read."""


class NewerSchema(MigrationError):
    """The file was written by a newer postinterview: it cannot be migrated (there is no step
    down), though its data may still fit today's models well enough to be shown read-only."""

    def __init__(self, version: int) -> None:
        self.version = version
        """The schema the file declares."""
        super().__init__(
            f"written by a newer postinterview (schema {version}); this one reads up to "
            f"schema {SCHEMA_VERSION}. Update postinterview to open it."
        )


def newer_schema_reason(version: int) -> str:
    """Why a record from a newer version is shown but never changed: one wording for the
    banner, the card and every refused write."""
    return f"written by a newer postinterview (schema {version}); update postinterview to change it"


def migrate(record: Record, version: object) -> tuple[Record, int | None]:
    """`record` at the current schema, and the version it came from if it was older."""
    if version is None:
        raise MigrationError("schema_version is missing")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise MigrationError(f"schema_version must be a whole number from 1, not {version!r}")
    if version > SCHEMA_VERSION:
        raise NewerSchema(version)
    original = version
    while version < SCHEMA_VERSION:
        record = _STEPS[version](record)
        version += 1
    return record, (original if original < SCHEMA_VERSION else None)
