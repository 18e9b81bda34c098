"""Turning records into TOML text and back, refusing anything damaged or ambiguous.

A stored file looks like this::

    # postinterview application. Safe to edit by hand; your comments are kept. Keep [file_end] ...
    schema_version = 2
    company = "Acme"
    ...
    [file_end]
    written_by = "postinterview 0.1.0"

`[file_end]` is how a cut file is noticed: a file cut at a line boundary is still valid TOML,
but it has lost its last section.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import tomli_w
from pydantic import ValidationError

from postinterview import __version__
from postinterview.domain.editing import describe_validation_error
from postinterview.domain.models import Application
from postinterview.storage import toml_guard
from postinterview.storage.migrations import (
    MigrationError,
    NewerSchema,
    give_people_ids,
    migrate,
    schema_for,
)
from postinterview.storage.toml_guard import APPLICATION, UnreadableToml, strip_bom

MAX_FILE_BYTES = APPLICATION.max_bytes
"""Larger files are refused before parsing: a real application is a few kilobytes (a byte-order
mark aside: see storage/toml_guard.py, which checks every file before it is parsed)."""

HEADER = (
    "# postinterview application. Safe to edit by hand; your comments are kept. "
    "Keep [file_end] as the last section.\n"
)
"""The first line of every file. True: a save over a hand-edited file keeps the person's text
(storage/hand_edits.py), and a save that cannot says so, in the outcome and in this line."""
END_TABLE = "file_end"


class DamagedFile(ValueError):
    """A file that cannot be trusted: it is reported and never overwritten."""

    def __init__(self, message: str, line: int | None = None, field: str | None = None) -> None:
        self.message = message
        self.line = line
        self.field = field
        super().__init__(self.describe())

    def describe(self) -> str:
        """'line 4, field company: must not be empty' style text."""
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(f"field {self.field}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class UnsavableRecord(ValueError):
    """A record that cannot be written as TOML; nothing was written."""


@dataclass(frozen=True)
class Decoded:
    """A file's content once checked."""

    data: dict[str, Any]
    """The record, without schema_version and file_end, migrated to the current schema (or,
    from a newer schema, as it is: there is no step down)."""
    migrated_from: int | None
    """The schema version the file had, when it was older than this version's."""
    newer_schema: int | None = None
    """The schema version the file had, when it was newer than this version's: the data is
    unmigrated, to be read with today's models if it fits and never written back."""


@dataclass(frozen=True)
class DecodedApplication:
    """An application read from a file, and whether it may be written back."""

    application: Application
    newer_schema: int | None = None
    """Set when a newer postinterview wrote the file: the application is shown read-only."""
    migrated_from: int | None = None
    """The older schema the file was migrated from: before its first rewrite, the store keeps
    the original bytes."""


def encode_record(record: Mapping[str, Any], header: str = HEADER) -> bytes:
    """TOML bytes for `record`, with schema_version first and [file_end] last.

    Serialises to a string and parses it back before anything touches the disk: tomli_w can
    fail half way, and a value that does not survive the round trip must not be written.
    """
    document: dict[str, Any] = {"schema_version": schema_for(record)}
    document.update({k: v for k, v in record.items() if k not in ("schema_version", END_TABLE)})
    document[END_TABLE] = {"written_by": f"postinterview {__version__}"}
    try:
        text = header + tomli_w.dumps(document)
        encoded = text.encode("utf-8")
        reparsed = tomllib.loads(text)
    except (TypeError, ValueError, UnicodeEncodeError, RecursionError) as error:
        raise UnsavableRecord(f"This record cannot be stored as TOML: {error}") from error
    if len(encoded) > MAX_FILE_BYTES:  # it would be written, then refused when read back
        raise UnsavableRecord(
            f"This record is {len(encoded) / 1_048_576:.1f} MiB as TOML; a file may be at most "
            f"{MAX_FILE_BYTES // 1_048_576} MiB. Shorten the longest text."
        )
    try:  # what is written must pass the check every read makes
        toml_guard.check_shape(text, APPLICATION)
    except UnreadableToml as error:
        raise UnsavableRecord(
            f"This record cannot be stored as TOML a read would accept: {error.message}. "
            "Shorten the longest text."
        ) from error
    if tomli_w.dumps(reparsed) != tomli_w.dumps(document):
        raise UnsavableRecord("This record does not survive being written as TOML.")
    return encoded


