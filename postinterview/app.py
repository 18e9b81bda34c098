"""The Textual app: the screens over one workspace, global keys, and where screens lead."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import ThemeProvider

from postinterview.formatting import shown
from postinterview.ui import navigation
from postinterview.ui.folder_sync import FolderSync
from postinterview.ui.messages import (
    LookAgain,
    OpenApplication,
    OpenInterview,
    ScheduleInterview,
)
from postinterview.ui.palette_provider import ApplicationsProvider
from postinterview.ui.unsaved_offer import offer_once_read
from postinterview.ui.widgets.option_list import Palette
from postinterview.workspace import Workspace

if TYPE_CHECKING:
    from postinterview.ui.file_preview import OpenFile

ENDING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)
"""Signals that end the app after keeping what forms hold (Windows has neither)."""


class PostInterviewApp(App[None]):
    """postinterview: the days after a job interview, in the terminal."""

    TITLE = "postinterview"
    CSS_PATH = ["ui/theme.tcss", "ui/screens.tcss", "ui/signals.tcss"]
    COMMANDS = App.COMMANDS | {ApplicationsProvider}  # find an application, a person, a day
    BINDINGS = [
        Binding("i,f2", "new_interview", "I just had an interview"),
        Binding("I", "schedule_interview", "Schedule interview", show=False),  # said on Today
        Binding("question_mark,f1", "help", "Help"),
        Binding("u,ctrl+z", "undo", "Undo", show=False),  # in Help, the palette and toasts
        Binding("U,ctrl+shift+z", "redo", "Redo", show=False),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        # Before the keys after it are sent on: in a burst, text typed after tab belongs to
        # the next field, not to the one tab left.
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
    ]

    def __init__(
        self, workspace: Workspace, start_mode: str = "today", open_file: OpenFile | None = None
    ) -> None:
        # Built as Textual composes the app: switching to it later read the style sheets twice.
        self.DEFAULT_MODE = start_mode  # type: ignore[misc]  # a class default, set per app
        super().__init__()
        self.workspace = workspace
        """The one model of the data folder, which every screen shows."""
        self.open_file = open_file
        """Reads a file to import (the command line gives it: the UI knows no formats)."""
        self.folder_sync = FolderSync(self, workspace)  # reads the folder in, then watches it
        for mode in navigation.MODES:
            self.add_mode(mode, navigation.mode_screen(mode, workspace))

    def on_mount(self) -> None:
        self.folder_sync.start()
        offer_once_read(self, self.workspace)  # what forms held when the app last closed
        # SIGTERM (a logout, `kill`) and SIGHUP (the terminal closed) end the app as ctrl+q
        # does, with the typing kept first; an app not on the main thread cannot have them.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            for number in ENDING_SIGNALS:
                asyncio.get_running_loop().add_signal_handler(number, self._signalled, number)

    def on_unmount(self) -> None:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            for number in ENDING_SIGNALS:
                asyncio.get_running_loop().remove_signal_handler(number)

    def _signalled(self, number: int) -> None:
        navigation.save_typing(self)
        self.exit(return_code=128 + number)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        # Messages name companies, files and errors as typed: "[Acme]" must not read as a tag,
        # and an escape sequence in a name is shown, never sent to the terminal.
        super().notify(
            shown(message), title=shown(title), severity=severity, timeout=timeout, markup=False
        )

    @on(OpenApplication)
    def _open_application(self, message: OpenApplication) -> None:
        navigation.open_application(self, self.workspace, message.app_id)

    @on(OpenInterview)
    def _open_interview(self, message: OpenInterview) -> None:
        navigation.open_interview(
            self, self.workspace, message.app_id, message.interview_id, message.step
        )

    @on(ScheduleInterview)
    def _schedule_interview(self, message: ScheduleInterview) -> None:
        navigation.schedule_interview(self, self.workspace, message.app_id)

    @on(LookAgain)
    def _look_again(self) -> None:
        self.folder_sync.poll()

    def action_command_palette(self) -> None:
        """Show the command palette (ours: its paging holds while its list is still hidden)."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(Palette(id="--command-palette"))

    def search_themes(self) -> None:
        """The palette's theme chooser, with the same guard."""
        self.push_screen(Palette(providers=[ThemeProvider], placeholder="Search for themes…"))

    def action_help_quit(self) -> None:
        """ctrl+c: say how to quit, in words (notifications here are plain text, no markup)."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(f"Press {key} to quit the app.", title="Do you want to quit?")
                return

    async def action_quit(self) -> None:
        """Quit once keys typed just before ctrl+q have reached their fields and been saved."""
        self.call_after_refresh(navigation.save_typing_then_exit, self)

    def action_weekly_review(self) -> None:
        """Overdue actions, quiet applications, what must wait, and the week in figures."""
        navigation.open_weekly_review(self, self.workspace)

    def action_undo(self) -> None:
        """Undo the latest change made in this window."""
        navigation.undo(self, self.workspace)

    def action_redo(self) -> None:
        """Redo the latest change undone in this window."""
        navigation.undo(self, self.workspace, redo=True)

    def action_help(self) -> None:
        """Show the keys and what each screen is for."""
        navigation.open_help(self)

    def action_new_interview(self) -> None:
        """Choose or add the application, then record the interview."""
        navigation.start_interview(self, self.workspace)

    def action_schedule_interview(self) -> None:
        """Choose or add the application, then say when the interview will be."""
        navigation.schedule_interview(self, self.workspace)

    def action_import_file(self) -> None:
        """Applications from another tracker's file, looked at before they are saved."""
        if self.open_file is not None:
            navigation.import_file(self, self.workspace, self.open_file)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from navigation.system_commands(self, self.workspace, screen, self.open_file)
