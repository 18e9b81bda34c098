"""The applications as CSV: one row per application, a proof-of-applications record.

Columns are fixed and in a fixed order (CSV_COLUMNS), with a header row; RFC 4180 quoting and
CRLF line ends, as the csv module writes them. The file can be read back by
`postinterview import`, which restores every value a spreadsheet can hold: the dates and the
stage history give the application its age back (import_age), the recruiter cell its email
and phone. The id, the interview count and the interviewers are our export's own columns: the
import leaves them out (import_own_export), as a CSV cannot hold the interviews themselves.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from postinterview.domain.models import Application, Contact
from postinterview.transfer.days import local_day
from postinterview.transfer.records import in_export_order

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "company",
    "role",
    "stage",
    "applied_on",
    "created_at",
    "updated_at",
    "location",
    "job_link",
    "source",
    "recruiter",
    "interviews",
    "history",
    "notes",
    "company_size",
    "interviewers",
)
"""The header row, in order. New columns are only ever added at the end."""


def history_text(application: Application) -> str:
    """The stage history on one line: '2026-11-01 applied; 2026-11-05 screening'."""
    return "; ".join(
        f"{local_day(change.at).isoformat()} {change.to_stage.value}"
        for change in application.stage_history
    )


def contact_text(contact: Contact) -> str:
    """A person on one line, as the import's recruiter reader reads it back:
    'Dana Ruiz <dana@example.com>, +44 20 7946 0000' (the parts they have)."""
    text = contact.name
    if contact.email and contact.email != contact.name:
        text += f" <{contact.email}>"
    return f"{text}, {contact.phone}" if contact.phone else text


def interviewers_text(application: Application) -> str:
    """Everyone who interviewed, each once, in the order of the interviews: 'A <a@x>; B'."""
    people = [
        contact_text(p) for interview in application.interviews for p in interview.interviewers
    ]
    return "; ".join(dict.fromkeys(people))


def csv_row(application: Application) -> dict[str, str]:
    """One application as CSV cells, keyed by CSV_COLUMNS."""
    return {
        "id": application.id,
        "company": application.company,
        "role": application.role,
        "stage": application.stage.value,
        "applied_on": application.applied_on.isoformat() if application.applied_on else "",
        # In the local zone, as the history's days are: the day a spreadsheet shows is the day.
        "created_at": application.created_at.astimezone().isoformat(),
        "updated_at": application.updated_at.astimezone().isoformat(),
        "location": application.location,
        "job_link": application.job_link,
        "source": application.source.value if application.source else "",
        "recruiter": contact_text(application.recruiter) if application.recruiter else "",
        "interviews": str(len(application.interviews)),
        "history": history_text(application),
        "notes": application.notes,
        "company_size": application.company_size.value if application.company_size else "",
        "interviewers": interviewers_text(application),
    }


def export_csv(applications: Iterable[Application]) -> str:
    """Every application as CSV text, header first, oldest application first."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for application in in_export_order(applications):
        writer.writerow(csv_row(application))
    return buffer.getvalue()
