"""The applications as a readable Markdown report, grouped by stage, open stages first.

Each application shows its dates, its interviews and the actions of its plan not yet done.
Text the person typed is flattened to one line and escaped, so a company called `*Stars*` is
shown as written rather than in italics.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from postinterview.domain.days import last_day, local_day
from postinterview.domain.models import Application, Interview
from postinterview.domain.plan import ActionState, PlannedAction, PlanSettings, plan_for
from postinterview.domain.stages import STAGE_ORDER, Stage

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")
_LINK = re.compile(r"^https?://[^\s<>]+$")

_STATE_WORDS = {
    ActionState.OVERDUE: "overdue",
    ActionState.DUE: "due",
    ActionState.TOO_SOON: "wait",
    ActionState.UPCOMING: "later",
}


def md_text(text: str) -> str:
    """`text` on one line with Markdown's special characters escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _day(day: date) -> str:
    return day.strftime("%a %d %b %Y")


def export_markdown(
    applications: Iterable[Application], now: datetime, settings: PlanSettings
) -> str:
    """The report as Markdown text."""
    apps = list(applications)
    open_count = sum(1 for app in apps if app.stage.is_active)  # applied for and open
    saved = sum(1 for app in apps if app.stage == Stage.SAVED)
    to_apply = f", {saved} saved to apply for" if saved else ""
    lines = [
        "# Job applications",
        "",
        f"Exported {_day(local_day(now))}: {_count(len(apps), 'application')}, "
        f"{open_count} open{to_apply}.",
    ]
    for stage in STAGE_ORDER:
        in_stage = sorted(
            (app for app in apps if app.stage == stage),
            key=lambda app: (app.company.casefold(), app.role.casefold(), app.id),
        )
        if not in_stage:
            continue
        lines += ["", f"## {stage.label} ({len(in_stage)})"]
        for app in in_stage:
            lines += ["", *_application(app, now, settings)]
    if not apps:
        lines += ["", "No applications yet."]
    return "\n".join(lines) + "\n"


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def _application(app: Application, now: datetime, settings: PlanSettings) -> list[str]:
    lines = [f"### {md_text(app.company)} — {md_text(app.role)}", ""]
    dates = [f"Added {local_day(app.created_at).isoformat()}"]
    if app.applied_on is not None:
        dates.insert(0, f"Applied {app.applied_on.isoformat()}")
    if len(app.stage_history) > 1:
        since = local_day(app.stage_history[-1].at).isoformat()
        dates.append(f"at this stage since {since}")
    lines.append("- " + " · ".join(dates))
    details = []
    if app.location.strip():
        details.append(f"Location: {md_text(app.location)}")
    if app.source is not None:
        details.append(f"Source: {app.source.value}")
    if app.recruiter is not None:
        details.append(f"Recruiter: {md_text(app.recruiter.name)}")
    if details:
        lines.append("- " + " · ".join(details))
    if app.job_link.strip():
        link = app.job_link.strip()
        lines.append(f"- Link: <{link}>" if _LINK.match(link) else f"- Link: {md_text(link)}")
    lines += _interviews(app.interviews)
    lines += _next_actions(plan_for(app, now, settings))
    return lines


def _interviews(interviews: Sequence[Interview]) -> list[str]:
    if not interviews:
        return ["- Interviews: none recorded"]
    lines = [f"- Interviews: {len(interviews)}"]
    for interview in sorted(interviews, key=lambda i: i.at):
        parts = [interview.at.astimezone().strftime("%a %d %b %Y %H:%M")]
        if interview.round is not None:
            parts.append(f"round {interview.round}")
        parts.append(interview.kind.value)
        if interview.format is not None:
            parts.append(interview.format.value.replace("_", " "))
        text = ", ".join(parts)
        if interview.interviewers:
            names = ", ".join(_person(p.name, p.title) for p in interview.interviewers)
            text += f", with {names}"
        if interview.decision_expected_on is not None:
            text += f"; decision expected by {interview.decision_expected_on.isoformat()}"
        lines.append(f"  - {text}")
    return lines


def _person(name: str, title: str) -> str:
    return f"{md_text(name)} ({md_text(title)})" if title.strip() else md_text(name)


def _next_actions(actions: Sequence[PlannedAction]) -> list[str]:
    pending = [a for a in actions if a.state != ActionState.DONE]
    if not pending:
        return []
    lines = ["- Next actions:"]
    for action in pending:
        if action.due_at is not None:
            when = f" (by {_day(last_day(action.due_at))})"
        elif action.state == ActionState.UPCOMING:
            when = f" (from {_day(local_day(action.opens_at))})"
        else:
            when = ""
        if action.not_before is not None:
            when = f" (not before {_day(local_day(action.not_before))})"
        lines.append(f"  - {_STATE_WORDS[action.state]}: {md_text(action.text)}{when}")
    return lines
