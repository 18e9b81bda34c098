"""How long a text field may be: the limits, in one place, and the words for going over one.

A name of 10,000 characters or a 1 MB note is a paste gone wrong or a hostile file, not a
record: it makes every screen slow and every file large. The models (domain.models) refuse
longer text; forms say so at the field, the CSV import by line. Lengths count characters
(code points), as Python's len does.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, StringConstraints

NAME_LIMIT = 200
"""Company, role, a person's name, title, email or phone, who was contacted, how they will
get in touch: a line of words."""

LINE_LIMIT = 2_000
"""A longer line: location, job link, where an interview happens (video links with their
tokens are long), how they said they would get in touch."""

NOTE_LIMIT = 100_000
"""Notes, reflection answers, next steps, a contact's note: about 100 KB, some 15,000 words."""

NameText = Annotated[str, StringConstraints(max_length=NAME_LIMIT)]
"""A short line of text (see NAME_LIMIT)."""

LineText = Annotated[str, StringConstraints(max_length=LINE_LIMIT)]
"""A place, a link, a longer line (see LINE_LIMIT)."""

NoteText = Annotated[str, StringConstraints(max_length=NOTE_LIMIT)]
"""Free text (see NOTE_LIMIT)."""


def too_long(label: str, text: str, limit: int) -> str:
    """'' when `text` fits in `limit`, else e.g. 'company is 10,240 characters; the limit is
    200' (`label` as given, so a form can say 'Company', the import 'company')."""
    if len(text) <= limit:
        return ""
    return f"{label} is {len(text):,} characters; the limit is {limit:,}"


def limit_of(model: type[BaseModel], field: str) -> int | None:
    """The length limit the model puts on `field`, if any: what a form checks as it is typed
    is read from the model, so the two never disagree."""
    for item in model.model_fields[field].metadata:
        if isinstance(item, StringConstraints) and item.max_length is not None:
            return item.max_length
    return None


def field_too_long(model: type[BaseModel], field: str, label: str, text: str) -> str:
    """'' or why `text` cannot go in `model`'s `field` (see too_long), e.g. for a form."""
    limit = limit_of(model, field)
    return too_long(label, text, limit) if limit is not None else ""
