"""A footer that redraws only when the keys it shows change.

Textual's Footer rebuilds itself on every focus change. Moving between the board's columns
changes the focused widget but not the keys, and the rebuild cost about 150 ms a move (see
BENCHMARKS.md); skipping it when nothing changed keeps the board quick.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


def bindings_signature(screen: Screen[object]) -> tuple[Hashable, ...]:
    """What the footer shows for `screen`: each active key, its action, label and state."""
    return tuple(
        (key, active.binding.action, active.binding.description, active.binding.show)
        + (active.enabled, active.tooltip)
        for key, active in screen.active_bindings.items()
    )


class SteadyFooter(Footer):
    """A Footer that skips rebuilding when the active bindings are unchanged."""

    _shown_signature: tuple[Hashable, ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        signature = bindings_signature(screen)
        if signature == self._shown_signature:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown_signature = signature  # only once the rebuild will really happen
        super().bindings_changed(screen)
