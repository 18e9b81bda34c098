"""An invitation picked on the app's "Import a file" screen: what adding it would do, and doing it.

The lines are what `postinterview import invite.ics --dry-run` prints about the invitation
(describe_invite), then where the interview goes. One open application named by the
invitation is the answer; when none or several are, the preview offers `choices` (those
applications, or the open ones when none is named, and a new application) and `choose`
gives the preview for the one picked. Confirming adds the interview through the saver, as
one step for undo, like a tracker's import.

Pure: no storage and no Textual (see import_file for `Saver`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from pydantic import ValidationError

from postinterview.domain.models import Application, Interview
from postinterview.transfer.import_invite import Invite, InviteRefused, read_invite
from postinterview.transfer.import_saver import ImportDone, Saver
from postinterview.transfer.invite_interview import (
    application_for,
    describe_invite,
    imported_from,
    refusal,
    when_text,
    with_invite,
)
from postinterview.transfer.invite_match import invite_candidates

NEW_APPLICATION = "new"
"""The key of the choice "a new application" (application ids never are this short)."""

LISTED = 20
"""At most this many open applications are offered when the invitation names none."""


@dataclass(frozen=True)
class Choice:
    """One application the person may add the interview to."""

    key: str
    """The application's id, or NEW_APPLICATION."""
    label: str
    new: bool = False
    """A new application, whose company and role the person types."""


def named(application: Application) -> str:
    """'Product Designer at Acme'."""
    return f"{application.role} at {application.company}"


@dataclass(frozen=True)
class InvitePreview:
    """An invitation read: what it says, and the application it goes to (once known)."""

    name: str
    invite: Invite
    now: datetime
    target: Application | None = None
    """The application the interview is added to; None for a new one or not yet chosen."""
    new: tuple[str, str] | None = None
    """(company, role) of the new application it is added to, once typed."""
    choices: tuple[Choice, ...] = ()
    """What the person chooses among when the invitation names no one application."""
    problem: str = ""
    """Why what was chosen cannot be saved (a company or role refused)."""
    already: str = ""
    """Where it was imported already, said: then there is nothing to add."""
    offered: tuple[Application, ...] = ()
    """The applications behind `choices`."""
    several: bool = False
    """The choices are the applications the invitation names (not just every open one)."""
    refused: bool = field(default=False, init=False)

    @property
    def action(self) -> str:
        """The confirm button's words; "" until it is clear where the interview goes."""
        if self.already or self.problem or (self.target is None and self.new is None):
            return ""
        return "Add the interview"

    def lines(self) -> list[str]:
        return [*describe_invite(self.invite), self._where()]

    def _where(self) -> str:
        if self.already:
            return self.already
        if self.problem:
            return self.problem
        if self.target is not None:
            return f"Adds the interview to {named(self.target)}."
        if self.new is not None:
            company, role = self.new
            return f"Adds the interview to a new application, {role} at {company}."
        if self.several:
            count = len(self.offered)
            return f"{count} open applications may be the one it is for: choose below."
        return "No open application is named by it: choose one below, or a new application."

    def choose(self, key: str, company: str = "", role: str = "") -> InvitePreview:
        """The preview once the person picked `key` among `choices` (for a new application,
        with the company and role they typed)."""
        if key == NEW_APPLICATION:
            company, role = (" ".join(text.split()) for text in (company, role))
            if not (company and role):
                why = "Type the new application's company and its role."
                return replace(self, target=None, new=None, problem=why)
            try:
                application_for(self.invite, company, role, self.now)
            except ValidationError as error:
                problem = error.errors()[0]
                why = f"The new application's {problem['loc'][0]}: {problem['msg']}."
                return replace(self, target=None, new=None, problem=why)
            return replace(self, target=None, new=(company, role), problem="")
        for application in self.offered:
            if application.id == key:
                return replace(self, target=application, new=None, problem="")
        return replace(self, target=None, new=None, problem="That application is not offered.")

    def apply(self, saver: Saver) -> ImportDone:
        """Add the interview (to a new application, or to the chosen one as it is now), as
        one step for undo."""
        when = when_text(self.invite)
        existing = [stored.application for stored in saver.records.values()]
        if done := imported_from(self.invite, existing):
            return ImportDone(f"Already imported into {named(done[0])}: nothing was added.")
        with saver.one_step(f"added the interview from {self.name}"):
            if self.new is not None:
                company, role = self.new
                outcome = saver.add(application_for(self.invite, company, role, self.now))
                where = f"a new application, {role} at {company}"
            elif self.target is not None:
                target = self.target
                outcome = saver.update(
                    target.id, lambda current: with_invite(current, self.invite, self.now)
                )
                where = named(target)
            else:
                return ImportDone("Choose the application it is for first.", failed=True)
        if not outcome.ok:
            return ImportDone(f"{self.name}: not saved to {where}: {outcome.error}", failed=True)
        return ImportDone(f"Added the interview on {when} to {where} (u to undo).", 1)


@dataclass(frozen=True)
class InviteRefusedPreview:
    """An invitation that adds nothing: the reason first, then what it says."""

    message: str
    said: tuple[str, ...] = ()
    refused: bool = field(default=True, init=False)
    action: str = field(default="", init=False)

    def lines(self) -> list[str]:
        return [self.message, *self.said]

    def apply(self, saver: Saver) -> ImportDone:
        return ImportDone(self.message, failed=True)


def _already(invite: Invite, application: Application, interview: Interview) -> str:
    """Where it is already, and what the person may have to change by hand (as the CLI says)."""
    text = f"Already imported into {named(application)}: nothing to add."
    if invite.cancelled:
        return f"{text} The invitation cancels the event: remove the interview if it is off."
    if interview.at != invite.start:
        return f"{text} The file's time differs ({when_text(invite)}): change it if it moved."
    return text


def _label(application: Application) -> str:
    """'Product Designer at Acme · applied · changed 20 Nov 2026': two at one company differ."""
    changed = application.updated_at.strftime("%d %b %Y")
    return f"{named(application)} · {application.stage.value} · changed {changed}"


def invite_preview(
    name: str,
    raw: bytes,
    now: datetime,
    existing: Sequence[Application],
    you: Sequence[str] = (),
) -> InvitePreview | InviteRefusedPreview:
    """What adding the invitation `raw` (the file `name`) to a folder holding `existing` would
    do, at `now`; `you` are the person's own names, not listed as interviewers."""
    try:
        invite = read_invite(raw, now, you)
    except InviteRefused as refused:
        return InviteRefusedPreview(f"{name}: {refused}")
    if done := imported_from(invite, existing):
        return InvitePreview(name, invite, now, already=_already(invite, *done))
    if why := refusal(invite):
        return InviteRefusedPreview(f"{name}: {why}", tuple(describe_invite(invite)))
    candidates = invite_candidates(invite, existing)
    if len(candidates) == 1:
        return InvitePreview(name, invite, now, target=candidates[0])
    offered = (
        candidates
        or sorted(
            (app for app in existing if not app.stage.is_closed),
            key=lambda app: app.updated_at,
            reverse=True,
        )[:LISTED]
    )
    choices = tuple(Choice(app.id, _label(app)) for app in offered)
    new = Choice(NEW_APPLICATION, "A new application (type its company and role)", new=True)
    return InvitePreview(
        name,
        invite,
        now,
        choices=(*choices, new),
        offered=tuple(offered),
        several=bool(candidates),
    )
