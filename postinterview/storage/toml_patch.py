"""Changing a person's TOML text in place: only the values that changed, the rest as it was.

`patch(text, target)` returns `text` with exactly the keys whose values differ from `target`
set, replaced or removed (tables into tables; arrays of tables matched by their `id` when
every item has one), keeping comments, blank lines, key order and quoting everywhere else.
It uses tomlkit, imported here only: start-up and ordinary saves never load it (see
`hand_edits`). The caller checks the result (`same`) and has a plain rewrite to fall back on.
"""

from __future__ import annotations

import hashlib
import threading
import tomllib
from collections.abc import Mapping, Sequence
from datetime import datetime, time
from typing import Any

import tomli_w
import tomlkit
from tomlkit.items import AoT, Array, InlineTable, Item, Table

from postinterview.storage import toml_sections

Container = Any
"""A tomlkit Document, Table, InlineTable or out-of-order table proxy: dict-like, untyped."""


def patch(text: str, target: Mapping[str, Any], last: str, whole: bool = False) -> str:
    """`text` changed so that it parses to `target`, with table `last` the last section.

    Only the parts the change is in are read with tomlkit (`toml_sections`), unless `whole`.
    """
    sections = None if whole else toml_sections.split(text)
    found = None if sections is None else toml_sections.plan(sections, target, same)
    if sections is None or found is None:
        return _patched(text, tomllib.loads(text), target, last)
    texts = [section.text for section in sections]
    for index, was, now in found[1]:
        # The comments and blank lines that end a part stand above the next header: a key
        # added to this part goes before them, not between them and the header.
        body, tail = _split_tail(texts[index])
        patched = _patched(body, was, now, None)
        texts[index] = patched + (tail.lstrip("\n") if patched.endswith("\n\n") else tail)
    return "".join(texts)


def _split_tail(text: str) -> tuple[str, str]:
    lines = text.splitlines(keepends=True)
    end = len(lines)
    while end > 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return "".join(lines[:end]), "".join(lines[end:])


def _patched(text: str, old: dict[str, Any], target: Mapping[str, Any], last: str | None) -> str:
    document = _parse(text)
    if (
        last is not None
        and last in document
        and isinstance(old.get(last), dict)
        and isinstance(target.get(last), dict)
    ):
        # Taken out while the rest changes, then put back: a new table goes before it.
        tail = document[last]
        del document[last]
        _patch_table(tail, old.pop(last), target[last], inline=isinstance(tail, InlineTable))
        _patch_table(document, old, {k: v for k, v in target.items() if k != last}, inline=False)
        document[last] = tail
    else:
        _patch_table(document, old, target, inline=False)
    result = document.as_string()
    _remember(result, document)
    return result


_CACHE_SIZE = 16
_documents: dict[bytes, tomlkit.TOMLDocument] = {}
"""The documents of texts written lately, by digest: the next save of the same file reuses
it instead of parsing the text again. Taken out while in use, so never shared."""
_documents_lock = threading.Lock()


def _parse(text: str) -> tomlkit.TOMLDocument:
    with _documents_lock:
        document = _documents.pop(_digest(text), None)
    return tomlkit.parse(text) if document is None else document


