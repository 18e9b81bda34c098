"""Which board columns are in view, and what the edges say (pure rules, no Textual)."""

from __future__ import annotations

from postinterview.domain.stages import STAGE_ORDER, Stage
from postinterview.ui.board_window import (
    COLUMN_WIDTH,
    columns_that_fit,
    edge_hints,
    shown_stages,
    window_start,
)

BOARD = shown_stages(show_closed=True, has_saved=False)
"""Every column of a board with no saved role: the nine stages after Saved."""


def test_saved_is_shown_only_with_cards_and_closed_stages_only_unfolded() -> None:
    assert BOARD == list(STAGE_ORDER[1:])
    assert shown_stages(show_closed=True, has_saved=True) == list(STAGE_ORDER)
    assert shown_stages(show_closed=False, has_saved=True) == [
        Stage.SAVED,
        Stage.APPLIED,
        Stage.SCREENING,
        Stage.INTERVIEWING,
        Stage.AWAITING_DECISION,
        Stage.OFFER,
    ]
    assert Stage.SAVED not in shown_stages(show_closed=False, has_saved=False)


def test_as_many_whole_columns_fit_as_the_width_allows_and_at_least_one() -> None:
    assert columns_that_fit(80, 9) == 80 // COLUMN_WIDTH == 3
    assert columns_that_fit(200, 5) == 5  # never more than there are
    assert columns_that_fit(10, 9) == 1


def test_the_window_moves_only_as_far_as_it_takes_to_show_the_focused_column() -> None:
    assert window_start(0, 3, 9, 1) == 0  # already in view: it stays
    assert window_start(0, 3, 9, 3) == 1  # one past the right edge: one step
    assert window_start(4, 3, 9, 8) == 6
    assert window_start(4, 3, 9, 2) == 2  # past the left edge: it becomes the first
    assert window_start(6, 3, 5, None) == 2  # fewer columns shown: the window stays full
    assert window_start(3, 5, 5, 0) == 0


def test_the_edges_name_the_stages_beyond_them_nearest_first_with_their_cards() -> None:
    cards = {Stage.APPLIED: 1, Stage.SCREENING: 2, Stage.REJECTED: 4}
    left, right = edge_hints(BOARD, 2, 3, cards, 60)
    assert left == "◀ h  2 more: Screening (2), Applied (1)"
    assert right.startswith("4 more: Accepted (0), Rejected (4), ")
    assert right.endswith("  l ▶") and len(right) <= 60


def test_a_narrow_edge_drops_names_but_keeps_the_count_and_the_key() -> None:
    left, right = edge_hints(BOARD, 4, 1, {}, 40)
    assert left == "◀ h  4 more: Awaiting decision (0), …"
    assert right == "4 more: Accepted (0), …  l ▶"
    assert edge_hints(BOARD, 4, 1, {}, 20) == ("◀ h  4 more", "4 more  l ▶")
    assert edge_hints(BOARD, 0, 9, {}, 30) == ("", "")
