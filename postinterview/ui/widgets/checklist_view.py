"""The do/don't checklist of one interview, grouped by phase, with progress and due dates."""

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
from textual.widgets import OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from postinterview.domain.checklist import (
    ChecklistEntry,
    ChecklistProgress,
    EntryState,
    ItemKind,
    Phase,
    group_by_phase,
)
from postinterview.domain.days import last_day, local_day

MarkState = Literal["done", "not_applicable"]

MARKERS = {
    EntryState.DONE: ("✔", "green"),
    EntryState.NOT_APPLICABLE: ("–", "bright_black"),
    EntryState.OVERDUE: ("!", "bold red"),
    EntryState.DUE: ("•", "bold yellow"),
    EntryState.UPCOMING: ("·", "bright_black"),
    EntryState.LAPSED: ("○", "bright_black"),
}


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


def entry_prompt(entry: ChecklistEntry, state: EntryState, now: datetime) -> Text:
    """One option: marker, do/don't, the text, its timing, and the why on a second line."""
    marker, style = MARKERS[state]
    prompt = Text()
    prompt.append(f" {marker} ", style=style)
    done = state in (EntryState.DONE, EntryState.NOT_APPLICABLE, EntryState.LAPSED)
    # A don't already reads as one ("Don't…", "Never…"); colour tells them apart at a glance.
    text_style = (
        "strike bright_black" if done else ("magenta" if entry.kind == ItemKind.DONT else "")
    )
    prompt.append(entry.text, style=text_style)
    timing = when_text(entry, state, now)
    if timing:
        prompt.append(f"  ({timing})", style=style)
    prompt.append(f"\n   {entry.why}", style="italic bright_black")
    if entry.detail:
        prompt.append(f"\n   {entry.detail}", style="bright_black")
    if entry.note:
        prompt.append(f"\n   {entry.note}", style="dim")
    return prompt


class ChecklistList(OptionList):
    """The entries, keyboard-driven: space ticks, x marks not applicable."""

    BINDINGS = [
        Binding("space", "mark('done')", "Done"),
        Binding("x", "mark('not_applicable')", "Not applicable"),
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


class ChecklistView(Vertical):
    """Progress, then every entry grouped by phase. Shows state; never saves."""

    def compose(self) -> ComposeResult:
        yield Static("", id="checklist-summary")
        yield ProgressBar(total=1, show_eta=False, id="checklist-progress")
        yield Static(
            "space: done   x: not applicable   the why is under each line",
            classes="dialog-detail",
        )
        yield ChecklistList(id="checklist")

    def show(
        self,
        states: Sequence[tuple[ChecklistEntry, EntryState]],
        progress: ChecklistProgress,
        now: datetime,
    ) -> None:
        """Redraw with these entries and states, keeping the highlight where it was."""
        listing = self.query_one(ChecklistList)
        keep = listing.highlighted_option.id if listing.highlighted_option else None
        options: list[Option] = []
        for phase, grouped in group_by_phase(_Placed(e, s) for e, s in states):
            heading = Text(f"{phase.label} — {phase.hint}", style="bold underline")
            options.append(Option(heading, disabled=True))
            options.extend(
                Option(entry_prompt(p.entry, p.state, now), id=p.entry.id) for p in grouped
            )
        listing.set_options(options)
        selectable = [i for i, option in enumerate(options) if not option.disabled]
        ids = [option.id for option in options]
        listing.highlighted = ids.index(keep) if keep in ids else next(iter(selectable), None)

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
