"""Three versions of one whole record, merged value by value: the rule behind undo, redo and
the git merge driver.

It is the editor's rule (domain.merge) applied all the way down: where *mine* differs from the
*base*, mine is taken unless *theirs* changed the same value to something else, which is a
clash. Tables merge key by key; arrays of tables whose items carry an `id` (interviews, people,
contact-log entries) merge item by item, matched by id; other arrays merge when both sides only
appended to the base, and are otherwise one value. `updated_at` is never a clash: the merge
takes the later one, and a save sets it anyway.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

MISSING: Any = object()
"""A key or item one version does not have."""

VOLATILE = frozenset({"updated_at"})
"""Top-level keys every save rewrites: the later value is taken, never a clash."""


@dataclass
class RecordMerge:
    """The merged record, and where the two sides could not both be had."""

    record: dict[str, Any]
    clashes: list[str] = field(default_factory=list)
    """Where both sides changed the same value differently, as dotted paths
    (`interviews[abc].reflection.notes`); there, theirs is in `record`."""


def merge_records(
    base: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any]
) -> RecordMerge:
    """Merge record `mine` onto `theirs`, both descended from `base`."""
    clashes: list[str] = []
    merged = _merge_tables(base, mine, theirs, "", clashes, top=True)
    return RecordMerge(merged, clashes)


def _merge(base: Any, mine: Any, theirs: Any, path: str, clashes: list[str]) -> Any:
    if _same(mine, base):
        return theirs
    if _same(theirs, base) or _same(theirs, mine):
        return mine
    if isinstance(mine, Mapping) and isinstance(theirs, Mapping):
        base_table = base if isinstance(base, Mapping) else {}
        return _merge_tables(base_table, mine, theirs, path, clashes)
    if isinstance(mine, list) and isinstance(theirs, list):
        base_list = base if isinstance(base, list) else []
        if _all_identified(base_list, mine, theirs):
            return _merge_identified(base_list, mine, theirs, path, clashes)
        appended = _merge_appended(base_list, mine, theirs)
        if appended is not None:
            return appended
    clashes.append(path or "(the whole record)")
    return theirs


def _merge_tables(
    base: Mapping[str, Any],
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
    path: str,
    clashes: list[str],
    top: bool = False,
) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    keys = list(theirs) + [key for key in mine if key not in theirs]
    keys += [key for key in base if key not in keys]
    for key in keys:
        here = f"{path}.{key}" if path else str(key)
        b, m, t = base.get(key, MISSING), mine.get(key, MISSING), theirs.get(key, MISSING)
        if top and key in VOLATILE:
            value = _later(m, t)
        else:
            value = _merge(b, m, t, here, clashes)
        if value is not MISSING:
            merged[key] = value
    return merged


def _merge_identified(
    base: list[Any], mine: list[Any], theirs: list[Any], path: str, clashes: list[str]
) -> list[Any]:
    by_id = [{item["id"]: item for item in items} for items in (base, mine, theirs)]
    base_items, my_items, their_items = by_id
    order = [item["id"] for item in theirs]
    for index, item in enumerate(mine):  # my new items go after the item before them in mine
        if item["id"] in their_items or item["id"] in base_items:
            continue
        before = next((m["id"] for m in reversed(mine[:index]) if m["id"] in order), None)
        order.insert(order.index(before) + 1 if before is not None else 0, item["id"])
    for item_id in base_items:  # taken back in as mine, e.g. by an undo of a removal
        if item_id not in order and item_id in my_items:
            order.append(item_id)
    merged = []
    for item_id in order:
        value = _merge(
            base_items.get(item_id, MISSING),
            my_items.get(item_id, MISSING),
            their_items.get(item_id, MISSING),
            f"{path}[{item_id}]",
            clashes,
        )
        if value is not MISSING:
            merged.append(value)
    return merged


def _merge_appended(base: list[Any], mine: list[Any], theirs: list[Any]) -> list[Any] | None:
    """Theirs plus what mine appended, when both only appended to base; else None."""
    if mine[: len(base)] != base or theirs[: len(base)] != base:
        return None
    return theirs + [item for item in mine[len(base) :] if item not in theirs[len(base) :]]


def _all_identified(*lists: list[Any]) -> bool:
    items = [item for values in lists for item in values]
    if not items or not all(isinstance(item, Mapping) and "id" in item for item in items):
        return False
    return all(len({item["id"] for item in values}) == len(values) for values in lists)


def _later(mine: Any, theirs: Any) -> Any:
    if mine is MISSING:
        return theirs
    if theirs is MISSING:
        return mine
    try:
        return max(mine, theirs)
    except TypeError:
        return theirs


def _same(left: Any, right: Any) -> bool:
    if left is MISSING or right is MISSING:
        return left is right
    return bool(left == right)
