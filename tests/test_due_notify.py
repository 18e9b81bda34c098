"""`postinterview due --notify`: a fake notify-send on PATH records what it was given."""

from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path

import pytest

from postinterview.commands.notify import (
    MAX_LINES,
    clean,
    notifier_command,
    notify,
    summary,
    terminal_escape,
)
from postinterview.domain.plan import plan_all
from postinterview.storage.store import ApplicationStore
from tests.conftest import FIXED_NOW
from tests.pipeline import pipeline, seed_pipeline
from tests.test_cli_transfer import run

FAKE = """#!/bin/sh
for arg in "$@"; do printf '%s\\0' "$arg"; done >> "$RECORD"
exit ${FAKE_EXIT:-0}
"""


@pytest.fixture
def fake_bin(tmp_path: Path) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "notify-send"
    script.write_text(FAKE)
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return folder


def due_notify(data: Path, fake_bin: Path, record: Path, exit_code: int = 0) -> list[str]:
    env = {
        "PATH": f"{fake_bin}{os.pathsep}{os.environ['PATH']}",
        "RECORD": str(record),
        "FAKE_EXIT": str(exit_code),
    }
    result = run("--data-dir", str(data), "due", "--notify", env=env)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert result.stdout.startswith(("Due or overdue on", "Nothing due"))  # still printed
    return result.stderr.splitlines()


def recorded(record: Path) -> list[str]:
    return record.read_bytes().decode("utf-8").split("\0")[:-1] if record.exists() else []


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS uses osascript")
def test_one_notification_summarises_what_is_due(tmp_path: Path, fake_bin: Path) -> None:
    data, record = tmp_path / "data", tmp_path / "args"
    seed_pipeline(data)
    assert due_notify(data, fake_bin, record) == []
    option, end, title, body = recorded(record)  # one notification, four arguments
    assert (option, end) == ("--app-name=postinterview", "--")
    actions = plan_all(pipeline(), FIXED_NOW)
    late = sum(action.state.value == "overdue" for action in actions)
    assert title == f"postinterview: {len(actions)} actions due ({late} overdue)"
    assert body.splitlines()[0] == "Initech — Send Ana Ruiz a short thank-you note."
    assert len(body.splitlines()) == len(actions)


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS uses osascript")
def test_text_from_files_reaches_the_notifier_cleaned(tmp_path: Path, fake_bin: Path) -> None:
    data, record = tmp_path / "data", tmp_path / "args"
    store = ApplicationStore(data)
    [*_, initech] = [app for app in pipeline() if app.id == "initech"]
    store.create(initech.revised(company="Ini\x1b]0;owned\x07tech\u202e <b>&</b>\nCo"))
    assert due_notify(data, fake_bin, record) == []
    _, _, title, body = recorded(record)
    first = body.splitlines()[0]
    assert first.startswith("Ini ]0;owned tech &lt;b&gt;&amp;&lt;/b&gt; Co — Send Ana Ruiz")
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in title + first)
    assert "\u202e" not in body


def test_nothing_due_sends_nothing_and_a_failing_notifier_is_one_warning(
    tmp_path: Path, fake_bin: Path
) -> None:
    record = tmp_path / "args"
    assert due_notify(tmp_path / "empty", fake_bin, record) == []
    assert recorded(record) == []
    data = tmp_path / "data"
    seed_pipeline(data)
    if sys.platform != "darwin":
        [warning] = due_notify(data, fake_bin, record, exit_code=3)
        assert warning == (
            "postinterview: warning: notify-send failed (exit code 3); no notification"
        )


def test_the_notifier_is_picked_by_platform_and_never_through_a_shell() -> None:
    found = {"notify-send": "/usr/bin/notify-send", "osascript": "/usr/bin/osascript"}.get
    mac = notifier_command("T", ["a", "b"], "darwin", found)
    assert mac is not None and mac[0] == "/usr/bin/osascript" and mac[-2:] == ["T", "a\nb"]
    linux = notifier_command("T", ["a<b"], "linux", found)
    assert linux == ["/usr/bin/notify-send", "--app-name=postinterview", "--", "T", "a&lt;b"]
    assert notifier_command("T", ["a"], "linux", lambda name: None) is None
    assert notifier_command("T", ["a"], "darwin", lambda name: None) is None


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_without_a_notifier_a_terminal_gets_an_escape_and_a_pipe_gets_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    none = lambda name: None  # noqa: E731
    monkeypatch.setenv("TERM", "xterm-256color")
    tty = Tty()
    assert notify("T", ["a\x07b", "c"], tty, "linux", none) == "terminal"
    assert tty.getvalue() == "\x1b]9;T: a b; c\x07"
    monkeypatch.setenv("TERM", "foot")
    tty = Tty()
    notify("T;x", ["a"], tty, "linux", none)
    assert tty.getvalue() == "\x1b]777;notify;T,x;a\x07"
    pipe = io.StringIO()
    assert notify("T", ["a"], pipe, "linux", none) == "printed"
    assert pipe.getvalue() == ""


def test_summary_names_the_first_few_and_counts_the_rest() -> None:
    apps = pipeline()
    actions = plan_all(apps, FIXED_NOW)
    by_id = {app.id: app for app in apps}
    many = (actions * MAX_LINES)[: MAX_LINES + 2]
    title, lines = summary(many, by_id)
    assert title.startswith(f"postinterview: {MAX_LINES + 2} actions due")
    assert lines[-1] == "and 2 more" and len(lines) == MAX_LINES + 1
    assert clean("a\u200b\tb\r\n\x9bc") == "a b c"
    assert terminal_escape("T", ["x"], "rxvt-unicode").startswith("\x1b]777;notify;T;x")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_on_a_terminal_without_a_notifier_the_real_command_writes_osc_9(tmp_path: Path) -> None:
    import pty
    import subprocess

    from tests.test_cli_transfer import SCRIPT

    data, empty = tmp_path / "data", tmp_path / "nothing-on-path"
    empty.mkdir()
    seed_pipeline(data)
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "postinterview"]
    env = {
        **os.environ,
        "PATH": str(empty),
        "TERM": "xterm",
        "TZ": "UTC",
        "POSTINTERVIEW_NOW": FIXED_NOW.isoformat(),
    }
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [*command, "--data-dir", str(data), "due", "--notify"],
            stdout=follower,
            stderr=subprocess.PIPE,
            env=env,
            timeout=60,
            check=False,
        )
        os.close(follower)
        written = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            written += chunk
    finally:
        os.close(leader)
    assert done.returncode == 0 and done.stderr == b""
    text = written.decode("utf-8")
    assert text.startswith("Due or overdue on")
    assert "\x1b]9;postinterview: " in text and text.endswith("\x07")
    assert text.count("\x1b") == 1  # the listing itself carries no escape
