"""Everything about one application: facts, what to do next, interviews, referees, contacts,
stage history and notes. Every edit made here is saved at once; a file a newer postinterview
wrote is shown with a banner saying why it cannot be changed, and its edits are refused.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static
from textual.widgets.option_list import Option

from postinterview.domain.editing import move_stage
from postinterview.domain.models import Application
from postinterview.domain.plan import ActionState
from postinterview.domain.stages import Stage
from postinterview.ui import navigation
from postinterview.ui.detail_text import (
    action_line,
    contact_log_lines,
    fact_lines,
    interview_line,
    interview_prompts,
    referee_lines,
    stage_history_lines,
)
from postinterview.ui.form_openers import open_contact_log, open_edit_form
from postinterview.ui.markup import escape_markup
from postinterview.ui.messages import OpenInterview, ScheduleInterview
from postinterview.ui.screens.stage_picker import StagePickerScreen
from postinterview.ui.screens.workspace_screen import (
    WorkspaceScreen,
    notify_outcome,
    read_only_text,
    refuse_if_read_only,
)
from postinterview.ui.widgets.footer import SteadyFooter
from postinterview.ui.widgets.option_list import OptionList
from postinterview.workspace import Change, Stored, Workspace


class ApplicationDetailScreen(WorkspaceScreen):
    """One application in full. Enter opens the highlighted interview."""

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("e", "edit", "Edit"),
        Binding("s", "move", "Stage"),
        Binding("l", "log_contact", "Log contact"),
        Binding("I", "schedule", "Schedule interview"),
        Binding("H", "history", "History"),
    ]

    def __init__(self, workspace: Workspace, app_id: str) -> None:
        super().__init__(workspace)
        self.app_id = app_id

    @property
    def stored(self) -> Stored | None:
        """The application as the workspace has it; None when it cannot be read (any more)."""
        return self.workspace.records.get(self.app_id)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="detail-read-only")
        with VerticalScroll(id="detail"):
            yield Static("", id="detail-title")
            yield Static("", id="detail-facts")
            yield Static("What to do next", classes="detail-heading")
            yield Static("", id="detail-actions")
            yield Static(
                "Interviews  (enter opens one · I schedules one ahead)", classes="detail-heading"
            )
            yield OptionList(id="detail-interviews")
            yield Static("", id="detail-rest")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Application"
        self.query_one("#detail-read-only").display = False
        self.query_one("#detail-interviews").focus()

    def workspace_changed(self, change: Change) -> None:
        if not change.touches(self.app_id):
            return
        banner = self.query_one("#detail-read-only", Static)
        reason = self.stored.read_only if self.stored is not None else ""
        banner.display = bool(reason)
        banner.update(escape_markup(read_only_text(reason)) if reason else "")
        if self.stored is not None:
            self._show(self.stored.application)
        elif self.workspace.loaded:
            problem = next(
                (p.message for p in self.workspace.problems if p.path.stem == self.app_id),
                "it is no longer in the data folder (deleted or moved elsewhere)",
            )
            self.query_one("#detail-title", Static).update(
                f"[$error]This application cannot be shown: {escape_markup(problem)}[/]"
            )

    def _show(self, application: Application) -> None:
        context = self.workspace.context()
        now = context.now
        self.query_one("#detail-title", Static).update(
            f"[b]{escape_markup(application.company)}[/b] — {escape_markup(application.role)}  ·  "
            f"[b]{application.stage.label}[/b]"
        )
        facts = fact_lines(application)
        self.query_one("#detail-facts", Static).update(
            "\n".join(f"[dim]{label}:[/] {escape_markup(value)}" for label, value in facts)
            or "[dim]No details yet: e adds location, advert, recruiter and more.[/]"
        )
        actions = [
            action
            for action in self.workspace.plan(self.app_id, context)
            if action.state is not ActionState.DONE
        ]
        lines = interview_prompts(application, now) + [action_line(a) for a in actions]
        self.query_one("#detail-actions", Static).update(
            "\n".join(escape_markup(line) for line in lines)
            or "[dim]Nothing open. Record an interview (i) and its next steps appear here.[/]"
        )
        interviews = sorted(application.interviews, key=lambda interview: interview.at)
        checklists = self.workspace.checklist_catalog
        listing = self.query_one("#detail-interviews", OptionList)
        highlighted = listing.highlighted
        listing.set_options(
            [
                Option(
                    escape_markup(
                        interview_line(
                            application, iv, now, context.signals, context.weights, checklists
                        )
                    ),
                    id=iv.id,
                )
                for iv in interviews
            ]
            or [Option("No interviews recorded yet (i records one).", disabled=True)]
        )
        if interviews:
            listing.highlighted = min(highlighted or 0, len(interviews) - 1)
        self.query_one("#detail-rest", Static).update(_rest(application))

    # Commands ----------------------------------------------------------------------------------

    def palette_commands(self) -> list[SystemCommand]:
        """This screen's actions, for the command palette."""
        return [
            SystemCommand("Edit application", "Company, role, details", self.action_edit),
            SystemCommand("Change stage", "Recorded in the history", self.action_move),
            SystemCommand("Log a contact", "A call, email or message", self.action_log_contact),
            SystemCommand(
                "Schedule an interview",
                "One still to come, for this application",
                self.action_schedule,
            ),
            SystemCommand(
                "History of this application",
                "Every version kept, and restoring one",
                self.action_history,
            ),
        ]

    @on(OptionList.OptionSelected, "#detail-interviews")
    def _open_interview(self, event: OptionList.OptionSelected) -> None:
        if self.stored is not None and event.option.id is not None:
            self.post_message(OpenInterview(self.app_id, event.option.id))

    def action_schedule(self) -> None:
        """Schedule an interview ahead for this application."""
        if self.stored is not None and not refuse_if_read_only(self, self.app_id):
            self.post_message(ScheduleInterview(self.app_id))

    def action_history(self) -> None:
        """Every kept version of this application, to restore one."""
        navigation.open_history(self.app, self.workspace, self.app_id)

    def action_close(self) -> None:
        """Back to where the application was opened from."""
        self.app.pop_screen()

    def action_edit(self) -> None:
        """Edit the application's own fields in the form."""
        if self.stored is None or refuse_if_read_only(self, self.app_id):
            return
        open_edit_form(self.app, self.workspace, self.stored, lambda company: [])

    def action_move(self) -> None:
        """Move the application to another stage."""
        if self.stored is None or refuse_if_read_only(self, self.app_id):
            return
        application = self.stored.application

        def moved(target: Stage | None) -> None:
            if target is not None:
                self._change(lambda a: move_stage(a, target, self.clock()))

        self.app.push_screen(StagePickerScreen(application.company, application.stage), moved)

    def action_log_contact(self) -> None:
        """Record a call, email or message with the employer or recruiter."""
        if self.stored is None or refuse_if_read_only(self, self.app_id):
            return
        open_contact_log(self.app, self.workspace, self.stored)

    # Saving -------------------------------------------------------------------------------------

    def _change(self, change: Callable[[Application], Application]) -> str | None:
        """Save `change`: None when saved, else why not (also notified)."""
        outcome = self.workspace.update(self.app_id, change)
        notify_outcome(self, outcome)
        return outcome.error or None


def _rest(application: Application) -> str:
    """Referees, contact log, stage history and notes, as markup."""
    sections = [
        ("Referees", referee_lines(application), "None recorded (add them on an interview)."),
        ("Contact log", contact_log_lines(application), "Nothing logged yet (l logs a contact)."),
        ("Stage history", stage_history_lines(application), ""),
    ]
    parts = []
    for heading, lines, empty in sections:
        body = "\n".join(escape_markup(line) for line in lines) or f"[dim]{empty}[/]"
        parts.append(f"[b $accent]{heading}[/]\n{body}")
    notes = escape_markup(application.notes) if application.notes else "[dim]No notes.[/]"
    parts.append(f"[b $accent]Notes[/]\n{notes}")
    return "\n\n".join(parts)
