"""Choose the stage to move an application to; moves that cannot be true are shown, greyed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.widgets.option_list import Option

from postinterview.domain.stages import STAGE_ORDER, Stage, move_refusal
from postinterview.ui.widgets.option_list import OptionList
from postinterview.ui.widgets.shown_text import PlainText


class StagePickerScreen(ModalScreen[Stage | None]):
    """Dismisses with the chosen stage, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, company: str, current: Stage) -> None:
        super().__init__()
        self._company = company
        self._current = current

    def compose(self) -> ComposeResult:
        options = []
        for stage in STAGE_ORDER:
            refusal = move_refusal(self._current, stage)
            label = stage.label if refusal is None else f"{stage.label}  ({refusal})"
            options.append(Option(label, id=stage.value, disabled=refusal is not None))
        with Vertical(id="dialog"):
            yield PlainText(f"Move {self._company} to…", classes="form-title")
            yield Static(f"Now: {self._current.label}", classes="dialog-detail")
            yield OptionList(*options, id="stages")

    def on_mount(self) -> None:
        stages = self.query_one("#stages", OptionList)
        stages.focus()
        following = [s for s in STAGE_ORDER[STAGE_ORDER.index(self._current) + 1 :]]
        for stage in [*following, *STAGE_ORDER]:
            if move_refusal(self._current, stage) is None:
                stages.highlighted = STAGE_ORDER.index(stage)
                break

    @on(OptionList.OptionSelected, "#stages")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.dismiss(Stage(event.option.id))

    def action_cancel(self) -> None:
        """Close without moving."""
        self.dismiss(None)
