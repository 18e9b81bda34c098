"""Ready-to-send drafts for one action: edit, copy to the clipboard, or save as a file.

The drafts are filled from the record by `domain.drafts`; what is typed here changes only what
is copied or saved, never the application.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header, Static, TabbedContent, TabPane, TextArea

from postinterview.domain.drafts import Draft, drafts_for_action, render_draft
from postinterview.domain.interviews import find_interview
from postinterview.domain.models import Application
from postinterview.domain.plan import PlannedAction
from postinterview.ui.markup import escape_markup
from postinterview.ui.widgets.footer import SteadyFooter
from postinterview.workspace import Workspace


def drafts_for(application: Application, action: PlannedAction) -> list[Draft]:
    """The drafts that fit `action` (a thank-you per interviewer, a follow-up by email and by
    phone), filled from the record; [] when none does."""
    if action.interview_id is None:
        return []
    interview = find_interview(application, action.interview_id)
    return [
        render_draft(kind, application, interview, person)
        for kind, person in drafts_for_action(action, application)
    ]


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

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="drafts"):
            for index, draft in enumerate(self.drafts):
                with TabPane(draft.title, id=f"draft-{index}"), Horizontal():
                    yield TextArea(draft.text, id=f"draft-text-{index}", soft_wrap=True)
                    yield Static(_reminders(draft), classes="draft-reminders")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = f"Draft for {self.company}"
        self.query_one("#draft-text-0", TextArea).focus()

    def _active(self) -> tuple[Draft, str]:
        """The draft shown now, and its text as edited."""
        pane = self.query_one(TabbedContent).active
        index = int(pane.removeprefix("draft-") or 0)
        return self.drafts[index], self.query_one(f"#draft-text-{index}", TextArea).text

    def action_copy(self) -> None:
        """Put the whole draft, as edited, on the clipboard."""
        draft, text = self._active()
        self.app.copy_to_clipboard(text)
        self.notify(
            f"Copied the {draft.title.lower()}. If pasting gives nothing, your terminal does "
            "not pass the clipboard on: ctrl+s saves it as a file instead."
        )

    def action_save(self) -> None:
        """Save the draft, as edited, as a text file in the data folder."""
        draft, text = self._active()
        problem, path = self.workspace.save_draft([self.company, draft.title], text)
        if path is None:
            self.notify(problem, severity="error", timeout=8)
            return
        self.notify(f"Saved to {path}")

    def action_close(self) -> None:
        """Back to where the draft was opened from."""
        self.app.pop_screen()


def _reminders(draft: Draft) -> str:
    lines = "\n".join(f"• {escape_markup(reminder)}" for reminder in draft.reminders)
    to = f"[b]To:[/b] {escape_markup(draft.to)}\n\n" if draft.to else ""
    return f"{to}[b]Before you send it[/b]\n{lines}\n\n[dim]ctrl+y copies · ctrl+s saves[/]"
