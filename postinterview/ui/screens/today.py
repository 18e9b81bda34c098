"""Today: what is due or overdue across every application, in order, and what comes next.

Ticking an action off is saved at once (and a note or call is written in the contact log);
snoozing puts it off to a day you choose; enter opens its application. Interviews coming up
are listed with their getting-ready steps, and one scheduled ahead whose time has passed asks
how it went (ui.today_interviews).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.widgets import Header, Static

from postinterview.domain.draft_offers import offers_for_action
from postinterview.domain.drafts_catalog import load_drafts_catalog
from postinterview.domain.models import Application
from postinterview.domain.plan import (
    ActionState,
    PlannedAction,
    complete_action,
    snooze_action,
)
from postinterview.domain.ticks import tick_entry
from postinterview.domain.upcoming import awaiting_record, coming_up, next_start
from postinterview.formatting import deadline_day
from postinterview.ui.messages import OpenApplication, OpenInterview
from postinterview.ui.screens.collection import ApplicationCollectionScreen
from postinterview.ui.screens.draft import open_drafts
from postinterview.ui.screens.snooze_picker import SnoozePickerScreen
from postinterview.ui.today_interviews import (
    OPENS_ON,
    InterviewRow,
    Row,
    ask_section,
    coming_up_section,
    interview_prompt,
)
from postinterview.ui.waiting_text import waiting_items, waiting_line, waiting_reminders
from postinterview.ui.widgets.footer import SteadyFooter
from postinterview.ui.widgets.sectioned_list import Section, SectionedList
from postinterview.workspace import Stored, Workspace

COMING_UP_DAYS = 7
"""Actions opening within this many days are listed under "Coming up"."""

CLOCK_CHECK_SECONDS = 30.0
"""How often to look whether an upcoming interview has begun (then Today changes by itself)."""

SECTIONS = (
    (ActionState.OVERDUE, "Overdue"),
    (ActionState.DUE, "Due now"),
    (ActionState.UPCOMING, f"Coming up in the next {COMING_UP_DAYS} days"),
)


class TodayScreen(ApplicationCollectionScreen):
    """The actions to take now, across every open application."""

    AUTO_FOCUS = "#today-list"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]
    """Below 24 rows the reminders and the summary take one line each: the list needs them."""

    BINDINGS = [
        Binding("space", "done", "Done"),
        Binding("z", "snooze", "Snooze"),
        Binding("d", "draft", "Draft"),  # here d drafts; deleting stays on the list and board
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self._companies: dict[str, Application] = {}
        self._now = self.clock()
        self._next_start: datetime | None = None
        """When the next upcoming interview begins: Today is drawn again then."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="problems-banner")
        yield Static("Loading your applications…", id="today-summary")
        yield SectionedList(self._prompt, id="today-list")
        reminders = waiting_items()
        yield Static(waiting_reminders(reminders), id="today-reminder")
        yield Static(waiting_line(reminders), id="today-reminder-line")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Today"
        self.query_one("#problems-banner").display = False
        self.set_interval(CLOCK_CHECK_SECONDS, self._follow_clock)

    @on(events.ScreenResume)
    def _follow_clock(self) -> None:
        """Draw again once an upcoming interview has begun: it asks how it went now."""
        if self.is_current and self._next_start is not None and self.clock() >= self._next_start:
            self._draw()

    # Loading and drawing ------------------------------------------------------------------------

    def show_progress(self, done: int, total: int) -> None:
        self.query_one("#today-summary", Static).update(
            f"Loading your applications… {done} of {total}"
        )

    def show_all(self) -> None:
        self._draw()

    def show_one(self, stored: Stored) -> None:
        self._draw()

    def drop_one(self, app_id: str) -> None:
        self._draw()

    def selected_id(self) -> str | None:
        row = self._highlighted_row()
        return row.application_id if row is not None else None

    def _highlighted_row(self) -> Row | None:
        option = self._listing.highlighted_option
        return self._listing.items.get(option.id or "") if option is not None else None

    def _highlighted_action(self) -> PlannedAction | None:
        row = self._highlighted_row()
        return row if isinstance(row, PlannedAction) else None

    @property
    def _listing(self) -> SectionedList[Row]:
        return self.query_one("#today-list", SectionedList)

    @property
    def rows(self) -> dict[str, PlannedAction]:
        """Option id -> the action it shows (every action listed, drawn or not)."""
        return {k: row for k, row in self._listing.items.items() if isinstance(row, PlannedAction)}

    @property
    def interview_rows(self) -> dict[str, InterviewRow]:
        """Option id -> the interview row it shows (coming up, its steps, how it went)."""
        return {k: row for k, row in self._listing.items.items() if isinstance(row, InterviewRow)}

    def _prompt(self, row: Row) -> Text:
        application = self._companies[row.application_id]
        if isinstance(row, InterviewRow):
            return interview_prompt(row, application, self._now)
        return _action_prompt(application, row, self._now)

    def _draw(self) -> None:
        context = self.workspace.context()
        now = context.now
        companies = {app_id: stored.application for app_id, stored in self.entries.items()}
        plans = {app_id: self.workspace.plan(app_id, context) for app_id in companies}
        grouped = today_sections(plans, companies, now)
        self._companies, self._now = companies, now
        applications = list(companies.values())
        self._next_start = next_start(applications, now)
        coming = coming_up(applications, now, self.workspace.checklist_catalog)
        waiting = [(a, iv) for a in applications for iv in awaiting_record(a, now)]
        sections: list[Section[Row]] = [
            Section(title, [(f"{a.application_id}/{a.entry_id}", a) for a in grouped[state]])
            for state, title in SECTIONS
        ]
        # How it went first, while fresh; getting ready before the actions still to open.
        sections.insert(0, ask_section(waiting))
        sections.insert(3, coming_up_section(coming))
        self._listing.show(sections, placeholder=_nothing_due(len(self.entries)))
        self._summarise(grouped, len(coming))

    def _summarise(self, grouped: dict[ActionState, list[PlannedAction]], interviews: int) -> None:
        overdue, due = len(grouped[ActionState.OVERDUE]), len(grouped[ActionState.DUE])
        parts = [f"{overdue} overdue", f"{due} due now"]
        if interviews:
            parts.append(f"{interviews} interview{'s' if interviews > 1 else ''} ahead")
        parts.append(f"{len(grouped[ActionState.UPCOMING])} coming up this week")
        self.query_one("#today-summary", Static).update(
            "  ·  ".join(parts)
            + "     i I just had an interview · space done · z snooze · d draft · enter opens"
        )
        banner = self.query_one("#problems-banner", Static)
        banner.display = bool(self.problems)
        banner.update(self.problems_text())

    # Actions ------------------------------------------------------------------------------------

    def palette_commands(self) -> list[SystemCommand]:
        """This screen's actions, for the command palette."""
        return [
            SystemCommand("Done", "Tick the highlighted action off", self.action_done),
            SystemCommand("Snooze", "Put the highlighted action off", self.action_snooze),
            SystemCommand("Draft", "A ready-to-send note or call script", self.action_draft),
            *super().palette_commands(),
        ]

    def action_done(self) -> None:
        """Tick the highlighted action off; a note or call is also logged as a contact."""
        row = self._highlighted_row()
        if isinstance(row, PlannedAction):
            self.save(row.application_id, lambda a: complete_action(a, row, self.clock()))
        elif isinstance(row, InterviewRow) and row.entry is not None:
            entry_id, catalog = row.entry.id, self.workspace.checklist_catalog
            self.save(
                row.application_id,
                lambda a: tick_entry(a, row.interview.id, entry_id, "done", self.clock(), catalog),
            )
        elif isinstance(row, InterviewRow):
            self.post_message(
                OpenInterview(row.application_id, row.interview.id, OPENS_ON[row.kind])
            )

    def action_snooze(self) -> None:
        """Put the highlighted action off until a day you choose."""
        action = self._highlighted_action()
        stored = self.entries.get(action.application_id) if action is not None else None
        if isinstance(self._highlighted_row(), InterviewRow):
            self.notify("An interview is not snoozed: enter opens it, to change its time.")
        if action is None or stored is None:
            return

        def chosen(until: datetime | None) -> None:
            if until is not None:
                self.save(
                    action.application_id, lambda a: snooze_action(a, action, until, self.clock())
                )

        self.app.push_screen(SnoozePickerScreen(action.text, self.clock()), chosen)

    def action_draft(self) -> None:
        """Open ready-to-send drafts for the highlighted action (a note, an email, a call)."""
        action = self._highlighted_action()
        stored = self.entries.get(action.application_id) if action is not None else None
        if action is None or stored is None:
            return
        offers = offers_for_action(
            action, stored.application, self.workspace.checklist_catalog, load_drafts_catalog()
        )
        if not offers:
            self.notify("There is no draft for this one: it is not a message to write.")
            return
        open_drafts(self, stored.application, offers)

    @on(SectionedList.OptionSelected, "#today-list")
    def _open(self, event: SectionedList.OptionSelected) -> None:
        row = self._listing.items.get(event.option.id or "")
        if isinstance(row, InterviewRow):
            self.post_message(
                OpenInterview(row.application_id, row.interview.id, OPENS_ON[row.kind])
            )
        elif row is not None:
            self.post_message(OpenApplication(row.application_id))


