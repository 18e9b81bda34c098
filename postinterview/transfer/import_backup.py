"""Reading back a backup: the JSON that `export --format json` writes (transfer.export_json).

Pure: JSON text in, the applications out, each with its id as it was, or a refusal naming
the entry (its position, company and id) and what is wrong with it. One damaged entry is
refused alone; the others are still read. The file as a whole is refused only when nothing
in it can be trusted: too big, not UTF-8, not JSON, or not a postinterview backup.
"""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from postinterview.domain.editing import describe_validation_error
from postinterview.domain.ids import is_valid_id
from postinterview.domain.models import Application
from postinterview.transfer.export_json import FORMAT
from postinterview.transfer.import_json import JsonRefused, parse_json
from postinterview.transfer.toml_values import TomlTypes, TypeRefused, apply_types

MAX_BACKUP_BYTES = 256 * 1024 * 1024
"""Larger files are refused unread: 10,000 applications make a backup of a few tens of MiB."""

FORMAT_FAMILY = FORMAT.rsplit("/", 1)[0] + "/"
"""What every version of the backup format starts with."""


class BackupRefused(ValueError):
    """The file as a whole cannot be restored; the message says why, in one line."""


@dataclass(frozen=True)
class BackupEntry:
    """One application read from the backup."""

    index: int
    """Its position in the backup's list of applications, from 1."""
    application: Application
    """The application, with its id as it was in the backup."""

    @property
    def label(self) -> str:
        """'application 3 (Acme Robotics, acme-robotics-k3x9q2)', for messages."""
        return f"application {self.index} ({self.application.company}, {self.application.id})"


@dataclass(frozen=True)
class EntryRefused:
    """An entry of the backup that cannot be restored, and why."""

    index: int
    """Its position in the backup's list of applications, from 1."""
    label: str
    """'application 3 (Acme Robotics, acme-robotics-k3x9q2)', as far as the entry tells."""
    message: str
    """What is wrong, naming the field."""


@dataclass
class BackupRead:
    """Everything read from a backup file."""

    entries: list[BackupEntry] = field(default_factory=list)
    refused: list[EntryRefused] = field(default_factory=list)
    exported_at: str = ""
    """When the backup was made, as the file says (for the summary)."""


def looks_like_backup(name: str, raw: bytes) -> bool:
    """Whether `import` should read the file as a backup: it holds a JSON object whose
    `format` is a postinterview backup's, or its name ends in .json and it is not JSON at all
    (restoring says why). Other JSON, a list or someone else's object, is a tracker's export
    of applications, for the tracker import (transfer.import_json)."""
    json_name = name.lower().endswith(".json")
    if not json_name and not raw.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{"):
        return False
    try:
        document = _parsed(raw)
    except BackupRefused:
        return json_name
    return isinstance(document, dict) and str(document.get("format", "")).startswith(FORMAT_FAMILY)


def read_backup(raw: bytes) -> BackupRead:
    """Every application in the backup `raw`, or a refusal for each entry that is damaged.
    BackupRefused when the file as a whole is not a backup this version can read."""
    document = _document(raw)
    version = document.get("format")
    if version != FORMAT:
        if isinstance(version, str) and version.startswith(FORMAT_FAMILY):
            raise BackupRefused(
                f"was made by a newer postinterview (format {version}); this one reads "
                f"{FORMAT}. Update postinterview to restore it"
            )
        raise BackupRefused(
            "is not a postinterview backup (a file made by `postinterview export --format "
            'json`, whose "format" is ' + f"{FORMAT!r})"
        )
    applications = document.get("applications")
    if not isinstance(applications, list):
        raise BackupRefused('has no list of "applications": the backup is damaged')
    all_types = document.get("toml_types", {})
    newer = document.get("newer_schema", {})
    for key, value in (("toml_types", all_types), ("newer_schema", newer)):
        if not isinstance(value, dict):
            raise BackupRefused(f'its "{key}" is not an object: the backup is damaged')
    result = BackupRead(exported_at=str(document.get("exported_at", "")))
    seen: dict[str, int] = {}
    for index, entry in enumerate(applications, start=1):
        try:
            application = _application(entry, all_types, seen)
            if application.id in newer:
                raise _Refused(
                    f"its file was written by a newer postinterview (schema "
                    f"{newer[application.id]}), which this one cannot write back faithfully: "
                    "restore it with that version, or copy the file from a `backup` folder"
                )
        except _Refused as refusal:
            result.refused.append(EntryRefused(index, _label(index, entry), str(refusal)))
            continue
        seen[application.id] = index
        result.entries.append(BackupEntry(index, application))
    return result


class _Refused(ValueError):
    """One entry cannot be restored."""


def _document(raw: bytes) -> dict[str, Any]:
    document = _parsed(raw)
    if not isinstance(document, dict):
        raise BackupRefused("is JSON but not an object, so it is not a postinterview backup")
    return document


def _parsed(raw: bytes) -> Any:
    """The JSON value in `raw`; BackupRefused when it is too big, not UTF-8 or not JSON."""
    if len(raw) > MAX_BACKUP_BYTES:
        raise BackupRefused(f"is larger than {MAX_BACKUP_BYTES // (1024 * 1024)} MiB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise BackupRefused(f"line {line} is not UTF-8 text, so it is not a backup") from error
    try:
        document = parse_json(text)
    except JsonRefused as refusal:
        raise BackupRefused(str(refusal)) from refusal
    return document


def _application(entry: Any, all_types: dict[str, Any], seen: dict[str, int]) -> Application:
    if not isinstance(entry, dict):
        raise _Refused("is not an object")
    app_id = entry.get("id")
    if not isinstance(app_id, str) or not is_valid_id(app_id):
        raise _Refused(
            f"its id {app_id!r} is not a valid application id (lower-case letters, digits and "
            "single hyphens)"
        )
    if app_id in seen:
        raise _Refused(f"the same id is application {seen[app_id]} too; that one is kept")
    types = all_types.get(app_id, {})
    if not isinstance(types, dict) or not all(isinstance(kind, str) for kind in types.values()):
        raise _Refused(f'toml_types["{app_id}"] is not an object of type names')
    try:
        application = Application.model_validate_json(json.dumps(entry))
    except ValidationError as error:
        raise _Refused("; ".join(describe_validation_error(error))) from error
    application.id = app_id
    try:
        apply_types(application, TomlTypes(types))
    except TypeRefused as error:
        raise _Refused(f"toml_types: {error}") from error
    return application


def _label(index: int, entry: Any) -> str:
    """What a refused entry can be called by: its company and id where it has them."""
    if not isinstance(entry, dict):
        return f"application {index}"
    names = [
        value.strip()
        for value in (entry.get("company"), entry.get("id"))
        if isinstance(value, str) and value.strip()
    ]
    return f"application {index} ({', '.join(names)})" if names else f"application {index}"
