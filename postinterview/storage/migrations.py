"""Bringing files written by older versions up to the current schema.

To change the schema: bump SCHEMA_VERSION and add a step to _STEPS that turns a version N
record into a version N+1 record. Steps work on plain dicts and must keep keys they do not know.

Schema history:
- 1: the first schema.
- 2: every interviewer, referee and recruiter carries an `id` (see `give_people_ids`).
- 3: schema 2 with one more stage, `saved` (issue 16). Only a record at that stage is written
  as 3 (`schema_for`): a version that knows schema 2 only reads it as a newer version's file
  ("update postinterview to open it"), not as a damaged one it might offer to put aside,
  while it keeps reading and writing every other file as before. No step: a 2 is a valid 3.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from postinterview.domain.ids import slugify

SCHEMA_VERSION = 2
"""The schema this version of postinterview writes for a record that needs no later one."""
SAVED_STAGE_SCHEMA = 3
"""The schema of a record at the Saved stage, which schema 2 has no value for."""
NEWEST_SCHEMA = SAVED_STAGE_SCHEMA
"""The newest schema this version reads; files from 2 up to it need no migration."""

Record = dict[str, Any]

REFEREE_PREFIX = "referee-"
RECRUITER_PREFIX = "recruiter-"


class MigrationError(ValueError):
    """A schema version this version cannot read."""


def give_people_ids(record: Record) -> Record:
    """`record` with an `id` on every interviewer, referee and recruiter that has none.

    The 1 -> 2 step, and also run on every file read (storage.codec), so a person added to a
    file by hand without an id gets the same id at every load until the next save stores it.

    Deterministic and idempotent; people that already have an id keep it, and nothing else in
    the record changes (unknown keys included). An interviewer's id is the key schema 1 filed
    their checklist marks and snoozes under (`_historical_key`), so `thank-you:ana-ruiz` keeps
    pointing at Ana with no rekeying. Referees and the recruiter had no keys; theirs are
    prefixed so they cannot clash with an interviewer's in an entry id.
    """
    result = dict(record)
    interviews = record.get("interviews")
    if isinstance(interviews, list):
        result["interviews"] = [
            {**interview, "interviewers": _with_ids(interview["interviewers"], "")}
            if isinstance(interview, dict) and "interviewers" in interview
            else interview
            for interview in interviews
        ]
    if "referees" in record:
        result["referees"] = _with_ids(record["referees"], REFEREE_PREFIX)
    recruiter = record.get("recruiter")
    if isinstance(recruiter, dict) and not _has_id(recruiter):
        slug = slugify(str(recruiter.get("name", "")))
        recruiter_id = f"{RECRUITER_PREFIX}{slug}" if slug else "recruiter"
        result["recruiter"] = {**recruiter, "id": recruiter_id}
    return result


def _has_id(person: dict[str, Any]) -> bool:
    # An id that is not text is kept, for validation to report; blank text counts as none.
    value = person.get("id")
    return value is not None and not (isinstance(value, str) and not value.strip())


def _with_ids(people: object, prefix: str) -> object:
    """The people with ids filled in by the historical rule, skipping ids already taken."""
    if not isinstance(people, list):
        return people  # not a list of people: validation reports it, with its line
    taken = {p["id"] for p in people if isinstance(p, dict) and isinstance(p.get("id"), str)}
    filled: list[object] = []
    for position, person in enumerate(people, start=1):
        if not isinstance(person, dict) or _has_id(person):
            filled.append(person)
            continue
        key = _historical_key(person, position, prefix, taken)
        taken.add(key)
        filled.append({**person, "id": key})
    return filled


def _historical_key(person: dict[str, Any], position: int, prefix: str, taken: set[str]) -> str:
    """Schema 1's per-interviewer key (its `interviewer_keys`): the slug of the name, else the
    1-based position, with '-2', '-3', ... for a name already used. Kept here, frozen, because
    the files it keyed still exist."""
    base = prefix + (slugify(str(person.get("name", ""))) or str(position))
    key, suffix = base, 2
    while key in taken:
        key, suffix = f"{base}-{suffix}", suffix + 1
    return key


_STEPS: dict[int, Callable[[Record], Record]] = {
    1: give_people_ids,  # 1 -> 2: people get ids
}


class NewerSchema(MigrationError):
    """The file was written by a newer postinterview: it cannot be migrated (there is no step
    down), though its data may still fit today's models well enough to be shown read-only."""

    def __init__(self, version: int) -> None:
        self.version = version
        """The schema the file declares."""
        super().__init__(
            f"written by a newer postinterview (schema {version}); this one reads up to "
            f"schema {NEWEST_SCHEMA}. Update postinterview to open it."
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
    if version > NEWEST_SCHEMA:
        raise NewerSchema(version)
    original = version
    while version < SCHEMA_VERSION:
        record = _STEPS[version](record)
        version += 1
    return record, (original if original < SCHEMA_VERSION else None)


def schema_for(record: Mapping[str, Any]) -> int:
    """The schema a record is written with: the oldest that holds it, so older versions go on
    reading and writing every file they fully understand."""
    return SAVED_STAGE_SCHEMA if record.get("stage") == "saved" else SCHEMA_VERSION


def step(version: int) -> Callable[[Record], Record]:
    """The step that turns a version `version` record into a version `version + 1` one."""
    return _STEPS[version]
