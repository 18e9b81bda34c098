"""The random-key driver: seeded key sequences through every screen, at any size and speed.

A run is one app on one folder at one size, fed `count` steps drawn from a seeded random
generator: navigation keys, every screen's own keys, text typed key by key or in a burst (as a
paste arrives: the app gets no moment between keys), escapes, enter, and now and then a jump
straight to a screen (Today, board, list, review, detail, interview, signals, checklist,
forms, help, palette, history, deleted, problems…) so every screen is reached, not only those
a random walk stumbles on. The same seed gives the same steps, so a crash can be replayed.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import tomllib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.screen import ModalScreen

from postinterview.app import PostInterviewApp
from postinterview.demo import demo_applications
from postinterview.storage.settings_store import load_settings
from postinterview.storage.store import ApplicationStore
from postinterview.ui import navigation
from postinterview.ui.screens.signals import SignalsScreen
from tests.conftest import FIXED_NOW
from tests.pilot_tools import KEY_NAMES, make_app, settle

SIZES = [(160, 48), (80, 24), (60, 20), (45, 15), (40, 12)]
FOLDERS = ("demo", "empty")

NAVIGATION = (
    "up down left right pageup pagedown home end tab shift+tab h j k l "
    "ctrl+up ctrl+down left_square_bracket right_square_bracket ctrl+home ctrl+end"
).split()
SCREEN_KEYS = (
    "enter space escape t b a w i I f2 question_mark f1 ctrl+p n e s d D p r c m z x f y H "
    "u U ctrl+z slash less_than_sign greater_than_sign shift+left shift+right ctrl+n ctrl+b "
    "ctrl+s ctrl+o ctrl+t ctrl+g ctrl+y ctrl+c backspace delete q o 1 2 3"
).split()
"""Every screen's own keys (ctrl+q is left out: it ends the run; quitting is tested apart)."""
TEXT = "abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789 -:./+ éü€ 漢字 [b]x[/b] @,;'\""
WEIGHTS = {
    "navigate": 30,
    "screen key": 35,
    "type": 6,
    "text": 12,
    "escape": 6,
    "enter": 6,
    "resize": 2,
}
RESIZES = [*SIZES, (30, 20), (200, 60)]
"""A window dragged to another size mid-run (30x20 from the issue, below the 40x12 aimed at)."""
JUMP_WEIGHT = 5


@dataclass
class Run:
    """One run: what it was fed, and what went wrong (nothing, we hope)."""

    seed: int
    size: tuple[int, int]
    folder: str
    count: int
    steps: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    keys: int = 0
    """Key events sent so far (a step sends one or more)."""
    quits: int = 0

    @property
    def replay(self) -> str:
        width, height = self.size
        return f"{self.seed}:{width}x{height}:{self.folder}:{self.count}"

    def report(self) -> str:
        tail = " ".join(self.steps[-40:])
        return (
            f"random keys: {'; '.join(self.errors)}\n"
            f"  replay with: pytest tests/test_random_keys.py --random-keys-replay={self.replay}\n"
            f"  last steps: {tail}"
        )


DAMAGED = "half-written-demo99.toml"
"""In the demo folder, one file that was already damaged (for the problems screen)."""


def fill(folder: str, root: Path) -> Path:
    """The data folder of a run: the demo's twelve applications and one damaged file, or
    nothing at all."""
    shutil.rmtree(root, ignore_errors=True)
    store = ApplicationStore(root)
    if folder == "demo":
        for application in demo_applications(FIXED_NOW):
            store.create(application)
        (store.folder / DAMAGED).write_text('schema_version = 1\ncompany = "Half', "utf-8")
    return root


