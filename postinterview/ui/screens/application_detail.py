"""Everything about one application: facts, what to do next, interviews, referees, contacts,
stage history and notes. Every edit made here is saved at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from postinterview.clock import Clock
from postinterview.domain.contacts import log_contact
from postinterview.domain.editing import StageMoveRefused, describe_validation_error, move_stage
from postinterview.domain.models import Application, Channel
from postinterview.domain.plan import (
    ActionState,
    PlanSettings,
    catalog_for,
    plan_for,
    plan_settings,
)
from postinterview.domain.signals import load_signals_catalog, validate_weight_overrides
from postinterview.domain.stages import Stage
from postinterview.storage.settings_store import load_settings
from postinterview.storage.store import ApplicationStore, Stored, StoreError
from postinterview.ui.detail_text import (
    action_line,
    contact_log_lines,
    fact_lines,
    interview_line,
    referee_lines,
    stage_history_lines,
)
from postinterview.ui.markup import escape_markup
from postinterview.ui.saving import EditSession, save_form_edits
from postinterview.ui.screens.application_form import ApplicationFormScreen
from postinterview.ui.screens.contact_log_form import ContactLogFormScreen
from postinterview.ui.screens.stage_picker import StagePickerScreen
from postinterview.ui.widgets.footer import SteadyFooter


class ApplicationDetailScreen(Screen[None]):
    """One application in full. Enter opens the highlighted interview."""

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("e", "edit", "Edit"),
        Binding("s", "move", "Stage"),
        Binding("l", "log_contact", "Log contact"),
    ]

    def __init__(self, store: ApplicationStore, clock: Clock, app_id: str) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.app_id = app_id
        self.stored: Stored | None = None
        """The application as last read or saved; None when it could not be read."""
        self._catalog = load_signals_catalog()
        self._plan = PlanSettings()
        """The follow-up settings, read with the application (not on every save)."""
        self._weights: dict[str, float] = {}
        """Usable custom signal weights from settings.toml."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail"):
            yield Static("", id="detail-title")
            yield Static("", id="detail-facts")
            yield Static("What to do next", classes="detail-heading")
            yield Static("", id="detail-actions")
            yield Static("Interviews  (enter opens one)", classes="detail-heading")
            yield OptionList(id="detail-interviews")
            yield Static("", id="detail-rest")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Application"
        self._reload()
        self.query_one("#detail-interviews").focus()

    def on_screen_resume(self) -> None:
        # Back from an interview, which saves as it goes: show what it saved.
        if self.stored is not None:
            self._reload()

    def _reload(self) -> None:
        """Read the application, and the settings it is shown with, from disk."""
        settings = load_settings(self.store.root).settings
        self._plan = plan_settings(settings)
        self._weights, _ = validate_weight_overrides(settings.signal_weights, self._catalog)
        try:
            self.stored = self.store.load(self.app_id)
        except StoreError as error:
            self.stored = None
            self.query_one("#detail-title", Static).update(
                f"[$error]This application cannot be opened: {escape_markup(str(error))}[/]"
            )
            return
        self._show(self.stored.application)

    def _show(self, application: Application) -> None:
        now = self.clock()
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
            for action in plan_for(application, now, self._plan)
            if action.state is not ActionState.DONE
        ]
        self.query_one("#detail-actions", Static).update(
            "\n".join(escape_markup(action_line(action)) for action in actions)
            or "[dim]Nothing open. Record an interview (i) and its next steps appear here.[/]"
        )
        interviews = sorted(application.interviews, key=lambda interview: interview.at)
        checklists = catalog_for(self._plan)
        listing = self.query_one("#detail-interviews", OptionList)
        highlighted = listing.highlighted
        listing.set_options(
            [
                Option(
                    escape_markup(
                        interview_line(
                            application, iv, now, self._catalog, self._weights, checklists
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
        ]

    @on(OptionList.OptionSelected, "#detail-interviews")
    def _open_interview(self, event: OptionList.OptionSelected) -> None:
        if self.stored is not None and event.option.id is not None:
            self.app.open_interview(self.stored, event.option.id)  # type: ignore[attr-defined]

    def action_close(self) -> None:
        """Back to where the application was opened from."""
        self.app.pop_screen()

    def action_edit(self) -> None:
        """Edit the application's own fields in the form."""
        if self.stored is None:
            return
        session = EditSession(self.stored)

        def save(values: dict[str, Any]) -> str | None:
            result = save_form_edits(self.store, session, values, self.clock())
            if isinstance(result, str):
                return result
            if result is not None:
                self._saved(result.stored)
            return None

        form = ApplicationFormScreen(
            save, lambda company: [], self.clock().date(), self.stored.application
        )
        self.app.push_screen(form)

    def action_move(self) -> None:
        """Move the application to another stage."""
        if self.stored is None:
            return
        application = self.stored.application

        def moved(target: Stage | None) -> None:
            if target is not None:
                self._change(lambda a: move_stage(a, target, self.clock()))

        self.app.push_screen(StagePickerScreen(application.company, application.stage), moved)

    def action_log_contact(self) -> None:
        """Record a call, email or message with the employer or recruiter."""
        if self.stored is None:
            return

        def log(at: datetime, channel: Channel, with_whom: str, note: str) -> str | None:
            return self._change(
                lambda a: log_contact(a, at, note, channel, with_whom, now=self.clock())
            )

        company = self.stored.application.company
        self.app.push_screen(ContactLogFormScreen(company, self.clock(), log))

    # Saving -------------------------------------------------------------------------------------

    def _change(self, change: Callable[[Application], Application]) -> str | None:
        """Apply `change` to the file now: None when saved, else why not (also notified)."""
        if self.stored is None:
            return "This application could not be read."
        try:
            saved = self.store.update(self.app_id, change, self.stored.revision)
        except (StageMoveRefused, StoreError) as error:
            message = str(error)
        except ValidationError as error:
            message = "; ".join(describe_validation_error(error))
        else:
            self._saved(saved.stored)
            return None
        self.notify(message, severity="error", timeout=8)
        return message

    def _saved(self, stored: Stored) -> None:
        self.stored = stored
        self._show(stored.application)
        self.notify("Saved.")


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
