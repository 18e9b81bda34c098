"""A TOML text cut into the parts a change can be made in alone, with tomllib only.

tomlkit reads about a kilobyte a millisecond, tomllib ten times that; a save changes one or
two parts of a file (the keys before the first table for a stage move or a field, one
interview for a tick or a person), so `toml_patch` gives tomlkit only those parts.

A part (`Section`) is the lines before the first table header, or a table (`[recruiter]`)
or one item of an array of tables (`[[interviews]]`) with the sub-tables that follow it
(`[interviews.reflection]`, `[[interviews.interviewers]]`), up to the next such header.
Every part is read on its own: a line that only looks like a header (inside a string over
several lines) leaves the part before it unreadable, and then there is no plan. The caller
checks the joined result anyway.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

_HEADER = re.compile(
    r"""^[ \t]*(\[\[?)[ \t]*("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[A-Za-z0-9_-]+)[ \t]*(\.|\]\]?)""",
    re.MULTILINE,
)

Step = tuple[int, dict[str, Any], dict[str, Any]]
"""Change part `index` from what it holds (first) to what it should hold (second)."""


@dataclass(frozen=True)
class Section:
    """One part of the text."""

    text: str
    key: str | None
    """The top-level key it holds; None for the lines before the first table."""
    array: bool
    """An item of an array of tables."""
    data: dict[str, Any]
    """What it holds, read on its own."""


def split(text: str) -> list[Section] | None:
    """The parts of `text`, in order (their texts joined give `text` back); None when it
    cannot be cut so."""
    starts: list[tuple[int, str, bool]] = []
    current: str | None = None
    for match in _HEADER.finditer(text):
        key = _key(match.group(2))
        if key is None:
            return None
        if match.group(3) == ".":  # a sub-table: it belongs to the part it follows
            if key != current:
                return None
            continue
        current = key
        starts.append((match.start(), key, match.group(1) == "[["))
    bounds = [0] + [start for start, _, _ in starts] + [len(text)]
    kinds: list[tuple[str | None, bool]] = [(None, False)] + [(k, a) for _, k, a in starts]
    sections = []
    try:
        for (begin, end), (key, array) in zip(pairwise(bounds), kinds, strict=True):
            if begin == end:
                continue
            part = text[begin:end]
            sections.append(Section(part, key, array, tomllib.loads(part)))
    except tomllib.TOMLDecodeError:
        return None
    return sections


def plan(
    sections: list[Section], target: Mapping[str, Any], same: Callable[[object, object], bool]
) -> tuple[dict[str, Any], list[Step]] | None:
    """What the whole text holds, and which parts to change how so it holds `target`; None
    when the change reaches past single parts (a table or an item added or removed)."""
    old: dict[str, Any] = {}
    parts: dict[str, list[int]] = {}
    for index, section in enumerate(sections):
        if section.key is None:
            if index != 0:
                return None
            old.update(section.data)
            continue
        key = section.key
        if section.data.keys() != {key}:
            return None
        value = section.data[key]
        if section.array:
            if not isinstance(value, list) or len(value) != 1:
                return None
            if key in old and not (key in parts and sections[parts[key][0]].array):
                return None
            old.setdefault(key, []).append(value[0])
        else:
            if key in old:
                return None
            old[key] = value
        parts.setdefault(key, []).append(index)
    steps: list[Step] = []
    first_changes = False
    for key in old.keys() | target.keys():
        if key in old and key in target and same(old[key], target[key]):
            continue
        if key not in parts:  # before the first table, or new
            new = target.get(key)
            if key not in old and (isinstance(new, dict) or _tables(new)):
                return None  # a new table goes with the others: the whole text
            if key in old and key in target and type(old[key]) is not type(new):
                return None
            first_changes = True
            continue
        found = _steps(sections, parts[key], key, old[key], target.get(key), same)
        if found is None:
            return None
        steps += found
    if first_changes:
        if not sections or sections[0].key is not None:
            return None
        first = sections[0].data
        steps.append((0, first, {k: v for k, v in target.items() if k in first or k not in old}))
    return old, steps


def _steps(
    sections: list[Section],
    indexes: list[int],
    key: str,
    old: Any,
    new: Any,
    same: Callable[[object, object], bool],
) -> list[Step] | None:
    if not sections[indexes[0]].array:
        if isinstance(old, dict) and isinstance(new, dict):
            return [(indexes[0], {key: old}, {key: new})]
        return None
    if not isinstance(new, list) or len(new) != len(indexes):
        return None
    steps = []
    for index, was, now in zip(indexes, old, new, strict=True):
        if not isinstance(now, dict) or was.get("id") != now.get("id"):
            return None  # items added, removed or reordered: the whole array
        if not same(was, now):
            steps.append((index, {key: [was]}, {key: [now]}))
    return steps


def _tables(value: object) -> bool:
    return isinstance(value, list) and any(isinstance(item, dict) for item in value)


def _key(raw: str) -> str | None:
    if raw[0] not in "\"'":
        return raw
    try:
        keys = list(tomllib.loads(f"{raw} = 0"))
    except tomllib.TOMLDecodeError:
        return None
    return keys[0] if len(keys) == 1 else None
