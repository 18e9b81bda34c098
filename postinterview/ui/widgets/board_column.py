"""One column of the board: the cards of one stage, as a list that draws only what is visible.

An OptionList rather than a widget per card: a board of thousands of cards stays quick to open
and to scroll, because only the visible lines are rendered.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from postinterview.domain.plan import ActionState
from postinterview.domain.stages import Stage
from postinterview.ui.board_cards import BoardCard
from postinterview.ui.formatting import deadline_day, one_line

STATE_STYLE = {
    ActionState.OVERDUE: "bold red",
    ActionState.DUE: "yellow",
    ActionState.TOO_SOON: "bright_black",
    ActionState.UPCOMING: "",
}
"""How the next action line is coloured by its state."""

CARD_WIDTH = 40
"""Text is cut to this many characters; the column cuts further with an ellipsis."""


def due_text(card: BoardCard, now: datetime) -> str:
    """'was due by Fri 20 Nov', 'due by Sat 21 Nov', 'not before Tue 1 Dec', or ""."""
    if card.next_due is None or card.next_state is None:
        return ""
    if card.next_state is ActionState.TOO_SOON:
        return f"not before {card.next_due.astimezone():%a %d %b}"
    if card.next_state is ActionState.OVERDUE:
        return f"was due by {deadline_day(card.next_due)}"
    return f"due by {deadline_day(card.next_due)}"


def card_prompt(card: BoardCard, now: datetime) -> Text:
    """The lines of one card: company and score, role, time since contact, next action."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(one_line(card.company, CARD_WIDTH), style="bold")
    if card.score is not None:
        text.append(f"  ◆{card.score}", style="cyan")
    text.append(f"\n{one_line(card.role, CARD_WIDTH)}", style="italic")
    if card.days_since_contact == 0:
        text.append("\nin contact today", style="bright_black")
    elif card.days_since_contact is not None:
        text.append(f"\n{_days(card.days_since_contact)} since contact", style="bright_black")
    elif card.days_since_added == 0:
        text.append("\napplied today", style="bright_black")
    else:
        text.append(f"\napplied {_days(card.days_since_added)} ago", style="bright_black")
    if card.next_action and card.next_state is not None:
        text.append(f"\n▸ {one_line(card.next_action, CARD_WIDTH)}", STATE_STYLE[card.next_state])
        when = due_text(card, now)
        if when:
            text.append(f"\n  {when}", STATE_STYLE[card.next_state])
    return text


def _days(count: int) -> str:
    return f"{count} day{'' if count == 1 else 's'}"


class BoardColumn(OptionList):
    """The cards of one stage, most pressing first. j/k move like up/down."""

    CARD_LIMIT = 200
    """Cards drawn per column: enough for any real search, and redrawing stays quick."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, stage: Stage) -> None:
        super().__init__(id=f"column-{stage.value}", classes="board-column")
        self.stage = stage
        """The stage whose cards this column holds."""
        self.card_ids: list[str] = []
        """The ids of the cards shown, top to bottom."""

    def show_cards(self, cards: Sequence[BoardCard], now: datetime, total: int) -> None:
        """Show `cards` (already filtered and sorted), keeping the highlighted card if it stays.

        `total` is the number of cards in this stage before filtering, for the title. Only the
        first `CARD_LIMIT` are drawn: the most pressing, since the cards come sorted.
        """
        keep = self.highlighted_card_id
        drawn = cards[: self.CARD_LIMIT]
        self.card_ids = [card.app_id for card in drawn]
        options: list[Option | None] = []
        for card in drawn:
            if options:
                options.append(None)  # a rule between cards
            options.append(Option(card_prompt(card, now), id=card.app_id))
        hidden = len(cards) - len(drawn)
        if hidden:
            more = Text(f"… and {hidden:,} more: / filters to find them", style="italic")
            options += [None, Option(more, disabled=True)]
        self.set_options(options)
        count = f"{len(cards):,}" if len(cards) == total else f"{len(cards):,} of {total:,}"
        self.border_title = f"{self.stage.label} ({count})"
        if keep in self.card_ids:
            self.highlighted = self.card_ids.index(keep)
        elif self.card_ids:
            self.highlighted = 0

    @property
    def highlighted_card_id(self) -> str | None:
        """The id of the highlighted card, if any."""
        if self.highlighted is None or not self.card_ids:
            return None
        return self.card_ids[min(self.highlighted, len(self.card_ids) - 1)]

    def highlight_card(self, app_id: str) -> None:
        """Put the highlight on `app_id` if it is in this column."""
        if app_id in self.card_ids:
            self.highlighted = self.card_ids.index(app_id)
