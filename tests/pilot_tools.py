"""Helpers for driving the app with the Pilot and reading what it wrote."""

from __future__ import annotations

import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import events
from textual.pilot import Pilot

from postinterview.app import PostInterviewApp
from postinterview.cli import start_mode_for
from postinterview.commands.app_import import preview_path
from postinterview.storage.store import ApplicationStore
from postinterview.workspace import Workspace
from tests.conftest import FIXED_NOW

KEY_NAMES = {" ": "space", "-": "minus", ":": "colon", ".": "full_stop", "/": "slash", "+": "plus"}
"""Characters whose key has a name of its own."""


def make_app(
    data: Path | ApplicationStore, start_mode: str | None = "applications"
) -> PostInterviewApp:
    """The app on a data folder (or an existing store), with the clock fixed at `FIXED_NOW`."""
    store = data if isinstance(data, ApplicationStore) else ApplicationStore(data)
    workspace = Workspace(store, clock=lambda: FIXED_NOW)
    return PostInterviewApp(workspace, start_mode or start_mode_for(store), preview_path)


async def settle(pilot: Pilot[None]) -> None:
    """Let workers (loading, history) finish and the screen repaint."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` key by key."""
    await pilot.press(*[KEY_NAMES.get(ch, ch) for ch in text])


async def burst(pilot: Pilot[None], *keys: str) -> None:
    """Send `keys` all at once, as a fast typist or a paste does: unlike `pilot.press`, the
    app gets no moment between two keys to finish what the first one started."""
    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        name = KEY_NAMES.get(key, key)
        event = events.Key(name, key if len(key) == 1 else None)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await settle(pilot)


def stored_records(data_dir: Path) -> list[dict[str, Any]]:
    """Every application file in `data_dir`, parsed, in file-name order."""
    folder = data_dir / "applications"
    return [tomllib.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.toml"))]


def stored_record(data_dir: Path, app_id: str) -> dict[str, Any]:
    """The application file `app_id` in `data_dir`, parsed."""
    path = data_dir / "applications" / f"{app_id}.toml"
    return tomllib.loads(path.read_text("utf-8"))


async def poll(pilot: Pilot[None]) -> None:
    """Look for changes made outside the app now (as the app does every few seconds)."""
    app = pilot.app
    assert isinstance(app, PostInterviewApp)
    app.folder_sync.poll()
    await settle(pilot)


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], bool], seconds: float = 10
) -> None:
    """Let the app run until `condition()` holds (a debounced autosave, a worker's result).

    A fixed pause is too short on a loaded machine; this waits only as long as it must, and
    gives up after `seconds` so the test's own assertion reports what did not happen.
    """
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.05)
    await settle(pilot)
