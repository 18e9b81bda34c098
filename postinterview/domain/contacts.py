"""Contacts with the company and the choice to keep waiting, as pure functions (see editing)."""

from __future__ import annotations

from datetime import datetime

from postinterview.domain.models import Application, Channel, ContactLogEntry


def log_contact(
    application: Application,
    at: datetime,
    note: str,
    channel: Channel = Channel.EMAIL,
    with_whom: str = "",
    now: datetime | None = None,
) -> Application:
    """`application` with one more contact-log entry (kept in the order they were logged).

    `now` is when it is being logged, if later than `at` (a call noted the next morning): the
    edit time goes in `updated_at`, the contact's own time in the entry.
    """
    entry = ContactLogEntry(at=at, channel=channel, with_whom=with_whom, note=note)
    return application.revised(
        contact_log=[*application.contact_log, entry], updated_at=now if now is not None else at
    )


def keep_waiting(application: Application, now: datetime) -> Application:
    """The person looked at a quiet application and chose to keep waiting: restart its clock."""
    return application.revised(quiet_acknowledged_at=now, updated_at=now)
