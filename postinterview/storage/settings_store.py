"""Reading `settings.toml`: a person's preferences, written by hand.

Reading never fails and never writes. A missing file means the defaults. A file that cannot be
read or is not TOML means the defaults plus a problem naming the file and the reason. A setting
of the wrong type is left out (its default is used) and reported; every other setting still
applies, and keys this version does not know are kept.

Unlike application files, settings need no `schema_version` or `[file_end]`: a person writing
`[signal_weights]` by hand should not have to know about either.

Writing (`save_table`) changes one table and leaves the rest of the text as it was.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from postinterview.domain.settings import Settings
from postinterview.storage import atomic, paths, toml_guard
from postinterview.storage.toml_guard import BOM, SETTINGS, UnreadableToml

MAX_SETTINGS_BYTES = SETTINGS.max_bytes
"""Larger files are refused before parsing: real settings are a few hundred bytes (see
storage/toml_guard.py for the rest of the check every file has before it is parsed)."""

_MAX_PASSES = 20
"""Bad settings are dropped and the rest validated again; a bound so this always ends."""


@dataclass(frozen=True)
class SettingsLoad:
    """The settings to use, and what was wrong with the file, if anything."""

    settings: Settings
    """The settings: the file's where they are valid, the defaults elsewhere."""
    problems: list[str] = field(default_factory=list)
    """One sentence per problem, naming the file (and line and setting where known)."""
    path: Path | None = None
    """The file that was read (or would have been)."""


def load_settings(root: Path) -> SettingsLoad:
    """The settings in data folder `root`. Never raises for anything the file may contain."""
    path = paths.settings_path(root)
    try:
        with path.open("rb") as handle:
            # One byte over (a byte-order mark aside) shows an oversized file.
            raw = handle.read(len(BOM) + MAX_SETTINGS_BYTES + 1)
    except FileNotFoundError:
        return SettingsLoad(Settings(), [], path)
    except IsADirectoryError:
        return _defaults(path, "is a folder, not a file")
    except OSError as error:
        return _defaults(path, f"cannot be read ({error.strerror or error})")
    try:
        document, text = toml_guard.load(raw, SETTINGS)
    except UnreadableToml as error:  # too large, not UTF-8, a pathological shape, not TOML
        return _defaults(path, str(error))
    settings, problems = _validate(document, text, path)
    return SettingsLoad(settings, problems, path)


def _defaults(path: Path, reason: str) -> SettingsLoad:
    return SettingsLoad(Settings(), [f"{path}: {reason}. The default settings are used."], path)


def _validate(document: dict[str, Any], text: str, path: Path) -> tuple[Settings, list[str]]:
    """Validate, leaving out each bad setting (and reporting it) until the rest is valid."""
    data = copy.deepcopy(document)
    problems: list[str] = []
    for _ in range(_MAX_PASSES):
        try:
            return Settings.model_validate(data), problems
        except ValidationError as error:
            for item in error.errors():
                loc = item["loc"]
                problems.append(_describe(path, text, loc, item["msg"], item.get("input")))
                if not _drop(data, loc):
                    return Settings(), [*problems, f"{path}: the default settings are used."]
    return Settings(), [*problems, f"{path}: the default settings are used."]


def _drop(data: dict[str, Any], loc: Sequence[str | int]) -> bool:
    """Remove the value at `loc`, or failing that its top-level setting. False if neither exists."""
    parent: Any = data
    for part in loc[:-1]:
        if not isinstance(parent, dict) or part not in parent:
            parent = None
            break
        parent = parent[part]
    if loc and isinstance(parent, dict) and loc[-1] in parent:
        del parent[loc[-1]]
        return True
    if loc and loc[0] in data:
        del data[loc[0]]
        return True
    return False


def _describe(path: Path, text: str, loc: Sequence[str | int], message: str, value: Any) -> str:
    where = ".".join(str(part) for part in loc) or "settings"
    line = _line_of(text, loc)
    at = f"line {line}, " if line is not None else ""
    message = message.removeprefix("Value error, ")
    message = message[:1].lower() + message[1:]
    found = f" (found {value!r})" if not isinstance(value, dict | list) else ""
    return f"{path}: {at}{where}: {message}{found}. Left out; its default is used."


