"""The do/don't checklist of one interview, grouped by phase, with progress and due dates.

It opens on the first entry to do now, `[` / `]` jump between phases, and steps whose moment
has passed (before you leave, once the interview is over) stay visible, dimmed, uncounted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ProgressBar, Static
from textual.widgets.option_list import Option

from postinterview.domain.checklist import (
    ChecklistEntry,
    ChecklistProgress,
    EntryState,
    ItemKind,
    Phase,
    group_by_phase,
)
from postinterview.domain.checklist_now import first_to_do
from postinterview.domain.days import last_day, local_day
from postinterview.ui.markup import shown_rich
from postinterview.ui.widgets.option_list import OptionList

MarkState = Literal["done", "not_applicable"]

MARKERS = {
    EntryState.DONE: ("✔", "green"),
    EntryState.NOT_APPLICABLE: ("–", "bright_black"),
    EntryState.OVERDUE: ("!", "bold red"),
    EntryState.DUE: ("•", "bold yellow"),
    EntryState.UPCOMING: ("·", "bright_black"),
    EntryState.LAPSED: ("○", "bright_black"),
}
PAST_MARKER = ("◦", "bright_black")
"""An entry whose moment has passed: advice for next time."""
PAST_TEXT = "past: for your next interview"


def when_text(entry: ChecklistEntry, state: EntryState, now: datetime) -> str:
    """A few words on timing: 'due today', 'overdue since Mon 23 Nov', 'from Tue 24 Nov'."""
    today = local_day(now)

    def named(day: date) -> str:
        names = {0: "today", 1: "tomorrow", -1: "yesterday"}
        return names.get((day - today).days, day.strftime("%a %d %b"))

    def day(moment: datetime) -> str:
        return named(local_day(moment))

    def by(deadline: datetime) -> str:
        return named(last_day(deadline))

    if state == EntryState.OVERDUE and entry.overdue_at is not None:
        return f"overdue: was due by {by(entry.overdue_at)}"
    if state == EntryState.DUE and entry.due_at is not None and entry.kind == ItemKind.DO:
        return f"due {by(entry.due_at)}" if entry.due_at >= now else "due now"
    if state == EntryState.DUE and entry.overdue_at is not None and entry.kind == ItemKind.DONT:
        return f"until the end of {by(entry.overdue_at)}"
    if state == EntryState.UPCOMING:
        return f"from {day(entry.opens_at)}"
    if state == EntryState.LAPSED:
        return "its moment has passed"
    return ""


def entry_prompt(
    entry: ChecklistEntry, state: EntryState, now: datetime, past: bool = False
) -> Text:
    """One option: marker, do/don't, the text, its timing, and the why on a second line.
    `past`: its moment has passed (dimmed, no timing: its heading says so)."""
    marker, style = PAST_MARKER if past else MARKERS[state]
    prompt = Text()
    prompt.append(f" {marker} ", style=style)
    done = state in (EntryState.DONE, EntryState.NOT_APPLICABLE, EntryState.LAPSED)
    # A don't already reads as one ("Don't…", "Never…"); colour tells them apart at a glance.
    text_style = (
        "strike bright_black"
        if done
        else "bright_black"
        if past
        else ("magenta" if entry.kind == ItemKind.DONT else "")
    )
    prompt.append(entry.text, style=text_style)
    timing = "" if past else when_text(entry, state, now)
    if timing:
        prompt.append(f"  ({timing})", style=style)
    prompt.append(f"\n   {entry.why}", style="italic bright_black")
    if entry.detail:
        prompt.append(f"\n   {entry.detail}", style="bright_black")
    if entry.note:
        prompt.append(f"\n   {entry.note}", style="dim")
    return shown_rich(prompt)


class ChecklistList(OptionList):
    """The entries, keyboard-driven: space ticks, x marks not applicable, [ ] change phase."""

    BINDINGS = [
        Binding("space", "mark('done')", "Done"),
        Binding("x", "mark('not_applicable')", "Not applicable"),
        # One footer entry for both: "[ ] Section" (ctrl+up / ctrl+down do the same).
        Binding("right_square_bracket,ctrl+down", "section(1)", "Section", key_display="[ ]"),
        Binding("left_square_bracket,ctrl+up", "section(-1)", "Previous section", show=False),
    ]

    class MarkRequested(Message):
        """The person asked to flip an entry's mark."""

        def __init__(self, entry_id: str, state: MarkState) -> None:
            super().__init__()
            self.entry_id = entry_id
            """The checklist entry id."""
            self.state = state
            """'done' or 'not_applicable': flipped on if it was off, off if it was on."""

    def action_mark(self, state: MarkState) -> None:
        """Ask for the highlighted entry's mark to be flipped."""
        option = self.highlighted_option
        if option is not None and option.id is not None and not option.disabled:
            self.post_message(self.MarkRequested(option.id, state))

    def action_section(self, step: int) -> None:
        """Highlight the first entry of the next (1) or previous (-1) phase, its heading in
        view; from inside a phase, -1 goes to the start of that phase first."""
        headings = [i for i, option in enumerate(self.options) if option.id is None]
        current = self.highlighted if self.highlighted is not None else -1
        if step > 0:
            targets = [h for h in headings if h > current]
        else:
            own = max((h for h in headings if h < current), default=None)
            at_start = own is not None and current == own + 1
            targets = [h for h in headings if h < current and not (at_start and h == own)]
            targets.reverse()
        for heading in targets:
            first = heading + 1
            if first < len(self.options) and not self.options[first].disabled:
                self.highlighted = heading  # a disabled option: nothing is drawn highlighted
                self.scroll_to_highlight(top=True)
                self.highlighted = first
                return


