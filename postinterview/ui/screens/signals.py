"""The Signals screen: what you noticed in one interview, and what it does (not) mean.

Each signal is a yes/no question; the record's own facts suggest some, which the person
confirms. The reading (score, band, reasons) follows every answer, cautions are kept apart,
and a history panel shows how past readings lined up with outcomes. Every answer is saved at
once; a failed save keeps the answer on screen and is retried with the next one.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, Static

from postinterview.domain.interviews import InterviewNotFound, find_interview
from postinterview.domain.models import Interview, InterviewKind
from postinterview.domain.signals import (
    MIDDLE_SCORE,
    load_signals_catalog,
    score_signals,
    suggested_signals,
    summarize_history,
    validate_weight_overrides,
)
from postinterview.ui.interview_edits import SignalFields
from postinterview.ui.markup import escape_markup
from postinterview.ui.screens.workspace_screen import WorkspaceScreen
from postinterview.ui.signal_text import (
    READING,
    application_pair,
    history_lines,
    suggestion_reason,
)
from postinterview.ui.widgets.footer import SteadyFooter
from postinterview.ui.widgets.signal_list import SignalList, SignalRow
from postinterview.ui.widgets.signal_reading import ReadingPanel
from postinterview.workspace import Change, Stored, Workspace

Answer = bool | None
"""True: noticed; False: considered and not noticed; None: not answered (key absent)."""


class SignalsScreen(WorkspaceScreen):
    """Rate the signals of one interview; the reading updates and is saved as you go."""

    BINDINGS = [
        Binding("escape", "close", "Back"),
        # Opened as the step after the reflection, leaving leads on to the checklist.
        Binding("escape,ctrl+n", "next_step", "Next step: checklist"),
        Binding("a", "accept_suggestions", "Accept suggestions"),
        Binding("ctrl+s", "save_again", "Save again", show=False),
    ]

    def __init__(
        self, workspace: Workspace, app_id: str, interview_id: str, as_step: bool = False
    ) -> None:
        super().__init__(workspace)
        self.as_step = as_step
        """Opened as the step after the reflection: leaving leads on to the checklist."""
        self.app_id = app_id
        """The application the interview belongs to."""
        self.interview_id = interview_id
        """The interview whose signals are shown."""
        self.fields = SignalFields(interview_id)
        self.catalog = load_signals_catalog()
        settings = workspace.settings
        usable, problems = validate_weight_overrides(settings.settings.signal_weights, self.catalog)
        self.weights: dict[str, float] = usable
        """The custom weights that passed the checks; the catalog's are used for the rest."""
        self.weight_problems: list[str] = list(dict.fromkeys([*settings.problems, *problems]))
        """Problems with settings.toml or its weights, shown above the list."""
        self.stored: Stored | None = None
        """The application as last read or saved; None if it cannot be had."""
        self.answers: dict[str, bool] = {}
        """What the screen shows: saved answers plus any not saved yet."""
        self.unsaved: dict[str, Answer] = {}
        """Answers changed on screen but not yet on disk (a save failed); retried on the next."""
        self._baseline: dict[str, Answer] = {}
        """The answers as last read or written here: the merge's baseline."""
        self._leave_anyway = False

    # Layout -------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="signals-title")
        yield Static("", id="weight-problems")
        with Horizontal(id="signals-body"):
            yield SignalList(id="signal-list")
            yield ReadingPanel(id="reading")
        yield Static("", id="save-status")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Signals"
        listing = self.query_one(SignalList)
        listing.border_title = "What you noticed"
        listing.border_subtitle = "y yes · n no · a accept suggestions · backspace clears"
        banner = self.query_one("#weight-problems", Static)
        banner.display = bool(self.weight_problems)
        if self.weight_problems:
            banner.update(
                "[b]Some custom weights were not used[/b] (the standard ones apply instead):\n"
                + "\n".join(f"• {escape_markup(problem)}" for problem in self.weight_problems)
            )
        self.query_one(ReadingPanel).show_reassurances(self.catalog.reassurances)
        self.stored = self.workspace.records.get(self.app_id)
        try:
            if self.stored is None:
                raise InterviewNotFound("The application is no longer in the data folder.")
            interview = find_interview(self.stored.application, self.interview_id)
        except InterviewNotFound as error:
            self.stored = None
            self.query_one("#signals-title", Static).update(
                f"[$error]This interview cannot be opened: {escape_markup(str(error))}[/]"
            )
            self.notify(str(error), severity="error", timeout=8)
            return
        self.answers = dict(interview.signals)
        self._baseline = dict(interview.signals)
        self.query_one(SignalList).focus()

    def workspace_changed(self, change: Change) -> None:
        if self.stored is None or not change.everything and not change.ids:
            return
        if change.touches(self.app_id) and not self.unsaved:
            # Answered in another window: show theirs (nothing of ours is waiting).
            stored = self.workspace.records.get(self.app_id)
            if stored is not None and self._has_interview(stored):
                self.stored = stored
                self.answers = self.fields.read(stored.application)
                self._baseline = dict(self.answers)
        self._refresh()

    def _has_interview(self, stored: Stored) -> bool:
        return any(i.id == self.interview_id for i in stored.application.interviews)

    @property
    def interview(self) -> Interview | None:
        """The interview as last read or saved."""
        if self.stored is None:
            return None
        return find_interview(self.stored.application, self.interview_id)

    def _refresh(self) -> None:
        """Show the answers, the reading and the history as they are now."""
        interview = self.interview
        if self.stored is None or interview is None:
            return
        app = self.stored.application
        self.query_one("#signals-title", Static).update(
            f"[b]{escape_markup(app.company)}[/b] — {escape_markup(app.role)}  ·  "
            f"{_kind(interview)}interview of {interview.at.astimezone():%a %d %b %Y, %H:%M}"
        )
        self.query_one(SignalList).show(self._rows(interview))
        reading = score_signals(self.answers, self.catalog, self.weights)
        self.query_one(ReadingPanel).show_reading(
            reading, len(self._open_suggestions(interview)), bool(self.weights)
        )
        self._show_history()

    def _rows(self, interview: Interview) -> list[SignalRow]:
        suggested = suggested_signals(interview, self.catalog)
        rows = [
            SignalRow(
                id=signal.id,
                label=signal.label,
                question=signal.question,
                answer=self.answers.get(signal.id),
                suggestion=suggestion_reason(signal, interview) if signal.id in suggested else "",
                note=signal.note,
            )
            for signal in self.catalog.signals
        ]
        rows += [
            SignalRow(c.id, c.label, c.question, self.answers.get(c.id), note=c.why, caution=True)
            for c in self.catalog.cautions
        ]
        return rows

    def _open_suggestions(self, interview: Interview) -> list[str]:
        suggested = suggested_signals(interview, self.catalog)
        return [
            s.id for s in self.catalog.signals if s.id in suggested and s.id not in self.answers
        ]

    # History ------------------------------------------------------------------------------------

    def _show_history(self) -> None:
        """How past readings lined up with outcomes: every other application's reading (once
        per revision, from the workspace) and this one's as answered on screen."""
        if self.stored is None:
            return
        context = self.workspace.context()
        others = [
            pair
            for app_id in self.workspace.records
            if app_id != self.app_id
            and (pair := self.workspace.derive(READING, app_id, context)) is not None
        ]
        own = application_pair(
            self.stored.application, self.catalog, self.weights, {self.interview_id: self.answers}
        )
        summary = summarize_history([*others, *([own] if own else [])])
        self.query_one(ReadingPanel).show_history(history_lines(summary, MIDDLE_SCORE))

    # Answering ----------------------------------------------------------------------------------

    @on(SignalList.ToggleRequested)
    def _toggle(self, event: SignalList.ToggleRequested) -> None:
        self._answer({event.item_id: self.answers.get(event.item_id) is not True})

    @on(SignalList.AnswerRequested)
    def _answered(self, event: SignalList.AnswerRequested) -> None:
        self._answer({event.item_id: event.noticed})

    @on(SignalList.ClearRequested)
    def _clear(self, event: SignalList.ClearRequested) -> None:
        if event.item_id in self.answers:
            self._answer({event.item_id: None})

    def action_accept_suggestions(self) -> None:
        """Confirm every signal the record suggests that has no answer yet."""
        interview = self.interview
        open_ids = self._open_suggestions(interview) if interview is not None else []
        if not open_ids:
            self.notify("No suggestions are waiting to be confirmed.")
            return
        self._answer(dict.fromkeys(open_ids, True))

    def _answer(self, changes: Mapping[str, Answer]) -> None:
        """Show `changes` at once, then save them (with any earlier ones not saved yet)."""
        if self.stored is None:
            return
        for item_id, value in changes.items():
            if value is None:
                self.answers.pop(item_id, None)
            else:
                self.answers[item_id] = value
            self.unsaved[item_id] = value
        self._leave_anyway = False
        self._refresh()
        self._save()

    def action_save_again(self) -> None:
        """Retry saving answers that could not be saved."""
        if self.unsaved:
            self._save()

    def _save(self) -> bool:
        """Write the unsaved answers with the one merge rule. True when saved."""
        if self.stored is None:
            return False
        outcome = self.workspace.save_fields(
            self.app_id, self.fields, self._baseline, dict(self.unsaved)
        )
        if outcome.saved.stored is None:
            return self._save_failed(outcome.saved.error)
        self.stored = outcome.saved.stored
        self.unsaved.clear()
        self.answers = self.fields.read(self.stored.application)
        self._baseline = dict(self.answers)
        self._refresh()
        if outcome.clashes:
            names = ", ".join(outcome.clashes)
            self._status(
                f"Answered in another window meanwhile: {names}. Theirs is shown; answer "
                "again to replace it.",
                error=True,
            )
            return True
        note = " (together with changes from another window)" if outcome.saved.merged else ""
        saved_at = f"Saved at {self.clock().astimezone():%H:%M:%S}{note}."
        self._status(f"{saved_at} {outcome.saved.note}".strip())
        return True

    def _save_failed(self, message: str) -> bool:
        self.notify(message, severity="error", timeout=8)
        self._status(
            f"Not saved: {message} Your answers stay on screen; ctrl+s tries again.", error=True
        )
        return False

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#save-status", Static)
        status.update(escape_markup(text))
        status.set_class(error, "error")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Back, or on to the checklist: the same key, named for where it leads.
        if action == "close":
            return not self.as_step
        if action == "next_step":
            return self.as_step
        return True

    def action_next_step(self) -> None:
        """Leave for the interview's checklist, the step after the signals."""
        self.action_close()

    def action_close(self) -> None:
        """Go back; answers that could not be saved are tried once more first."""
        if self.unsaved and not self._save() and not self._leave_anyway:
            self._leave_anyway = True
            self.notify("Some answers are not saved. Press escape again to leave without them.")
            return
        self.dismiss(None)


def _kind(interview: Interview) -> str:
    """'technical ' for a technical interview; nothing when the kind was not recorded."""
    return "" if interview.kind is InterviewKind.OTHER else f"{interview.kind.value} "
