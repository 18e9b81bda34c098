"""`postinterview import invite.ics`: a calendar invitation becomes an upcoming interview.

What the invitation says is printed first (stdout), then what was done. The application is
the one the invitation names (transfer.invite_match), or `--application ID`, or a new one
with `--new COMPANY ROLE`; when none or several match, the candidates are listed on stderr
with their ids and nothing is saved (exit 1): the command never prompts. The same invitation
(same UID) imported again adds nothing; a cancelling one adds nothing either (exit 0).
Exit 1 also when the file cannot be read, the event has passed, or saving fails.
"""

from __future__ import annotations

import argparse
import codecs
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from postinterview.commands.output import (
    PROG,
    fail,
    one_line,
    read_input,
    warn,
    warn_about_problems,
)
from postinterview.domain.editing import same_company
from postinterview.domain.models import Application, Interview
from postinterview.storage.settings_store import load_settings
from postinterview.storage.store import ApplicationStore, StoreError
from postinterview.transfer.import_invite import (
    MAX_INVITE_BYTES,
    Invite,
    InviteRefused,
    read_invite,
)
from postinterview.transfer.invite_interview import (
    application_for,
    describe_invite,
    imported_from,
    refusal,
    when_text,
    with_invite,
)
from postinterview.transfer.invite_match import invite_candidates
from postinterview.transfer.invite_people import own_names

INVITE_HELP = """\
An invitation (an .ics file, or any file beginning BEGIN:VCALENDAR) becomes an upcoming
interview: its time, its organiser and attendees as interviewers with their emails (you,
by the name in your settings, and rooms left out), its video link or location, and its
summary and description in the application's notes. It goes to the open application whose
company the invitation names (summary, location or the organiser's email domain); when
none or several match, they are listed and --application ID or --new COMPANY ROLE says
which. The same invitation imported again, or one that cancels the event, adds nothing.
Exit code 0 when the interview was added or nothing needed adding; 1 when the file cannot
be read, the event has passed, the application is not clear, or saving fails.
"""

LISTED = 20
"""At most this many applications are listed when the invitation names none."""


def is_invite_file(path: Path) -> bool:
    """Whether `import` should read `path` as an invitation: an .ics name, or content that
    begins BEGIN:VCALENDAR. A file that cannot be read is left to the tracker import."""
    if path.suffix.lower() == ".ics":
        return True
    try:
        with path.open("rb") as handle:
            start = handle.read(64)
    except OSError:
        return False
    return start.removeprefix(codecs.BOM_UTF8).lstrip().upper().startswith(b"BEGIN:VCALENDAR")


def add_invite_arguments(importing: argparse.ArgumentParser) -> None:
    """The options that only an invitation takes."""
    target = importing.add_mutually_exclusive_group()
    target.add_argument(
        "--application",
        metavar="ID",
        help="for an invitation (.ics): add its interview to the application ID",
    )
    target.add_argument(
        "--new",
        nargs=2,
        metavar=("COMPANY", "ROLE"),
        help="for an invitation (.ics): add its interview to a new application",
    )


def run_invite_import(
    store: ApplicationStore,
    path: Path,
    now: datetime,
    dry_run: bool,
    out: TextIO,
    application_id: str | None = None,
    new: tuple[str, str] | None = None,
) -> int:
    """Read the invitation at `path` and add its interview (see the module docstring)."""
    raw = read_input(path, MAX_INVITE_BYTES, "an invitation (.ics)")
    if isinstance(raw, int):
        return raw
    you = load_settings(store.root).settings.you
    try:
        invite = read_invite(raw, now, own_names([you.name if you else None]))
    except InviteRefused as refused:
        return fail(f"{path}: {refused}")
    out.writelines(f"{line}\n" for line in describe_invite(invite))
    existing = store.load_all()
    warn_about_problems(existing)
    stored = {item.application.id: item for item in existing.applications}
    applications = [item.application for item in existing.applications]
    if done := imported_from(invite, applications):
        out.write(_already(invite, *done))
        return 0
    if why := refusal(invite):
        if invite.cancelled:
            out.write(f"Nothing was added: {why}.\n")
            return 0
        return fail(f"{path}: {why}")
    if new is not None:
        for same in same_company(applications, new[0]):
            warn(f"{_named(same)} is at the same company; --application {same.id} adds it there")
        return _add_new(store, path, invite, new, now, dry_run, out)
    if application_id is not None:
        if application_id not in stored:
            return fail(f"no application has the id {application_id!r} (see `{PROG} list`)")
        target = stored[application_id].application
    else:
        candidates = invite_candidates(invite, applications)
        if len(candidates) != 1:
            return _ask(path, candidates, applications)
        target = candidates[0]
    if dry_run:
        out.write(f"Would add it to {_named(target)}. Nothing was saved (--dry-run).\n")
        return 0
    try:
        store.update(
            target.id,
            lambda current: with_invite(current, invite, now),
            stored[target.id].revision,
        )
    except (StoreError, ValueError) as error:
        return fail(f"{path}: not saved to {target.company}: {error}")
    out.write(f"Added the interview on {when_text(invite)} to {_named(target)}.\n")
    return 0


def _add_new(
    store: ApplicationStore,
    path: Path,
    invite: Invite,
    new: tuple[str, str],
    now: datetime,
    dry_run: bool,
    out: TextIO,
) -> int:
    company, role = (" ".join(text.split()) for text in new)
    try:
        application = application_for(invite, company, role, now)
    except ValidationError as error:
        problem = error.errors()[0]
        return fail(f"--new {company!r} {role!r}: {problem['loc'][0]} {problem['msg']}")
    if dry_run:
        out.write(f"Would add it to a new application, {role} at {company}. ")
        out.write("Nothing was saved (--dry-run).\n")
        return 0
    try:
        created = store.create(application)
    except StoreError as error:
        return fail(f"{path}: not saved: {error}")
    out.write(
        f"Added the interview on {when_text(invite)} to a new application, "
        f"{_named(created.application)}.\n"
    )
    return 0


def _named(application: Application) -> str:
    return f"{application.role} at {application.company} ({application.id})"


def _already(invite: Invite, application: Application, interview: Interview) -> str:
    text = f"Already imported into {_named(application)}: nothing was added."
    if invite.cancelled:
        text += " The invitation cancels the event: remove the interview in the app if it is off."
    elif interview.at != invite.start:
        text += f" The file's time differs ({when_text(invite)}): change it in the app if it moved."
    return text + "\n"


def _ask(path: Path, candidates: list[Application], applications: list[Application]) -> int:
    if candidates:
        heading = f"{len(candidates)} open applications may be the one this invitation is for:"
        listed = candidates
    else:
        heading = "No open application is named by this invitation. Open applications:"
        listed = sorted(
            (app for app in applications if not app.stage.is_closed),
            key=lambda app: app.updated_at,
            reverse=True,
        )[:LISTED]
    print(f"{PROG}: {path.name}: {heading}", file=sys.stderr)
    for application in listed:
        named = f"{application.role} at {application.company}"
        print(f"  {one_line(application.id)}  {one_line(named)}", file=sys.stderr)
    return fail(
        f"{path}: say which application it is for with --application ID, "
        "or --new COMPANY ROLE to add one"
    )
