"""Issue #14's folder: the 80 KB dotted key, a 20 MB file, deep nesting and a file with a
byte-order mark next to good applications. The list and the board show the good ones, each bad
one is reported with its reason and left as it was, a large file never holds back the other
cards, and the byte-order mark survives a save."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList, Static

from postinterview.domain.limits import NOTE_LIMIT
from postinterview.storage.atomic import ensure_private_dir
from postinterview.storage.codec import encode_application
from postinterview.storage.settings_store import CannotSaveSettings, load_settings, save_table
from postinterview.storage.store import ApplicationStore
from postinterview.storage.toml_guard import BOM
from postinterview.ui.screens.board import BoardScreen
from postinterview.ui.screens.problems import ProblemsScreen
from tests.cli_tools import cli
from tests.conftest import FIXED_NOW, sample_application
from tests.pilot_tools import make_app, settle
from tests.pipeline import pipeline, seed_pipeline

BAD = {
    "dotted-abc123.toml": "a key with 40,001 parts",
    "huge-abc123.toml": "the file is 20.0 MiB",
    "deep-abc123.toml": "nested more than 10 deep",
}
BOM_ID = "windows-edit-abc123"
LONG_ID = "long-notes-abc123"


def hostile_folder(data_dir: Path) -> tuple[ApplicationStore, dict[str, bytes]]:
    """The issue's folder, and the bytes each bad file had."""
    store = seed_pipeline(data_dir)
    folder = store.folder
    head = b'schema_version = 2\ncompany = "Evil"\nrole = "Dev"\nstage = "applied"\n'
    bad = {
        "dotted-abc123.toml": head + b"a" + b".a" * 40_000 + b" = 1\n[file_end]\n",
        "huge-abc123.toml": head + b"# " + b"x" * (20 * 1_048_576) + b"\n[file_end]\n",
        "deep-abc123.toml": head + b"x = " + b"[" * 50_000 + b"]" * 50_000 + b"\n[file_end]\n",
    }
    for name, raw in bad.items():
        (folder / name).write_bytes(raw)
    hand_edited = encode_application(sample_application("Windows Co")).replace(
        b"\nrole =", b"\n# typed in Notepad\nrole ="
    )
    (folder / f"{BOM_ID}.toml").write_bytes(BOM + hand_edited.replace(b"\n", b"\r\n"))
    evening = ("A long evening. " * 6_250)[:NOTE_LIMIT]  # each note as long as allowed
    long_notes = sample_application("Long Notes Ltd").revised(
        notes=evening,
        contact_log=[{"at": FIXED_NOW, "note": evening} for _ in range(3)],
    )
    (folder / f"{LONG_ID}.toml").write_bytes(encode_application(long_notes))  # 400 KB
    ensure_private_dir(data_dir)
    (data_dir / "settings.toml").write_bytes(BOM + b"[follow_up]\nquiet_after_days = 30\n")
    return store, bad


def test_the_list_shows_the_good_applications_and_each_bad_file_with_its_reason(
    data_dir: Path, capsys: pytest.CaptureFixture[str], fixed_now_env: None
) -> None:
    _, bad = hostile_folder(data_dir)
    code, out, err = cli(capsys, "--data-dir", str(data_dir), "list")
    assert code == 0
    for company in [a.company for a in pipeline()] + ["Windows Co", "Long Notes Ltd"]:
        assert company in out
    assert "Evil" not in out
    for name, reason in BAD.items():
        [line] = [line for line in err.splitlines() if name in line]
        assert reason in line
    for name, raw in bad.items():  # reported, never touched
        assert (data_dir / "applications" / name).read_bytes() == raw


