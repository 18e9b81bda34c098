"""One exit code for "read, but some entries refused": `import` and `restore` both give 3
(`SOME_REFUSED`), name each refused entry on stderr, and take the others. Run as a real
process, as scripts see it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from postinterview.cli import build_parser
from postinterview.commands.completion import subcommands_of
from postinterview.commands.output import SOME_REFUSED
from postinterview.storage.paths import applications_dir
from postinterview.storage.store import ApplicationStore
from tests.conftest import sample_application


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "POSTINTERVIEW_DATA_DIR"}
    environment["POSTINTERVIEW_NOW"] = "2026-11-20T15:30:00+00:00"
    return subprocess.run(
        [sys.executable, "-m", "postinterview", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )


@pytest.fixture
def backup(tmp_path: Path) -> Path:
    """A backup of three applications, made by `export --format json`."""
    source = ApplicationStore(tmp_path / "source")
    for company in ("Acme", "Globex", "Initech"):
        source.create(sample_application(company, "Engineer"))
    target = tmp_path / "backup.json"
    done = run(source.root, "export", "--format", "json", "-o", str(target))
    assert done.returncode == 0, done.stderr
    return target


def test_restore_exits_0_when_every_entry_is_taken(backup: Path, tmp_path: Path) -> None:
    done = run(tmp_path / "here", "restore", str(backup))
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("Restored 3,")
    again = run(tmp_path / "here", "restore", str(backup))  # all already here: nothing refused
    assert again.returncode == 0 and "skipped 3 already here" in again.stdout


def test_restore_exits_3_naming_each_refused_entry_and_restores_the_rest(
    backup: Path, tmp_path: Path
) -> None:
    document = json.loads(backup.read_text(encoding="utf-8"))
    entries = document["applications"]
    entries[0]["company"] = "  "
    entries[2] = "not an application"
    backup.write_text(json.dumps(document), encoding="utf-8")
    here = tmp_path / "here"

    dry = run(here, "restore", str(backup), "--dry-run")
    assert dry.returncode == SOME_REFUSED and not here.exists()

    done = run(here, "restore", str(backup))

    assert done.returncode == SOME_REFUSED == 3
    assert "Traceback" not in done.stderr
    refusals = done.stderr.splitlines()
    assert len(refusals) == 2
    assert f"application 1 ({entries[0]['id']}): not restored: company" in refusals[0]
    assert "application 3: not restored: is not an object" in refusals[1]
    assert done.stdout.endswith("refused 2.\n")
    saved = ApplicationStore(here).load_all().applications
    assert [stored.application.id for stored in saved] == [entries[1]["id"]]


def test_restore_exits_3_when_a_file_here_may_not_be_overwritten(
    backup: Path, tmp_path: Path
) -> None:
    here = tmp_path / "here"
    assert run(here, "restore", str(backup)).returncode == 0
    damaged = sorted(applications_dir(here).iterdir())[0]
    damaged.write_bytes(b'company = "cut')

    done = run(here, "import", str(backup))  # `import` of a backup restores it, with its code

    assert done.returncode == SOME_REFUSED
    (line,) = done.stderr.splitlines()
    assert damaged.stem in line and "damaged" in line and "not restored" in line
    assert damaged.read_bytes() == b'company = "cut'


@pytest.mark.parametrize("command", ["import", "restore"])
def test_the_help_of_each_command_that_takes_entries_names_exit_code_3(command: str) -> None:
    help_text = " ".join(subcommands_of(build_parser())[command].format_help().split())
    assert "3 when" in help_text


def test_the_top_level_help_lists_the_exit_codes() -> None:
    help_text = " ".join(build_parser().format_help().split())
    assert f"{SOME_REFUSED} some entries taken and some refused (import, restore" in help_text
