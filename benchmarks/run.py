"""Every figure of issue #7 in one run: start-up against a bare Textual app and a peer, saves,
card moves and memory, at several sizes. Prints Markdown tables; --write puts them in
BENCHMARKS.md (between the markers `<!-- run.py:begin -->` and `<!-- run.py:end -->`).

    .venv/bin/python benchmarks/run.py [--sizes 0 100 1000 10000] [--quick] [--write]

For each size it builds a data folder with `store_bench.build` and measures:
- start-up to first cards, headless: wall time from spawning a fresh `python -c` that imports
  the app and drives `App.run_test` until a BoardColumn lists a card (with no applications:
  until loading is done) and prints a marker line; the parent times until it reads the line;
- the same in a real terminal: from `tmux new-session` (a fixed 160x45 window running the
  `postinterview` command) until `tmux capture-pane`, polled every 10 ms, shows a company name;
- the floor: a bare Textual app with one Static, both ways, until its text is there;
- the peer: kanban-tui (0.21.2, in its own virtual environment, /tmp/peer-venv by default,
  created with pip if missing), its SQLite database seeded with one task per application
  (title: the company, description: role and notes) in one column per stage, the closed
  stages hidden as on our board, five columns in view; its HOME and XDG folders are
  temporary, so no real configuration is touched. Both ways, until a company name shows;
- load_all time, peak Python memory during load_all (tracemalloc), and the peak resident
  memory (VmHWM) of each headless child, which loads every card before it exits;
- card moves at 1,000 and 10,000: headless (`board_bench.drive`: shift+right/left until the
  card is saved and shown in its new column) and in tmux (`send-keys` until a column title's
  count changes on the screen), each with a `j` press, which is what the way of measuring
  costs by itself;
- one durable save (`store_bench.median_save`), last, since it adds an application.
Start-up figures are medians of 3 runs, interleaved (floor, postinterview, peer, repeat) so
that a busy machine slows all three alike; ratios are to the floor of the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import board_bench  # noqa: E402
import store_bench  # noqa: E402
import textual  # noqa: E402

from postinterview.domain.stages import CLOSED_STAGES, STAGE_ORDER  # noqa: E402
from postinterview.storage.store import ApplicationStore  # noqa: E402

WIDTH, HEIGHT = 160, 45
PEER_PACKAGE = "kanban-tui==0.21.2"
BEGIN, END = "<!-- run.py:begin -->", "<!-- run.py:end -->"
COMPANY = re.compile(r"\b(?:" + "|".join(store_bench.COMPANIES) + r") \d+\b")
EMPTY_BOARD_TEXT = "No applications yet"
"""What our board says with no applications (the 0 row waits for it)."""
PEER_EMPTY_TEXT = "Screening"
"""A column title of the peer's board (its 0 row waits for it)."""
LOADED_TEXT = " active  ·  "
"""In our board's status line once every card is loaded."""
COLUMN_TITLE = re.compile(r"[A-Z][a-z]+(?: [a-z]+)* \(\d[\d,]*\)")
"""A column title with its count, as in 'Screening (238)'."""
FLOOR_TEXT = "Bare Textual floor"
READY = "READY"

# Children ----------------------------------------------------------------------------------------
# Each starts with a timestamp, prints `READY <seconds since that stamp>` once the first card is
# there, then waits until everything is loaded (so its peak memory covers every card) and exits.

PEAK = """
with open("/proc/self/status") as status:  # VmHWM: this process's own peak, unlike ru_maxrss
    print("PEAK", next(line.split()[1] for line in status if line.startswith("VmHWM")))
"""
"""Ends each headless child: a forked child's ru_maxrss starts at its parent's resident size."""

POSTINTERVIEW_CHILD = f"""
import time
T0 = time.perf_counter()
import asyncio, sys
from pathlib import Path
from postinterview.app import PostInterviewApp
from postinterview.storage.store import ApplicationStore
from postinterview.workspace import Workspace
from postinterview.ui.widgets.board_column import BoardColumn

async def main(folder, expect_cards):
    app = PostInterviewApp(Workspace(ApplicationStore(Path(folder))), "board")
    async with app.run_test(size=({WIDTH}, {HEIGHT})) as pilot:
        def ready():
            if expect_cards:
                return any(column.card_ids for column in app.screen.query(BoardColumn))
            return bool(getattr(app.screen, "loaded", False))
        while not ready():
            await asyncio.sleep(0.002)
        print("{READY}", time.perf_counter() - T0, flush=True)
        while not getattr(app.screen, "loaded", True):
            await asyncio.sleep(0.01)
        await pilot.pause()

asyncio.run(main(sys.argv[1], sys.argv[2] == "1"))
{PEAK}"""

