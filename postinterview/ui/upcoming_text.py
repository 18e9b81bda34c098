"""The words shown for upcoming interviews, without Textual (so they are unit-tested): when
it is, what it is, whom you will meet, and the question asked once it has happened.

Times are shown in local time, like every time the app shows.
"""

from __future__ import annotations

from datetime import datetime

from postinterview.domain.checklist import ChecklistEntry, Phase, join_names
from postinterview.domain.models import Interview

ON_THE_DAY = "on the day"
GETTING_READY = "get ready"


def moment_text(moment: datetime) -> str:
    """'Wed 25 Nov 14:00' in local time."""
    local = moment.astimezone()
    return f"{local:%a} {local.day} {local:%b %H:%M}"


def how_soon(moment: datetime, now: datetime) -> str:
    """'in 40 minutes', 'in 3 hours', 'tomorrow', 'in 5 days'; 'now' once it has begun."""
    if moment <= now:
        return "now"
    days = (moment.astimezone().date() - now.astimezone().date()).days
    minutes = int((moment - now).total_seconds() // 60)
    if days == 0 or minutes < 60:
        if minutes < 60:
            return f"in {max(minutes, 1)} minute{'' if minutes == 1 else 's'}"
        hours = minutes // 60
        return f"in {hours} hour{'' if hours == 1 else 's'}"
    return "tomorrow" if days == 1 else f"in {days} days"


def when_text(interview: Interview, now: datetime) -> str:
    """'Wed 25 Nov 14:00, in 5 days'."""
    return f"{moment_text(interview.at)}, {how_soon(interview.at, now)}"


def ask_text(interview: Interview) -> str:
    """The question Today asks once a scheduled interview's time has passed."""
    names = join_names([person.name for person in interview.interviewers])
    who = f"the interview with {names}" if names else "the interview"
    return f"How did {who} go? Record it while it is fresh."


def step_tag(entry: ChecklistEntry) -> str:
    """'get ready' for preparing, 'on the day' for what to do before you leave."""
    return ON_THE_DAY if entry.phase is Phase.BEFORE_YOU_LEAVE else GETTING_READY


def interview_choice(interview: Interview, now: datetime, waiting: bool) -> str:
    """One interview in the picker: upcoming ones, and ones waiting to be recorded, stand out."""
    detail = f"{interview.kind.value}  ({len(interview.interviewers)} interviewers)"
    if interview.at > now:
        return f"upcoming · {when_text(interview, now)}  {detail}"
    held = f"{interview.at.astimezone():%Y-%m-%d %H:%M}  {detail}"
    return f"{held}  · how did it go?" if waiting else held
