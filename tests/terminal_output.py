"""What the app would write to the terminal, and the control characters hiding in its text.

Textual draws a screen as strips of segments: a segment either carries text (drawn with a
style, which Textual turns into its own SGR sequences) or is a control segment (cursor moves),
which is the terminal's own business. A control character inside a TEXT segment came from the
data and would reach the terminal as is: that is what `control_leaks` finds.
"""

from __future__ import annotations

import re

from textual.app import App

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
"""C0, DEL and C1: what must never be inside text sent to the terminal."""

TEXTUAL_SEQUENCES = re.compile(r"\x1b\[[0-9;:]*[mHABCDG]|\x1b\]8;[^\x1b\x07]*(?:\x1b\\|\x07)|\n")
"""The sequences Textual writes itself when it draws a screen: styles (SGR), cursor moves,
hyperlinks (OSC 8), and the line breaks between rows."""


def control_leaks(app: App[object]) -> list[str]:
    """The text segments of the whole screen as drawn now that hold a control character,
    with what Textual would write for the whole screen checked too (see `terminal_text`)."""
    update = app.screen._compositor.render_full_update()
    leaks = [
        segment.text
        for line in update.strips
        for strip in line
        for segment in strip
        if segment.control is None and CONTROL.search(segment.text)
    ]
    written = TEXTUAL_SEQUENCES.sub("", update.render_segments(app.console))
    if CONTROL.search(written) and not leaks:  # a leak the segment check did not see
        leaks.append(repr(written))
    return leaks


def screen_text(app: App[object]) -> str:
    """The plain text of the whole screen as drawn now, rows joined by line breaks."""
    update = app.screen._compositor.render_full_update()
    return "\n".join(
        "".join(segment.text for strip in line for segment in strip if segment.control is None)
        for line in update.strips
    )
