"""Which drafts fit a moment, and to whom each is addressed.

Which drafts a planned action offers is data (`drafts = [...]` on its checklist item, ids of
`content/drafts.toml`), and so is whom each draft is written to (`to` in the drafts catalog);
the weekly review's drafts for a quiet application are the catalog's `for_quiet`.

Pure: no Textual, no storage, no clock, no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from postinterview.domain.checklist import ChecklistCatalog
from postinterview.domain.drafts import Draft, render_draft
from postinterview.domain.drafts_catalog import Addressee, DraftsCatalog
from postinterview.domain.interviews import latest_held_interview, latest_interview
from postinterview.domain.models import Application, Contact, Interview
from postinterview.domain.settings import YouSettings

if TYPE_CHECKING:
    from postinterview.domain.plan import PlannedAction


@dataclass(frozen=True, slots=True)
class DraftOffer:
    """A draft that fits a moment, before it is filled in: which one, about which interview
    (None: the application has none), to whom (None: nobody in particular)."""

    kind: str
    interview: Interview | None
    person: Contact | None


def render_offer(
    catalog: DraftsCatalog, offer: DraftOffer, application: Application, you: YouSettings | None
) -> Draft:
    """The draft `offer` stands for, filled in."""
    return render_draft(catalog, offer.kind, application, offer.interview, offer.person, you)


def follow_up_contact(
    application: Application, interview: Interview | None = None
) -> Contact | None:
    """Whom to follow up with: the recruiter if recorded, else the first interviewer of
    `interview` (default: the latest one), else nobody in particular."""
    if application.recruiter is not None:
        return application.recruiter
    interview = interview if interview is not None else latest_interview(application)
    if interview is not None and interview.interviewers:
        return interview.interviewers[0]
    return None


def _named_interviewer(entry_id: str, name: str, interview: Interview | None) -> Contact | None:
    """The interviewer a per-interviewer entry is about: by id (namesakes apart), else by
    name; someone renamed or removed since the plan was made is still greeted by name."""
    people = interview.interviewers if interview is not None else []
    _, _, person_id = entry_id.partition(":")
    for person in people:
        if person.id == person_id:
            return person
    for person in people:
        if " ".join(person.name.split()) == " ".join(name.split()):
            return person
    return Contact(name=name) if name.strip() else None


def addressees(
    to: Addressee,
    application: Application,
    interview: Interview | None,
    action: PlannedAction | None = None,
) -> list[Contact | None]:
    """Whom a draft addressed `to` goes to, one draft each; [None] when nobody is recorded.

    interviewer: the one a per-interviewer action is about, else each interviewer; panel: the
    first interviewer (the others copied in), else the follow-up contact; contact: the
    follow-up contact (follow_up_contact); referee: each referee.
    """
    if to == "contact":
        return [follow_up_contact(application, interview)]
    if to == "panel":
        # One note to the first interviewer, the others copied in (the plan's action names
        # them all); with no interviewer recorded, whoever you follow up with.
        if interview is not None and interview.interviewers:
            return [interview.interviewers[0]]
        return [follow_up_contact(application, interview)]
    if to == "referee":
        return list(application.referees) or [None]
    if action is not None and ":" in action.entry_id:
        name = action.names[0] if action.names else ""
        return [_named_interviewer(action.entry_id, name, interview)]
    people: list[Contact | None] = list(interview.interviewers) if interview else []
    return people or [None]


def _offers(
    kinds: Sequence[str],
    catalog: DraftsCatalog,
    application: Application,
    interview: Interview | None,
    action: PlannedAction | None = None,
) -> list[DraftOffer]:
    offers = []
    for kind in kinds:
        template = catalog.template(kind)
        if template.needs_interview and interview is None:
            continue
        for person in addressees(template.to, application, interview, action):
            offers.append(DraftOffer(kind, interview, person))
    return offers


def offers_for_action(
    action: PlannedAction,
    application: Application,
    checklist: ChecklistCatalog,
    catalog: DraftsCatalog,
) -> list[DraftOffer]:
    """The drafts a planned action offers (its checklist item's `drafts`), one per addressee:
    a thank-you note to the interviewer it names, a note to each referee; [] for none."""
    try:
        kinds = checklist.item(action.item_id).drafts
    except KeyError:
        return []
    interview = next((i for i in application.interviews if i.id == action.interview_id), None)
    return _offers(kinds, catalog, application, interview, action)


def offers_for_quiet(
    application: Application, catalog: DraftsCatalog, now: datetime
) -> list[DraftOffer]:
    """The drafts for an application that has gone quiet (the catalog's `for_quiet`), about
    its latest interview held by `now`, or about the application itself if it had none."""
    interview = latest_held_interview(application, now)
    return _offers(catalog.for_quiet, catalog, application, interview)
