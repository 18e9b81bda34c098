"""The lines a form shows under its fields: a field's error, the form's error, and the
applications already made to the company typed. Shared by the full and the short form."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import Static

from postinterview.ui.markup import escape_markup


def show_message(line: Static, message: str) -> None:
    """`message` on `line`, shown as typed; the line is hidden while there is none."""
    line.update(escape_markup(message))
    line.display = bool(message)


def show_duplicates(line: Static, duplicates: Sequence[str], then: str = "") -> None:
    """The first few applications already made to the company (and `then`), or nothing."""
    listed = "; ".join(duplicates[:3])
    show_message(line, f"Already in your list: {listed}.{then}" if duplicates else "")