FLOOR_CHILD = f"""
import time
T0 = time.perf_counter()
import asyncio, sys
from textual.app import App
from textual.widgets import Static

class Floor(App):
    def compose(self):
        yield Static("{FLOOR_TEXT}")

async def main():
    app = Floor()
    async with app.run_test(size=({WIDTH}, {HEIGHT})) as pilot:
        while not any(static.is_mounted for static in app.screen.query(Static)):
            await asyncio.sleep(0.002)
        print("{READY}", time.perf_counter() - T0, flush=True)
        await pilot.pause()

if sys.argv[1:] == ["terminal"]:
    Floor().run()
else:
    asyncio.run(main())
{PEAK}"""

PEER_CHILD = f"""
import time
T0 = time.perf_counter()
import asyncio, os, sys
from kanban_tui.app import KanbanTui
from kanban_tui.screens.board_screen import BoardScreen
from kanban_tui.widgets.task_card import TaskCard
from kanban_tui.widgets.task_column import Column
from textual.pilot import Pilot

# run_test waits at most 30 s for the first screen to settle; kanban-tui needs longer at 10,000.
_wait = Pilot._wait_for_screen
Pilot._wait_for_screen = lambda self, timeout=30.0: _wait(self, timeout=float(sys.argv[2]))

async def main(expect_cards):
    app = KanbanTui(
        config_path=os.environ["KANBAN_TUI_CONFIG_FILE"],
        database_path=os.environ["KANBAN_TUI_DATABASE_FILE"],
    )
    async with app.run_test(size=({WIDTH}, {HEIGHT})) as pilot:
        def ready():
            if not isinstance(app.screen, BoardScreen):
                return False
            kind = TaskCard if expect_cards else Column
            return any(widget.is_mounted for widget in app.screen.query(kind))
        while not ready():
            await asyncio.sleep(0.002)
        print("{READY}", time.perf_counter() - T0, flush=True)
        await pilot.pause()

asyncio.run(main(sys.argv[1] == "1"))
{PEAK}"""

PEER_SEED = """
import datetime, json, os, sqlite3, sys
from kanban_tui.backends.sqlite.database import create_new_board_db, init_new_db
from kanban_tui.config import Settings

spec = json.loads(open(sys.argv[1], encoding="utf-8").read())
db = os.environ["KANBAN_TUI_DATABASE_FILE"]
init_new_db(db)
board = create_new_board_db(
    name="Applications", icon=":clipboard:", column_dict=dict(spec["columns"]), database=db
)
settings = Settings()
settings.board.columns_in_view = spec["columns_in_view"]
settings.backend.sqlite_settings.database_path = db
settings.backend.sqlite_settings.active_board_id = board.board_id
settings.save(os.environ["KANBAN_TUI_CONFIG_FILE"])
con = sqlite3.connect(db)
ids = dict(con.execute("SELECT name, column_id FROM columns WHERE board_id = ?", (board.board_id,)))
now = datetime.datetime.now().replace(microsecond=0).isoformat()
positions = {}
rows = []
for title, description, column in spec["tasks"]:
    positions[column] = positions.get(column, -1) + 1
    rows.append((title, ids[column], description, now, "{}", positions[column]))
con.executemany(
    "INSERT INTO tasks (title, column, description, creation_date, metadata, position)"
    " VALUES (?, ?, ?, ?, ?, ?)",
    rows,
)
con.commit()
print(con.execute("SELECT COUNT(*) FROM tasks").fetchone()[0])
"""


class BenchError(Exception):
    """A measurement that could not be taken; the message says why."""


@dataclass
class Child:
    wall: float
    """Seconds from spawning the process until it printed READY."""
    inner: float
    """Seconds from the child's first statement until READY (without interpreter start-up)."""
    peak: float
    """Peak resident memory of the child (VmHWM), MiB."""


