"""What a screen asks of the App: to open another screen. Screens post these; the App decides
how (a nested class per intent would tie each to one screen, but every view of applications
opens the same things)."""

from __future__ import annotations

from textual.message import Message


class OpenApplication(Message):
    """Show everything about one application."""

    def __init__(self, app_id: str) -> None:
        super().__init__()
        self.app_id = app_id
        """The application to show."""


class OpenInterview(Message):
    """Show one interview of one application: facts, reflection, checklist."""

    def __init__(self, app_id: str, interview_id: str, step: str = "facts") -> None:
        super().__init__()
        self.app_id = app_id
        """The application the interview belongs to."""
        self.interview_id = interview_id
        """The interview to show."""
        self.step = step
        """The step shown first: "facts", "reflection" or "checklist-tab"."""


class ScheduleInterview(Message):
    """Schedule an interview ahead, for one application or one still to choose."""

    def __init__(self, app_id: str | None = None) -> None:
        super().__init__()
        self.app_id = app_id
        """The application it is for; None to choose it first."""


class LookAgain(Message):
    """Look for changes made outside the app now, rather than at the next poll."""
