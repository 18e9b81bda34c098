"""The applications as JSON: every record in full, a backup that `import` reads back.

The document is an object: `format` and `exported_at` describe the export, `applications` holds
each application's complete record (as stored, plus its `id`), stage history included, and
`toml_types` names, per application id, the TOML type of values under keys this version does
not know where JSON alone would blur it (a datetime, a day, a time, `inf`: see
transfer.toml_values), and `newer_schema` the ids of files a newer postinterview wrote (this
one shows them as far as it can read them, so a restore must not write them as its own).
Read back by transfer.import_backup, the records are the files' own: the store writes each
one again byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from postinterview import __version__
from postinterview.domain.models import Application
from postinterview.transfer.records import in_export_order
from postinterview.transfer.toml_values import TomlTypes, json_with_types

FORMAT = "postinterview-applications/1"
"""Names the shape of the document, so a later version can change it knowingly."""


def typed_application_json(application: Application) -> tuple[dict[str, Any], TomlTypes]:
    """One application as plain JSON values (its id, then every stored field), and the TOML
    types of its values JSON cannot show (usually none)."""
    dumped = application.model_dump(mode="json")
    types = json_with_types(application, dumped)
    return {"id": application.id, **dumped}, types


def export_json(
    applications: Iterable[Application],
    now: datetime,
    newer_schemas: Mapping[str, int] | None = None,
) -> str:
    """The whole export as indented JSON text (UTF-8 characters kept as they are).
    `newer_schemas`: application id -> the schema of a file a newer postinterview wrote."""
    records: list[dict[str, Any]] = []
    toml_types: dict[str, TomlTypes] = {}
    for application in in_export_order(applications):
        record, types = typed_application_json(application)
        records.append(record)
        if types:
            toml_types[application.id] = types
    document = {
        "format": FORMAT,
        "exported_at": now.isoformat(),
        "exported_by": f"postinterview {__version__}",
        "applications": records,
        "toml_types": toml_types,
        "newer_schema": dict(sorted((newer_schemas or {}).items())),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