class ChecklistView(Vertical):
    """Progress, then every entry grouped by phase. Shows state; never saves."""

    def compose(self) -> ComposeResult:
        yield Static("", id="checklist-summary")
        yield ProgressBar(total=1, show_eta=False, id="checklist-progress")
        yield Static(
            "space: done   x: not applicable   [ ]: previous / next section   "
            "the why is under each line",
            classes="dialog-detail",
        )
        yield ChecklistList(id="checklist")

    def show(
        self,
        states: Sequence[tuple[ChecklistEntry, EntryState]],
        progress: ChecklistProgress,
        now: datetime,
        past: frozenset[str] = frozenset(),
    ) -> None:
        """Redraw with these entries and states, keeping the highlight where it was; at
        first on the first entry to do now. `past`: entries whose moment has passed."""
        listing = self.query_one(ChecklistList)
        keep = listing.highlighted_option.id if listing.highlighted_option else None
        options: list[Option] = []
        for phase, grouped in group_by_phase(_Placed(e, s) for e, s in states):
            some_past = any(p.entry.id in past for p in grouped)
            hint = PAST_TEXT if some_past else phase.hint
            heading = Text(f"{phase.label} — {hint}", style="bold underline")
            if some_past:
                heading.stylize("bright_black")
            options.append(Option(heading, disabled=True))
            options.extend(
                Option(entry_prompt(p.entry, p.state, now, p.entry.id in past), id=p.entry.id)
                for p in grouped
            )
        ids = [option.id for option in options]
        if ids == [option.id for option in listing.options] and keep is not None:
            # The same lines (a tick, a save): redraw each in place, so the list neither
            # scrolls back to the top nor loses its place.
            for index, option in enumerate(options):
                listing.replace_option_prompt_at_index(index, option.prompt)
        else:
            listing.set_options(options)
        if keep is None or keep not in ids:
            keep = first_to_do(states, past)
        selectable = [i for i, option in enumerate(options) if not option.disabled]
        found = ids.index(keep) if keep is not None and keep in ids else None
        listing.highlighted = found if found is not None else next(iter(selectable), None)

        # The counts come from the domain's progress, built from the same entries as the list.
        summary = f"{progress.finished} of {progress.total} handled"
        if progress.overdue:
            summary += f"  ·  {progress.overdue} overdue"
        if progress.to_do_now:
            summary += f"  ·  {progress.to_do_now} to do now"
        self.query_one("#checklist-summary", Static).update(summary)
        bar = self.query_one(ProgressBar)
        bar.update(total=max(progress.total, 1), progress=progress.finished)


@dataclass(frozen=True)
class _Placed:
    """An entry with its state, grouped by the entry's phase."""

    entry: ChecklistEntry
    state: EntryState

    @property
    def phase(self) -> Phase:
        return self.entry.phase