def run_child(
    command: list[str], env: dict[str, str] | None, timeout: float, cwd: Path = ROOT
) -> Child:
    """Spawn `command`, time it until it prints READY, wait for it, return its figures."""
    with tempfile.TemporaryFile("w+") as errors:
        began = time.perf_counter()
        proc = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=errors, text=True, cwd=cwd, env=env
        )
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        wall = inner = peak = None
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                if wall is None and line.startswith(READY):
                    wall = time.perf_counter() - began
                    inner = float(line.split()[1])
                elif line.startswith("PEAK"):
                    peak = int(line.split()[1]) / 1024
            proc.wait()
        finally:
            timer.cancel()
        if wall is None or inner is None or peak is None or proc.returncode != 0:
            errors.seek(0)
            tail = " | ".join(errors.read().strip().splitlines()[-3:])
            why = "timed out" if proc.returncode == -signal.SIGKILL else f"exit {proc.returncode}"
            raise BenchError(f"{shlex.join(command[:2])}…: {why}, no first card. {tail}".strip())
    return Child(wall, inner, peak)


class Tmux:
    """A tmux server of our own (its own socket), kept up by one idle session."""

    def __init__(self) -> None:
        if shutil.which("tmux") is None:
            raise BenchError("tmux is not installed")
        self.socket = f"postinterview-bench-{os.getpid()}"
        self.count = 0
        self._tmux("new-session", "-d", "-s", "keeper", "sleep 86400")
        self._tmux("set-option", "-g", "remain-on-exit", "on")

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check
        )

    def time_until(
        self, command: list[str], env: dict[str, str], pattern: re.Pattern[str], timeout: float
    ) -> float:
        """Seconds from starting `command` in a new window until `pattern` is on its screen."""
        self.count += 1
        name = f"run{self.count}"
        settings = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
        began = time.perf_counter()
        self._tmux(
            "new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT), *settings,
            "-c", str(ROOT), shlex.join(command),
        )  # fmt: skip
        shown = None
        polls = 0
        try:
            while shown is None:
                screen = self._tmux("capture-pane", "-p", "-t", name).stdout
                if pattern.search(screen):
                    shown = time.perf_counter() - began
                    break
                polls += 1
                elapsed = time.perf_counter() - began
                if polls % 50 == 0 or elapsed > timeout:
                    dead = self._tmux("display-message", "-p", "-t", name, "#{pane_dead}").stdout
                    if dead.strip() == "1" or elapsed > timeout:
                        last = " | ".join(screen.strip().splitlines()[-3:])
                        why = "exited" if dead.strip() == "1" else f"timed out ({timeout:.0f} s)"
                        raise BenchError(f"{command[0]} in tmux {why} before showing it. {last}")
                time.sleep(0.01)
        finally:
            self._stop(name)
        return shown

    def time_moves(self, command: list[str], moves: int, timeout: float) -> tuple[float, float]:
        """Median seconds of a card move and of a `j` press in the board `command` shows.

        Once every card is loaded (the status line counts them), each move sends shift+right
        or shift+left and times until a column title's count changes; each `j` press times
        until the screen (with its colours: only the highlight moves) changes.
        """
        self.count += 1
        name = f"moves{self.count}"
        self._tmux(
            "new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT),
            "-c", str(ROOT), shlex.join(command),
        )  # fmt: skip

        def screen(colours: bool = False) -> str:
            flags = ["-p", "-e"] if colours else ["-p"]
            return self._tmux("capture-pane", *flags, "-t", name).stdout

        def until_changed(key: str, look: Callable[[], object], wait: float) -> float | None:
            before = look()
            began = time.perf_counter()
            self._tmux("send-keys", "-t", name, key)
            while look() == before:
                if time.perf_counter() - began > wait:
                    return None
            return time.perf_counter() - began

        try:
            began = time.perf_counter()
            while LOADED_TEXT not in screen():
                if time.perf_counter() - began > timeout:
                    raise BenchError("the board did not finish loading in tmux")
                time.sleep(0.05)
            time.sleep(1.0)  # let the first paint and the footer settle

            def titles() -> list[str]:
                return COLUMN_TITLE.findall(screen())

            move_times, key_times = [], []
            for n in range(moves):
                key = "S-Right" if n % 2 == 0 else "S-Left"
                moved = until_changed(key, titles, timeout)
                if moved is None:
                    raise BenchError(f"{key} changed no column title in {timeout:.0f} s")
                move_times.append(moved)
                time.sleep(0.3)
                # On the last card of a column `j` changes nothing: such presses are not timed.
                pressed = until_changed("j", lambda: screen(colours=True), 2.0)
                if pressed is not None:
                    key_times.append(pressed)
                time.sleep(0.3)
        finally:
            self._stop(name)
        key_median = statistics.median(key_times) if key_times else float("nan")
        return statistics.median(move_times), key_median

    def _stop(self, name: str) -> None:
        pid = self._tmux("display-message", "-p", "-t", name, "#{pane_pid}", check=False).stdout
        self._tmux("kill-session", "-t", name, check=False)
        if pid.strip().isdigit():  # wait for it to go, so it does not slow the next run
            deadline = time.monotonic() + 5
            while _alive(int(pid)) and time.monotonic() < deadline:
                time.sleep(0.01)
            if _alive(int(pid)):
                os.kill(int(pid), signal.SIGKILL)

    def close(self) -> None:
        self._tmux("kill-server", check=False)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


