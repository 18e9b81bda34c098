"""One column of the board: the cards of one stage, as a list that draws only what is visible.

An OptionList rather than a widget per card: a board of thousands of cards stays quick to open
and to scroll, because only the visible lines are rendered.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.text import Text
from textual.binding import Binding
from textual.widgets.option_list import Option

from postinterview.domain.plan import ActionState
from postinterview.domain.stages import Stage
from postinterview.formatting import READ_ONLY_NOTE, deadline_day, one_line
from postinterview.ui.board_cards import BoardCard
from postinterview.ui.widgets.option_list import OptionList

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
    """The lines of one card: company and score, role, time since contact, next action, and
    a last line when the card cannot be changed."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(one_line(card.company, CARD_WIDTH), style="bold")
    if card.score is not None:
        text.append(f"  ◆{card.score}", style="cyan")
    text.append(f"\n{one_line(card.role, CARD_WIDTH)}", style="italic")
    if card.days_since_contact == 0:
        text.append("\nin contact today", style="bright_black")
    elif card.days_since_contact is not None:
        text.append(f"\n{_days(card.days_since_contact)} since contact", style="bright_black")
    else:
        done = "saved" if card.stage == Stage.SAVED else "applied"
        ago = "today" if card.days_since_added == 0 else f"{_days(card.days_since_added)} ago"
        text.append(f"\n{done} {ago}", style="bright_black")
    if card.next_interview is not None:
        day = card.next_interview.astimezone()
        text.append(f"\n◷ interview {day:%a} {day.day} {day:%b}", style="bold cyan")
    if card.next_action and card.next_state is not None:
        text.append(f"\n▸ {one_line(card.next_action, CARD_WIDTH)}", STATE_STYLE[card.next_state])
        when = due_text(card, now)
        if when:
            text.append(f"\n  {when}", STATE_STYLE[card.next_state])
    if card.read_only:
        text.append(f"\n{READ_ONLY_NOTE}: from a newer version", style="bright_black")
    return text


def _days(count: int) -> str:
    return f"{count} day{'' if count == 1 else 's'}"


class BoardColumn(OptionList):
    """The cards of one stage, most pressing first. j/k move like up/down."""

    PAGE = 25
    """Cards drawn at a time. Redrawing a column measures every drawn card, so a move stays
    quick by drawing one page; reaching its last card draws the next page (appending is
    cheap: only the new cards are measured)."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, stage: Stage) -> None:
        super().__init__(id=f"column-{stage.value}", classes="board-column")
        self.stage = stage
        """The stage whose cards this column holds."""
        self.card_ids: list[str] = []
        """The ids of the cards drawn, top to bottom."""
        self._cards: Sequence[BoardCard] = ()
        """Every card of the column (filtered and sorted); the first `len(card_ids)` are drawn."""
        self._now: datetime | None = None
        self._drawn_options: dict[BoardCard, Option] = {}
        """The option of each drawn card. A redraw reuses the options of unchanged cards, which
        keep their laid-out text: measuring every card again was most of a card move's work."""

    def show_cards(
        self, cards: Sequence[BoardCard], now: datetime, total: int, keep_highlight: bool = True
    ) -> None:
        """Show `cards` (already filtered and sorted), keeping the highlighted card if it stays
        (unless `keep_highlight` is False: then the highlight goes back to the top).

        `total` is the number of cards in this stage before filtering, for the title. The first
        page is drawn, or as many pages as it takes to reach the card that was highlighted.
        """
        keep = self.highlighted_card_id if keep_highlight else None
        self._cards, self._now = cards, now
        ids = [card.app_id for card in cards]
        wanted = ids.index(keep) + 1 if keep in ids else 0
        drawn = cards[: max(self.PAGE, _pages(wanted, self.PAGE))]
        self.card_ids = [card.app_id for card in drawn]
        reusable, self._drawn_options = self._drawn_options, {}
        self.set_options(self._card_options(drawn, now, reusable, first=True))
        count = f"{len(cards):,}" if len(cards) == total else f"{len(cards):,} of {total:,}"
        self.border_title = f"{self.stage.label} ({count})"
        self._show_remaining()
        if keep in self.card_ids:
            self.highlighted = self.card_ids.index(keep)
        elif self.card_ids:
            self.highlighted = 0

    def _draw_next_page(self) -> None:
        drawn = len(self.card_ids)
        page = self._cards[drawn : drawn + self.PAGE]
        if not page or self._now is None:
            return
        self.card_ids += [card.app_id for card in page]
        self.add_options(self._card_options(page, self._now, {}, first=not drawn))
        self._show_remaining()

    def _show_remaining(self) -> None:
        remaining = len(self._cards) - len(self.card_ids)
        self.border_subtitle = f"{remaining:,} more below ↓" if remaining else ""

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)  # scrolls to it and tells the screen
        self._draw_more_if_at_the_end()

    def on_focus(self) -> None:
        self._draw_more_if_at_the_end()

    def _draw_more_if_at_the_end(self) -> None:
        # On the last card drawn, draw the next page so moving down just carries on. Only
        # where the person is: every column has a highlight, but one has the focus.
        if not self.is_attached or self.highlighted is None:
            return
        if self.screen.focused is self:
            if self.highlighted >= len(self.card_ids) - 1:
                self._draw_next_page()

    def _card_options(
        self,
        cards: Sequence[BoardCard],
        now: datetime,
        reusable: dict[BoardCard, Option],
        first: bool,
    ) -> list[Option | None]:
        """Options for `cards`, with a rule between cards (and before them unless `first`);
        an unchanged card gets its option from `reusable`."""
        options: list[Option | None] = []
        for card in cards:
            if options or not first:
                options.append(None)
            option = reusable.get(card) or Option(card_prompt(card, now), id=card.app_id)
            self._drawn_options[card] = option
            options.append(option)
        return options

    @property
    def card_count(self) -> int:
        """How many cards the column holds (those the filter leaves), drawn or not."""
        return len(self._cards)

    @property
    def highlighted_card_id(self) -> str | None:
        """The id of the highlighted card, if any."""
        if self.highlighted is None or not self.card_ids:
            return None
        return self.card_ids[min(self.highlighted, len(self.card_ids) - 1)]

    def highlight_card(self, app_id: str) -> None:
        """Put the highlight on `app_id` if it is in this column, drawing down to it."""
        ids = [card.app_id for card in self._cards]
        if app_id not in ids:
            return
        while app_id not in self.card_ids:
            self._draw_next_page()
        self.highlighted = self.card_ids.index(app_id)


def _pages(count: int, page: int) -> int:
    """`count` rounded up to whole pages."""
    return -(-count // page) * page
