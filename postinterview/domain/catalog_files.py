"""Reading a catalog shipped as TOML inside the package, with errors that say where.

The checklist and drafts catalogs are lists of items with ids; a mistake in one is reported by
position and id (`items[3] (id 'thank-you').due: ...`) so it can be found in the file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib import resources
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

CATALOG_PACKAGE = "postinterview.content"
"""The package that holds the catalog files."""

ModelT = TypeVar("ModelT", bound=BaseModel)


def read_packaged_text(file_name: str, error: type[ValueError]) -> str:
    """The text of a catalog file in the package; `error` if it cannot be read."""
    resource = resources.files(CATALOG_PACKAGE).joinpath(file_name)
    try:
        return resource.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as problem:
        raise error(f"{file_name}: cannot be read: {problem}") from problem


def parse_catalog(
    text: str,
    origin: str,
    model: type[ModelT],
    error: type[ValueError],
    list_key: str,
    label: str,
) -> ModelT:
    """Validate catalog TOML as `model`; raise `error` saying where and what is wrong.

    `list_key` names the list of items (for naming items by id), `label` the catalog in
    messages ("checklist", "drafts").
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as problem:
        raise error(f"{origin}: not valid TOML: {problem}") from problem
    try:
        return model.model_validate(data)
    except ValidationError as problem:
        raise error(describe_errors(problem, data, origin, list_key, label)) from problem


def describe_errors(
    error: ValidationError, data: Mapping[str, Any], origin: str, list_key: str, label: str
) -> str:
    """One line per problem, naming the item by id as well as position so it can be found."""
    items = data.get(list_key)
    lines = [f"{origin}: the {label} catalog is malformed:"]
    for problem in error.errors():
        where = ""
        for part in problem["loc"]:
            if isinstance(part, int):
                where += f"[{part}]"
                if where == f"{list_key}[{part}]" and isinstance(items, list) and part < len(items):
                    raw = items[part]
                    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                        where += f" (id {raw['id']!r})"
            else:
                where += f".{part}" if where else str(part)
        lines.append(f"  {where or 'top level'}: {problem['msg']}")
    return "\n".join(lines)
