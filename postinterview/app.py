"""The Textual app: screens, global keys and the command palette. Small on purpose."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from postinterview.clock import Clock, system_clock
from postinterview.storage.store import ApplicationStore
from postinterview.ui.screens.applications import ApplicationsScreen
from postinterview.ui.screens.help import HelpScreen
from postinterview.ui.screens.interview import InterviewScreen
from postinterview.ui.screens.interview_picker import Choice, InterviewPickerScreen


class PostInterviewApp(App[None]):
    """postinterview: the days after a job interview, in the terminal."""

    TITLE = "postinterview"
    CSS_PATH = ["ui/theme.tcss", "ui/screens.tcss", "ui/signals.tcss"]
    BINDINGS = [
        Binding("i,f2", "new_interview", "I just had an interview"),
        Binding("f1,question_mark", "help", "Help"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(self, store: ApplicationStore, clock: Clock = system_clock) -> None:
        super().__init__()
        self.store = store
        """Where the applications are kept; handed to each screen."""
        self.clock = clock
        """Source of the current time for every screen."""

    def on_mount(self) -> None:
        self.add_mode("applications", partial(ApplicationsScreen, self.store, self.clock))
        self.switch_mode("applications")

    def action_help(self) -> None:
        """Show the keys and what each screen is for."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_new_interview(self) -> None:
        """Choose or add the application, then record the interview."""
        if isinstance(self.screen, ModalScreen):
            return  # finish the open dialog first

        def chosen(choice: Choice | None) -> None:
            if choice is not None:
                stored, interview_id = choice
                self.push_screen(InterviewScreen(self.store, self.clock, stored, interview_id))

        self.push_screen(InterviewPickerScreen(self.store, self.clock), chosen)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Keys, screens and where your data lives", self.action_help)
        yield SystemCommand(
            "I just had an interview",
            "Record it, reflect, and see what to do next",
            self.action_new_interview,
        )
        # Each screen offers its own actions to the palette.
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            yield from commands()
