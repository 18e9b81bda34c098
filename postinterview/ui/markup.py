"""Putting a person's own text inside Textual markup safely.

`textual.markup.escape` only escapes brackets that look like Rich tags (`[b]`, `[/]`), but
Textual's parser also takes `[Sam Lee]` or `[Acme]` for a tag and drops it from the screen.
Every opening bracket is escaped here. (Textual reads a backslash as an escape only right
before a bracket, so backslashes need no doubling.)
"""

from __future__ import annotations


def escape_markup(text: str) -> str:
    """`text` as markup that shows exactly `text`."""
    return text.replace("[", "\\[")
