"""The footer: the main keys first, whole keys only, redrawn only when the keys change.

Textual's Footer lists the focused widget's keys, then the screen's, then the app's, and cuts
off what does not fit: at 80 columns that was "I just had an interview" and Help, the two keys
a person needs most. Here those come first, and a key that does not fit is left out whole
rather than cut mid-word (the palette, on the right, lists every action).

Textual's Footer also rebuilds itself on every focus change. Moving between the board's
columns changes the focused widget but not the keys, and the rebuild cost about 150 ms a move
(see BENCHMARKS.md); skipping it when nothing changed keeps the board quick.
"""

from __future__ import annotations

from collections.abc import Hashable
from weakref import WeakKeyDictionary

from textual.binding import Binding
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

SHORT_LABELS = {"new_interview": "Interview"}
"""What a main key says on a terminal too narrow for the main keys' full labels."""

MAIN_ACTIONS = ("new_interview", "help")
"""The actions whose keys are shown first, on every screen that has them; then the screen's
own keys (those of its class, not the ones it shares with others), then the rest."""


def bindings_signature(screen: Screen[object]) -> tuple[Hashable, ...]:
    """What the footer shows for `screen`: each active key, its action, label and state."""
    return tuple(
        (key, active.binding.action, active.binding.description, active.binding.show)
        + (active.enabled, active.tooltip)
        for key, active in screen.active_bindings.items()
    )


class SteadyFooter(Footer):
    """A Footer with the main keys first and only whole keys, which skips rebuilding when the
    active bindings are unchanged."""

    _shown_signature: tuple[Hashable, ...] | None = None

    def __init__(self) -> None:
        super().__init__()
        self._full_labels: WeakKeyDictionary[FooterKey, str] = WeakKeyDictionary()
        """Each main key's label as bound, while a short one may be shown instead."""

    def bindings_changed(self, screen: Screen[object]) -> None:
        signature = bindings_signature(screen)
        if signature == self._shown_signature:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown_signature = signature  # only once the rebuild will really happen
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        await super().recompose()
        if not self.is_attached:  # its screen closed meanwhile
            return
        keys = [k for k in self.query_children(FooterKey) if not k.has_class("-command-palette")]
        own = _own_actions(self.screen)
        ranked = sorted(keys, key=lambda k: _rank(k.action, own))
        if ranked != keys:
            for key in reversed(ranked):
                self.move_child(key, before=0)
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Show the keys, in order, up to the first that does not fit whole beside the
        palette's key (the order says what matters more, so no later key jumps ahead)."""
        keys = list(self.query_children(FooterKey))
        room = self.size.width - sum(
            self._width(key) for key in keys if key.has_class("-command-palette")
        )
        self._label_main_keys(keys, room)
        for key in keys:
            if key.has_class("-command-palette"):
                continue
            room -= self._width(key)
            if key.display != (room >= 0):
                key.display = room >= 0

    def _label_main_keys(self, keys: list[FooterKey], room: int) -> None:
        """The main keys' full labels, or their short ones if the full ones do not all fit."""
        mains = [key for key in keys if key.action in MAIN_ACTIONS]
        for key in mains:
            key.description = self._full_labels.setdefault(key, key.description)
        if sum(self._width(key) for key in mains) > room:
            for key in mains:
                key.description = SHORT_LABELS.get(key.action, key.description)
        for key in mains:
            key.refresh(layout=True)

    def _width(self, key: FooterKey) -> int:
        size = Size(self.size.width, 1)
        return key.get_content_width(size, size) + key.styles.gutter.width + key.styles.margin.width


def _own_actions(screen: Screen[object]) -> list[str]:
    """The actions of the bindings `screen`'s own class declares, in its order."""
    declared = type(screen).__dict__.get("BINDINGS", [])
    return [b.action if isinstance(b, Binding) else b[1] for b in declared]


def _rank(action: str, own: list[str]) -> tuple[int, int]:
    if action in MAIN_ACTIONS:
        return 0, MAIN_ACTIONS.index(action)
    if action in own:
        return 1, own.index(action)
    return 2, 0
