"""The weekly review: what is overdue, what has gone quiet (decide in one key), what must wait,
a nudge to keep applying, and the week in figures.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Static

from postinterview.domain.contacts import keep_waiting, log_contact
from postinterview.domain.draft_offers import offers_for_action, offers_for_quiet
from postinterview.domain.drafts_catalog import load_drafts_catalog
from postinterview.domain.editing import move_stage
from postinterview.domain.models import Application
from postinterview.domain.plan import PlannedAction, PlanSettings, complete_action
from postinterview.domain.review import QuietApplication, WeeklyReview, weekly_review
from postinterview.domain.stages import Stage
from postinterview.formatting import deadline_day
from postinterview.ui.detail_text import day_text
from postinterview.ui.markup import escape_markup
from postinterview.ui.messages import OpenApplication
from postinterview.ui.screens.draft import open_drafts
from postinterview.ui.screens.workspace_screen import WorkspaceScreen, notify_outcome
from postinterview.ui.widgets.footer import SteadyFooter
from postinterview.ui.widgets.sectioned_list import Section, SectionedList
from postinterview.workspace import Change, Workspace

FOLLOWED_UP_NOTE = "Followed up after a quiet spell (weekly review)."


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """What one line of the review list stands for."""

    kind: str
    """'overdue', 'quiet' or 'soon'."""
    app_id: str
    item: PlannedAction | QuietApplication
    """The overdue or waiting action, or the quiet application."""

    @property
    def action(self) -> PlannedAction | None:
        """The action of an overdue or waiting row."""
        return self.item if isinstance(self.item, PlannedAction) else None


class WeeklyReviewScreen(WorkspaceScreen):
    """Review the whole search once a week. Every decision is saved at once."""

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("space", "done", "Done"),
        Binding("f", "follow_up", "Followed up"),
        Binding("w", "keep_waiting", "Keep waiting"),
        Binding("x", "no_reply", "No reply"),
        Binding("d", "draft", "Draft"),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.review: WeeklyReview | None = None
        self._names: dict[str, str] = {}

    @property
    def plan(self) -> PlanSettings:
        """The person's follow-up settings."""
        return self.workspace.plan_settings

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading your applications…", id="review-nudges")
        yield SectionedList(self._prompt, id="review-list")
        yield Static("", id="review-summary")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Weekly review"
        self.query_one("#review-list").focus()

    def workspace_changed(self, change: Change) -> None:
        if self.workspace.loaded and (change.everything or change.ids):
            self._show()

    @property
    def _listing(self) -> SectionedList[ReviewRow]:
        return self.query_one("#review-list", SectionedList)

    @property
    def rows(self) -> dict[str, ReviewRow]:
        """Option id -> what it stands for (every row listed, drawn or not)."""
        return self._listing.items

    def _prompt(self, row: ReviewRow) -> Text:
        """One row, drawn only when its page is (a review can list thousands)."""
        if isinstance(row.item, QuietApplication):
            item = row.item
            return Text.assemble(
                (item.company, "bold"),
                f" — {item.role} · {item.stage.label} · ",
                (f"{item.quiet_days} days without news", "yellow"),
            )
        return _action_text(self._names[row.app_id], row.item, overdue=row.kind == "overdue")

    # Drawing ------------------------------------------------------------------------------------

    def _show(self) -> None:
        context = self.workspace.context()
        applications = self.workspace.applications()
        plans = {app.id: self.workspace.plan(app.id, context) for app in applications}
        review = weekly_review(applications, context.now, self.plan, plans)
        self.review = review
        self._names = {app.id: app.company for app in applications}

        def rows(kind: str, items: Sequence[Any]) -> list[tuple[str, ReviewRow]]:
            # Ids by position: once a row is done with, the one after it takes its place.
            return [
                (f"{kind}-{index}", ReviewRow(kind, item.application_id, item))
                for index, item in enumerate(items)
            ]

        sections = [
            Section(
                "Overdue",
                rows("overdue", review.overdue),
                "space done · enter opens",
                "Nothing overdue.",
            ),
            Section(
                "Gone quiet",
                rows("quiet", review.quiet),
                "f followed up now · w keep waiting · x close as no reply · d draft",
                "No open application has been quiet for more than "
                f"{self.plan.quiet_after_days} days.",
            ),
            Section(
                "Too soon to chase",
                rows("soon", review.too_soon),
                empty="No follow-up is waiting for its date.",
            ),
        ]
        self._listing.show(sections)

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
        option = self._listing.highlighted_option
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
                "Closed as no reply. u undoes it, or move it back from the board.",
            )

    def action_draft(self) -> None:
        """Drafts for the highlighted row: a follow-up email and call for a quiet
        application (with or without an interview), else the drafts its action offers."""
        row = self._row("overdue", "quiet", "soon")
        stored = self.workspace.records.get(row.app_id) if row is not None else None
        if row is None or stored is None:
            return
        application = stored.application
        catalog = load_drafts_catalog()
        if row.action is not None:
            checklist = self.workspace.checklist_catalog
            offers = offers_for_action(row.action, application, checklist, catalog)
        else:
            offers = offers_for_quiet(application, catalog, self.clock())
        if not offers:
            self.notify("There is no draft for this one: it is not a message to write.")
            return
        open_drafts(self, application, offers)

    @on(SectionedList.OptionSelected, "#review-list")
    def _open(self, event: SectionedList.OptionSelected) -> None:
        row = self.rows.get(event.option.id or "")
        if row is not None:
            self.post_message(OpenApplication(row.app_id))

    def action_close(self) -> None:
        """Back to where the review was opened from."""
        self.app.pop_screen()

    def _change(self, app_id: str, change: Callable[[Application], Application], done: str) -> None:
        notify_outcome(self, self.workspace.update(app_id, change), done)


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