def unreadable(root: Path) -> dict[str, str]:
    """Every file in the folder that does not load, by a digest of its bytes (a damaged file
    moved aside is the same damage): application files through the store, the settings, and
    every other TOML file (history, drafts) as TOML."""
    found = {
        _digest(problem.path): f"{problem.path.name}: {problem.message}"
        for problem in ApplicationStore(root).load_all().problems
    }
    found.update({f"settings: {problem}": problem for problem in load_settings(root).problems})
    for path in sorted(root.rglob("*.toml")):
        try:
            tomllib.loads(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            found[_digest(path)] = f"{path.relative_to(root)}: {error}"
    return found


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return f"unreadable {path}"


def key_name(char: str) -> str:
    if char.isascii() and (char.isalnum() or char in KEY_NAMES):
        return KEY_NAMES.get(char, char)
    return {"[": "left_square_bracket", "]": "right_square_bracket", "@": "at"}.get(char, char)


async def send_keys(pilot: Pilot[None], keys: list[str]) -> None:
    """Keys all at once, as a paste or a fast typist sends them: the app gets no moment
    between two keys to finish what the first one started."""
    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        char = key if len(key) == 1 else {"space": " "}.get(key)
        event = events.Key(key, char)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await pilot.pause()


Jump = Callable[[PostInterviewApp, random.Random], Awaitable[None]]


async def _to_base(app: PostInterviewApp) -> None:
    """Close every screen above the mode's own (as escapes would, but without asking)."""
    while len(app.screen_stack) > 1:
        await app.pop_screen()


def _some_interview(app: PostInterviewApp, rng: random.Random) -> tuple[str, str] | None:
    pairs = [
        (stored.application.id, interview.id)
        for stored in app.workspace.records.values()
        for interview in stored.application.interviews
    ]
    return rng.choice(pairs) if pairs else None


def _some_app(app: PostInterviewApp, rng: random.Random) -> str | None:
    ids = sorted(app.workspace.records)
    return rng.choice(ids) if ids else None


async def _mode(app: PostInterviewApp, rng: random.Random) -> None:
    await app.switch_mode(rng.choice(navigation.MODES))


async def _screen_action(app: PostInterviewApp, rng: random.Random) -> None:
    await _mode(app, rng)
    await app.screen.run_action(rng.choice(["add", "edit", "move", "delete", "problems"]))


async def _app_action(app: PostInterviewApp, rng: random.Random) -> None:
    actions = ["weekly_review", "help", "command_palette", "new_interview", "schedule_interview"]
    await app.run_action(rng.choice(actions))


async def _detail(app: PostInterviewApp, rng: random.Random) -> None:
    if (app_id := _some_app(app, rng)) is not None:
        navigation.open_application(app, app.workspace, app_id)


async def _history(app: PostInterviewApp, rng: random.Random) -> None:
    if (app_id := _some_app(app, rng)) is not None:
        navigation.open_history(app, app.workspace, app_id)


async def _deleted(app: PostInterviewApp, rng: random.Random) -> None:
    navigation.open_deleted(app, app.workspace)


async def _interview(app: PostInterviewApp, rng: random.Random) -> None:
    if (pair := _some_interview(app, rng)) is not None:
        step = rng.choice(["facts", "reflection", "checklist"])
        navigation.open_interview(app, app.workspace, *pair, step)


async def _signals(app: PostInterviewApp, rng: random.Random) -> None:
    if (pair := _some_interview(app, rng)) is not None:
        await app.push_screen(SignalsScreen(app.workspace, *pair))


JUMPS: list[Jump] = [
    _mode,
    _screen_action,
    _app_action,
    _detail,
    _history,
    _deleted,
    _interview,
    _signals,
]


def _stopped(app: PostInterviewApp) -> bool:
    return app._exception is not None or app.return_code is not None


async def _step(pilot: Pilot[None], run: Run, rng: random.Random, jumps_only: bool) -> None:
    app = pilot.app
    assert isinstance(app, PostInterviewApp)
    if jumps_only or rng.randrange(100) < JUMP_WEIGHT:
        jump = rng.choice(JUMPS)
        run.steps.append(f"<{jump.__name__.strip('_')}>")
        if rng.random() < 0.5 or isinstance(app.screen, ModalScreen):
            await _to_base(app)
        await jump(app, rng)
        await pilot.pause()
        run.keys += 1  # a jump counts as a key: it stands for the keys that lead there
        return
    kind = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    if kind == "resize":
        width, height = rng.choice(RESIZES)
        run.steps.append(f"<resize {width}x{height}>")
        await pilot.resize_terminal(width, height)
        return
    if kind == "navigate":
        keys = [rng.choice(NAVIGATION) for _ in range(rng.randint(1, 4))]
    elif kind == "screen key":
        keys = [rng.choice(SCREEN_KEYS)]
    elif kind == "escape":
        keys = ["escape"] * rng.randint(1, 3)
    elif kind == "enter":
        keys = ["enter"]
    else:
        text = "".join(rng.choice(TEXT) for _ in range(rng.randint(1, 30)))
        keys = [key_name(char) for char in text]
    # Mostly at full speed; one step in four key by key, each key handled before the next.
    one_by_one = kind == "type" or rng.random() < 0.25
    run.steps.append(("" if one_by_one else "burst:") + " ".join(keys))
    run.keys += len(keys)
    if one_by_one:
        await pilot.press(*keys)
    else:
        await send_keys(pilot, keys)


async def drive(
    run: Run, root: Path, jumps_only: bool = False, seen: set[str] | None = None
) -> Run:
    """Feed the app `run.count` keys on the folder at `root`; a quit (the palette offers
    one) starts the app again on the same folder. Errors are gathered in `run.errors`; the
    name of each screen shown after a step, in `seen` if given."""
    rng = random.Random(run.seed)
    before = unreadable(root)
    while run.keys < run.count and not run.errors:
        app = make_app(root, rng.choice([*navigation.MODES, None]))
        # The palette's "screenshot" would write an SVG to the Downloads folder.
        app.deliver_screenshot = lambda *_, **__: None  # type: ignore[method-assign]
        stopped = False
        try:
            async with app.run_test(size=run.size) as pilot:
                await settle(pilot)
                while run.keys < run.count and not (stopped := _stopped(app)):
                    await _step(pilot, run, rng, jumps_only)
                    if seen is not None:
                        seen.add(type(app.screen).__name__)
                await settle(pilot)
                stopped = stopped or _stopped(app)
        except Exception as error:  # the crash itself, re-raised as the test app closes
            run.errors.append(f"{type(error).__name__}: {error}")
        if run.errors:
            break
        if app._exception is not None:
            run.errors.append(f"{type(app._exception).__name__}: {app._exception}")
        elif stopped and app.return_code not in (None, 0):
            run.errors.append(f"the app exited with code {app.return_code}")
        elif stopped:
            run.quits += 1
            run.steps.append("<quit: started again>")
    after = unreadable(root)
    damaged = sorted(after[key] for key in set(after) - set(before))
    if damaged:
        run.errors.append(f"files no longer load: {damaged}")
    return run