def _line_of(text: str, loc: Sequence[str | int]) -> int | None:
    """Best-effort line of the last key in `loc`, looked for after its table's header."""
    lines = text.splitlines()
    start = 0
    keys = [str(part) for part in loc]
    if len(keys) > 1:
        header = re.compile(rf'^\s*\[\s*"?{re.escape(keys[0])}"?\s*\]\s*$')
        start = next((i for i, line in enumerate(lines) if header.match(line)), 0)
    key = re.compile(rf'^\s*"?{re.escape(keys[-1])}"?\s*=') if keys else None
    for index in range(start, len(lines)):
        if key is not None and key.match(lines[index]):
            return index + 1
    return None


# --- Writing one table -------------------------------------------------------------------------


class CannotSaveSettings(Exception):
    """settings.toml was not changed: it could not be read (so it is left as it is) or
    written; the message says which and why."""


def save_table(root: Path, table: str, values: dict[str, str]) -> Path:
    """Set `values` in the `[table]` of data folder `root`'s settings.toml; return its path.

    Everything else in the file stays as the person wrote it: the keys are replaced or added
    in the text itself, so comments and layout survive. Only if that cannot be done safely
    (the table written inline or as dotted keys) is the file written afresh from its data,
    which keeps every setting but not the comments. A file that cannot be read or is not TOML
    is never overwritten. A byte-order mark first is kept. The write is atomic.
    """
    path = paths.settings_path(root)
    raw = _current_bytes(path)
    try:
        text = toml_guard.checked_text(raw, SETTINGS)
        document = toml_guard.parse(text)
    except UnreadableToml as error:
        raise CannotSaveSettings(f"{path}: {error}, so it was left as it is.") from error
    expected = copy.deepcopy(document)
    existing = expected.get(table)
    if existing is not None and not isinstance(existing, dict):
        raise CannotSaveSettings(f"{path}: {table} is not a table, so it was left as it is.")
    expected[table] = {**(existing or {}), **values}
    edited = _edited_text(text, table, values)
    if edited is None or _parsed(edited) != expected:
        edited = tomli_w.dumps(expected)
    try:
        atomic.ensure_private_dir(root)
        mark = BOM if raw.startswith(BOM) else b""  # the editor that added it expects it
        atomic.write_atomic(path, mark + edited.encode("utf-8"))
    except OSError as error:
        raise CannotSaveSettings(f"Could not write {path}: {error.strerror or error}") from error
    return path


def _current_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(len(BOM) + MAX_SETTINGS_BYTES + 1)  # the check sees one over
    except FileNotFoundError:
        return b""
    except OSError as error:
        reason = error.strerror or str(error)
        message = f"{path} cannot be read ({reason}), so it was left as it is."
        raise CannotSaveSettings(message) from error


def _parsed(text: str) -> dict[str, Any] | None:
    try:
        return toml_guard.parse(text)  # our own edit of a checked text: no check needed
    except UnreadableToml:
        return None


_HEADER = re.compile(r"^\s*\[\s*([^\]\s]+)\s*\]\s*(#.*)?$")
_ANY_HEADER = re.compile(r"^\s*\[")


def _edited_text(text: str, table: str, values: dict[str, str]) -> str | None:
    """`text` with `values` set in `[table]` by replacing or adding lines; None if the table
    is not a plain `[table]` section (the caller checks the result parses as intended)."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    names = {table, f'"{table}"'}
    start = next((i for i, line in enumerate(lines) if _header_name(line) in names), None)
    if start is None:
        block = [f"[{table}]\n", *(_key_line(key, value) for key, value in values.items())]
        gap = ["\n"] if lines and lines[-1].strip() else []
        return "".join(lines + gap + block)
    end = next((i for i in range(start + 1, len(lines)) if _ANY_HEADER.match(lines[i])), len(lines))
    missing: list[str] = []
    for key, value in values.items():
        pattern = re.compile(rf'^\s*("?){re.escape(key)}\1\s*=')
        found = next((i for i in range(start + 1, end) if pattern.match(lines[i])), None)
        if found is None:
            missing.append(_key_line(key, value))
        else:
            lines[found] = _key_line(key, value)
    lines[start + 1 : start + 1] = missing
    return "".join(lines)


def _header_name(line: str) -> str | None:
    match = _HEADER.match(line)
    return match.group(1) if match else None


def _key_line(key: str, value: str) -> str:
    return tomli_w.dumps({key: value})
