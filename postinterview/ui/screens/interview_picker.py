"""'I just had an interview': choose the application (or add one), then the interview.

Scheduling one ahead chooses the application the same way; the start is asked next
(screens.schedule_form).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from textual.widgets.option_list import Option

from postinterview.domain.upcoming import awaiting_record
from postinterview.ui.application_fields import describe_company
from postinterview.ui.markup import escape_markup
from postinterview.ui.screens.quick_application import add_and_record, record_interview_now
from postinterview.ui.upcoming_text import interview_choice
from postinterview.ui.widgets.option_list import OptionList
from postinterview.ui.widgets.shown_text import TextInput
from postinterview.workspace import Change, Stored, Workspace

NEW = "+new"
"""Option id of 'a new application' / 'a new interview'."""

Choice = tuple[str, str]
"""The id of the application chosen, and of the interview to open ("" when scheduling: the
interview does not exist yet)."""


class InterviewPickerScreen(ModalScreen[Choice | None]):
    """Two short steps in one dialog; type to filter the applications."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, workspace: Workspace, scheduling: bool = False) -> None:
        super().__init__()
        self._workspace = workspace
        self._scheduling = scheduling
        """Choosing the application of an interview to schedule ahead, not one just had."""
        self._clock = workspace.clock
        self._chosen: Stored | None = None
        self._stop_following: Callable[[], None] | None = None

    @property
    def _entries(self) -> dict[str, Stored]:
        return self._workspace.records

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            title = "Schedule an interview" if self._scheduling else "I just had an interview"
            question = "Which application is it for?" if self._scheduling else ""
            yield Static(title, classes="form-title")
            yield Static(
                question or "Which application was it for?",
                id="picker-question",
                classes="dialog-detail",
            )
            yield TextInput(placeholder="Type to filter by company or role", id="filter")
            yield OptionList(Option("Loading…", disabled=True), id="choices")

    def on_mount(self) -> None:
        self.query_one("#filter", Input).focus()
        self._stop_following = self._workspace.subscribe(self._changed)
        if self._workspace.loaded:
            self._show_applications("")

    def on_unmount(self) -> None:
        if self._stop_following is not None:
            self._stop_following()

    def _changed(self, change: Change) -> None:
        if self._chosen is None and self._workspace.loaded:
            self._show_applications(self.query_one("#filter", Input).value)

    def _show_applications(self, text: str) -> None:
        wanted = text.casefold().strip()
        apps = sorted(
            (s.application for s in self._entries.values()),
            key=lambda a: (a.stage.is_closed, -a.updated_at.timestamp()),
        )
        matching = [a for a in apps if wanted in f"{a.company} {a.role}".casefold()]
        options = [Option(Text("+ A new application…", style="bold"), id=NEW)]
        options += [Option(Text(describe_company(a)), id=a.id) for a in matching]
        choices = self.query_one("#choices", OptionList)
        choices.set_options(options)
        choices.highlighted = 1 if matching else 0  # the latest application is the likeliest

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        if self._chosen is None:
            self._show_applications(event.value)

    @on(Input.Submitted, "#filter")
    def _submit_filter(self) -> None:
        choices = self.query_one("#choices", OptionList)
        if choices.highlighted is not None:
            choices.action_select()

    def key_down(self) -> None:
        self.query_one("#choices", OptionList).focus()

    @on(OptionList.OptionSelected, "#choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id
        if self._chosen is None:
            if option_id == NEW:
                self._add_application()
            elif option_id in self._entries:
                self._choose_application(self._entries[option_id])
        elif option_id == NEW:
            self._record_new_interview(self._chosen)
        elif option_id is not None:
            self.dismiss((self._chosen.application.id, option_id))

    def _record_new_interview(self, stored: Stored) -> None:
        """Add an interview that started a moment ago, saved at once, and open it."""
        choice, problem = record_interview_now(self._workspace, stored)
        if choice is None:
            self.notify(problem, severity="error", timeout=8)
            return
        self.dismiss(choice)

    def _choose_application(self, stored: Stored) -> None:
        if self._scheduling:
            self.dismiss((stored.application.id, ""))
            return
        if not stored.application.interviews:
            self._record_new_interview(stored)
            return
        self._chosen = stored
        self.query_one("#filter", Input).display = False
        self.query_one("#picker-question", Static).update(
            f"{escape_markup(describe_company(stored.application))}: a new interview, "
            "or one you recorded?"
        )
        interviews = sorted(stored.application.interviews, key=lambda i: i.at, reverse=True)
        now = self._clock()
        # One scheduled ahead whose time has passed is likely the one just had: offered first.
        waiting = {i.id for i in awaiting_record(stored.application, now)}
        options = [Option(Text("+ A new interview (just now)", style="bold"), id=NEW)]
        options += [Option(interview_choice(i, now, i.id in waiting), id=i.id) for i in interviews]
        choices = self.query_one("#choices", OptionList)
        choices.set_options(options)
        ids = [option.id for option in options]
        choices.highlighted = next((ids.index(i.id) for i in interviews if i.id in waiting), 0)
        choices.focus()

    def _add_application(self) -> None:
        """Only the company (as typed in the filter) and the role, then the interview (when
        scheduling, the interview screen asks for its start)."""
        name = self.query_one("#filter", Input).value.strip()
        add_and_record(self.app, self._workspace, name, self.dismiss, record=not self._scheduling)

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