def hold_back_the_full_read(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The read that includes the long file waits until the event returned is set."""
    release = threading.Event()
    real_load_all = ApplicationStore.load_all

    def held_back(self: ApplicationStore, progress: Any = None, paths: Any = None) -> Any:
        files = self.files() if paths is None else paths
        if any(path.stem == LONG_ID for path in files):
            release.wait(10)
        return real_load_all(self, progress, paths)

    monkeypatch.setattr(ApplicationStore, "load_all", held_back)
    return release


async def test_the_board_shows_the_good_cards_before_a_large_file_is_read_and_says_why_the_bad_ones_are_not_there(  # noqa: E501
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile_folder(data_dir)
    release = hold_back_the_full_read(monkeypatch)
    good = {a.id for a in pipeline()} | {BOM_ID}
    async with make_app(data_dir, "board").run_test(size=(150, 45)) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, BoardScreen)
        for _ in range(300):  # the early read: every file but the large one
            await pilot.pause(0.01)
            if screen.cards:
                break
        assert set(screen.cards) == good and not screen.loaded
        release.set()
        await settle(pilot)
        assert set(screen.cards) == good | {LONG_ID} and screen.loaded
        banner = screen.query_one("#problems-banner", Static)
        assert "3 files could not be read" in str(banner.render())
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ProblemsScreen)
        options = pilot.app.screen.query_one(OptionList)
        listed = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        for name, reason in BAD.items():
            assert any(name in text and reason in text for text in listed), name
        assert pilot.app.workspace.settings.settings.follow_up.quiet_after_days == 30


def test_a_save_keeps_a_byte_order_mark_and_the_comments_after_it(data_dir: Path) -> None:
    store, _ = hostile_folder(data_dir)
    stored = store.load(BOM_ID)
    store.update(BOM_ID, lambda a: a.revised(notes="Called back."), stored.revision)
    raw = store.path_for(BOM_ID).read_bytes()
    assert raw.startswith(BOM) and raw.count(BOM) == 1
    assert b"# typed in Notepad" in raw
    assert store.load(BOM_ID).application.notes == "Called back."
    store.update(BOM_ID, lambda a: a.revised(notes="Twice."), None)  # and again
    assert store.path_for(BOM_ID).read_bytes().startswith(BOM)


def test_a_byte_order_mark_in_settings_is_read_and_kept_when_a_table_is_saved(
    data_dir: Path,
) -> None:
    hostile_folder(data_dir)
    loaded = load_settings(data_dir)
    assert loaded.problems == [] and loaded.settings.follow_up.quiet_after_days == 30
    save_table(data_dir, "you", {"name": "Sam"})
    raw = (data_dir / "settings.toml").read_bytes()
    assert raw.startswith(BOM) and raw.count(BOM) == 1 and b"quiet_after_days = 30" in raw
    again = load_settings(data_dir)
    assert again.problems == [] and again.settings.you is not None
    assert again.settings.you.name == "Sam"


def test_a_hostile_kept_version_is_passed_over_by_the_restore_with_its_reason(
    data_dir: Path,
) -> None:
    """history/ is read by the restore and the history screen: the same check applies."""
    from postinterview.storage import history, recovery
    from postinterview.storage.store import FileIsDamaged

    store = ApplicationStore(data_dir)
    stored = store.create(sample_application())
    app_id = stored.application.id
    good = history.newest(data_dir, app_id)
    assert good is not None
    folder = good.path.parent
    hostile = folder / f"29991231T000000000000Z-{'f' * 12}.toml"
    hostile.write_bytes(b"a" + b".a" * 40_000 + b" = 1\n")
    with pytest.raises(FileIsDamaged, match="a key with 40,001 parts"):
        recovery.read_version(hostile, app_id)
    found = recovery.last_good_version(store, app_id)
    assert found is not None and found.path == good.path


def test_a_hostile_settings_file_means_the_defaults_and_a_reason(data_dir: Path) -> None:
    ensure_private_dir(data_dir)
    path = data_dir / "settings.toml"
    path.write_bytes(b"[follow_up]\nx = " + b"{a=" * 5_000 + b"1" + b"}" * 5_000 + b"\n")
    loaded = load_settings(data_dir)
    [problem] = loaded.problems
    assert "line 2: lists or tables nested more than 10 deep" in problem
    assert "The default settings are used" in problem
    with pytest.raises(CannotSaveSettings, match="nested more than 10 deep.*left as it is"):
        save_table(data_dir, "you", {"name": "Sam"})
    assert path.read_bytes().startswith(b"[follow_up]\nx = {a={a=")
