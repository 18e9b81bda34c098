"""The applications as JSON: every record in full, a proof-of-applications record.

The document is an object: `format` and `exported_at` describe the export, `applications` holds
each application's complete record (as stored, plus its `id`), stage history included.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from postinterview import __version__
from postinterview.domain.models import Application
from postinterview.transfer.records import in_export_order

FORMAT = "postinterview-applications/1"
"""Names the shape of the document, so a later version can change it knowingly."""


def application_json(application: Application) -> dict[str, Any]:
    """One application as plain JSON values: its id, then every stored field."""
    return {"id": application.id, **application.model_dump(mode="json")}


def export_json(applications: Iterable[Application], now: datetime) -> str:
    """The whole export as indented JSON text (UTF-8 characters kept as they are)."""
    document = {
        "format": FORMAT,
        "exported_at": now.isoformat(),
        "exported_by": f"postinterview {__version__}",
        "applications": [application_json(app) for app in in_export_order(applications)],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
