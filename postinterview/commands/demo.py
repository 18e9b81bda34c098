"""`postinterview demo`: the app on a fresh temporary folder filled with sample data."""

from __future__ import annotations

import shlex
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TextIO

from postinterview.commands.output import fail
from postinterview.demo import demo_applications
from postinterview.storage.store import ApplicationStore, StoreError

DEMO_PREFIX = "postinterview-demo-"


class FolderInUse(Exception):
    """The folder asked for already holds something; the message says what, for people."""


def make_demo_folder(now: datetime, root: Path | None = None) -> ApplicationStore:
    """The sample applications in `root` (made if missing; refused with FolderInUse unless
    empty), or, when None, in a new folder in the system's temporary folder."""
    if root is None:
        root = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX))
    elif root.exists() and not root.is_dir():
        raise FolderInUse(f"{root} is a file, not a folder")
    elif root.exists() and any(root.iterdir()):
        raise FolderInUse(f"{root} is not empty: demo data goes only into a new or empty folder")
    else:
        root.mkdir(parents=True, exist_ok=True)
    store = ApplicationStore(root)
    for application in demo_applications(now.astimezone()):
        store.create(application)
    return store


def run_demo(
    now: datetime,
    open_app: Callable[[ApplicationStore], int] | None,
    out: TextIO,
    root: Path | None = None,
) -> int:
    """Create the demo folder (`root`, which must be new or empty, or a new temporary one),
    say where it is, and open the app on it (unless `open_app` is None). Your own data folder
    is touched only when given as `root`, and only when empty."""
    try:
        store = make_demo_folder(now, root)
    except FolderInUse as error:
        return fail(str(error))
    except (OSError, StoreError) as error:
        return fail(f"could not create the demo folder: {error}")
    count = len(store.files())
    out.write(f"Demo data: {count} sample applications in {store.root}\n")
    out.flush()
    if open_app is None:
        return 0
    code = open_app(store)
    out.write(
        f"The demo folder stays until you delete it: {store.root}\n"
        f"Open it again with: postinterview --data-dir {shlex.quote(str(store.root))}\n"
    )
    return code
