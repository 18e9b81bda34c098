"""The Textual app: screens, global keys and the command palette. Small on purpose."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen

from postinterview.clock import Clock, system_clock
from postinterview.storage.store import ApplicationStore, Stored

if TYPE_CHECKING:
    from postinterview.ui.screens.interview_picker import Choice

# Screens are imported where they are first opened, not here: importing all of them cost about
# a quarter of a second before the first screen could appear (see BENCHMARKS.md).

MODES = ("today", "applications", "board")
"""The views of all applications; `start_mode` picks the one the app opens on."""


class PostInterviewApp(App[None]):
    """postinterview: the days after a job interview, in the terminal."""

    TITLE = "postinterview"
    CSS_PATH = ["ui/theme.tcss", "ui/screens.tcss", "ui/signals.tcss"]
    BINDINGS = [
        Binding("i,f2", "new_interview", "I just had an interview"),
        Binding("f1,question_mark", "help", "Help"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self, store: ApplicationStore, clock: Clock = system_clock, start_mode: str | None = None
    ) -> None:
        if start_mode is None:
            # Listing the folder is cheap; reading the files happens in the screen's worker.
            start_mode = "today" if store.has_files() else "applications"
        # The first screen is the start mode's own, built as Textual composes the app. Switching
        # to it once running made Textual read every style sheet twice more (about 20 ms).
        self.DEFAULT_MODE = start_mode  # type: ignore[misc]  # a class default, set per app
        super().__init__()
        for mode in MODES:
            self.add_mode(mode, partial(self._mode_screen, mode))
        self.store = store
        """Where the applications are kept; handed to each screen."""
        self.clock = clock
        """Source of the current time for every screen."""
        self.start_mode = start_mode
        """The view it opened on: one of `MODES` (if not given: Today once there is data, else
        the welcome of the applications list)."""

    def on_load(self) -> None:
        # Start-up builds a great many objects and hardly any garbage: the collector's passes
        # during it were about a sixth of the time to the first cards (BENCHMARKS.md). It
        # resumes once the first screen has loaded its applications, or when the app ends.
        gc.disable()

    def on_unmount(self) -> None:
        gc.enable()

    def _mode_screen(self, mode: str) -> Screen[None]:
        """The screen of one of `MODES`, created when the mode is first shown."""
        if mode == "today":
            from postinterview.ui.screens.today import TodayScreen

            return TodayScreen(self.store, self.clock)
        if mode == "board":
            from postinterview.ui.screens.board import BoardScreen

            return BoardScreen(self.store, self.clock)
        from postinterview.ui.screens.applications import ApplicationsScreen

        return ApplicationsScreen(self.store, self.clock)

    def open_application(self, app_id: str) -> None:
        """Show everything about one application."""
        from postinterview.ui.screens.application_detail import ApplicationDetailScreen

        self.push_screen(ApplicationDetailScreen(self.store, self.clock, app_id))

    def open_interview(self, stored: Stored, interview_id: str) -> None:
        """Show one interview: facts, reflection, checklist."""
        from postinterview.ui.screens.interview import InterviewScreen

        self.push_screen(InterviewScreen(self.store, self.clock, stored, interview_id))

    def action_weekly_review(self) -> None:
        """Overdue actions, quiet applications, what must wait, and the week in figures."""
        from postinterview.ui.screens.weekly_review import WeeklyReviewScreen

        if not isinstance(self.screen, WeeklyReviewScreen | ModalScreen):
            self.push_screen(WeeklyReviewScreen(self.store, self.clock))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        # Messages name companies, files and errors as typed: "[Acme]" must not read as a tag.
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def action_help(self) -> None:
        """Show the keys and what each screen is for."""
        from postinterview.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_new_interview(self) -> None:
        """Choose or add the application, then record the interview."""
        from postinterview.ui.screens.interview_picker import InterviewPickerScreen

        if isinstance(self.screen, ModalScreen):
            return  # finish the open dialog first

        def chosen(choice: Choice | None) -> None:
            if choice is not None:
                self.open_interview(*choice)

        self.push_screen(InterviewPickerScreen(self.store, self.clock), chosen)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Keys, screens and where your data lives", self.action_help)
        yield SystemCommand(
            "I just had an interview",
            "Record it, reflect, and see what to do next",
            self.action_new_interview,
        )
        yield SystemCommand(
            "Today",
            "What is due or overdue, across every application",
            partial(self.switch_mode, "today"),
        )
        yield SystemCommand(
            "Board", "Every application by stage", partial(self.switch_mode, "board")
        )
        yield SystemCommand(
            "Applications list",
            "Every application in a table",
            partial(self.switch_mode, "applications"),
        )
        yield SystemCommand(
            "Weekly review",
            "Overdue, gone quiet, too soon; the week in figures",
            self.action_weekly_review,
        )
        # Each screen offers its own actions to the palette.
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            yield from commands()
