"""`postinterview info`: where postinterview keeps its files, and whether each is there yet."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from postinterview import __version__
from postinterview.commands.data_folder import folder_problem
from postinterview.commands.output import fail, json_text
from postinterview.formatting import shown
from postinterview.storage.paths import history_root, settings_path

HELP = """\
One line each: the data folder, the settings file, the history folder (earlier versions of
each application) and the version. Nothing is created or changed. Exit code 0, or 1 when
the data folder cannot be used (a file, a link that leads nowhere, a folder that cannot be
read): the lines are still printed, and stderr says what is wrong in one line (--json: in
data_folder.problem too).
"""


def state_of(path: Path, folder: bool) -> str:
    """ "exists", "not there yet", or what is wrong with it (a file where a folder should be)."""
    if folder and path.is_dir() or not folder and path.is_file():
        return "exists"
    if path.exists():
        return "is a file, not a folder" if folder else "is not a file"
    return "not there yet"


def path_text(path: Path) -> str:
    """`path` on one line: shown (never obeyed), its line breaks and tabs as visible marks."""
    return shown(str(path)).replace("\n", "\u2424").replace("\r", "\u240d").replace("\t", "\u2409")


def run_info(data_dir: Path, as_json: bool, out: TextIO) -> int:
    """Print the paths postinterview uses for `data_dir`; read-only."""
    places = (
        ("data folder", data_dir, True),
        ("settings file", settings_path(data_dir), False),
        ("history folder", history_root(data_dir), True),
    )
    problem = folder_problem(data_dir)
    if as_json:
        data: dict[str, object] = {}
        for key, path, folder in places:
            place: dict[str, object] = {
                "path": str(path),
                "exists": state_of(path, folder) == "exists",
            }
            if problem and path == data_dir:
                place["problem"] = problem
            data[key.replace(" ", "_")] = place
        data["version"] = __version__
        out.write(json_text(data) + "\n")
    else:
        for key, path, folder in places:
            state = problem if problem and path == data_dir else state_of(path, folder)
            out.write(f"{key.capitalize() + ':':16}{path_text(path)} ({state})\n")
        out.write(f"{'Version:':16}{__version__}\n")
    return fail(f"the data folder {data_dir} {problem}") if problem else 0
