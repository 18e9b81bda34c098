"""Putting a person's own text inside Textual markup safely.

`textual.markup.escape` only escapes brackets that look like Rich tags (`[b]`, `[/]`), but
Textual's parser also takes `[Sam Lee]` or `[Acme]` for a tag and drops it from the screen.
Every opening bracket is escaped here. (Textual reads a backslash as an escape only right
before a bracket, so backslashes need no doubling.) Control characters are shown, not
obeyed (`formatting.shown`): every person's text put in markup passes here.
"""

from __future__ import annotations

from rich.text import Text

from postinterview.formatting import shown, shown_in_place


def escape_markup(text: str) -> str:
    """`text` as markup that shows exactly `text` (control characters as stand-ins)."""
    return shown(text).replace("[", "\\[")


def shown_rich(text: Text) -> Text:
    """A copy of `text` whose control characters are visible stand-ins, one for one, so its
    styles stay on the characters they were on: for prompts built as Rich text (lists, cards)."""
    copy = text.copy()
    copy.plain = shown_in_place(copy.plain)
    return copy
