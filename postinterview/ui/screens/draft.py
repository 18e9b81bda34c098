"""Ready-to-send drafts for one moment: edit, copy to the clipboard, or save as a file.

The drafts are filled from the record by `domain.drafts`; what is typed here changes only what
is copied or saved, never the application. The first time a draft is opened the person is
asked how to sign (saved in settings.toml through the workspace).
"""

from __future__ import annotations

import asyncio

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static, TabbedContent, TabPane, TextArea

from postinterview.domain.draft_offers import DraftOffer, render_offer
from postinterview.domain.drafts import Draft
from postinterview.domain.drafts_catalog import load_drafts_catalog
from postinterview.domain.models import Application, Channel
from postinterview.domain.settings import YouSettings
from postinterview.formatting import shown
from postinterview.ui.markup import escape_markup
from postinterview.ui.screens.workspace_screen import WorkspaceScreen
from postinterview.ui.screens.your_name import YourNameScreen
from postinterview.ui.widgets.footer import SteadyFooter
from postinterview.ui.widgets.shown_text import TextEditor
from postinterview.workspace import Workspace


def open_drafts(
    screen: WorkspaceScreen, application: Application, offers: list[DraftOffer]
) -> None:
    """Show the drafts `offers` stands for, asking first how to sign them if it was never
    said (the answer is saved in settings.toml; escape opens them unsigned)."""
    workspace = screen.workspace

    def show(you: YouSettings | None) -> None:
        catalog = load_drafts_catalog()
        drafts = [render_offer(catalog, offer, application, you) for offer in offers]
        screen.app.push_screen(DraftScreen(workspace, application.company, drafts))

    known = workspace.settings.settings.you
    if known is not None:
        show(known)
        return

    def answered(you: YouSettings | None) -> None:
        if you is not None:
            problem = workspace.save_you(you.name, you.sign_off)
            if problem:
                screen.notify(
                    f"Your name is used for now but not saved: {problem}",
                    severity="error",
                    timeout=10,
                )
        show(you)

    screen.app.push_screen(YourNameScreen(), answered)


class DraftScreen(Screen[None]):
    """One tab per draft (a follow-up has an email and a call script)."""

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("ctrl+y", "copy", "Copy all", priority=True),
        Binding("ctrl+s", "save", "Save as file", priority=True),
    ]

    def __init__(self, workspace: Workspace, company: str, drafts: list[Draft]) -> None:
        super().__init__()
        self.workspace = workspace
        """Saved drafts go to its data folder's `drafts/`."""
        self.company = company
        self.drafts = drafts
        self._saved: dict[str, str] = {}
        """Each draft's text as last saved or copied, by title."""

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="drafts"):
            for index, draft in enumerate(self.drafts):
                with TabPane(escape_markup(draft.title), id=f"draft-{index}"), Horizontal():
                    yield TextEditor(draft.text, id=f"draft-text-{index}", soft_wrap=True)
                    with VerticalScroll(classes="draft-side"):
                        yield Static(_beside(draft), classes="draft-reminders")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = shown(f"Draft for {self.company}")
        self.query_one("#draft-text-0", TextArea).focus()

    def _active(self) -> tuple[Draft, str]:
        """The draft shown now, and its text as edited."""
        pane = self.query_one(TabbedContent).active
        index = int(pane.removeprefix("draft-") or 0)
        return self.drafts[index], self.query_one(f"#draft-text-{index}", TextArea).text

    async def action_copy(self) -> None:
        """Put the whole draft, as edited, on the clipboard: the terminal's (OSC 52) and the
        system's where a clipboard command is found; when none took it, save it as a file
        and say where."""
        from postinterview.ui.clipboard import copied_message, copy_to_system

        draft, text = self._active()
        self.app.copy_to_clipboard(text)
        system = await asyncio.to_thread(copy_to_system, text)
        self._saved[draft.title] = text
        what = f"the {draft.title.lower()}"
        if system is not None:
            self.notify(copied_message(what, system))
            return
        problem, path = self.workspace.save_draft([self.company, draft.title], text)
        self.notify(
            copied_message(what, None, path, problem),
            severity="warning" if path is not None else "error",
            timeout=10,
        )

    def action_save(self) -> bool:
        """Save the draft, as edited, as a text file in the data folder; False if it failed."""
        draft, text = self._active()
        problem, path = self.workspace.save_draft([self.company, draft.title], text)
        if path is None:
            self.notify(problem, severity="error", timeout=8)
            return False
        self._saved[draft.title] = text
        self.notify(f"Saved to {path}")
        return True

    def action_close(self) -> None:
        """Back to where the draft was opened from; edits neither saved nor copied are not
        thrown away without asking."""
        if not self._edited():
            self.app.pop_screen()
            return
        from postinterview.ui.screens.unsaved import UnsavedQuestionScreen

        def answered(answer: str | None) -> None:
            if answer == "discard" or (answer == "save" and self.action_save()):
                self.app.pop_screen()

        detail = (
            "You changed this draft and have not saved or copied it. Save it as a file, "
            "throw the changes away, or go back to it."
        )
        self.app.push_screen(UnsavedQuestionScreen(detail, "Save as file"), answered)

    def _edited(self) -> bool:
        """True when a draft's text differs from how it was filled in, or last saved or
        copied."""
        for index, draft in enumerate(self.drafts):
            text = self.query_one(f"#draft-text-{index}", TextArea).text
            if text not in (draft.text, self._saved.get(draft.title)):
                return True
        return False


def _section(heading: str, lines: tuple[str, ...] | list[str], quoted: bool = False) -> str:
    if not lines:
        return ""
    shown = (f'"{line}"' if quoted else line for line in lines)
    items = "\n".join(f"• {escape_markup(line)}" for line in shown)
    return f"[b]{heading}[/b]\n{items}\n\n"


def _beside(draft: Draft) -> str:
    """What goes beside the draft: to whom, what to check, what you may add, where the advice
    differs."""
    to = f"[b]To:[/b] {escape_markup(draft.to)}\n\n" if draft.to else ""
    return (
        to
        + _section(
            "Before you call" if draft.channel == Channel.PHONE else "Before you send it",
            draft.reminders,
        )
        + _section("A line you may add", draft.optional, quoted=True)
        + _section("Where the advice differs", draft.note)
        + "[dim]ctrl+y copies · ctrl+s saves[/]"
    )
