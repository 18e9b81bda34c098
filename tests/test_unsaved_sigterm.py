"""SIGTERM while the add form holds unsaved text: the real app, in a subprocess on a
pseudo-terminal, keeps the text and exits cleanly; opened again, it offers the text back.

Skipped where there is no pseudo-terminal (Windows)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from postinterview.storage import paths
from postinterview.ui.screens.application_form import ApplicationFormScreen
from postinterview.ui.screens.unsaved import RestoreOfferScreen
from tests.conftest import FIXED_NOW
from tests.pilot_tools import make_app, settle

pty = pytest.importorskip("pty")
termios = pytest.importorskip("termios")
fcntl = pytest.importorskip("fcntl")

ROOT = Path(__file__).resolve().parent.parent
WAIT = 20.0
"""Seconds to wait for the app to show something before giving up (a slow CI machine)."""


class Terminal:
    """The app running on a pseudo-terminal: what it has written, and keys to send."""

    def __init__(self, data_dir: Path) -> None:
        master, slave = pty.openpty()
        size = (24, 80, 0, 0)
        fcntl.ioctl(slave, termios.TIOCSWINSZ, bytes(_winsize(*size)))
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "POSTINTERVIEW_DATA_DIR": str(data_dir),
            "POSTINTERVIEW_NOW": FIXED_NOW.isoformat(),
            "TERM": "xterm-256color",
            "COLUMNS": "80",
            "LINES": "24",
        }
        env.pop("TEXTUAL", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "postinterview"],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )
        os.close(slave)
        self._master = master
        self._output = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self._master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                self._output.extend(chunk)

    def wait_for(self, text: str) -> None:
        """Wait until the app has written `text` (and then kept quiet for a moment)."""
        deadline = time.monotonic() + WAIT
        wanted = text.encode()
        while time.monotonic() < deadline:
            with self._lock:
                if wanted in self._output:
                    return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        with self._lock:
            tail = bytes(self._output[-2000:])
        pytest.fail(f"the app never showed {text!r}; it wrote last: {tail!r}")

    def send(self, keys: str) -> None:
        os.write(self._master, keys.encode())

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(WAIT)
        os.close(self._master)


def _winsize(rows: int, cols: int, x: int, y: int) -> bytes:
    import struct

    return struct.pack("HHHH", rows, cols, x, y)


@pytest.fixture
def terminal(data_dir: Path) -> Iterator[Terminal]:
    try:
        running = Terminal(data_dir)
    except OSError as error:  # no pseudo-terminals here
        pytest.skip(f"no pseudo-terminal: {error}")
    try:
        yield running
    finally:
        running.close()


async def test_sigterm_keeps_the_typed_text_and_the_next_start_offers_it(
    data_dir: Path, terminal: Terminal
) -> None:
    terminal.wait_for("Add")  # the welcome of an empty folder
    time.sleep(0.3)  # let it finish starting before keys arrive
    terminal.send("n")
    terminal.wait_for("New application")
    terminal.send("Acme\tDesigner")
    terminal.wait_for("Designer")  # shown, so handled by the field
    terminal.process.send_signal(signal.SIGTERM)
    assert terminal.process.wait(WAIT) == 128 + signal.SIGTERM
    [kept] = paths.unsaved_dir(data_dir).glob("*.toml")
    assert 'role = "Designer"' in kept.read_text("utf-8")

    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, RestoreOfferScreen)
        await pilot.press("r")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ApplicationFormScreen)
        assert form.query_one("#company", Input).value == "Acme"
        assert form.query_one("#role", Input).value == "Designer"