def _remember(text: str, document: tomlkit.TOMLDocument) -> None:
    with _documents_lock:
        if len(_documents) >= _CACHE_SIZE:
            _documents.pop(next(iter(_documents)))
        _documents[_digest(text)] = document


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def same(a: object, b: object) -> bool:
    """Equal values of equal types, all the way down (1 is not 1.0 nor True; two moments
    are the same only with the same UTC offset; key order does not matter)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return a.keys() == b.keys() and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, datetime | time):
        assert isinstance(b, datetime | time)
        return a == b and a.utcoffset() == b.utcoffset()
    return a == b


def _patch_table(
    container: Container, old: Mapping[str, Any], new: Mapping[str, Any], inline: bool
) -> None:
    for key in [key for key in old if key not in new]:
        del container[key]
    for key, value in new.items():
        if key not in old:
            _add(container, key, _fresh(value, inline))
        elif same(old[key], value):
            continue
        elif isinstance(value, dict) and isinstance(old[key], dict):
            child = container[key]
            _patch_table(child, old[key], value, inline or isinstance(child, InlineTable))
        elif isinstance(value, list) and isinstance(old[key], list):
            _patch_array(container, key, old[key], value, inline)
        else:
            container[key] = _fresh(value, inline)


def _add(container: Container, key: str, item: Item) -> None:
    """Add `key` after the table's last key, not after the comments that end it (those stand
    above the next header), as tomlkit would put it."""
    body = getattr(container, "body", None)  # a document
    inner = container
    if body is None and isinstance(container, Table):
        inner = container.value
        body = inner.body
    if body is not None and not isinstance(item, Table | AoT):
        last = None
        for name, existing in body:
            if isinstance(existing, Table | AoT):
                break
            if name is not None:
                last = name
        if last is not None:
            try:
                inner._insert_after(last, key, item)
                return
            except (KeyError, ValueError):  # a dotted key, say: let tomlkit choose
                pass
    container[key] = item


def _patch_array(
    container: Container, key: str, old: list[Any], new: list[Any], inline: bool
) -> None:
    items = container[key]
    if not isinstance(items, AoT | Array):
        container[key] = _fresh(new, inline)
        return
    in_line = inline or isinstance(items, Array)
    old_ids, new_ids = _ids(old), _ids(new)
    if old_ids is not None and new_ids is not None:
        kept = [item_id for item_id in old_ids if item_id in new_ids]
        if kept == [item_id for item_id in new_ids if item_id in old_ids]:
            for index in reversed(range(len(old_ids))):
                if old_ids[index] not in new_ids:
                    del items[index]
            by_id = dict(zip(old_ids, old, strict=True))
            for position, (item_id, value) in enumerate(zip(new_ids, new, strict=True)):
                if item_id in by_id:
                    _patch_item(items, position, by_id[item_id], value, in_line)
                else:
                    items.insert(position, _added(value, in_line))  # type: ignore[arg-type]
            return
    elif len(old) <= len(new) and same(old, new[: len(old)]):  # only appended to
        for value in new[len(old) :]:
            items.append(_added(value, in_line))
        return
    elif len(old) == len(new) and all(isinstance(v, dict) for v in [*old, *new]):
        for position, (was, value) in enumerate(zip(old, new, strict=True)):
            _patch_item(items, position, was, value, in_line)
        return
    container[key] = _whole(new, items, inline)


def _patch_item(items: AoT | Array, position: int, old: Any, new: Any, inline: bool) -> None:
    if same(old, new):
        return
    if isinstance(old, dict) and isinstance(new, dict):
        _patch_table(items[position], old, new, inline)
    else:
        items[position] = _element(new, inline)


def _ids(values: Sequence[Any]) -> list[str] | None:
    """Each item's `id`, when every item is a table with a distinct one; else None."""
    ids = [value.get("id") if isinstance(value, dict) else None for value in values]
    if not all(isinstance(item_id, str) for item_id in ids) or len(set(ids)) != len(ids):
        return None
    return [str(item_id) for item_id in ids]


def _element(value: Any, inline: bool) -> Item:
    """A new item of an array: a table for an array of tables, else an inline value."""
    if isinstance(value, dict) and not inline:
        return _table(value)
    return _fresh(value, inline=True)


def _added(value: Any, inline: bool) -> Item:
    """A new item for an array the person's text has."""
    element = _element(value, inline)
    if isinstance(element, Table):
        element.add(tomlkit.nl())  # a blank line before the next header, as tomli_w writes
    return element


def _whole(new: list[Any], like: AoT | Array, inline: bool) -> Item:
    """A replacement for a whole array, in the form the person's had."""
    if isinstance(like, AoT) and not inline and all(isinstance(v, dict) for v in new):
        return _aot(new)
    return _fresh(new, inline=True)


def _aot(values: list[Any]) -> AoT:
    tables = tomlkit.aot()
    for value in values:
        element = _element(value, inline=False)
        assert isinstance(element, Table)
        tables.append(element)
    return tables


def _table(value: Mapping[str, Any]) -> Table:
    table = tomlkit.table()
    for key, inner in value.items():
        table[key] = _fresh(inner, inline=False)
    return table


def _fresh(value: Any, inline: bool) -> Item:
    """A tomlkit item for a new value, written as tomli_w writes it (so a new line looks like
    the rest of the file); inline where a table header cannot go."""
    if isinstance(value, dict):
        return _inline_table(value) if inline else _table(value)
    if isinstance(value, list):
        if not inline and value and all(isinstance(v, dict) for v in value):
            return _aot(value)
        if any(isinstance(v, dict | list) for v in value):
            array = tomlkit.array()
            for inner in value:
                array.append(_fresh(inner, inline=True))
            array.multiline(True)
            return array
    return _parsed(value)


def _inline_table(value: Mapping[str, Any]) -> Item:
    rendered = tomli_w.dumps({"v": [value]})
    if rendered.startswith("v = [\n"):  # short enough for tomli_w to write it inline
        return _parsed_item(rendered)[0]
    table = tomlkit.inline_table()
    for key, inner in value.items():
        table[key] = _fresh(inner, inline=True)
    return table


def _parsed(value: Any) -> Item:
    """A scalar (or an array of scalars) as tomli_w writes it."""
    return _parsed_item(tomli_w.dumps({"v": value}))


def _parsed_item(rendered: str) -> Any:
    return tomlkit.parse(rendered)["v"]
