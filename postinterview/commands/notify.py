"""`postinterview due --notify`: one desktop notification summarising what is due.

The notifier is found with `shutil.which` and run as a plain argument list (never a shell)
with a timeout: osascript on macOS, notify-send elsewhere when it is installed. Without one,
on a terminal, an OSC 777 (rxvt, foot) or OSC 9 (iTerm2, WezTerm, kitty, Windows Terminal)
escape asks the terminal to show it. Otherwise the printed listing is all there is (cron
mails it). Text from files is cleaned first: no control or format character reaches a
notifier or a terminal, and for notify-send markup characters are escaped, so a note is
shown, never obeyed.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import TextIO

from postinterview.commands.output import warn
from postinterview.domain.models import Application
from postinterview.domain.plan import ActionState, PlannedAction

TIMEOUT_SECONDS = 10.0
MAX_LINES = 5
"""Actions named in the notification; the rest are counted."""
_DROPPED = {"Cc", "Cf", "Cs", "Co"}
_APPLESCRIPT = "on run argv\ndisplay notification (item 2 of argv) with title (item 1 of argv)"


def clean(text: str) -> str:
    """`text` as one line with no control, format (bidi overrides), surrogate or private-use
    character: each becomes a space, and runs of white space fold into one space."""
    kept = "".join(" " if unicodedata.category(ch) in _DROPPED else ch for ch in text)
    return " ".join(kept.split())


def summary(
    actions: Sequence[PlannedAction], applications: Mapping[str, Application]
) -> tuple[str, list[str]]:
    """The notification's title and body lines: how many actions, how many of them are
    overdue, and the first `MAX_LINES` of them."""
    late = sum(action.state == ActionState.OVERDUE for action in actions)
    count = f"{len(actions)} action{'' if len(actions) == 1 else 's'} due"
    title = f"postinterview: {count}" + (f" ({late} overdue)" if late else "")
    lines = [
        clean(f"{applications[action.application_id].company} — {action.text}")
        for action in actions[:MAX_LINES]
    ]
    if len(actions) > MAX_LINES:
        lines.append(f"and {len(actions) - MAX_LINES} more")
    return title, lines


def markup_escaped(text: str) -> str:
    """`text` for a notify-send body, which servers may read as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def notifier_command(
    title: str, lines: Sequence[str], platform: str, which: Callable[[str], str | None]
) -> list[str] | None:
    """The command that shows the notification, or None when there is no notifier."""
    if platform == "darwin":
        osascript = which("osascript")
        if osascript:
            return [osascript, "-e", _APPLESCRIPT, "-e", "end run", title, "\n".join(lines)]
        return None
    notify_send = which("notify-send")
    if notify_send:
        body = markup_escaped("\n".join(lines))
        return [notify_send, "--app-name=postinterview", "--", title, body]
    return None


def terminal_escape(title: str, lines: Sequence[str], term: str) -> str:
    """The escape sequence that asks the terminal for a notification: OSC 777 where $TERM
    names a terminal that reads it, else OSC 9. Both end with BEL, which the terminals that
    read them accept."""
    body = "; ".join(lines)
    if term.startswith(("rxvt", "foot")):
        return f"\x1b]777;notify;{title.replace(';', ',')};{body}\a"
    return f"\x1b]9;{title}: {body}\a"


def notify(
    title: str,
    lines: Sequence[str],
    terminal: TextIO | None,
    platform: str = sys.platform,
    which: Callable[[str], str | None] | None = None,
) -> str:
    """Show one notification. Returns how: the notifier's name, "terminal" or "printed".
    A notifier that fails or hangs is named in one line on stderr."""
    import shutil
    import subprocess

    title, lines = clean(title), [clean(line) for line in lines]
    command = notifier_command(title, lines, platform, which or shutil.which)
    if command is not None:
        name = os.path.basename(command[0])
        try:
            done = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            warn(f"{name} did not finish in {TIMEOUT_SECONDS:g} seconds; no notification")
            return "printed"
        except OSError as error:
            warn(f"could not run {name} ({error.strerror}); no notification")
            return "printed"
        if done.returncode != 0:
            warn(f"{name} failed (exit code {done.returncode}); no notification")
            return "printed"
        return name
    if terminal is not None and terminal.isatty():
        terminal.write(terminal_escape(title, lines, os.environ.get("TERM", "")))
        terminal.flush()
        return "terminal"
    return "printed"
