"""`postinterview export`: the applications as csv, json or markdown, or the plan as ics."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from postinterview.commands.output import (
    OutputFailed,
    fail,
    warn,
    warn_about_problems,
    warn_about_settings,
    write_output,
)
from postinterview.domain.models import Application
from postinterview.domain.plan import plan_settings
from postinterview.storage.settings_store import load_settings
from postinterview.storage.store import ApplicationStore
from postinterview.transfer.export_csv import export_csv
from postinterview.transfer.export_ics import calendar_text, pending_actions
from postinterview.transfer.export_json import export_json
from postinterview.transfer.export_markdown import export_markdown
from postinterview.transfer.ical_interviews import interview_events

FORMATS: tuple[str, ...] = ("csv", "json", "md", "ics")
"""The formats `--format` accepts."""

_SUFFIXES = {".csv": "csv", ".json": "json", ".md": "md", ".markdown": "md", ".ics": "ics"}


def format_for(output: Path | None) -> str | None:
    """The format a file name asks for by its extension (`apps.csv` -> csv), if any."""
    return _SUFFIXES.get(output.suffix.lower()) if output is not None else None


def run_export(store: ApplicationStore, now: datetime, fmt: str, output: Path | None) -> int:
    """Write the export to `output`, or to stdout. Exit code 0, or 1 if it cannot be written."""
    result = store.load_all()
    warn_about_problems(result)
    applications = [stored.application for stored in result.applications]
    newer = {s.application.id: s.newer_schema for s in result.applications if s.newer_schema}
    try:
        write_output(render(fmt, applications, store, now, newer), output)
    except OutputFailed as error:
        return fail(str(error))
    return 0


def render(
    fmt: str,
    applications: Sequence[Application],
    store: ApplicationStore,
    now: datetime,
    newer_schemas: Mapping[str, int] | None = None,
) -> bytes:
    """The export's bytes (UTF-8; CRLF line ends for csv and ics, as their standards want).
    `newer_schemas`: the ids of files a newer postinterview wrote, and their schema."""
    if fmt == "csv":
        return export_csv(applications).encode("utf-8")
    if fmt == "json":
        return export_json(applications, now, newer_schemas).encode("utf-8")
    loaded = load_settings(store.root)
    warn_about_settings(loaded)
    settings = plan_settings(loaded.settings)
    if fmt == "md":
        return export_markdown(applications, now, settings).encode("utf-8")
    if fmt == "ics":
        pairs = pending_actions(applications, now, settings)
        interviews = interview_events(applications, now)
        if not pairs and not interviews:
            warn("no planned actions to put in the calendar: it has no events")
        return calendar_text(pairs, now, interviews).encode("utf-8")
    raise OutputFailed(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
