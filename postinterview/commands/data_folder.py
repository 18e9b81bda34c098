"""Whether the data folder can be used at all, said in one line before a command reads it:
a file where the folder should be, a link that leads nowhere, a folder that cannot be read.
(A folder that is not there yet is fine: the first save makes it.)"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from postinterview.storage.paths import applications_dir


def folder_problem(root: Path) -> str | None:
    """What is wrong with `root` as the data folder, as words that follow its name ("is a
    file, not a folder"), or None when it is a readable folder or not there yet. Its
    applications folder is checked the same way, since every command that reads reads it."""
    if problem := _problem(root):
        return problem
    if problem := _problem(applications_dir(root)):
        return f"has an applications folder that {problem}"
    return None


def _problem(path: Path) -> str | None:
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None  # not there yet
    except NotADirectoryError:
        return "cannot be made: a part of its path is a file, not a folder"
    except OSError as error:
        return f"cannot be reached ({_reason(error)})"
    if stat.S_ISLNK(mode):
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            return (
                f"is a link to {os.readlink(path)}, which is not there (is the folder it"
                " leads to, a sync folder or a drive, there?)"
            )
        except OSError as error:
            if error.errno == errno.ELOOP:
                return "is a link that leads round in a loop"
            return f"is a link that cannot be followed ({_reason(error)})"
    if not stat.S_ISDIR(mode):
        return "is a file, not a folder"
    try:
        with os.scandir(path) as listing:
            next(listing, None)
    except OSError as error:
        return f"cannot be read ({_reason(error)})"
    return None


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()
