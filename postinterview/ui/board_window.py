"""Which of the board's columns are in view, and what the edges say about the others.

A terminal narrower than the board shows a window of whole columns around the focused one
(rather than squeezing them or cutting the last one off); the edges name the stages beyond
it, with their cards, so nothing is out of sight without saying so. Pure: no Textual.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from postinterview.domain.stages import STAGE_ORDER, Stage

COLUMN_WIDTH = 22
"""The narrowest a column is drawn (border included): a card's lines still read, cut with an
ellipsis. The columns in view share the width, so they are usually wider."""


def shown_stages(show_closed: bool, has_saved: bool) -> list[Stage]:
    """The stages whose columns the board shows, in order: Saved only while it holds cards (a
    search that saves no roles keeps the width for the stages it uses; a card moved back to
    Saved brings the column), the closed ones unless folded."""
    return [
        stage
        for stage in STAGE_ORDER
        if (has_saved or stage != Stage.SAVED) and (show_closed or not stage.is_closed)
    ]


def columns_that_fit(width: int, shown: int) -> int:
    """How many of `shown` columns fit side by side in `width` cells (at least one)."""
    return max(1, min(shown, width // COLUMN_WIDTH))


def window_start(start: int, count: int, total: int, focus: int | None) -> int:
    """The first column in view: `start` moved as little as it takes to bring column `focus`
    into a window of `count` out of `total` (and to keep the window full)."""
    if focus is not None:
        if focus < start:
            start = focus
        elif focus >= start + count:
            start = focus - count + 1
    return max(0, min(start, total - count))


def edge_hints(
    stages: Sequence[Stage], start: int, count: int, cards: Mapping[Stage, int], width: int
) -> tuple[str, str]:
    """What the left and right edges say about the columns out of view ("" for none), each in
    `width` cells: how many there are, and the stages with their cards, nearest first (as
    many as fit: the count and the key that goes there always show)."""
    before = [_named(stage, cards) for stage in reversed(stages[:start])]
    after = [_named(stage, cards) for stage in stages[start + count :]]
    left = _fitted("◀ h  {}", before, width)
    right = _fitted("{}  l ▶", after, width)
    return left, right


def _fitted(frame: str, names: list[str], width: int) -> str:
    if not names:
        return ""
    for shown in range(len(names), 0, -1):
        listed = ", ".join(names[:shown]) + (", …" if shown < len(names) else "")
        text = frame.format(f"{len(names)} more: {listed}")
        if len(text) <= width:
            return text
    return frame.format(f"{len(names)} more")


def _named(stage: Stage, cards: Mapping[Stage, int]) -> str:
    return f"{stage.label} ({cards.get(stage, 0)})"
