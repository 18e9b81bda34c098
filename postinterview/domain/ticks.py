"""What ticking a checklist entry records: one meaning for a tick, wherever it is made.

Today, the weekly review (through plan.complete_action), the interview screen's checklist and
the demo data all tick through `tick_entry`, so a thank-you note ticked anywhere is logged as a
contact, and a follow-up ticked anywhere holds back the next chase everywhere. What an item
means when ticked is catalog data (`logs_contact`, `records` in content/checklist.toml), not
ids in code.

Pure: no Textual, no storage, no clock (`now` is always passed in).
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal, TypeAlias

from postinterview.domain.checklist import (
    CatalogItem,
    ChecklistCatalog,
    ContactEntry,
    TickRecord,
    find_entry,
    join_names,
    load_checklist_catalog,
)
from postinterview.domain.contacts import log_contact
from postinterview.domain.interviews import find_interview, revise_interview
from postinterview.domain.models import Application, Channel, ChecklistMark, Interview

TickState: TypeAlias = Literal["done", "not_applicable"] | None
"""Done, not applicable, or None to clear the mark."""


def tick_entry(
    application: Application,
    interview_id: str,
    entry_id: str,
    state: TickState,
    now: datetime,
    catalog: ChecklistCatalog | None = None,
    channel: Channel | None = None,
) -> Application:
    """`application` with checklist entry `entry_id` of `interview_id` set to `state`, and with
    everything that tick means.

    - The mark, timed `now`. Asking for the state the entry already has changes nothing, so a
      double press logs once.
    - Done, on an item that `logs_contact`: one contact-log entry at `now` (its note; its
      channel unless `channel` says otherwise; with the people the entry names). Not when the
      same contact is already logged since the interview, so ticking again after clearing a
      tick by mistake does not log it twice.
    - Done, on an item that `records = "referees_warned"`: `notified_at` on each referee not
      yet warned.

    Clearing a mark, or marking not applicable, leaves the contact log and the warned dates
    alone: they say what happened (the note was sent, the referee was rung), the person can
    edit the log, and the no-badgering rule should keep seeing a contact that did happen.

    `catalog` only matters for an id it does not know (no meaning beyond the mark); pass the
    one the view shows. Raises InterviewNotFound when the interview is gone.
    """
    interview = find_interview(application, interview_id)
    current = interview.checklist.get(entry_id)
    if (current.state if current is not None else None) == state:
        return application
    marks = dict(interview.checklist)
    if state is None:
        marks.pop(entry_id, None)
    else:
        marks[entry_id] = ChecklistMark(state=state, at=now)
    updated = revise_interview(application, interview_id, {"checklist": marks}, now)
    if state != "done":
        return updated
    catalog = catalog if catalog is not None else load_checklist_catalog()
    item = _item(catalog, entry_id)
    if item is None:
        return updated  # a mark the catalog no longer knows: nothing more to record
    if item.records == TickRecord.REFEREES_WARNED:
        updated = _warn_referees(updated, now)
    if item.logs_contact is not None:
        entry = find_entry(application, interview, entry_id, catalog)
        who = join_names(entry.names) if entry is not None else ""
        updated = _log_once(updated, interview, item.logs_contact, channel, who, now)
    return updated


def _item(catalog: ChecklistCatalog, entry_id: str) -> CatalogItem | None:
    try:
        return catalog.item(entry_id)
    except KeyError:
        return None


def _warn_referees(application: Application, now: datetime) -> Application:
    # A referee warned earlier keeps that date: it is when they actually heard.
    warned = [r if r.notified_at else r.revised(notified_at=now) for r in application.referees]
    return application.revised(referees=warned)


def _log_once(
    application: Application,
    interview: Interview,
    contact: ContactEntry,
    channel: Channel | None,
    who: str,
    now: datetime,
) -> Application:
    already = any(
        logged.note == contact.note and logged.with_whom == who and logged.at >= interview.at
        for logged in application.contact_log
    )
    if already:
        return application
    return log_contact(application, now, contact.note, channel or contact.channel, who)
