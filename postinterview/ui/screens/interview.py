"""One interview: the facts, an honest reflection, and the do/don't checklist.

Everything typed is saved as it is typed (a moment after the last key), not on a final
"save". A field that does not make sense is explained under it and left out of the save, so
what is on disk stays valid while the person corrects it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import (
    Checkbox,
    Header,
    Input,
    RadioSet,
    Select,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)

from postinterview.domain.checklist_now import past_entries
from postinterview.domain.editing import move_stage
from postinterview.domain.interviews import find_interview, is_upcoming, remove_interview
from postinterview.domain.models import Application, Contact, Interview
from postinterview.domain.stages import Stage
from postinterview.domain.ticks import tick_entry
from postinterview.domain.upcoming import checklist_for
from postinterview.ui.interview_edits import REFEREES, REFLECTION, InterviewEdits
from postinterview.ui.interview_fields import (
    local_text,
    parse_contacts,
    parse_facts,
    reflection_problems,
)
from postinterview.ui.markup import escape_markup
from postinterview.ui.screens.confirm import ConfirmScreen
from postinterview.ui.screens.signals import SignalsScreen
from postinterview.ui.screens.stage_picker import StagePickerScreen
from postinterview.ui.screens.workspace_screen import WorkspaceScreen
from postinterview.ui.upcoming_text import when_text
from postinterview.ui.widgets.checklist_view import ChecklistList, ChecklistView
from postinterview.ui.widgets.contacts_editor import ContactsEditor
from postinterview.ui.widgets.footer import SteadyFooter
from postinterview.ui.widgets.interview_forms import FactsForm, ReflectionForm
from postinterview.workspace import Change, SaveOutcome, Stored, Workspace

AUTOSAVE_DELAY = 0.6
"""Seconds after the last keystroke before saving: often enough to lose nothing."""

STEPS = ("facts", "reflection", "checklist")
"""What each step focuses when it is shown."""


class InterviewScreen(WorkspaceScreen):
    """Record and follow up one interview of one application."""

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("ctrl+n", "step(1)", "Next step"),
        Binding("ctrl+b", "step(-1)", "Previous step", show=False),
        Binding("ctrl+o", "add_interviewer", "Add interviewer"),
        Binding("ctrl+s", "save_now", "Save now", show=False),
        Binding("ctrl+t", "move_stage", "Stage"),
        Binding("ctrl+g", "signals", "Signals"),
    ]

    def __init__(
        self, workspace: Workspace, app_id: str, interview_id: str, step: str = "facts"
    ) -> None:
        super().__init__(workspace)
        self.app_id = app_id
        self.interview_id = interview_id
        self._first_step = step
        interview = find_interview(workspace.records[app_id].application, interview_id)
        upcoming = is_upcoming(interview, workspace.clock())
        self.time_rule: bool | None = True if upcoming else (None if interview.scheduled else False)
        """The start time's rule while this screen is open (domain.upcoming.start_problem): an
        upcoming interview starts ahead; one that happened did not; one that was scheduled
        ahead and has passed may have moved either way."""
        self.edits = InterviewEdits(workspace, app_id, interview_id)
        """The merge's bookkeeping: what was last written here, and what clashed."""
        self.stored: Stored = workspace.records[app_id]
        """The application as last read or saved here."""
        self._save_timer: Timer | None = None
        self._pending: dict[str, Any] = {}
        """Changes read at the last keystroke, not yet saved (flat fields, see interview_edits)."""
        self._leave_anyway = False
        self._loading = True
        self._asked_to_correct = False
        """Whether the status line asks for fields to be corrected."""
        self._step_on_return: str | None = None
        """The step to show when this screen is back on top (after the signals)."""

    @property
    def application(self) -> Application:
        """The application this interview belongs to."""
        return self.stored.application

    @property
    def interview(self) -> Interview:
        """The interview as last saved."""
        return find_interview(self.application, self.interview_id)

    # Layout -------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="interview-title")
        with TabbedContent(id="steps"):
            with TabPane("1 Interview", id="facts"):
                yield FactsForm(self.clock, self.time_rule)
            with TabPane("2 Reflection", id="reflection"):
                yield ReflectionForm()
            with TabPane("3 Checklist", id="checklist-tab"):
                yield ChecklistView()
        yield Static("", id="save-status")
        yield SteadyFooter()

    async def on_mount(self) -> None:
        self.sub_title = "Interview"
        await self._show_record()
        self._loading = False
        if self._first_step != "facts":
            self._show_step(self._first_step.removesuffix("-tab"))
        elif self.time_rule:
            self.query_one("#place", Input).focus()
        else:
            self._where_typing_goes().focus()
        read_only = self.workspace.read_only(self.app_id)
        if read_only:
            self._show_status(f"Read-only: {read_only}. Nothing typed here is saved.", error=True)

    async def _show_record(self) -> None:
        interview = self.interview
        await self.query_one(FactsForm).load(interview, self.application.referees)
        await self.query_one(ReflectionForm).load(interview)
        self._refresh_header_and_checklist()

    def _refresh_header_and_checklist(self) -> None:
        app, interview = self.application, self.interview
        now = self.clock()
        upcoming = is_upcoming(interview, now)
        when = (
            f"upcoming interview: {when_text(interview, now)}"
            if upcoming
            else f"interview of {local_text(interview.at)}"
        )
        self.query_one("#interview-title", Static).update(
            f"[b]{escape_markup(app.company)}[/b] — {escape_markup(app.role)}  ·  "
            f"{app.stage.label}  ·  {when}"
        )
        # An upcoming interview's checklist is getting ready for it (domain.upcoming); a held
        # one's "before you leave" steps are past once it is over (domain.checklist_now).
        states, progress = checklist_for(app, interview, now, self.workspace.checklist_catalog)
        past = past_entries(states, interview, now)
        self.query_one(ChecklistView).show(states, progress, now, past)
        pane = self.query_one(TabbedContent).get_tab("checklist-tab")
        pane.label = f"3 {'Get ready' if upcoming else 'Checklist'} {progress}"
        self.query_one(FactsForm).show_moment(upcoming, bool(interview.place))
        # A line per interviewer as saved (one just added in the facts has one at once).
        self.call_after_refresh(self._follow_people, interview.interviewers)

    async def _follow_people(self, people: Sequence[Contact]) -> None:
        if not self.closing:  # escape may have come in between
            await self.query_one(ReflectionForm).follow_people(people)

    # Commands ----------------------------------------------------------------------------------

    def palette_commands(self) -> list[SystemCommand]:
        """This screen's actions, for the command palette."""
        return [
            SystemCommand("Next step", "Interview, reflection, checklist", self._next_step),
            SystemCommand(
                "Change stage", "E.g. rejected: shows what to do next", self.action_move_stage
            ),
            SystemCommand(
                "Positive signals",
                "What encouraging signs you noticed, and what they do not mean",
                self.action_signals,
            ),
            SystemCommand(
                "Delete this interview", "After a confirmation", self.action_delete_interview
            ),
        ]

    def _next_step(self) -> None:
        self.action_step(1)

    def action_step(self, step: int) -> None:
        """Go to the next (1) or previous (-1) step, saving what is typed first (so the
        checklist already names the interviewers just entered). After the reflection come
        the signals (their own screen), and leaving them lands on the checklist."""
        if self._save_timer is not None:
            self._save_typed()
        current = STEPS.index(self.query_one(TabbedContent).active.removesuffix("-tab"))
        if step > 0 and STEPS[current] == "reflection":
            self._open_signals(then_checklist=True)
            return
        self._show_step(STEPS[(current + step) % len(STEPS)])

    def _show_step(self, step: str) -> None:
        """Show one of `STEPS`, the cursor where the typing (or ticking) goes."""
        # Unfocus first: a focused field in the pane being hidden hands its focus to a
        # neighbour there, and the tabs then follow that focus back to the old pane.
        self.set_focus(None)
        self.query_one(TabbedContent).active = step if step != "checklist" else "checklist-tab"
        if step == "facts":
            self._where_typing_goes().focus()
        else:
            self.query_one("#went_well" if step == "reflection" else "#checklist").focus()

    def _where_typing_goes(self) -> Widget:
        """The first interviewer's name while none is recorded (the start time is already a
        fair guess, an hour ago), else the start time."""
        if not self.interview.interviewers:
            return self.query_one("#interviewers .name", Input)
        return self.query_one("#at", Input)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The checklist's own keys need the footer's room: adding an interviewer belongs to
        # the first step, so it is left out while the checklist is shown.
        if action == "add_interviewer":
            tabs = self.query(TabbedContent)
            return not (tabs and tabs.first().active == "checklist-tab")
        return True

    async def action_add_interviewer(self) -> None:
        """Add a row for another interviewer."""
        self.query_one(TabbedContent).active = "facts"
        await self.query_one("#interviewers", ContactsEditor).add_row()

    def action_close(self) -> None:
        """Save what is typed, then go back; if that fails, or some of it clashed with another
        window's change, stay so nothing typed is lost without being asked."""
        if (not self._save_typed() or self.edits.clashes) and not self._leave_anyway:
            self._leave_anyway = True
            self.notify(
                "Not everything is saved, so you are still here: ctrl+s saves yours over "
                "theirs; escape again leaves without it."
            )
            return
        self.app.pop_screen()

    def action_move_stage(self) -> None:
        """Move the application to another stage (e.g. rejected, to see what to do next)."""
        app = self.application

        def moved(target: Stage | None) -> None:
            if target is not None:
                self._save(lambda a: move_stage(a, target, self.clock()))

        self.app.push_screen(StagePickerScreen(app.company, app.stage), moved)

    def action_signals(self) -> None:
        """Save what is typed, then rate the signals of this interview."""
        self._open_signals(then_checklist=False)

    def _open_signals(self, then_checklist: bool) -> None:
        self._save_typed()
        screen = SignalsScreen(self.workspace, self.app_id, self.interview_id, then_checklist)
        self._step_on_return = "checklist" if then_checklist else None
        self.app.push_screen(screen)

    @on(events.ScreenResume)
    def _resumed(self) -> None:
        # Back from the signals taken as a step: on to the checklist. (Done here, not in a
        # dismiss callback, which runs while the signals are still the screen on top.)
        step, self._step_on_return = self._step_on_return, None
        if step is not None:
            self._show_step(step)

    def workspace_changed(self, change: Change) -> None:
        # Saved elsewhere (another screen, another window, by hand): show the checklist and
        # header as they are now, and the fields too while nothing typed here is unsaved.
        # Otherwise fields being typed in are left alone: the merge settles them at the
        # next save.
        if self._loading or not change.touches(self.app_id):
            return
        stored = self.workspace.records.get(self.app_id)
        if stored is None:
            self._show_status(
                "This application is no longer in the data folder (deleted or moved "
                "elsewhere); what you type now cannot be saved.",
                error=True,
            )
            return
        if not any(i.id == self.interview_id for i in stored.application.interviews):
            self._show_status("This interview was removed elsewhere.", error=True)
            return
        self.stored = stored
        self._refresh_header_and_checklist()
        # A tick, an answered signal or a snooze needs no redraw of the forms.
        edits = self.edits
        if not edits.saving and edits.differs_on_disk(stored.application):
            if not self._typing_unsaved():
                self.call_after_refresh(self._show_theirs)

    def _typing_unsaved(self) -> bool:
        # Read from the fields themselves: a pending autosave may have nothing to save.
        return bool(self.edits.clashes) or bool(self._collect_changes(show_errors=False)[0])

    async def _show_theirs(self) -> None:
        """Show the record as saved elsewhere, if nothing was typed here meanwhile."""
        if self._loading or self._typing_unsaved():
            return
        self._loading = True  # what the forms are given is not the person typing
        try:
            await self._show_record()
            self.edits.rebase(self.application)
        finally:
            self._loading = False

    def action_delete_interview(self) -> None:
        """Remove this interview from the application, once confirmed."""

        def confirmed(yes: bool | None) -> None:
            if yes and self._save(lambda a: remove_interview(a, self.interview_id, self.clock())):
                self.app.pop_screen()

        question = f"Delete the interview of {local_text(self.interview.at)}?"
        detail = "Its notes, checklist and signals go with it. The application stays."
        self.app.push_screen(ConfirmScreen(question, detail, "Delete"), confirmed)

    # Autosave ----------------------------------------------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    @on(RadioSet.Changed)
    @on(ContactsEditor.Changed)
    def _typed(self) -> None:
        if self._loading or self.closing:  # closing: the keystroke's widgets may be gone
            return
        # Read now, save in a moment: if the app closes first, on_unmount saves this.
        self._pending = self._collect_changes(show_errors=False)[0]
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(AUTOSAVE_DELAY, self._save_typed)

    def on_unmount(self) -> None:
        # The widgets are gone by now, so save what was read at the last keystroke.
        self._loading = True  # and draw nothing more
        if self._save_timer is not None and self._pending:
            self._save_fields(self._pending, on_screen=False)

    def save_typing(self) -> None:
        """Save what is typed and not yet saved (the app is about to quit)."""
        if not self._loading:
            self._save_typed()

    def action_save_now(self) -> bool:
        """Save every valid field the person changed, theirs replaced where another window
        changed the same field (said once, at the clash). False when a save failed."""
        return self._save_typed(replace_theirs=True)

    def _save_typed(self, replace_theirs: bool = False) -> bool:
        """Save every valid field the person changed; a field that clashed stays unsaved
        unless `replace_theirs` (ctrl+s). False when a save failed."""
        if self.closing:
            return True  # the fields are gone; on_unmount saves what the last keystroke read
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        self._pending = {}
        changes, problems = self._collect_changes(True)
        saved = self._save_fields(changes, replace_theirs=replace_theirs)
        if problems and saved:
            fields = f"{problems} field{'s' if problems > 1 else ''}"
            self._show_status(f"{fields} to correct: the rest is saved.", error=True)
        elif not changes and self._asked_to_correct:
            # Corrected back to what was saved: nothing to write, and nothing wrong any more.
            self._show_status("Everything is saved.")
        self._asked_to_correct = bool(problems)
        return saved

    def _save_fields(
        self, changes: dict[str, Any], on_screen: bool = True, replace_theirs: bool = False
    ) -> bool:
        """Save `changes` with the one merge rule: a field another window changed meanwhile
        is not overwritten (it is reported, and the person's text stays on screen)."""
        outcome = self.edits.save(changes, replace_theirs)
        if outcome is not None and not self._report(outcome, on_screen):
            return False
        if self.edits.clashes and on_screen:
            self._show_status(
                f"Changed elsewhere meanwhile: {self.edits.clash_names()}. Yours is kept on "
                "screen and was not saved; save again (ctrl+s) to replace theirs. Everything "
                "else is saved.",
                error=True,
            )
        return True

    def _collect_changes(self, show_errors: bool) -> tuple[dict[str, Any], int]:
        """The valid fields that differ from what the form showed, and how many are wrong."""
        facts = self.query_one(FactsForm)
        values, errors = parse_facts(facts.text(), self.clock(), facts.typed_at(), self.time_rule)
        values.update(facts.choices())
        interviewers = self.query_one("#interviewers", ContactsEditor)
        people, row_errors = parse_contacts(interviewers.rows(), self.interview.interviewers)
        referees_editor = self.query_one("#referees", ContactsEditor)
        referees, referee_errors = parse_contacts(
            referees_editor.rows(), self.application.referees, "referee"
        )
        if show_errors:  # not while typing: "2026-1" is not wrong, just unfinished
            facts.show_errors(errors)
            interviewers.show_errors(row_errors)
            referees_editor.show_errors(referee_errors)
        if people is not None:
            values["interviewers"] = interviewers.keep_ids(people)
        if referees is not None:
            values[REFEREES] = referees_editor.keep_ids(referees)
        reflection_form = self.query_one(ReflectionForm)
        reflection, went_badly = reflection_form.values()
        too_long = reflection_problems(reflection)
        if show_errors:
            reflection_form.show_errors(too_long)
        values.update(
            {REFLECTION + name: value for name, value in reflection.items() if name not in too_long}
        )
        values["went_badly"] = went_badly
        changes = self.edits.changed(values)
        return changes, len(errors) + len(row_errors) + len(referee_errors) + len(too_long)

    def _save(self, change: Callable[[Application], Application]) -> bool:
        """Apply `change` to the file on disk now; report the outcome. True when saved."""
        return self._report(self.edits.update(change))

    def _report(self, outcome: SaveOutcome, on_screen: bool = True) -> bool:
        """Show how a save went. True when saved.

        `on_screen` is False while the screen is being taken down: then only a notification
        can report a failure.
        """
        if outcome.stored is None:
            self.app.notify(f"Not saved: {outcome.error}", severity="error", timeout=10)
            if on_screen:
                self._show_status(f"Not saved: {outcome.error}", error=True)
            return False
        self.stored = outcome.stored
        if not on_screen:
            return True
        self._refresh_header_and_checklist()
        self._leave_anyway = False
        note = " (merged with changes from another window)" if outcome.merged else ""
        note += f". {outcome.note}" if outcome.note else ""
        self._show_status(f"Saved at {self.clock().astimezone():%H:%M:%S}{note}")
        return True

    def _show_status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#save-status", Static)
        status.update(escape_markup(text))
        status.set_class(error, "error")

    # Checklist ---------------------------------------------------------------------------------

    @on(ChecklistList.MarkRequested)
    def _mark(self, event: ChecklistList.MarkRequested) -> None:
        current = self.interview.checklist.get(event.entry_id)
        state = None if current is not None and current.state == event.state else event.state
        # The same tick as Today's: a thank-you ticked here is logged as a contact too.
        self._save(
            lambda a: tick_entry(
                a,
                self.interview_id,
                event.entry_id,
                state,
                self.clock(),
                self.workspace.checklist_catalog,
            )
        )