def today_sections(
    plans: dict[str, list[PlannedAction]],
    applications: dict[str, Application],
    now: datetime,
) -> dict[ActionState, list[PlannedAction]]:
    """Overdue, due and coming-up actions of open applications, each list most urgent first.

    Coming up: upcoming actions that open (or whose snooze ends) within `COMING_UP_DAYS`.
    """
    horizon = now + timedelta(days=COMING_UP_DAYS)
    grouped: dict[ActionState, list[PlannedAction]] = {state: [] for state, _ in SECTIONS}
    for app_id, actions in plans.items():
        application = applications.get(app_id)
        if application is None:
            continue
        for action in actions:
            if action.state in (ActionState.OVERDUE, ActionState.DUE):
                grouped[action.state].append(action)
            elif action.state is ActionState.UPCOMING and _opens(action) <= horizon:
                grouped[ActionState.UPCOMING].append(action)
    far = now + timedelta(days=3650)
    grouped[ActionState.OVERDUE].sort(key=lambda a: (a.due_at or far, a.text))
    grouped[ActionState.DUE].sort(key=lambda a: (a.due_at or far, a.text))
    grouped[ActionState.UPCOMING].sort(key=lambda a: (_opens(a), a.text))
    return grouped


def _opens(action: PlannedAction) -> datetime:
    """When an upcoming action opens: the end of its snooze, or its own opening."""
    return action.not_before or action.opens_at


def _action_prompt(application: Application, action: PlannedAction, now: datetime) -> Text:
    when = ""
    if action.state is ActionState.UPCOMING:
        when = f"from {_opens(action).astimezone():%a %d %b}"
    elif action.due_at is not None:
        when = f"by {deadline_day(action.due_at)}"
    style = {ActionState.OVERDUE: "bold red", ActionState.DUE: "yellow"}.get(action.state, "")
    text = Text.assemble(
        (application.company, "bold"),
        f" — {application.role}   ",
        (when, style),
        f"\n  {action.text}",
    )
    text.append(f"\n  {action.why}", style="bright_black")
    if action.timing_note:
        text.append(f"\n  {action.timing_note}", style="italic bright_black")
    return text


def _nothing_due(applications: int) -> str:
    if not applications:
        return "Nothing yet. Press i right after an interview, or n to add an application."
    return (
        "Nothing is due. Actions appear here once you record an interview (i): thank-you "
        "notes, referees to warn, when to follow up."
    )
