"""The weekly review: what is overdue, what has gone quiet (decide in one key), what must wait,
a nudge to keep applying, and the week in figures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pydantic import ValidationError
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from postinterview.clock import Clock
from postinterview.domain.contacts import keep_waiting, log_contact
from postinterview.domain.editing import StageMoveRefused, describe_validation_error, move_stage
from postinterview.domain.models import Application
from postinterview.domain.plan import (
    PlannedAction,
    PlanSettings,
    complete_action,
    plan_for,
    plan_settings,
)
from postinterview.domain.review import WeeklyReview, weekly_review
from postinterview.domain.stages import Stage
from postinterview.storage.settings_store import load_settings
from postinterview.storage.store import ApplicationStore, LoadResult, Stored, StoreError
from postinterview.ui.detail_text import day_text
from postinterview.ui.formatting import deadline_day
from postinterview.ui.markup import escape_markup
from postinterview.ui.screens.draft import DraftScreen, drafts_for
from postinterview.ui.widgets.footer import SteadyFooter

FOLLOWED_UP_NOTE = "Followed up after a quiet spell (weekly review)."


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """What one line of the review list stands for."""

    kind: str
    """'overdue', 'quiet' or 'soon'."""
    app_id: str
    action: PlannedAction | None = None


class WeeklyReviewScreen(Screen[None]):
    """Review the whole search once a week. Every decision is saved at once."""

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("space", "done", "Done"),
        Binding("f", "follow_up", "Followed up"),
        Binding("w", "keep_waiting", "Keep waiting"),
        Binding("x", "no_reply", "No reply"),
        Binding("d", "draft", "Draft"),
    ]

    def __init__(self, store: ApplicationStore, clock: Clock) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.entries: dict[str, Stored] = {}
        """Every application read, by id."""
        self.plan = PlanSettings()
        self.review: WeeklyReview | None = None
        self.rows: dict[str, ReviewRow] = {}
        """Option id -> what it stands for."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading your applications…", id="review-nudges")
        yield OptionList(id="review-list")
        yield Static("", id="review-summary")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Weekly review"
        self._load()

    @work(thread=True, exclusive=True, group="review")
    def _load(self) -> None:
        result = self.store.load_all()
        plan = plan_settings(load_settings(self.store.root).settings)
        self.app.call_from_thread(self._loaded, result, plan)

    def _loaded(self, result: LoadResult, plan: PlanSettings) -> None:
        self.entries = {stored.application.id: stored for stored in result.applications}
        self.plan = plan
        self._show()
        self.query_one("#review-list").focus()

    # Drawing ------------------------------------------------------------------------------------

    def _show(self) -> None:
        now = self.clock()
        applications = [stored.application for stored in self.entries.values()]
        review = weekly_review(applications, now, self.plan)
        self.review = review
        names = {app.id: app.company for app in applications}
        options: list[Option | None] = []
        self.rows = {}

        def section(title: str, hint: str, rows: list[tuple[ReviewRow, Text]], empty: str) -> None:
            heading = Text(f"{title} ({len(rows)})", style="bold")
            if rows and hint:
                heading.append(f"   {hint}", style="dim")
            if options:
                options.append(None)
            options.append(Option(heading, disabled=True))
            if not rows:
                options.append(Option(Text(f"  {empty}", style="dim"), disabled=True))
            for index, (row, prompt) in enumerate(rows):
                option_id = f"{row.kind}-{index}"
                self.rows[option_id] = row
                options.append(Option(prompt, id=option_id))

        overdue = [
            (
                ReviewRow("overdue", action.application_id, action),
                _action_text(names[action.application_id], action, overdue=True),
            )
            for action in review.overdue
        ]
        section("Overdue", "space done · enter opens", overdue, "Nothing overdue.")
        quiet = [
            (
                ReviewRow("quiet", item.application_id),
                Text.assemble(
                    (item.company, "bold"),
                    f" — {item.role} · {item.stage.label} · ",
                    (f"{item.quiet_days} days without news", "yellow"),
                ),
            )
            for item in review.quiet
        ]
        section(
            "Gone quiet",
            "f followed up now · w keep waiting · x close as no reply · d draft",
            quiet,
            f"No open application has been quiet for more than {self.plan.quiet_after_days} days.",
        )
        soon = [
            (
                ReviewRow("soon", action.application_id, action),
                _action_text(names[action.application_id], action, overdue=False),
            )
            for action in review.too_soon
        ]
        section("Too soon to chase", "", soon, "No follow-up is waiting for its date.")

        listing = self.query_one("#review-list", OptionList)
        highlighted = listing.highlighted
        listing.set_options(options)
        selectable = [i for i, option in enumerate(listing.options) if not option.disabled]
        if selectable:
            listing.highlighted = min(
                (i for i in selectable if highlighted is None or i >= highlighted),
                default=selectable[-1],
            )

        nudges = self.query_one("#review-nudges", Static)
        nudges.update("\n".join(f"• {escape_markup(nudge)}" for nudge in review.nudges))
        nudges.display = bool(review.nudges)
        week = review.summary
        self.query_one("#review-summary", Static).update(
            f"[b]Since {day_text(week.since)}:[/b] {_count(week.added, 'application')} added · "
            f"{_count(week.interviews_held, 'interview')} held · "
            f"{_count(week.stage_moves, 'stage move')}.   "
            f"[b]{_count(review.active_count, 'active application')}[/b] "
            f"(your target: {self.plan.active_target})."
        )

    # Decisions ----------------------------------------------------------------------------------

    def _row(self, *kinds: str) -> ReviewRow | None:
        option = self.query_one("#review-list", OptionList).highlighted_option
        row = self.rows.get(option.id or "") if option is not None else None
        if row is None or row.kind not in kinds:
            return None
        return row

    def action_done(self) -> None:
        """Tick the highlighted overdue action off (and log the contact it was)."""
        row = self._row("overdue")
        if row is not None and row.action is not None:
            action = row.action
            self._change(row.app_id, lambda a: complete_action(a, action, self.clock()), "Done.")

    def action_follow_up(self) -> None:
        """You followed up on a quiet application just now: log it."""
        row = self._row("quiet")
        if row is not None:
            now = self.clock()
            self._change(
                row.app_id,
                lambda a: log_contact(a, now, FOLLOWED_UP_NOTE, now=now),
                "Logged your follow-up.",
            )

    def action_keep_waiting(self) -> None:
        """Keep waiting on a quiet application: it leaves the list until it is quiet again."""
        row = self._row("quiet")
        if row is not None:
            days = self.plan.quiet_after_days
            self._change(
                row.app_id,
                lambda a: keep_waiting(a, self.clock()),
                f"Waiting. It comes back here if there is still no news in {days} days.",
            )

    def action_no_reply(self) -> None:
        """Close a quiet application as 'no reply', a closed stage of its own."""
        row = self._row("quiet")
        if row is not None:
            self._change(
                row.app_id,
                lambda a: move_stage(a, Stage.NO_REPLY, self.clock(), note="Weekly review"),
                "Closed as no reply. It can be moved back from the board.",
            )

    def action_draft(self) -> None:
        """A follow-up email and call script for the highlighted application, if it has had
        an interview; the drafts of an overdue thank-you note."""
        row = self._row("overdue", "quiet", "soon")
        stored = self.entries.get(row.app_id) if row is not None else None
        if row is None or stored is None:
            return
        application = stored.application
        actions = [row.action] if row.action is not None else []
        if row.kind == "quiet":  # its follow-up, whatever state the plan has it in
            plan = plan_for(application, self.clock(), self.plan)
            actions = [action for action in plan if action.item_id == "follow-up"]
        drafts = [draft for action in actions for draft in drafts_for(application, action)]
        if not drafts:
            self.notify("No draft for this one: drafts follow an interview you recorded.")
            return
        self.app.push_screen(DraftScreen(self.store.root, application.company, drafts))

    @on(OptionList.OptionSelected, "#review-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        row = self.rows.get(event.option.id or "")
        if row is not None:
            self.app.open_application(row.app_id)  # type: ignore[attr-defined]

    def on_screen_resume(self) -> None:
        # Back from an application, which may have changed: read again.
        if self.review is not None:
            self._load()

    def action_close(self) -> None:
        """Back to where the review was opened from."""
        self.app.pop_screen()

    def _change(self, app_id: str, change: Callable[[Application], Application], done: str) -> None:
        stored = self.entries.get(app_id)
        if stored is None:
            return
        try:
            saved = self.store.update(app_id, change, stored.revision)
        except (StageMoveRefused, StoreError, ValueError) as error:
            message = (
                "; ".join(describe_validation_error(error))
                if isinstance(error, ValidationError)
                else str(error)
            )
            self.notify(message, severity="error", timeout=8)
            return
        self.entries[app_id] = saved.stored
        self._show()
        self.notify(done)


def _action_text(company: str, action: PlannedAction, overdue: bool) -> Text:
    """'Initech — Send Ana a note. · was due by Mon 16 Nov 2026' or '… · not before …'."""
    if overdue:
        when = f" · was due by {deadline_day(action.due_at, True)}" if action.due_at else ""
    else:
        when = f" · not before {day_text(action.not_before or action.opens_at)}"
    return Text.assemble(
        (company, "bold"), f" — {action.text}", (when, "red" if overdue else "bright_black")
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
