"""What every form that holds typing before a save shares: its text kept as it is typed (so a
quit, a crash or a SIGTERM does not lose it), and escape asking first once it has changed."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual import events, on
from textual.containers import ScrollableContainer
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widget import Widget

from postinterview.domain.unsaved import has_changes
from postinterview.workspace.unsaved import UnsavedForms

KEEP_DELAY = 0.5
"""Seconds after the last keystroke before the form's text is written down."""


@dataclass
class FormKeeper:
    """Where one open form's text is kept: which form, under which key, and for what."""

    unsaved: UnsavedForms
    """The data folder's kept forms."""
    form: str
    """One of domain.unsaved.FORMS."""
    key: str = ""
    """The kept copy's key: a restored form keeps the key of the copy it came from."""
    app_id: str = ""
    """The application being edited, if one is."""
    then: str = ""
    """What a quick add leads to."""
    about: str = ""
    """What the form is about, for the offer to restore it (a contact log's company)."""
    opened_with: dict[str, str] | None = None
    """The text the form counts as unchanged (None: what it shows when it opens)."""
    _pending: dict[str, str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.key = self.key or self.unsaved.new_key(self.form)

    def typed(self, fields: dict[str, str]) -> None:
        """Note what the form holds now; written by `keep`."""
        self._pending = fields

    def keep(self) -> str:
        """Write what was noted since the last write: "" when done (or nothing to do)."""
        fields, self._pending = self._pending, None
        if fields is None:
            return ""
        return self.unsaved.keep(
            self.form,
            self.key,
            fields,
            self.opened_with or {},
            self.app_id,
            self.then,
            self.about,
        )

    def forget(self) -> None:
        """The form was saved or its text discarded: nothing to offer back."""
        self._pending = None
        self.unsaved.forget(self.key)


class KeptForm(ModalScreen[bool]):
    """A modal form whose typing outlives the app. Subclasses give `form_fields` and
    `action_save` (which calls `saved` once done), and call `note_typing` on each change."""

    def __init__(self, keeper: FormKeeper | None = None) -> None:
        super().__init__()
        self.keeper = keeper
        """Where the text is kept; None keeps nothing (escape still asks)."""
        self._opened_with: dict[str, str] = {}
        self._keep_timer: Timer | None = None

    def form_fields(self) -> dict[str, str]:
        """Every field's text, a choice by its value."""
        raise NotImplementedError

    def action_save(self) -> None:
        """Check and save; `saved()` once done."""
        raise NotImplementedError

    @property
    def changed(self) -> bool:
        """True when the form holds something other than what it opened with."""
        return has_changes(self.form_fields(), self._opened_with)

    # Decorated, so it runs after the subclass's own on_mount (see WorkspaceScreen).
    @on(events.Mount)
    def _note_opening_text(self) -> None:
        if self.keeper is not None and self.keeper.opened_with is not None:
            self._opened_with = dict(self.keeper.opened_with)
        else:
            self._opened_with = self.form_fields()
        if self.keeper is not None:
            self.keeper.opened_with = self._opened_with
            if self.changed:  # restored: kept again at once, under the same key
                self.note_typing()

    def note_typing(self) -> None:
        """Something changed: read it now, write it after a pause in the typing."""
        if self.keeper is None:
            return
        self.keeper.typed(self.form_fields())
        if self._keep_timer is not None:
            self._keep_timer.stop()
        self._keep_timer = self.set_timer(KEEP_DELAY, self._keep)

    def _keep(self) -> None:
        self._keep_timer = None
        if self.keeper is not None:
            problem = self.keeper.keep()
            if problem:
                self.notify(problem, severity="warning", timeout=8)

    def save_typing(self) -> None:
        """The app is about to end: keep what the form holds now."""
        if self.keeper is not None and self.is_mounted:
            self.keeper.typed(self.form_fields())
            self.keeper.keep()

    @on(events.Unmount)
    def _keep_on_unmount(self) -> None:
        # The widgets are gone: keep what was read at the last keystroke, if not yet written.
        if self.keeper is not None:
            self.keeper.keep()

    def saved(self) -> None:
        """The form's values are saved: forget the kept copy and close."""
        if self._keep_timer is not None:
            self._keep_timer.stop()
        if self.keeper is not None:
            self.keeper.forget()
        self.dismiss(True)

    def action_cancel(self) -> None:
        """Close at once when nothing changed; else ask: keep editing, discard or save."""
        if not self.changed:
            self._discard()
            return
        from postinterview.ui.screens.unsaved import UnsavedQuestionScreen

        def answered(answer: str | None) -> None:
            if answer == "discard":
                self._discard()
            elif answer == "save":
                self.action_save()

        self.app.push_screen(UnsavedQuestionScreen(), answered)

    def show_fault(self, name: str, message: Widget) -> None:
        """Focus the field (or button) `name` and scroll so that its `message` shows too: at
        80x24 a message under the fold made Enter seem to do nothing."""
        field = self.query_one(f"#{name}")
        self.set_focus(field, scroll_visible=False)
        scroller = self.query_one(ScrollableContainer)

        def scroll(tries: int = 3) -> None:
            if not message.size.height and tries:  # not laid out yet: it was hidden
                self.call_after_refresh(scroll, tries - 1)
                return
            # The message in view, then the field: the field wins if both do not fit.
            for widget in (message, field):
                scroller.scroll_to_widget(widget, animate=False, immediate=True)

        # After the refresh that lays the message out.
        self.call_after_refresh(self.call_after_refresh, scroll)

    def _discard(self) -> None:
        if self.keeper is not None:
            self.keeper.forget()
        self.dismiss(False)
