"""Copying text to the system clipboard through the platform's own command.

The terminal's clipboard (OSC 52, sent by the app) is ignored by many terminals, so a copy
also goes to a system clipboard command where one is found on PATH: pbcopy on macOS,
wl-copy under Wayland, xclip or xsel under X11, clip on Windows and clip.exe under WSL. Each
is run without a shell, with the text on its standard input and a time limit. No Textual
here: the draft screen says what happened with `copied_message`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

TIMEOUT_SECONDS = 3.0
"""How long a clipboard command may take before it is given up (and stopped)."""


@dataclass(frozen=True)
class Copier:
    """One clipboard command: how it is called and how it wants the text encoded."""

    argv: tuple[str, ...]
    encoding: str = "utf-8"
    locale: str = ""
    """A character set to declare when the environment names none (pbcopy reads bytes as
    the locale says, and garbles accents without one)."""

    @property
    def name(self) -> str:
        """The command's name as a person would type it."""
        return Path(self.argv[0]).name


def copiers(
    env: Mapping[str, str],
    platform: str,
    which: Callable[[str], str | None] = shutil.which,
) -> list[Copier]:
    """The clipboard commands to try, in order, among those found on PATH."""
    wanted: list[tuple[tuple[str, ...], str]] = []
    if platform == "darwin":
        wanted.append((("pbcopy",), "utf-8"))
    if platform == "win32":
        wanted.append((("clip",), "utf-16"))
    if env.get("WAYLAND_DISPLAY"):
        wanted.append((("wl-copy",), "utf-8"))
    if env.get("DISPLAY"):
        wanted.append((("xclip", "-selection", "clipboard"), "utf-8"))
        wanted.append((("xsel", "--clipboard", "--input"), "utf-8"))
    if platform != "win32":
        wanted.append((("clip.exe",), "utf-16"))  # Windows' own, reachable from WSL
    found: list[Copier] = []
    for argv, encoding in wanted:
        path = which(argv[0])
        if path is not None:
            locale = "UTF-8" if argv[0] == "pbcopy" else ""
            found.append(Copier((path, *argv[1:]), encoding, locale))
    return found


def run_copier(
    copier: Copier,
    text: str,
    timeout: float = TIMEOUT_SECONDS,
    env: Mapping[str, str] | None = None,
) -> bool:
    """True when the command took `text` and ended well within `timeout` seconds (run with
    `env`, or this process's environment).

    Its output is not read: xclip and wl-copy leave a process behind to serve the
    clipboard, which would hold a pipe open."""
    environment = dict(os.environ if env is None else env)
    if copier.locale and not any(environment.get(k) for k in ("LC_ALL", "LC_CTYPE", "LANG")):
        environment["LC_CTYPE"] = copier.locale
    try:
        result = subprocess.run(
            copier.argv,
            input=text.encode(copier.encoding),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
            env=environment,
        )
    except (OSError, subprocess.SubprocessError, ValueError):
        return False
    return result.returncode == 0


def copy_to_system(
    text: str,
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    timeout: float = TIMEOUT_SECONDS,
) -> str | None:
    """Put `text` on the system clipboard with the first command on `env`'s PATH that works
    (`env` is this process's environment unless given); its name, or None when none was
    found or none worked."""
    env = os.environ if env is None else env
    path = env.get("PATH")

    def which(name: str) -> str | None:
        return shutil.which(name, path=path)

    for copier in copiers(env, platform or sys.platform, which):
        if run_copier(copier, text, timeout, env):
            return copier.name
    return None


def copied_message(
    what: str, system: str | None, saved_at: Path | None = None, problem: str = ""
) -> str:
    """What to tell the person after copying `what` (such as "the thank-you note"): where
    it went, or, when no system clipboard took it, where it was saved instead (or why it
    could not be)."""
    if system is not None:
        return f"Copied {what} (system clipboard and terminal)."
    if saved_at is not None:
        return f"Your terminal may not allow copying; the draft is saved at {saved_at}"
    return (
        "Your terminal may not allow copying, and no system clipboard was found; the draft "
        f"could not be saved as a file either: {problem}"
    )
