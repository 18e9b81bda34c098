"""The pipeline board: one column per stage, a card per application, moved by keys.

Cards are computed in the loading worker (the plan and the signal reading for thousands of
applications would stall the screen), and after a save only the columns it touched are redrawn.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import Header, Input, Static

from postinterview.domain.editing import move_stage
from postinterview.domain.stages import CLOSED_STAGES, STAGE_ORDER, Stage, neighbour
from postinterview.ui.board_cards import CARD, EMPTY_BOARD, FILTER_HINT, BoardCard, board_status
from postinterview.ui.board_window import shown_stages
from postinterview.ui.messages import OpenApplication
from postinterview.ui.screens.collection import ApplicationCollectionScreen
from postinterview.ui.widgets.board_column import BoardColumn
from postinterview.ui.widgets.board_frame import BoardFrame
from postinterview.ui.widgets.footer import SteadyFooter
from postinterview.ui.widgets.option_list import OptionList
from postinterview.ui.widgets.shown_text import TextInput
from postinterview.workspace import Stored, Workspace

FILTER_DELAY = 0.15
"""Seconds after the last key in the filter before the board is redrawn."""


class BoardScreen(ApplicationCollectionScreen):
    """Every application by stage. Arrows (or h/j/k/l) move the focus; < and > move a card."""

    AUTO_FOCUS = ".board-column"

    BINDINGS = [
        Binding("left,h", "focus_column(-1)", "Column", show=False),
        Binding("right,l", "focus_column(1)", "Column", show=False),
        Binding("less_than_sign,shift+left", "move_card(-1)", "◀ Stage"),
        Binding("greater_than_sign,shift+right", "move_card(1)", "Stage ▶"),
        Binding("slash", "filter", "Filter"),
        Binding("c", "toggle_closed", "Closed"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        workspace.register(CARD)  # cards are computed as the folder is read, off this thread
        self.cards: dict[str, BoardCard] = {}
        """Every application's card, by id, as drawn."""
        self.show_closed = False
        """Whether the closed stages' columns are shown."""
        self.query_text = ""
        """The filter as typed; "" shows every card."""
        self._filter_timer: Timer | None = None
        self.following: str | None = None
        """A card being moved (here, or back by an undo): the cursor follows it to its new
        column, so the next key acts on it."""
        self._complete_drawn = False
        """Whether every card has been drawn once (not just a large folder's early ones)."""

    # Layout -------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="problems-banner")
        # Plain text: the filter shown in it is typed by the person ("[/x]" is no tag).
        yield Static("Loading your applications…", id="board-status", markup=False)
        yield TextInput(placeholder=FILTER_HINT, id="board-filter")
        yield Static(EMPTY_BOARD, id="board-empty")
        yield BoardFrame()
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Board"
        self.query_one("#problems-banner").display = False
        self.query_one("#board-filter").display = False
        self.query_one("#board-empty").display = False
        self._fold_closed()

    @property
    def frame(self) -> BoardFrame:
        """The columns, as many in view as the width allows."""
        return self.query_one(BoardFrame)

    def columns(self) -> list[BoardColumn]:
        """The columns shown (in view or beyond an edge; not the folded ones), left to right."""
        return [self.column_of(stage) for stage in self.frame.stages]

    def column_of(self, stage: Stage) -> BoardColumn:
        """The column of `stage` (shown or folded)."""
        return self.frame.column_of(stage)

    def _focus(self, column: BoardColumn) -> None:
        """Focus `column`, bringing it into view first (a column out of view takes no focus)."""
        self.frame.bring_into_view(column.stage)
        column.focus()

    @on(events.DescendantFocus)
    def _keep_in_view(self, event: events.DescendantFocus) -> None:
        # Also when focused by tab or the mouse: a resize keeps this column in view.
        if isinstance(event.widget, BoardColumn):
            self.frame.bring_into_view(event.widget.stage)

    # Loading and drawing ------------------------------------------------------------------------

    def show_progress(self, done: int, total: int) -> None:
        self.query_one("#board-status", Static).update(
            f"Loading your applications… {done} of {total}"
        )

    def show_all(self) -> None:
        self.cards = self.workspace.derive_all(CARD)
        for app_id, stored in self.entries.items():
            if stored.read_only and app_id in self.cards:
                self.cards[app_id] = self.cards[app_id].as_read_only()
        first_complete = self.loaded and not self._complete_drawn
        self._complete_drawn = self.loaded
        for stage in STAGE_ORDER:
            self._draw(stage, keep_highlight=not first_complete or self._moved_by_person(stage))
        self._refresh_status()
        focused = self.focused
        if (
            not isinstance(focused, BoardColumn | Input)
            or not focused.display
            or (first_complete and isinstance(focused, BoardColumn) and not focused.card_ids)
        ):
            self._focus_first_column()

    def _moved_by_person(self, stage: Stage) -> bool:
        """Whether the person has moved through this column's early cards (shown while a large
        folder loads): only then does its highlight follow the card once every card is in.
        Elsewhere it goes back to the top, as the early cards are a sample, not a choice."""
        column = self.column_of(stage)
        return column.has_focus and bool(column.highlighted)

    def show_one(self, stored: Stored) -> None:
        application = stored.application
        before = self.cards.get(application.id)
        card = self.workspace.derive(CARD, application.id)
        if stored.read_only:
            card = card.as_read_only()
        self.cards[application.id] = card
        if before is not None and before.stage != card.stage:
            self._draw(before.stage)
        self._draw(card.stage)
        if self.following == application.id:
            self.following = None
            column = self.column_of(card.stage)
            if card.stage in self.frame.stages:
                self.frame.bring_into_view(card.stage)
                # At once, not after this message (as `focus()` would): a second shift+right
                # already queued must move the same card, not the one now under the cursor.
                self.set_focus(column)
                column.highlight_card(application.id)
            else:
                self.notify(f"Moved to {card.stage.label}. Closed stages are folded: c shows them.")
        self._refresh_status()

    def drop_one(self, app_id: str) -> None:
        card = self.cards.pop(app_id, None)
        if card is not None:
            self._draw(card.stage)
        self._refresh_status()

    def _draw(self, stage: Stage, keep_highlight: bool = True) -> None:
        in_stage = [card for card in self.cards.values() if card.stage == stage]
        shown = [card for card in in_stage if card.matches(self.query_text)]
        shown.sort(key=lambda card: card.sort_key)
        self.column_of(stage).show_cards(shown, self.clock(), len(in_stage), keep_highlight)
        if stage == Stage.SAVED and bool(in_stage) != (stage in self.frame.stages):
            self._fold_closed(has_saved=bool(in_stage))  # the Saved column comes or goes
        self.frame.refresh_edges()

    def _refresh_status(self) -> None:
        status = board_status(list(self.cards.values()), self.show_closed, self.query_text)
        _update_if_changed(self.query_one("#board-status", Static), status)
        self.query_one("#board-empty").display = self.loaded and not self.cards
        self.query_one("#board").display = bool(self.cards)
        banner = self.query_one("#problems-banner", Static)
        banner.display = bool(self.problems)
        _update_if_changed(banner, self.problems_text())

    # Focus and selection ------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        focused = self.focused
        if isinstance(focused, BoardColumn):
            return focused.highlighted_card_id
        return None

    def _focus_first_column(self) -> None:
        columns = self.columns()
        with_cards = [column for column in columns if column.card_ids]
        with_cards.sort(key=lambda column: column.stage == Stage.SAVED)  # work under way first
        target = with_cards[0] if with_cards else (columns[0] if columns else None)
        if target is not None:
            self._focus(target)

    def action_focus_column(self, step: int) -> None:
        """Focus the next column to the left (-1) or right (1), keeping the row where it can."""
        columns = self.columns()
        focused = self.focused
        if not columns:
            return
        index = columns.index(focused) if isinstance(focused, BoardColumn) else 0
        row = focused.highlighted if isinstance(focused, BoardColumn) else None
        target = columns[max(0, min(len(columns) - 1, index + step))]
        self._focus(target)
        if row is not None and target.card_ids:
            target.highlighted = min(row, len(target.card_ids) - 1)

    # Actions ------------------------------------------------------------------------------------

    def palette_commands(self) -> list[SystemCommand]:
        """This screen's actions, for the command palette."""
        return [
            *super().palette_commands(),
            SystemCommand("Filter the board", FILTER_HINT, self.action_filter),
            SystemCommand(
                "Show or fold closed stages",
                "Accepted, rejected, withdrawn, no reply",
                self.action_toggle_closed,
            ),
        ]

    def action_move_card(self, step: int) -> None:
        """Move the selected card to the previous (-1) or next (1) stage."""
        stored = self._selected_to_change()
        if stored is None:
            return
        current = stored.application.stage
        target = neighbour(current, step)
        if target is None:
            where = "first" if step < 0 else "last"
            self.notify(f"{current.label} is the {where} stage.")
            return
        self.following = stored.application.id
        # No "Saved." here: the card showing up in its new column says it.
        self.save(stored.application.id, lambda a: move_stage(a, target, self.clock()), done="")
        self.following = None

    @on(OptionList.OptionSelected, ".board-column")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(OpenApplication(event.option.id))

    def action_filter(self) -> None:
        """Show the filter box and type into it."""
        box = self.query_one("#board-filter", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#board-filter")
    def _filter_typed(self, event: Input.Changed) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
        value = event.value.strip()
        self._filter_timer = self.set_timer(FILTER_DELAY, lambda: self._apply_filter(value))

    @on(Input.Submitted, "#board-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        self._apply_filter(event.value.strip())
        if not self.query_text:
            event.input.display = False
        self._focus_first_column()

    def _apply_filter(self, value: str) -> None:
        if value == self.query_text:
            return
        self.query_text = value
        for stage in STAGE_ORDER:
            self._draw(stage)
        self._refresh_status()

    def action_clear_filter(self) -> None:
        """Show every card again."""
        box = self.query_one("#board-filter", Input)
        box.value = ""
        box.display = False
        self._apply_filter("")
        if not isinstance(self.focused, BoardColumn):
            self._focus_first_column()

    def action_toggle_closed(self) -> None:
        """Show or fold away the closed stages."""
        self.show_closed = not self.show_closed
        if not self._fold_closed() and self.show_closed:
            # Shown to be looked at: a narrow board goes over to the first with cards.
            closed = [self.column_of(s) for s in self.frame.stages if s in CLOSED_STAGES]
            target = next((c for c in closed if c.card_ids), closed[0])
            if target.stage not in self.frame.in_view:
                self._focus(target)
        self._refresh_status()

    def _fold_closed(self, has_saved: bool | None = None) -> bool:
        """Show the columns board_window.shown_stages names; True when the focused column
        was folded away (the focus then goes to the first column with cards)."""
        focused = self.focused
        keep = focused.stage if isinstance(focused, BoardColumn) else None
        if has_saved is None:
            has_saved = any(card.stage == Stage.SAVED for card in self.cards.values())
        stages = shown_stages(self.show_closed, has_saved)
        self.frame.show_stages(stages, keep if keep in stages else None)
        if keep is not None and keep not in stages:
            self._focus_first_column()
            return True
        return False


def _update_if_changed(static: Static, text: str) -> None:
    # Each update lays out the whole screen again, which is most of the cost of a card move.
    if static.content != text:
        static.update(text)