# The peer ----------------------------------------------------------------------------------------


def peer_python(venv: Path, log: Callable[[str], None]) -> Path:
    """The peer venv's python, creating the venv with pip if it is missing."""
    python = venv / "bin" / "python"
    if not (venv / "bin" / "ktui").exists():
        log(f"installing {PEER_PACKAGE} into {venv} (benchmark only)…")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        done = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", PEER_PACKAGE],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise BenchError(f"pip install {PEER_PACKAGE} failed: {done.stderr.strip()[-300:]}")
    return python


def peer_version(python: Path) -> str:
    done = subprocess.run(
        [str(python), "-c", "import importlib.metadata as m; print(m.version('kanban_tui'))"],
        capture_output=True,
        text=True,
    )
    return done.stdout.strip() or "?"


def seed_peer(python: Path, home: Path, folder: Path) -> dict[str, str]:
    """A kanban-tui home with one task per application in `folder`; returns its environment."""
    applications = [s.application for s in ApplicationStore(folder).load_all().applications]
    spec = {
        "columns": [[stage.label, stage not in CLOSED_STAGES] for stage in STAGE_ORDER],
        "columns_in_view": sum(1 for stage in STAGE_ORDER if stage not in CLOSED_STAGES),
        "tasks": [[a.company, f"{a.role}\n\n{a.notes}", a.stage.label] for a in applications],
    }
    env = {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "KANBAN_TUI_CONFIG_FILE": str(home / "config" / "kanban_tui" / "config.toml"),
        "KANBAN_TUI_DATABASE_FILE": str(home / "data" / "kanban_tui" / "kanban_tui.db"),
    }
    for key in ("KANBAN_TUI_CONFIG_FILE", "KANBAN_TUI_DATABASE_FILE"):
        Path(env[key]).parent.mkdir(parents=True, exist_ok=True)
    spec_file = home / "spec.json"
    spec_file.write_text(json.dumps(spec), encoding="utf-8")
    done = subprocess.run(
        [str(python), "-c", PEER_SEED, str(spec_file)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        cwd=home,
    )
    if done.returncode != 0 or done.stdout.strip() != str(len(applications)):
        last = done.stderr.strip().splitlines()[-1:] or [done.stdout.strip()]
        raise BenchError(f"seeding kanban-tui failed: {last[0]}")
    return env


# One size ----------------------------------------------------------------------------------------


@dataclass
class Row:
    size: int
    startup: dict[str, float] = field(default_factory=dict)
    """'<app> <way>' (app: floor, ours, peer; way: headless, terminal) -> median seconds."""
    runs: dict[str, int] = field(default_factory=dict)
    """How many runs each start-up median is of."""
    rss: dict[str, float] = field(default_factory=dict)
    """app -> peak resident MiB of its headless child (the highest of the repeats)."""
    load: float = float("nan")
    peak: float = float("nan")
    save: float = float("nan")
    move: float | None = None
    key: float | None = None
    move_terminal: float | None = None
    key_terminal: float | None = None
    failures: list[str] = field(default_factory=list)


def measure(size: int, args: argparse.Namespace, tmux: Tmux | None, peer: Path | None) -> Row:
    row = Row(size)
    with tempfile.TemporaryDirectory(prefix="postinterview-bench-") as tmp:
        folder = Path(tmp) / "data"
        store_bench.build(folder, size, Random(size))
        store = ApplicationStore(folder)
        began = time.perf_counter()
        result = store.load_all()
        row.load = time.perf_counter() - began
        assert len(result.applications) == size and not result.problems
        del result
        tracemalloc.start()  # a second pass: tracing slows loading several times over
        store.load_all()
        row.peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()

        peer_env = None
        if peer is not None:
            try:
                peer_env = seed_peer(peer, Path(tmp) / "peer-home", folder)
            except BenchError as error:
                row.failures.append(f"{size:,}: {error}")

        python = sys.executable
        expect = "1" if size else "0"
        waits = {
            "ours": re.compile(COMPANY.pattern if size else re.escape(EMPTY_BOARD_TEXT)),
            "peer": re.compile(COMPANY.pattern if size else re.escape(PEER_EMPTY_TEXT)),
            "floor": re.compile(re.escape(FLOOR_TEXT)),
        }
        runs: dict[str, tuple[Callable[[], Child], Callable[[], float]]] = {
            "floor": (
                lambda: run_child([python, "-c", FLOOR_CHILD], None, args.timeout),
                lambda: tmux_time(["python", "-c", FLOOR_CHILD, "terminal"], {}, "floor"),
            ),
            "ours": (
                lambda: run_child(
                    [python, "-c", POSTINTERVIEW_CHILD, str(folder), expect], None, args.timeout
                ),
                lambda: tmux_time(
                    [
                        str(Path(python).parent / "postinterview"),
                        "--data-dir",
                        str(folder),
                        "board",
                    ],
                    {},
                    "ours",
                ),
            ),
        }
        if peer is not None and peer_env is not None:
            env = {**os.environ, **peer_env}
            runs["peer"] = (
                lambda: run_child(
                    [str(peer), "-c", PEER_CHILD, expect, str(args.timeout)],
                    env,
                    args.timeout,
                    Path(tmp),
                ),
                lambda: tmux_time([str(peer.parent / "ktui")], peer_env, "peer"),
            )

        def tmux_time(command: list[str], env: dict[str, str], app: str) -> float:
            if tmux is None:
                raise BenchError("no tmux")
            if command[0] == "python":
                command = [python, *command[1:]]
            return tmux.time_until(command, env, waits[app], args.timeout)

        samples: dict[str, list[float]] = {}
        broken: set[str] = set()
        for _ in range(args.repeats):
            for app, (headless, terminal) in runs.items():
                for way, run in (("headless", headless), ("terminal", terminal)):
                    key = f"{app} {way}"
                    if key in broken or (way == "terminal" and tmux is None):
                        continue
                    if samples.get(key) and samples[key][0] > args.once_after:
                        continue  # a minute or more: noise does not matter, one run will do
                    try:
                        value = run()
                    except BenchError as error:
                        broken.add(key)
                        row.failures.append(f"{size:,}, {key}: {error}")
                        continue
                    if isinstance(value, Child):
                        samples.setdefault(key, []).append(value.wall)
                        row.rss[app] = max(row.rss.get(app, 0.0), value.peak)
                    else:
                        samples.setdefault(key, []).append(value)
        row.startup = {k: statistics.median(v) for k, v in samples.items() if k not in broken}
        row.runs = {k: len(v) for k, v in samples.items()}

        if size in args.move_sizes:
            try:
                moved = asyncio.run(
                    asyncio.wait_for(board_bench.drive(folder, size, args.moves), 300)
                )
                row.move, row.key = moved["move"], moved["key"]
            except Exception as error:  # reported with the figures, not hidden
                row.failures.append(f"{size:,}, card move: {type(error).__name__}: {error}")
            if tmux is not None:
                board = [str(Path(python).parent / "postinterview"), "--data-dir", str(folder)]
                try:
                    row.move_terminal, row.key_terminal = tmux.time_moves(
                        [*board, "board"], args.moves, args.timeout
                    )
                except (BenchError, subprocess.CalledProcessError) as error:
                    row.failures.append(f"{size:,}, card move in tmux: {error}")

        row.save = store_bench.median_save(folder, args.saves)  # last: it adds an application
    return row


# Output ------------------------------------------------------------------------------------------


def ms(seconds: float | None) -> str:
    if seconds is None or seconds != seconds:
        return "–"
    return f"{seconds * 1000:.2f} ms" if seconds < 0.01 else f"{seconds * 1000:,.0f} ms"


def startup_cell(row: Row, app: str, way: str, repeats: int) -> str:
    key = f"{app} {way}"
    value = row.startup.get(key)
    if value is None:
        return "failed" if any(key in f for f in row.failures) else "–"
    text = ms(value) if value < 10 else f"{value:.1f} s"
    floor = row.startup.get(f"floor {way}")
    if app != "floor" and floor:
        text += f" ({value / floor:.1f}×)"
    if row.runs.get(key, repeats) < repeats:
        text += f" [{row.runs[key]} run]"
    return text


def tables(rows: list[Row], repeats: int) -> str:
    lines = [
        "Start-up to first cards (median of the runs; × is the ratio to the floor):",
        "",
        "| applications | floor, headless | postinterview, headless | kanban-tui, headless "
        "| floor, terminal | postinterview, terminal | kanban-tui, terminal |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        cells = [
            startup_cell(row, app, way, repeats)
            for way in ("headless", "terminal")
            for app in ("floor", "ours", "peer")
        ]
        lines.append(f"| {row.size:,} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "Saving, moving and memory:",
        "",
        "| applications | load_all | durable save (median) | move a card, terminal "
        "| `j` press, terminal | move a card, Pilot | `j` press, Pilot "
        "| peak memory in load_all | peak RSS, postinterview | peak RSS, kanban-tui "
        "| peak RSS, floor |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        rss = [f"{row.rss[a]:.0f} MiB" if a in row.rss else "–" for a in ("ours", "peer", "floor")]
        lines.append(
            f"| {row.size:,} | {ms(row.load)} | {ms(row.save)} | {ms(row.move_terminal)} "
            f"| {ms(row.key_terminal)} | {ms(row.move)} | {ms(row.key)} "
            f"| {row.peak:.1f} MiB | " + " | ".join(rss) + " |"
        )
    return "\n".join(lines)


def targets(rows: list[Row]) -> list[str]:
    """Issue #7's targets, each with the figure that meets or misses it."""
    found = []
    for size, limit in ((1000, 1.5), (10000, 3.0)):
        row = next((r for r in rows if r.size == size), None)
        for way in ("headless", "terminal"):
            ours, floor = (
                row.startup.get(f"{a} {way}") if row else None for a in ("ours", "floor")
            )
            if ours and floor:
                ratio = ours / floor
                verdict = "met" if ratio <= limit else "MISSED"
                found.append(
                    f"start-up at {size:,} ({way}) within {limit}× the floor: "
                    f"{ratio:.1f}× — {verdict}"
                )
    saves = [r.save for r in rows if r.save == r.save]
    if saves:
        worst = max(saves)
        verdict = "met" if worst < 0.010 else "MISSED"
        found.append(
            f"durable save under 10 ms at every size: worst median {ms(worst)} — {verdict}"
        )
    row = next((r for r in rows if r.size == 1000), None)
    for way, move in (("terminal", row and row.move_terminal), ("Pilot", row and row.move)):
        if move is not None:
            verdict = "met" if move < 0.050 else "MISSED"
            found.append(f"card move under 50 ms at 1,000 ({way}): {ms(move)} — {verdict}")
    return found


def code_version() -> str:
    """The commit measured, and whether postinterview/ had uncommitted changes."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "postinterview")
    return f"commit {commit}" + (" with uncommitted changes in postinterview/" if dirty else "")


def report(
    rows: list[Row], args: argparse.Namespace, took: float, peer_note: str, code: str
) -> str:
    python = Path(sys.executable)
    try:
        python = python.relative_to(Path.cwd())
    except ValueError:
        pass
    command = shlex.join([str(python), "benchmarks/run.py", *sys.argv[1:]])
    failures = [f for row in rows for f in row.failures]
    parts = [
        "## All figures in one run",
        "",
        f"Command: `{command}` (took {took / 60:.1f} min). "
        f"Run on {datetime.now():%Y-%m-%d}: {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, Textual {textual.__version__}, {peer_note}; "
        f"{code}. "
        + (
            f"Start-up figures are medians of {args.repeats} interleaved runs; "
            if args.repeats > 1
            else "Start-up figures are from one run each; "
        )
        + f"terminal figures in tmux at {WIDTH}×{HEIGHT}, polled every 10 ms.",
        "",
        tables(rows, args.repeats),
        "",
        "- *floor*: a bare Textual app showing one Static. *headless*: from spawning "
        "`python -c` (which imports the app and drives `App.run_test`) until it prints that a "
        "column holds a card. *terminal*: from `tmux new-session` running `postinterview "
        "--data-dir DIR board` (or `ktui`) until a company name is on the screen. With no "
        "applications: until the empty board's text (ours) or a column title (kanban-tui).",
        "- *kanban-tui*: one task per application in its SQLite database, one column per stage "
        "(closed stages hidden), five columns in view; it mounts a widget per task. Its headless "
        "child lifts the 30 s limit `run_test` puts on the first screen settling (Textual's "
        "`WaitForScreenTimeout`), which it needs at 10,000.",
        f"- *[1 run]*: a start-up over {args.once_after:.0f} s is not repeated.",
        "- *move a card*: `shift+right`/`shift+left` until the card is saved and shown in its "
        "new column. *terminal*: in tmux, from `send-keys` until a column title's count "
        "changes on the screen (polled without pause); *Pilot*: headless, from `pilot.press` "
        "until the card is in its new column and the screen is idle. *`j` press*: the same "
        "for moving the highlight down one card, which is what the way of measuring costs "
        "by itself.",
        "- *peak RSS*: the headless child's own peak resident memory (VmHWM; `ru_maxrss` "
        "would count the benchmark's own size, inherited at fork); ours runs until every card "
        "is loaded.",
    ]
    found = targets(rows)
    if found:
        parts += ["", "Targets of issue #7:", ""] + [f"- {line}" for line in found]
    if failures:
        parts += ["", "What could not be measured:", ""] + [f"- {line}" for line in failures]
    return "\n".join(parts)


def write_section(text: str, path: Path = ROOT / "BENCHMARKS.md") -> None:
    current = path.read_text(encoding="utf-8")
    section = f"{BEGIN}\n{text}\n{END}"
    if BEGIN in current and END in current:
        head, rest = current.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        updated = head + section + tail
    else:
        updated = current.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(updated, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 100, 1000, 10000])
    parser.add_argument("--quick", action="store_true", help="sizes 0 and 100, one run each")
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    parser.add_argument("--repeats", type=int, default=3, help="start-up runs per figure")
    parser.add_argument("--saves", type=int, default=30)
    parser.add_argument("--moves", type=int, default=10)
    parser.add_argument("--move-sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--timeout", type=float, default=900, help="seconds per measurement")
    parser.add_argument(
        "--once-after", type=float, default=60, help="do not repeat a start-up that took longer"
    )
    parser.add_argument("--peer-venv", type=Path, default=Path("/tmp/peer-venv"))
    parser.add_argument("--no-peer", action="store_true", help="skip kanban-tui")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.repeats, args.move_sizes, args.saves = [0, 100], 1, [100], 10

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    code = code_version()
    failures: list[str] = []
    peer = None
    peer_note = "kanban-tui not measured"
    if not args.no_peer:
        try:
            peer = peer_python(args.peer_venv, log)
            peer_note = f"kanban-tui {peer_version(peer)}"
        except (BenchError, subprocess.CalledProcessError) as error:
            failures.append(f"kanban-tui: {error}")
    tmux = None
    try:
        tmux = Tmux()
    except (BenchError, subprocess.CalledProcessError) as error:
        failures.append(f"terminal figures: {error}")
    rows = []
    try:
        for size in args.sizes:
            log(f"{size:,} applications…")
            began = time.perf_counter()
            rows.append(measure(size, args, tmux, peer))
            log(f"  done in {time.perf_counter() - began:.0f} s")
    finally:
        if tmux is not None:
            tmux.close()
    if failures:
        rows[0].failures[:0] = failures
    if code_version() != code:
        code += f" at the start ({code_version()} at the end)"
    text = report(rows, args, time.perf_counter() - started, peer_note, code)
    print(text)
    if args.write:
        write_section(text)
        log("BENCHMARKS.md updated.")


if __name__ == "__main__":
    main()
