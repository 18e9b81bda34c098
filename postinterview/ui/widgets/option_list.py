"""Textual's option list with paging that cannot crash: the one every screen uses.

Textual 8.2.8 lays out an option list's lines only once the list has room on screen. On a small
terminal a list can be squeezed to no height at all (Today at 45x15 under "While you wait"),
and a command palette's list is hidden for the first moments after `ctrl+p`; `PageDown` or
`PageUp` then looks up a line that was never laid out and raises `KeyError`, which takes the
whole app down. A page of no lines moves nothing, so with no room these keys do nothing.
"""

from __future__ import annotations

from textual import widgets
from textual.command import CommandList, CommandPalette

PAGING = ("page_down", "page_up")
"""The option list actions that need the list laid out."""


def can_page(option_list: widgets.OptionList) -> bool:
    """Whether `option_list` has room on screen, so that its lines are laid out to page over."""
    return bool(option_list.scrollable_content_region)


class OptionList(widgets.OptionList):
    """An option list whose `PageDown`/`PageUp` do nothing while it has no room on screen."""

    def action_page_down(self) -> None:
        if can_page(self):
            super().action_page_down()

    def action_page_up(self) -> None:
        if can_page(self):
            super().action_page_up()


class Palette(CommandPalette):
    """Textual's command palette, with the same guard on its list's paging.

    The palette's list is Textual's own; its keys pass through `_action_command_list`, which is
    where paging an unshown list is refused (the list is visible again once it has commands)."""

    def _action_command_list(self, action: str) -> None:
        if action in PAGING and not can_page(self.query_one(CommandList)):
            return
        super()._action_command_list(action)
