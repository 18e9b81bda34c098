"""A tracker's JSON export as rows of cells: a list of applications, each an object.

Trackers that keep their data as JSON (ghosted, small web apps) export a top-level list of
objects, or an object holding one such list (`{"applications": [...]}`). Each object becomes
a row, so the rest of the import reads it like a sheet: nested objects are flattened to dotted
column names (`contact.name`, `contact.email`), a list is joined into one readable cell, a
number or boolean becomes text (`yes`/`no`), and null an empty cell. The columns are every
name any object uses, in the order they first appear. A row's line is the line its object
starts on, so messages point into the file as they do for a CSV.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

MAX_DEPTH = 8
"""Objects nested deeper than this are kept as one cell of text rather than more columns."""

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()

JsonRecord = tuple[int, list[str]]
"""(the line an object starts on, its cells); the first is the header."""


class JsonRefused(ValueError):
    """The JSON is not a list of applications we can read; the message says why, in one line."""


def looks_like_json(text: str) -> bool:
    """Whether the text is JSON rather than a table: it starts with `[` or `{`."""
    return text.lstrip().startswith(("[", "{"))


def parse_json(text: str) -> Any:
    """The JSON document in `text`; JsonRefused naming the line and column where it breaks.

    The one JSON parse of the import and the restore: a deep nesting or a huge number is
    refused like bad syntax, never raised as a traceback."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise JsonRefused(
            f"line {error.lineno}, column {error.colno}: not valid JSON ({error.msg}); "
            "the file may be cut short or damaged"
        ) from error
    except (RecursionError, ValueError) as error:
        raise JsonRefused(f"is not readable JSON ({type(error).__name__})") from error


def json_records(text: str, max_columns: int) -> list[JsonRecord]:
    """The header (every column name) and one row per object of the list; JsonRefused for bad
    JSON (with its line and column), no list of objects, or more than `max_columns` names."""
    document = parse_json(text)
    start = _skip(text, 0)
    if isinstance(document, dict):
        start = _member_start(text, start, _list_key(document))
    elif not isinstance(document, list):
        raise JsonRefused("is JSON but holds no list of applications")
    del document  # each object is read again below, with its position
    try:
        return _records(text, start, max_columns)
    except RecursionError as error:
        raise JsonRefused("is JSON nested too deeply to read as applications") from error


def _list_key(document: dict[str, Any]) -> str:
    """The member of an object that holds the applications: its one list (of objects)."""
    lists = [key for key, value in document.items() if isinstance(value, list)]
    if len(lists) > 1:
        lists = [key for key in lists if _is_list_of_objects(document[key])]
    if len(lists) == 1:
        return lists[0]
    if not lists:
        raise JsonRefused(
            "is JSON but holds no list of applications "
            '(a list of objects, or an object holding one, e.g. {"applications": [...]})'
        )
    raise JsonRefused(
        f"is JSON holding several lists of objects ({', '.join(map(repr, lists))}); "
        "it should hold one list of applications"
    )


def _is_list_of_objects(value: list[Any]) -> bool:
    return bool(value) and all(isinstance(item, dict) for item in value)


def _records(text: str, start: int, max_columns: int) -> list[JsonRecord]:
    lines = _LineCounter(text)
    header_line = lines.at(start)
    rows: list[tuple[int, dict[str, str]]] = []
    names: dict[str, None] = {}
    for number, (offset, item) in enumerate(_items(text, start), start=1):
        line = lines.at(offset)
        if not isinstance(item, dict):
            raise JsonRefused(
                f"line {line}: item {number} of the list is {_kind(item)}, not an object "
                "of an application's fields"
            )
        cells: dict[str, str] = {}
        _flatten(item, "", cells, 0)
        names.update(dict.fromkeys(cells))
        if len(names) > max_columns:
            raise JsonRefused(
                f"line {line}: the objects have over {max_columns:,} different fields; "
                f"a tracker has at most {max_columns:,} columns"
            )
        if any(cells.values()):
            rows.append((line, cells))
    if not rows:
        raise JsonRefused(f"line {header_line}: the list holds no applications")
    header = list(names)
    records: list[JsonRecord] = [(header_line, header)]
    rows.reverse()
    while rows:  # each object's cells let go as its row is made
        line, cells = rows.pop()
        records.append((line, [cells.get(name, "") for name in header]))
    return records


def _flatten(value: dict[str, Any], prefix: str, cells: dict[str, str], depth: int) -> None:
    """The object's members as cells, a nested object's under `outer.inner` names."""
    for key, inner in value.items():
        name = f"{prefix}.{key}" if prefix else key
        if isinstance(inner, dict) and depth < MAX_DEPTH:
            _flatten(inner, name, cells, depth + 1)
        else:
            cells[name] = cell_text(inner)


def cell_text(value: Any) -> str:
    """A JSON value as a cell: text as it is, numbers as written, booleans as yes/no, null as
    empty, a list as its items joined (`a, b`; objects `k: v, k: v` joined by `; `), an object
    as `k: v` pairs."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = [part for part in map(cell_text, value) if part]
        nested = any(isinstance(item, dict | list) for item in value)
        return ("; " if nested else ", ").join(parts)
    if isinstance(value, dict):
        pairs = ((key, cell_text(inner)) for key, inner in value.items())
        return ", ".join(f"{key}: {text}" for key, text in pairs if text)
    return str(value)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "a list"


# --- Positions in text already known to be valid JSON -----------------------------------------


def _skip(text: str, index: int) -> int:
    match = _WHITESPACE.match(text, index)
    return match.end() if match else index


def _items(text: str, index: int) -> Iterator[tuple[int, Any]]:
    """(offset, value) of each item of the array starting at `index`."""
    index = _skip(text, index + 1)
    while text[index] != "]":
        value, end = _DECODER.raw_decode(text, index)
        yield index, value
        index = _skip(text, end)
        if text[index] == ",":
            index = _skip(text, index + 1)


def _member_start(text: str, index: int, key: str) -> int:
    """Where the value of the object's member `key` starts (its last one, as json.loads keeps)."""
    found = -1
    index = _skip(text, index + 1)
    while text[index] != "}":
        name, end = _DECODER.raw_decode(text, index)
        index = _skip(text, _skip(text, end) + 1)  # past the colon
        if name == key:
            found = index
        _, end = _DECODER.raw_decode(text, index)
        index = _skip(text, end)
        if text[index] == ",":
            index = _skip(text, index + 1)
    return found


class _LineCounter:
    """Line numbers of increasing offsets, counting each stretch of text once."""

    def __init__(self, text: str) -> None:
        self._text, self._offset, self._line = text, 0, 1

    def at(self, offset: int) -> int:
        self._line += self._text.count("\n", self._offset, offset)
        self._offset = offset
        return self._line