def encode_application(application: Application) -> bytes:
    """The file content for one application."""
    return encode_record(application.to_record())


def decode_record(raw: bytes) -> Decoded:
    """Parse and check a stored file; raise DamagedFile with the reason otherwise."""
    if not strip_bom(raw)[0].strip():
        raise DamagedFile("file is empty")
    try:
        document, text = toml_guard.load(raw, APPLICATION)
    except UnreadableToml as error:
        raise DamagedFile(error.message, line=error.line) from error
    if END_TABLE not in document:
        raise DamagedFile(
            f"the [{END_TABLE}] section is missing: the file looks cut short", field=END_TABLE
        )
    version = document.pop("schema_version", None)
    document.pop(END_TABLE)
    try:
        data, migrated_from = migrate(document, version)
    except NewerSchema as error:
        data = give_people_ids(document)  # ids to show it by; nothing is ever written back
        return Decoded(data=data, migrated_from=None, newer_schema=error.version)
    except MigrationError as error:
        version_line = _line_of(text, ["schema_version"])
        raise DamagedFile(str(error), line=version_line, field="schema_version") from error
    # Also for current files: someone added by hand without an id gets the same id at every
    # read, so a mark made on them before the next save still finds them after it.
    data = give_people_ids(data)
    return Decoded(data=data, migrated_from=migrated_from)


def declared_newer_schema(raw: bytes) -> int | None:
    """The schema a file declares when it is newer than this version's, even if the rest of
    it cannot be read here; None for any other file."""
    try:
        return decode_record(raw).newer_schema
    except DamagedFile:
        return None


def decode_application(raw: bytes, app_id: str) -> Application:
    """The Application in a stored file, its id taken from the file name."""
    return read_application(raw, app_id).application


def read_application(raw: bytes, app_id: str) -> DecodedApplication:
    """The Application in a stored file, and whether a newer version wrote it.

    A file from a newer schema is read with today's models (they keep unknown keys): if it
    fits, it is shown read-only; if not, it is damaged as far as this version can tell, and the
    message says that updating postinterview will open it.
    """
    decoded = decode_record(raw)
    try:
        application = Application.model_validate(decoded.data)
    except ValidationError as error:
        first = error.errors()[0]
        loc = [part for part in first["loc"]]
        text = raw.decode("utf-8").removeprefix("\ufeff")
        field = ".".join(str(part) for part in loc)
        message = describe_validation_error(error)[0].split(": ", 1)[-1]
        extra = error.error_count() - 1
        if extra:
            message += f" (and {extra} more problem{'s' if extra > 1 else ''})"
        if decoded.newer_schema is not None:
            message = (
                f"written by a newer postinterview (schema {decoded.newer_schema}) in a form "
                f"this one cannot read ({message}). Update postinterview to open it."
            )
        raise DamagedFile(message, line=_line_of(text, loc), field=field) from error
    application.id = app_id
    return DecodedApplication(application, decoded.newer_schema, decoded.migrated_from)


def _line_of(text: str, loc: Sequence[str | int]) -> int | None:
    """Best-effort line number of the key at `loc` (e.g. ['interviews', 1, 'at'])."""
    lines = text.splitlines()
    position = 0
    found: int | None = None
    array_header: re.Pattern[str] | None = None
    for part in loc:
        if isinstance(part, int):
            if array_header is None:
                # An inline array: its items usually sit one per line below the key.
                if found is not None and found + part + 1 < len(lines):
                    found = position = found + part + 1
                continue
            for _ in range(part):
                later = _find(lines, position + 1, array_header)
                if later is None:
                    break
                found = position = later
            continue
        key = re.escape(str(part))
        header = re.compile(rf'^\s*\[\[?(?:[^\]]*\.)?"?{key}"?\]\]?\s*$')
        hit = _find(lines, position, re.compile(rf'^\s*"?{key}"?\s*=|{header.pattern}'))
        if hit is None:
            break
        found = position = hit
        is_header = header.match(lines[hit]) is not None
        array_header = re.compile(re.escape(lines[hit].strip()) + "$") if is_header else None
    return None if found is None else found + 1


def _find(lines: list[str], start: int, pattern: re.Pattern[str]) -> int | None:
    for index in range(start, len(lines)):
        if pattern.match(lines[index].strip()):
            return index
    return None
