"""TOML values that JSON cannot tell apart from text, kept exact through a JSON export.

The schema says which known fields hold a datetime or a day, so those read back by
themselves. Keys the schema does not know (added by hand or by a newer version) carry no
such promise: a TOML `2026-11-20 09:00:00+02:00`, a local date, a local time or `inf` would
come back from JSON as a string (or, for `inf`, as nothing). So the export writes them as
text and names their TOML type in a side table, one JSON Pointer (RFC 6901, from the
application's object) per value: `{"/interviews/0/booked_at": "datetime"}`.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time
from typing import Any

from pydantic import BaseModel

TomlTypes = dict[str, str]
"""JSON Pointer (within one application's object) -> TOML type of the text found there."""

KINDS = ("datetime", "local-datetime", "date", "time", "float")
"""The TOML types named in the side table: offset datetime, local datetime, local date,
local time, and a float JSON cannot write (inf, -inf, nan)."""


class TypeRefused(ValueError):
    """A side-table entry that does not fit the value it names; the message says how."""


def pointer(parts: list[str | int]) -> str:
    """The JSON Pointer of `parts` ('~' and '/' escaped as the RFC says)."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def json_with_types(model: BaseModel, dumped: dict[str, Any]) -> TomlTypes:
    """Rewrite the unknown keys in `dumped` (`model`'s JSON dump) as exact JSON values, and
    return the TOML types of those JSON would blur. Known fields are left as pydantic wrote
    them (the schema types them)."""
    types: TomlTypes = {}
    _walk_model(model, dumped, [], types)
    return types


def _walk_model(model: BaseModel, dumped: Any, at: list[str | int], types: TomlTypes) -> None:
    if not isinstance(dumped, dict):
        return
    for name in type(model).model_fields:
        if name in dumped:
            _walk_known(getattr(model, name), dumped[name], [*at, name], types)
    for key, value in (model.model_extra or {}).items():
        dumped[key] = _plain(value, [*at, key], types)


def _walk_known(value: Any, dumped: Any, at: list[str | int], types: TomlTypes) -> None:
    if isinstance(value, BaseModel):
        _walk_model(value, dumped, at, types)
    elif isinstance(value, list) and isinstance(dumped, list):
        for index, (item, item_dumped) in enumerate(zip(value, dumped, strict=False)):
            _walk_known(item, item_dumped, [*at, index], types)
    elif isinstance(value, dict) and isinstance(dumped, dict):
        for key, item in value.items():
            if key in dumped:
                _walk_known(item, dumped[key], [*at, key], types)


def _plain(value: Any, at: list[str | int], types: TomlTypes) -> Any:
    """`value` (from an unknown key) as JSON, noting the type of what JSON would blur."""
    if isinstance(value, datetime):
        types[pointer(at)] = "datetime" if value.tzinfo is not None else "local-datetime"
        return value.isoformat()
    if isinstance(value, date):
        types[pointer(at)] = "date"
        return value.isoformat()
    if isinstance(value, time):
        types[pointer(at)] = "time"
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        types[pointer(at)] = "float"
        return str(value)  # 'inf', '-inf', 'nan': what float() reads back
    if isinstance(value, dict):
        return {key: _plain(item, [*at, key], types) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item, [*at, index], types) for index, item in enumerate(value)]
    return value


# --- Reading back ----------------------------------------------------------------------------


def apply_types(model: BaseModel, types: TomlTypes) -> None:
    """Turn the text at each pointer of `types` back into its TOML type, in place.

    Only values under unknown keys are touched (known fields were typed by validation);
    TypeRefused names the first pointer that leads nowhere or holds text of another type.
    """
    for where, kind in types.items():
        parts = _parts(where)
        container, key = _parent(model, parts, where)
        current = _child(container, key, where)
        if not isinstance(current, str):
            raise TypeRefused(f"{where} should hold text to read as a {kind}")
        container[key] = _typed(current, kind, where)


def _parts(where: str) -> list[str]:
    if not where.startswith("/"):
        raise TypeRefused(f"{where!r} is not a JSON Pointer (it must start with '/')")
    return [part.replace("~1", "/").replace("~0", "~") for part in where[1:].split("/")]


def _parent(model: BaseModel, parts: list[str], where: str) -> tuple[Any, str | int]:
    """The dict or list holding the value at `parts`, and its key there. The path must leave
    the known fields for an unknown key before it ends: only those are typed here."""
    node: Any = model
    unknown = False  # inside an unknown key's value
    for position, part in enumerate(parts):
        if isinstance(node, BaseModel) and not unknown:
            if part not in type(node).model_fields:
                node, unknown = node.model_extra or {}, True
            elif position == len(parts) - 1:
                raise TypeRefused(f"{where} names a field the schema already types")
            else:
                node = getattr(node, part)
                continue
        key: str | int = part
        if isinstance(node, list):
            if not part.isdigit():
                raise TypeRefused(f"{where} names no value")
            key = int(part)
        if position == len(parts) - 1:
            if not unknown:
                raise TypeRefused(f"{where} names a field the schema already types")
            return node, key
        node = _child(node, key, where)
    raise TypeRefused(f"{where} names no value")


def _child(node: Any, key: str | int, where: str) -> Any:
    if isinstance(node, dict) and isinstance(key, str) and key in node:
        return node[key]
    if isinstance(node, list) and isinstance(key, int) and key < len(node):
        return node[key]
    raise TypeRefused(f"{where} names no value")


def _typed(text: str, kind: str, where: str) -> Any:
    if kind not in KINDS:
        raise TypeRefused(f"{where}: {kind!r} is not a type I know ({', '.join(KINDS)})")
    try:
        if kind == "date":
            return date.fromisoformat(text)
        if kind == "time":
            return time.fromisoformat(text)
        if kind == "float":
            if text not in ("inf", "-inf", "nan"):
                raise ValueError(text)
            return float(text)
        moment = datetime.fromisoformat(text)
        if (moment.tzinfo is not None) == (kind == "datetime"):
            return moment
    except ValueError:
        pass
    raise TypeRefused(f"{where}: {text!r} is not a {kind}")
