"""The Textual app: screens, global keys and the command palette. Small on purpose."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from postinterview.clock import Clock, system_clock
from postinterview.storage.store import ApplicationStore
from postinterview.ui.screens.applications import ApplicationsScreen
from postinterview.ui.screens.help import HelpScreen


class PostInterviewApp(App[None]):
    """postinterview: the days after a job interview, in the terminal."""

    TITLE = "postinterview"
    CSS_PATH = ["ui/theme.tcss", "ui/screens.tcss"]
    BINDINGS = [
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

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Keys, screens and where your data lives", self.action_help)
        # Each screen offers its own actions to the palette.
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            yield from commands()
