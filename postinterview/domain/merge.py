"""The one edit-merge rule: what the person changed wins, unless someone else changed the same
field to something else meanwhile.

Three versions of a record's fields meet: the *baseline* (what the editor last read or wrote),
*mine* (what the person has on screen) and *theirs* (what is on disk now). A field is the
person's change when mine differs from the baseline; it is written when theirs still equals the
baseline (nobody else touched it) or already equals mine. Otherwise it is a clash: theirs stays
on disk, the person's text stays on screen, and the editor says so. Fields changed only on disk
are simply kept, which is what makes two open windows safe.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from postinterview.domain.models import Application


@dataclass(frozen=True)
class Merge:
    """What to write, and what clashed."""

    writes: dict[str, Any] = field(default_factory=dict)
    """The person's changes that can be written."""
    clashes: dict[str, Any] = field(default_factory=dict)
    """Fields both sides changed, each with the value on disk (theirs)."""


def three_way(
    baseline: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any]
) -> Merge:
    """Merge the person's fields `mine` onto `theirs`, both descended from `baseline`."""
    writes: dict[str, Any] = {}
    clashes: dict[str, Any] = {}
    for name, value in mine.items():
        base = baseline.get(name)
        if value == base:
            continue  # not changed by the person
        current = theirs.get(name)
        if current == base or current == value:
            writes[name] = value
        else:
            clashes[name] = current
    return Merge(writes, clashes)


class FieldSet(Protocol):
    """One editor's view of a record as flat, comparable fields (the form's, the interview
    screen's, the signals')."""

    def read(self, application: Application) -> dict[str, Any]:
        """The fields as the record holds them, in comparable (model-dumped) form."""
        ...

    def write(
        self, application: Application, values: Mapping[str, Any], now: datetime
    ) -> Application:
        """`application` with `values` set (validated)."""
        ...
