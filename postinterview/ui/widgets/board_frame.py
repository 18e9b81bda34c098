"""The board's columns, as many as fit the width, around the one in use; a line above them
names the stages beyond either edge (and how many cards each holds).

Whole columns come and go rather than a horizontal scroll: a column half in view reads as a
mistake, and a window always moved just enough keeps the columns from jumping about.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from postinterview.domain.stages import STAGE_ORDER, Stage
from postinterview.ui.board_window import columns_that_fit, edge_hints, window_start
from postinterview.ui.widgets.board_column import BoardColumn


class BoardFrame(Vertical):
    """Every stage's column; those of `stages` in view as the width allows."""

    def __init__(self) -> None:
        super().__init__(id="board")
        self.stages: list[Stage] = list(STAGE_ORDER)
        """The stages the board shows (the closed ones may be folded away), in order."""
        self.start = 0
        """The index in `stages` of the first column in view."""
        self._anchor: Stage | None = None
        """The stage that must stay in view (the focused column's)."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="board-edges"):
            yield Static("", id="board-more-left", markup=False)
            yield Static("", id="board-more-right", markup=False)
        with Horizontal(id="board-columns"):
            for stage in STAGE_ORDER:
                yield BoardColumn(stage)

    def column_of(self, stage: Stage) -> BoardColumn:
        """The column of `stage` (in view or not)."""
        return self.query_one(f"#column-{stage.value}", BoardColumn)

    @property
    def in_view(self) -> list[Stage]:
        """The stages whose columns are in view now, left to right."""
        return self.stages[self.start : self.start + self._count()]

    def show_stages(self, stages: Sequence[Stage], keep: Stage | None) -> None:
        """Show `stages` (in board order), keeping `keep`'s column in view."""
        self.stages = list(stages)
        self.bring_into_view(keep)

    def bring_into_view(self, stage: Stage | None) -> None:
        """Move the window just enough that `stage`'s column is in view (if it is shown)."""
        self._anchor = stage
        self._arrange()

    def on_resize(self) -> None:
        self._arrange()

    def _count(self) -> int:
        width = self.size.width or self.screen.size.width  # before the first layout
        return columns_that_fit(width, len(self.stages))

    def _arrange(self) -> None:
        count = self._count()
        focus = self.stages.index(self._anchor) if self._anchor in self.stages else None
        self.start = window_start(self.start, count, len(self.stages), focus)
        in_view = set(self.in_view)
        for stage in STAGE_ORDER:
            column = self.column_of(stage)
            if column.display != (stage in in_view):
                column.display = stage in in_view
        self.refresh_edges()

    def refresh_edges(self) -> None:
        """Say what is beyond the edges: the stages out of view and their cards."""
        cards = {stage: self.column_of(stage).card_count for stage in self.stages}
        half = max(10, (self.size.width or self.screen.size.width) // 2 - 1)
        left, right = edge_hints(self.stages, self.start, self._count(), cards, half)
        edges = self.query_one("#board-edges")
        edges.display = bool(left or right)
        for side, text in (("left", left), ("right", right)):
            static = self.query_one(f"#board-more-{side}", Static)
            if static.content != text:
                static.update(text)
