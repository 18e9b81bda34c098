"""Copying a draft: the terminal's clipboard and the system's, or a saved file when neither
can be relied on. Fake clipboard commands on PATH write what they were given to a file."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.widgets import TextArea

from postinterview.ui import clipboard
from postinterview.ui.clipboard import (
    Copier,
    copied_message,
    copiers,
    copy_to_system,
    run_copier,
)
from tests.pilot_tools import make_app, wait_until
from tests.pipeline import OVERDUE_ID, seed_pipeline
from tests.test_drafts_ui import SIZE, open_draft, shown_draft

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fake commands are scripts")

TAKES = "import sys\nopen({out!r}, 'wb').write(sys.stdin.buffer.read())\n"
FAILS = "import sys\nsys.stdin.buffer.read()\nsys.exit(1)\n"
HANGS = "import time\ntime.sleep(30)\n"


def fake(bin_dir: Path, name: str, body: str) -> Path:
    """A command called `name` in `bin_dir` running the Python `body`; where it writes."""
    out = bin_dir / f"{name}.got"
    script = bin_dir / name
    script.write_text(f"#!{sys.executable}\n" + body.format(out=str(out)), "utf-8")
    script.chmod(0o755)
    return out


@pytest.fixture
def bin_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    return folder


def env_for(bin_dir: Path, **names: str) -> dict[str, str]:
    return {"PATH": str(bin_dir), **names}


def test_the_commands_offered_follow_the_platform_and_the_display() -> None:
    def everything(name: str) -> str:
        return f"/usr/bin/{name}"

    def names(env: dict[str, str], platform: str) -> list[tuple[str, ...]]:
        return [(c.name, *c.argv[1:]) for c in copiers(env, platform, everything)]

    assert names({}, "darwin") == [("pbcopy",), ("clip.exe",)]
    assert names({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux") == [
        ("wl-copy",),
        ("xclip", "-selection", "clipboard"),
        ("xsel", "--clipboard", "--input"),
        ("clip.exe",),
    ]
    assert names({"DISPLAY": ""}, "linux") == [("clip.exe",)]  # an empty DISPLAY is none
    assert names({"DISPLAY": ":0"}, "win32") == [
        ("clip",),
        ("xclip", "-selection", "clipboard"),
        ("xsel", "--clipboard", "--input"),
    ]
    assert copiers({"DISPLAY": ":0"}, "linux", lambda name: None) == []  # none installed


def test_the_first_command_that_takes_the_text_is_used(bin_dir: Path) -> None:
    wayland = fake(bin_dir, "wl-copy", FAILS)  # Wayland set but its command fails
    xclip = fake(bin_dir, "xclip", TAKES)
    xsel = fake(bin_dir, "xsel", TAKES)
    env = env_for(bin_dir, WAYLAND_DISPLAY="wayland-0", DISPLAY=":0")
    text = "Subject: Thank you\n\nDear Ana — merci, 谢谢\n"
    assert copy_to_system(text, env, "linux") == "xclip"
    assert not wayland.exists()
    assert xclip.read_bytes().decode("utf-8") == text
    assert not xsel.exists()


def test_windows_commands_get_the_text_as_utf_16(bin_dir: Path) -> None:
    clip = fake(bin_dir, "clip.exe", TAKES)
    assert copy_to_system("Dear Zoë", env_for(bin_dir), "linux") == "clip.exe"  # WSL
    assert clip.read_bytes().decode("utf-16") == "Dear Zoë"


def test_pbcopy_is_told_the_text_is_utf_8_when_no_locale_says(bin_dir: Path) -> None:
    locale = "import os\nopen({out!r}, 'w').write(os.environ.get('LC_CTYPE', 'none'))\n"
    said = fake(bin_dir, "pbcopy", locale)
    plain = env_for(bin_dir, PYTHONCOERCECLOCALE="0")  # the fake (Python) leaves it alone
    assert copy_to_system("Zoë", plain, "darwin") == "pbcopy"
    assert said.read_text("utf-8") == "UTF-8"
    assert copy_to_system("Zoë", {**plain, "LANG": "fr_FR.UTF-8"}, "darwin") == "pbcopy"
    assert said.read_text("utf-8") == "none"  # the person's own locale is left to speak


def test_a_command_that_hangs_is_given_up(bin_dir: Path) -> None:
    fake(bin_dir, "xclip", HANGS)
    xsel = fake(bin_dir, "xsel", TAKES)
    env = env_for(bin_dir, DISPLAY=":0")
    assert copy_to_system("hello", env, "linux", timeout=0.5) == "xsel"
    assert xsel.read_text("utf-8") == "hello"


def test_nothing_found_or_nothing_working_is_none(bin_dir: Path) -> None:
    assert copy_to_system("hello", env_for(bin_dir, DISPLAY=":0"), "linux") is None
    fake(bin_dir, "xclip", FAILS)
    (bin_dir / "xsel").write_text("not a program", "utf-8")
    (bin_dir / "xsel").chmod(0o755)  # cannot be run: no interpreter line
    assert copy_to_system("hello", env_for(bin_dir, DISPLAY=":0"), "linux") is None
    gone = Copier((str(bin_dir / "gone"),))  # removed after it was found
    assert gone.name == "gone" and not run_copier(gone, "hello")


def test_the_message_says_where_the_text_went(tmp_path: Path) -> None:
    assert copied_message("the note", "xclip") == (
        "Copied the note (system clipboard and terminal)."
    )
    saved = tmp_path / "drafts" / "acme.txt"
    assert copied_message("the note", None, saved) == (
        f"Your terminal may not allow copying; the draft is saved at {saved}"
    )
    failed = copied_message("the note", None, None, "Could not save the draft: disk full")
    assert "may not allow copying" in failed and failed.endswith("disk full")


def use_fakes(monkeypatch: pytest.MonkeyPatch, bin_dir: Path) -> None:
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)  # only the fakes can be found
    monkeypatch.setattr(clipboard, "copy_to_system", copy_to_system)  # the real search


async def test_ctrl_y_puts_the_draft_on_the_system_clipboard(
    data_dir: Path, bin_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_pipeline(data_dir)
    (data_dir / "settings.toml").write_text('[you]\nname = "Sam Lee"\n', "utf-8")
    xclip = fake(bin_dir, "xclip", TAKES)
    use_fakes(monkeypatch, bin_dir)
    app = make_app(data_dir, "today")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_draft(pilot, f"{OVERDUE_ID}/thank-you:ana-ruiz")
        draft = shown_draft(pilot)
        editor = draft.query_one("#draft-text-0", TextArea)
        editor.insert("P.S. ", (0, 0))  # as edited on screen
        await pilot.press("ctrl+y")
        await wait_until(pilot, lambda: bool(app._notifications))
        messages = [n.message for n in app._notifications]
        assert xclip.read_text("utf-8") == editor.text
        assert editor.text.startswith("P.S. Subject: ")
        assert messages == [
            f"Copied the {draft.drafts[0].title.lower()} (system clipboard and terminal)."
        ]
        assert not (data_dir / "drafts").exists()  # nothing saved: the clipboard has it
        await pilot.press("escape")  # copied, so leaving asks nothing
        await pilot.pause()
        assert app.screen is not draft


async def test_ctrl_y_with_no_system_clipboard_saves_the_draft_and_says_where(
    data_dir: Path, bin_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_pipeline(data_dir)
    (data_dir / "settings.toml").write_text('[you]\nname = "Sam Lee"\n', "utf-8")
    fake(bin_dir, "xclip", FAILS)
    use_fakes(monkeypatch, bin_dir)
    app = make_app(data_dir, "today")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_draft(pilot, f"{OVERDUE_ID}/thank-you:ana-ruiz")
        text = shown_draft(pilot).query_one("#draft-text-0", TextArea).text
        await pilot.press("ctrl+y")
        await wait_until(pilot, lambda: bool(app._notifications))
        [message] = [n.message for n in app._notifications]
    [saved] = (data_dir / "drafts").glob("*.txt")
    assert saved.read_text("utf-8") == text
    assert message == f"Your terminal may not allow copying; the draft is saved at {saved}"
