"""Writing one table of settings.toml (how drafts are signed) without disturbing the rest."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from postinterview.storage import paths
from postinterview.storage.settings_store import CannotSaveSettings, load_settings, save_table
from postinterview.storage.store import ApplicationStore
from postinterview.workspace import Change, Workspace
from tests.conftest import FIXED_NOW

YOU = {"name": "Sam Lee", "sign_off": "Best wishes"}

HAND_WRITTEN = """# My settings, written by hand.

[signal_weights]
ran_long = 2   # it mattered last time

[you]
# how my drafts end
name = "Old Name"
nickname = "Sammy"

[follow_up]
quiet_after_days = 10
"""


def read(root: Path) -> str:
    return paths.settings_path(root).read_text("utf-8")


def test_a_new_file_holds_only_the_table(tmp_path: Path) -> None:
    root = tmp_path / "data"
    path = save_table(root, "you", YOU)
    assert path == paths.settings_path(root)
    assert tomllib.loads(read(root)) == {"you": YOU}
    assert path.stat().st_mode & 0o777 == 0o600
    you = load_settings(root).settings.you
    assert you is not None and (you.name, you.sign_off) == ("Sam Lee", "Best wishes")


def test_the_rest_of_the_file_and_its_comments_stay_as_written(tmp_path: Path) -> None:
    paths.settings_path(tmp_path).write_text(HAND_WRITTEN, "utf-8")
    save_table(tmp_path, "you", YOU)
    text = read(tmp_path)
    for kept in ("# My settings, written by hand.", "ran_long = 2   # it mattered last time"):
        assert kept in text
    assert "# how my drafts end" in text and 'nickname = "Sammy"' in text
    assert 'name = "Old Name"' not in text
    data = tomllib.loads(text)
    assert data["you"] == {**YOU, "nickname": "Sammy"}
    assert data["signal_weights"] == {"ran_long": 2}
    assert data["follow_up"] == {"quiet_after_days": 10}
    assert (
        text.replace('name = "Sam Lee"\n', 'name = "Old Name"\n').replace(
            'sign_off = "Best wishes"\n', ""
        )
        == HAND_WRITTEN
    )


def test_a_file_without_the_table_gets_it_at_the_end(tmp_path: Path) -> None:
    original = "[follow_up]\nquiet_after_days = 10 # two weeks is too long"
    paths.settings_path(tmp_path).write_text(original, "utf-8")
    save_table(tmp_path, "you", {"name": 'Zoë "Z" O\'Neil', "sign_off": "Cheers"})
    text = read(tmp_path)
    assert text.startswith(original + "\n\n[you]\n")
    assert tomllib.loads(text)["you"] == {"name": 'Zoë "Z" O\'Neil', "sign_off": "Cheers"}


def test_a_table_written_as_dotted_keys_is_rewritten_keeping_every_setting(
    tmp_path: Path,
) -> None:
    paths.settings_path(tmp_path).write_text(
        'you.name = "Old"\n[follow_up]\nactive_target = 3\n', "utf-8"
    )
    save_table(tmp_path, "you", YOU)
    assert tomllib.loads(read(tmp_path)) == {"you": YOU, "follow_up": {"active_target": 3}}


@pytest.mark.parametrize(
    "content",
    [b'name = "unterminated\n', b"\xff\xfe not text", b"you = 3\n"],
    ids=["not-toml", "not-utf8", "not-a-table"],
)
def test_a_file_that_cannot_be_read_is_never_overwritten(tmp_path: Path, content: bytes) -> None:
    path = paths.settings_path(tmp_path)
    path.write_bytes(content)
    with pytest.raises(CannotSaveSettings, match="left as it is"):
        save_table(tmp_path, "you", YOU)
    assert path.read_bytes() == content
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left behind


def test_a_folder_in_the_way_is_reported(tmp_path: Path) -> None:
    paths.settings_path(tmp_path).mkdir()
    with pytest.raises(CannotSaveSettings, match="cannot be read"):
        save_table(tmp_path, "you", YOU)


def test_the_workspace_saves_it_and_takes_it_in_at_once(tmp_path: Path) -> None:
    paths.settings_path(tmp_path).write_text(HAND_WRITTEN, "utf-8")
    workspace = Workspace(ApplicationStore(tmp_path), clock=lambda: FIXED_NOW)
    workspace.apply(workspace.read_all())
    changes: list[Change] = []
    workspace.subscribe(changes.append)
    assert workspace.save_you(" Sam Lee ", "Best wishes") == ""
    you = workspace.settings.settings.you
    assert you is not None and you.name == "Sam Lee"
    assert workspace.settings.settings.follow_up.quiet_after_days == 10
    assert changes and changes[-1].everything
    assert workspace.scan().settings is None  # its own write is not news to the poller


def test_the_workspace_says_why_it_could_not_save(tmp_path: Path) -> None:
    paths.settings_path(tmp_path).write_text("[you\n", "utf-8")
    workspace = Workspace(ApplicationStore(tmp_path), clock=lambda: FIXED_NOW)
    problem = workspace.save_you("Sam", "Kind regards")
    assert "not valid TOML" in problem and "left as it is" in problem
    assert read(tmp_path) == "[you\n"
