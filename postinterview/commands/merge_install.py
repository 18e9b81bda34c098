"""`postinterview merge-driver --install`: a git repository set up to merge application files
with the driver (`commands.merge_driver`): the `.gitattributes` line, which is committed, and
the driver in the repository's config, which every clone needs once (git does not copy it)."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from postinterview.commands.output import PROG, fail
from postinterview.storage.atomic import write_atomic

DRIVER_NAME = "postinterview"
"""The name in `.gitattributes` (`merge=postinterview`) and in git's config."""
ATTRIBUTES_LINE = f"applications/*.toml merge={DRIVER_NAME}"
DRIVER_ARGUMENTS = "merge-driver %O %A %B %P"


def install(folder: Path) -> int:
    """Set up the git repository holding `folder` to merge its application files with this
    driver: the `.gitattributes` line in `folder`, the driver in the repository's config."""
    try:
        inside = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--is-inside-work-tree"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return fail("git could not be run: install git first")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        return fail(f"{folder} is not in a git repository: run `git init` there first")
    attributes = folder / ".gitattributes"
    try:
        text = attributes.read_text("utf-8") if attributes.exists() else ""
        if ATTRIBUTES_LINE not in text.splitlines():
            joiner = "" if not text or text.endswith("\n") else "\n"
            write_atomic(attributes, f"{text}{joiner}{ATTRIBUTES_LINE}\n".encode())
    except (OSError, UnicodeDecodeError) as error:
        return fail(f"cannot update {attributes}: {error}")
    settings = {
        f"merge.{DRIVER_NAME}.name": "postinterview: merge application files field by field",
        f"merge.{DRIVER_NAME}.driver": f"{driver_command()} {DRIVER_ARGUMENTS}",
    }
    for key, value in settings.items():
        done = subprocess.run(
            ["git", "-C", str(folder), "config", key, value], capture_output=True, check=False
        )
        if done.returncode != 0:
            return fail(f"git config {key} failed: {done.stderr.decode(errors='replace')}")
    print(
        f"{attributes} names the driver (commit it); this clone's git config runs "
        f"`{settings[f'merge.{DRIVER_NAME}.driver']}`. Run --install once in every other clone."
    )
    return 0


def driver_command() -> str:
    """How git should start this postinterview: by name when that is what runs now."""
    script = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] else None
    on_path = shutil.which(PROG)
    if script is not None and script.name == PROG:
        if on_path is not None and Path(on_path).resolve() == script:
            return PROG
        return shlex.quote(str(script))
    return f"{shlex.quote(sys.executable)} -m postinterview"
