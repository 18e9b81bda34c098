"""The Signals screen: what you noticed in one interview, and what it does (not) mean.

Each signal is a yes/no question; the record's own facts suggest some, which the person
confirms. The reading (score, band, reasons) follows every answer, cautions are kept apart,
and a history panel shows how past readings lined up with outcomes. Every answer is saved at
once; a failed save keeps the answer on screen and is retried with the next one.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header, Static

from postinterview.clock import Clock
from postinterview.domain.editing import describe_validation_error
from postinterview.domain.interviews import InterviewNotFound, find_interview, revise_interview
from postinterview.domain.models import Application, Interview, InterviewKind
from postinterview.domain.signals import (
    MIDDLE_SCORE,
    load_signals_catalog,
    score_signals,
    suggested_signals,
    summarize_history,
    validate_weight_overrides,
)
from postinterview.storage.store import ApplicationStore, Stored, StoreError
from postinterview.ui.markup import escape_markup
from postinterview.ui.signal_text import (
    HistoryPair,
    application_pair,
    history_lines,
    history_pairs,
    suggestion_reason,
)
from postinterview.ui.widgets.footer import SteadyFooter
from postinterview.ui.widgets.signal_list import SignalList, SignalRow
from postinterview.ui.widgets.signal_reading import ReadingPanel

Answer = bool | None
"""True: noticed; False: considered and not noticed; None: not answered (key absent)."""


class SignalsScreen(Screen[None]):
    """Rate the signals of one interview; the reading updates and is saved as you go."""

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("a", "accept_suggestions", "Accept suggestions"),
        Binding("ctrl+s", "save_again", "Save again", show=False),
    ]

    def __init__(
        self,
        store: ApplicationStore,
        clock: Clock,
        app_id: str,
        interview_id: str,
        weights: Mapping[str, float] | None = None,
        weight_problems: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.app_id = app_id
        """The application the interview belongs to."""
        self.interview_id = interview_id
        """The interview whose signals are shown."""
        self.catalog = load_signals_catalog()
        usable, problems = validate_weight_overrides(weights, self.catalog)
        self.weights: dict[str, float] = usable
        """The custom weights that passed the checks; the catalog's are used for the rest."""
        self.weight_problems: list[str] = list(dict.fromkeys([*(weight_problems or []), *problems]))
        """Problems with settings.toml or its weights, shown above the list."""
        self.stored: Stored | None = None
        """The application as last read or saved, with its file revision; None if unreadable."""
        self.answers: dict[str, bool] = {}
        """What the screen shows: saved answers plus any not saved yet."""
        self.unsaved: dict[str, Answer] = {}
        """Answers changed on screen but not yet on disk (a save failed); retried on the next."""
        self._others: list[HistoryPair] | None = None
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
        listing.border_subtitle = "space yes/no · a accept suggestions · backspace clear"
        banner = self.query_one("#weight-problems", Static)
        banner.display = bool(self.weight_problems)
        if self.weight_problems:
            banner.update(
                "[b]Some custom weights were not used[/b] (the standard ones apply instead):\n"
                + "\n".join(f"• {escape_markup(problem)}" for problem in self.weight_problems)
            )
        self.query_one(ReadingPanel).show_reassurances(self.catalog.reassurances)
        try:
            self.stored = self.store.load(self.app_id)
            interview = find_interview(self.stored.application, self.interview_id)
        except (StoreError, InterviewNotFound) as error:
            self.stored = None
            self.query_one("#signals-title", Static).update(
                f"[$error]This interview cannot be opened: {escape_markup(str(error))}[/]"
            )
            self.notify(str(error), severity="error", timeout=8)
            return
        self.answers = dict(interview.signals)
        self._refresh()
        self.query_one(SignalList).focus()
        self._load_history()

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

    @work(thread=True, exclusive=True, group="signals-history")
    def _load_history(self) -> None:
        """Read every application in a thread and score each one's latest answered interview."""
        try:
            loaded = self.store.load_all()
            others = [s.application for s in loaded.applications if s.application.id != self.app_id]
            pairs: list[HistoryPair] | None = history_pairs(others, self.catalog, self.weights)
        except (OSError, StoreError, ValueError):
            pairs = None
        self.app.call_from_thread(self._history_loaded, pairs)

    def _history_loaded(self, pairs: list[HistoryPair] | None) -> None:
        if not self.is_attached:
            return  # the screen was closed while the history was loading
        if pairs is None:
            self.query_one(ReadingPanel).show_history(
                ["Your other applications could not be read."]
            )
            return
        self._others = pairs
        self._show_history()

    def _show_history(self) -> None:
        if self._others is None or self.stored is None:
            return
        own = application_pair(
            self.stored.application, self.catalog, self.weights, {self.interview_id: self.answers}
        )
        summary = summarize_history([*self._others, *([own] if own else [])])
        self.query_one(ReadingPanel).show_history(history_lines(summary, MIDDLE_SCORE))

    # Answering ----------------------------------------------------------------------------------

    @on(SignalList.ToggleRequested)
    def _toggle(self, event: SignalList.ToggleRequested) -> None:
        self._answer({event.item_id: self.answers.get(event.item_id) is not True})

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
        """Write the unsaved answers on top of what is on disk now. True when saved."""
        if self.stored is None:
            return False
        pending = dict(self.unsaved)

        def change(application: Application) -> Application:
            signals = dict(find_interview(application, self.interview_id).signals)
            _apply(signals, pending)
            return revise_interview(
                application, self.interview_id, {"signals": signals}, self.clock()
            )

        try:
            saved = self.store.update(self.app_id, change, self.stored.revision)
        except (StoreError, InterviewNotFound) as error:
            return self._save_failed(str(error))
        except ValidationError as error:
            return self._save_failed("; ".join(describe_validation_error(error)))
        self.stored = saved.stored
        self.unsaved.clear()
        interview = self.interview
        self.answers = dict(interview.signals) if interview is not None else self.answers
        self._refresh()
        note = " (together with changes from another window)" if saved.changed_elsewhere else ""
        self._status(f"Saved at {self.clock().astimezone():%H:%M:%S}{note}.")
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

    def action_close(self) -> None:
        """Go back; answers that could not be saved are tried once more first."""
        if self.unsaved and not self._save() and not self._leave_anyway:
            self._leave_anyway = True
            self.notify("Some answers are not saved. Press escape again to leave without them.")
            return
        self.app.pop_screen()


def _apply(signals: dict[str, bool], changes: Mapping[str, Answer]) -> None:
    for item_id, value in changes.items():
        if value is None:
            signals.pop(item_id, None)
        else:
            signals[item_id] = value


def _kind(interview: Interview) -> str:
    """'technical ' for a technical interview; nothing when the kind was not recorded."""
    return "" if interview.kind is InterviewKind.OTHER else f"{interview.kind.value} "
