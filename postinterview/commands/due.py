"""`postinterview due`: today's due and overdue actions across every application.

The one plan (domain.plan.plan_all), so a closed application's remaining courtesies (asking
for feedback, thanking the recruiter) are listed too, and on the days the calendar export
shows them (transfer.days.action_days)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, TextIO

from postinterview.commands.notify import notify, summary
from postinterview.commands.output import json_text, warn_about_problems, warn_about_settings
from postinterview.domain.days import last_day
from postinterview.domain.models import Application
from postinterview.domain.plan import PlannedAction, plan_all, plan_settings
from postinterview.formatting import deadline_day
from postinterview.storage.settings_store import load_settings
from postinterview.storage.store import ApplicationStore

STATE_WIDTH = len("overdue")


def run_due(
    store: ApplicationStore,
    now: datetime,
    as_json: bool,
    out: TextIO,
    notify_on: TextIO | None = None,
) -> int:
    """Print what is due or overdue at `now`; with `notify_on` (the real terminal stream, for
    an escape sequence) also show one desktop notification when something is (commands.notify).
    Always exit code 0: nothing due is not an error, and nor is a missing notifier."""
    result = store.load_all()
    warn_about_problems(result)
    settings = load_settings(store.root)
    warn_about_settings(settings)
    applications = {stored.application.id: stored.application for stored in result.applications}
    actions = plan_all(applications.values(), now, plan_settings(settings.settings))
    if as_json:
        rows = [action_json(action, applications[action.application_id]) for action in actions]
        out.write(json_text(rows) + "\n")
    else:
        out.write(due_text(actions, applications, now))
    if notify_on is not None and actions:
        out.flush()
        notify(*summary(actions, applications), terminal=notify_on)
    return 0


def action_json(action: PlannedAction, application: Application) -> dict[str, Any]:
    """One action as plain JSON values for scripts."""
    return {
        "application_id": application.id,
        "company": application.company,
        "role": application.role,
        "interview_id": action.interview_id,
        "entry_id": action.entry_id,
        "item_id": action.item_id,
        "text": action.text,
        "why": action.why,
        "timing_note": action.timing_note,
        "state": action.state.value,
        "opens_at": action.opens_at.isoformat(),
        "due_at": action.due_at.isoformat() if action.due_at else None,
        "last_day": last_day(action.due_at).isoformat() if action.due_at else None,
        "overdue_at": action.overdue_at.isoformat() if action.overdue_at else None,
    }


def due_line(action: PlannedAction, application: Application) -> str:
    """'overdue  Initech — Send Ana Ruiz a short thank-you note. (by Mon 16 Nov)'."""
    company = " ".join(application.company.split())
    by = f" (by {deadline_day(action.due_at)})" if action.due_at is not None else ""
    return f"{action.state.value:<{STATE_WIDTH}}  {company} — {action.text}{by}"


def due_text(
    actions: Sequence[PlannedAction], applications: Mapping[str, Application], now: datetime
) -> str:
    """The plain listing: a header line, then one line per action."""
    today = now.astimezone().strftime("%a %d %b %Y")
    if not actions:
        return f"Nothing due or overdue today ({today}).\n"
    count = f"{len(actions)} action{'' if len(actions) == 1 else 's'}"
    lines = [f"Due or overdue on {today}: {count}"]
    lines += [due_line(action, applications[action.application_id]) for action in actions]
    return "\n".join(lines) + "\n"
