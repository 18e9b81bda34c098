"""How drafts are signed: asked once, the first time a draft is opened."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from postinterview.domain.settings import DEFAULT_SIGN_OFF, YouSettings
from postinterview.ui.widgets.shown_text import TextInput


class YourNameScreen(ModalScreen[YouSettings | None]):
    """Dismisses with the name and sign-off typed, or None for "not now" (escape): the
    drafts then open unsigned, and the question comes back next time."""

    BINDINGS = [
        Binding("escape", "not_now", "Not now"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("How should your drafts be signed?", classes="form-title")
            yield Static(
                "Asked once: it is kept in settings.toml under [you], where you can change it.",
                classes="dialog-detail",
                markup=False,
            )
            yield Label("Your name", classes="field-label")
            yield TextInput(placeholder="e.g. Sam Lee", id="your-name")
            yield Static("", id="your-name-error", classes="field-error")
            yield Label("Sign-off, above your name", classes="field-label")
            yield TextInput(DEFAULT_SIGN_OFF, placeholder=DEFAULT_SIGN_OFF, id="sign-off")
            with Horizontal(classes="buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save")
                yield Button("Not now  esc", id="not-now")

    def on_mount(self) -> None:
        self.query_one("#your-name", Input).focus()

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        """Close with what was typed; a name is needed (escape skips it)."""
        name = self.query_one("#your-name", Input).value.strip()
        sign_off = self.query_one("#sign-off", Input).value.strip() or DEFAULT_SIGN_OFF
        if not name:
            self.query_one("#your-name-error", Static).update(
                "Type your name, or press escape to leave the drafts unsigned for now."
            )
            self.query_one("#your-name", Input).focus()
            return
        self.dismiss(YouSettings(name=name, sign_off=sign_off))

    @on(Button.Pressed, "#not-now")
    def action_not_now(self) -> None:
        """Open the drafts unsigned; ask again next time."""
        self.dismiss(None)
