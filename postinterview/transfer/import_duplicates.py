"""Which rows of a tracker are already present: the same company, role and applied date.

Importing a file twice adds nothing, and an import stopped midway (a full disk) adds only
the rest when run again. `import_csv` re-exports `import_key` and `new_rows`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from postinterview.domain.editing import company_key
from postinterview.domain.models import Application

if TYPE_CHECKING:
    from postinterview.transfer.import_csv import ImportRow

ImportKey = tuple[str, str, date | None]
"""What makes two applications the same on import: company, role and applied date."""


def import_key(application: Application) -> ImportKey:
    """Company (punctuation, case and accents ignored), role (case ignored), applied date."""
    company = company_key(application.company) or application.company.casefold().strip()
    role = " ".join(application.role.casefold().split())
    return company, role, application.applied_on


class Duplicates:
    """The applications already present: the store's, then each row taken as new."""

    def __init__(self, existing: Iterable[Application] = ()) -> None:
        self._seen = {import_key(application) for application in existing}

    def add_present(self, application: Application) -> None:
        """One more application already in the store."""
        self._seen.add(import_key(application))

    def is_new(self, application: Application) -> bool:
        """Whether it is not present yet; if not, it is from now on."""
        key = import_key(application)
        if key in self._seen:
            return False
        self._seen.add(key)
        return True


def new_rows(rows: Iterable[ImportRow], existing: Iterable[Application]) -> list[ImportRow]:
    """The rows not already present, in the store or earlier in the same file."""
    duplicates = Duplicates(existing)
    return [row for row in rows if duplicates.is_new(row.application)]
