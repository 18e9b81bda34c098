"""The order applications are exported in, shared by every export format."""

from __future__ import annotations

from collections.abc import Iterable

from postinterview.domain.models import Application


def in_export_order(applications: Iterable[Application]) -> list[Application]:
    """Oldest first (the order they were added), then by id: stable from one export to the next."""
    return sorted(applications, key=lambda app: (app.created_at, app.id))
