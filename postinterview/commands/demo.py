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


def make_demo_folder(now: datetime) -> ApplicationStore:
    """A new folder in the system's temporary folder, holding the sample applications."""
    root = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX))
    store = ApplicationStore(root)
    for application in demo_applications(now.astimezone()):
        store.create(application)
    return store


def run_demo(now: datetime, open_app: Callable[[ApplicationStore], int] | None, out: TextIO) -> int:
    """Create the demo folder, say where it is, and open the app on it (unless `open_app` is
    None). Your own data folder is never touched."""
    try:
        store = make_demo_folder(now)
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
