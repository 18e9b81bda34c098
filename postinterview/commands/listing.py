"""`postinterview list`: the applications as a table or as JSON for scripts."""

from __future__ import annotations

import sys
from typing import Any, TextIO

from postinterview.commands.output import json_text, warn_about_problems
from postinterview.domain.models import Application
from postinterview.formatting import display_width, local_date, one_line, pad
from postinterview.storage.store import ApplicationStore


def run_list(store: ApplicationStore, as_json: bool, out: TextIO | None = None) -> int:
    """Print the applications, newest change first. Files that cannot be read are named on
    stderr; when nothing could be read, the message says so rather than "No applications yet"."""
    out = out or sys.stdout
    result = store.load_all()
    warn_about_problems(result)
    applications = sorted(
        (stored.application for stored in result.applications),
        key=lambda app: app.updated_at,
        reverse=True,
    )
    if as_json:
        out.write(json_text([_summary(app) for app in applications]) + "\n")
    elif not applications and result.problems:
        out.write(empty_because_damaged(len(result.problems)))
    elif not applications:
        out.write(f"No applications yet in {store.root}. Run `postinterview` to add one.\n")
    else:
        out.write(_table(applications))
    return 0


def empty_because_damaged(count: int) -> str:
    """What `list` says when every application file failed to read."""
    files = "file" if count == 1 else "files"
    return (
        f"No application could be read: {count} {files} could not be read (named above on"
        " stderr). Run `postinterview` and press p (Problems) on the list to see and fix them.\n"
    )


def _summary(app: Application) -> dict[str, Any]:
    """One application as plain JSON values."""
    last_interview = max((i.at for i in app.interviews), default=None)
    return {
        "id": app.id,
        "company": app.company,
        "role": app.role,
        "stage": app.stage.value,
        "created_at": app.created_at.isoformat(),
        "updated_at": app.updated_at.isoformat(),
        "applied_on": app.applied_on.isoformat() if app.applied_on else None,
        "last_interview_at": last_interview.isoformat() if last_interview else None,
        "stage_changed_at": app.stage_history[-1].at.isoformat() if app.stage_history else None,
    }


def _table(applications: list[Application]) -> str:
    header = ("ID", "COMPANY", "ROLE", "STAGE", "UPDATED")
    rows = [
        (
            app.id,
            one_line(app.company, 30),
            one_line(app.role, 30),
            app.stage.label,
            local_date(app.updated_at),
        )
        for app in applications
    ]
    widths = [max(display_width(row[col]) for row in [header, *rows]) for col in range(len(header))]
    lines = [
        "  ".join(pad(cell, width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
    return "\n".join(lines) + "\n"
