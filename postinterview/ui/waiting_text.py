"""Today's "while you wait" reminders: the catalog's don'ts for the wait, in full on a tall
terminal and as one line on a short one (where the list of actions needs the rows)."""

from __future__ import annotations

from postinterview.domain.checklist import ItemKind, Phase, load_checklist_catalog
from postinterview.ui.markup import escape_markup

SHOWN = 4
"""How many reminders are shown (the first of the phase's don'ts, in catalog order)."""


def waiting_items() -> list[str]:
    """The 'while you wait' don'ts from the checklist catalog, as written there."""
    catalog = load_checklist_catalog()
    return [
        item.text
        for item in catalog.items
        if item.phase is Phase.WHILE_WAITING and item.kind is ItemKind.DONT
    ][:SHOWN]


def waiting_reminders(items: list[str]) -> str:
    """The reminders as markup: a heading, then one line each."""
    return "[b]While you wait[/b]\n" + "\n".join(f"• {escape_markup(text)}" for text in items)


def waiting_line(items: list[str]) -> str:
    """The reminders as one line of markup (cut with an ellipsis where the width ends)."""
    return "[b]While you wait[/b] — " + " · ".join(escape_markup(text) for text in items)
