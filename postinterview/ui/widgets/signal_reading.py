"""The reading of an interview's signals: score, band, reasons, cautions, reassurances, history.

Display only: the screen hands it a `SignalReading` and history sentences.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from postinterview.domain.signals import Reason, Reassurance, SignalReading
from postinterview.ui.markup import escape_markup

BAR_WIDTH = 30
"""Cells in the score bar."""


def score_bar(score: int, width: int = BAR_WIDTH) -> str:
    """A bar of `width` cells, filled in proportion to `score` (0-100), as Textual markup."""
    filled = round(width * max(0, min(100, score)) / 100)
    return f"[$accent]{'━' * filled}[/][$panel-lighten-3]{'━' * (width - filled)}[/]"


def _points(points: float) -> str:
    return f"{points:+.1f}".replace("-", "−")


def _reason_table(reasons: Sequence[Reason], points_style: str) -> Table | None:
    """Points in a column of their own, so a long label wraps under itself, not under them."""
    if not reasons:
        return None
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", width=6, no_wrap=True, style=points_style)
    table.add_column(ratio=1)
    for reason in reasons:
        table.add_row(_points(reason.points), reason.label)
    return table


class ReadingPanel(VerticalScroll):
    """What the answers add up to, kept apart from the list of questions."""

    def compose(self) -> ComposeResult:
        yield Static("", id="score")
        yield Static("", id="band-meaning")
        yield Static("What counted", classes="reading-heading")
        yield Static("", id="reasons")
        yield Static("Cautions (not from the articles)", classes="reading-heading")
        yield Static("", id="caution-reasons")
        yield Static("What this does not mean", classes="reading-heading")
        yield Static("", id="not-meaning")
        yield Static("Your own history", classes="reading-heading")
        yield Static("Looking through your applications…", id="history")
        yield Static("Not bad signs by themselves", classes="reading-heading")
        yield Static("", id="reassurances")

    def show_reading(
        self, reading: SignalReading, open_suggestions: int, custom_weights: bool
    ) -> None:
        """Show the score, its band and the reasons behind it."""
        self.query_one("#score", Static).update(
            f"[b]{reading.score}[/b] [dim]/ 100[/]   [b $accent]{escape_markup(reading.band)}[/]\n"
            + score_bar(reading.score)
        )
        meaning = escape_markup(reading.band_meaning)
        if open_suggestions:
            meaning += (
                f"\n[$warning]{open_suggestions} suggestion{'s' if open_suggestions > 1 else ''}"
                " from your notes not confirmed yet (a accepts them); they do not count until "
                "you do.[/]"
            )
        if custom_weights:
            meaning += "\n[dim]Scored with your own weights from settings.toml.[/]"
        self.query_one("#band-meaning", Static).update(meaning)
        self.query_one("#reasons", Static).update(
            _reason_table(reading.reasons, "green")
            or "[dim]Nothing yet: answer the questions on the left.[/]"
        )
        self.query_one("#caution-reasons", Static).update(
            _reason_table(reading.caution_reasons, "yellow")
            or "[dim]None noticed. Cautions only ever take off a few points.[/]"
        )
        self.query_one("#not-meaning", Static).update(escape_markup(reading.not_meaning))

    def show_reassurances(self, reassurances: Sequence[Reassurance]) -> None:
        """Things that are not bad signs by themselves."""
        self.query_one("#reassurances", Static).update(
            "\n".join(f"• {escape_markup(item.text)}" for item in reassurances)
        )

    def show_history(self, lines: Sequence[str]) -> None:
        """How past readings lined up with outcomes, as sentences."""
        self.query_one("#history", Static).update("\n".join(escape_markup(line) for line in lines))
