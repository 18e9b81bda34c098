"""Store and start-up figures at several sizes. Prints a Markdown table.

    .venv/bin/python benchmarks/store_bench.py [--sizes 0 100 1000 10000] [--saves 30]

For each size it builds a data folder of realistic applications (written directly, without
fsync, to keep set-up quick), then measures:
- load_all: reading and validating every file (warm page cache);
- first screen: App.run_test until the Applications screen is mounted (loading runs after);
- list shown: until the table holds every row;
- durable save: median of one store.update (lock, re-read, validate, fsync, rename, fsync dir);
- peak Python memory during load_all (tracemalloc, in a separate pass).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from postinterview.app import PostInterviewApp  # noqa: E402
from postinterview.cli import start_mode_for  # noqa: E402
from postinterview.domain.editing import move_stage, new_application  # noqa: E402
from postinterview.domain.ids import new_application_id  # noqa: E402
from postinterview.domain.stages import OPEN_STAGES, Stage  # noqa: E402
from postinterview.storage.atomic import ensure_private_dir  # noqa: E402
from postinterview.storage.codec import encode_application  # noqa: E402
from postinterview.storage.store import ApplicationStore  # noqa: E402
from postinterview.ui.screens.applications import ApplicationsScreen  # noqa: E402
from postinterview.ui.widgets.application_table import ApplicationTable  # noqa: E402
from postinterview.workspace import Workspace  # noqa: E402

COMPANIES = ["Acme", "Globex", "Initech", "Hooli", "Umbrella", "Stark", "Wayne", "Tyrell"]
ROLES = ["Backend Engineer", "Data Analyst", "Product Manager", "Designer", "SRE"]
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def build(folder: Path, count: int, rng: random.Random) -> None:
    """Write `count` applications with interviews, history and notes."""
    ensure_private_dir(folder / "applications")
    for n in range(count):
        when = START + timedelta(hours=rng.randint(0, 24 * 300))
        company = f"{rng.choice(COMPANIES)} {n}"
        role = rng.choice(ROLES)
        app = new_application(
            company,
            role,
            when,
            notes="Spoke with the hiring manager about the team. " * rng.randint(1, 6),
            recruiter={"name": "Rae Recruiter", "email": "rae@example.com"},
            interviews=[
                {
                    "id": f"i{k}",
                    "at": when + timedelta(days=7 * (k + 1)),
                    "kind": "technical",
                    "format": "video",
                    "interviewers": [{"name": "Ann Lee", "title": "Engineering Manager"}],
                    "planned_minutes": 45,
                    "actual_minutes": 60,
                    "reflection": {"went_well": "Clear answers on system design."},
                }
                for k in range(rng.randint(0, 3))
            ],
        )
        app = move_stage(app, rng.choice([s for s in OPEN_STAGES if s != Stage.APPLIED]), when)
        app_id = new_application_id(company, role)
        (folder / "applications" / f"{app_id}.toml").write_bytes(encode_application(app))


async def start_up(folder: Path, expected: int) -> tuple[float, float]:
    """Seconds until the first screen is up, and until the list shows every application."""
    started = time.perf_counter()
    app = PostInterviewApp(
        Workspace(ApplicationStore(folder)), start_mode_for(ApplicationStore(folder))
    )
    first_screen = shown = float("nan")
    async with app.run_test(size=(120, 40)) as pilot:
        while not isinstance(app.screen, ApplicationsScreen):
            await asyncio.sleep(0.001)
        first_screen = time.perf_counter() - started
        table = app.screen.query_one(ApplicationTable)
        while table.row_count < expected or (expected == 0 and not app.screen.loaded):
            await asyncio.sleep(0.002)
        shown = time.perf_counter() - started
        await pilot.pause()
    return first_screen, shown


def median_save(folder: Path, saves: int) -> float:
    store = ApplicationStore(folder)
    stored = store.create(new_application("Bench Co", "Engineer", START))
    times = []
    for n in range(saves):
        began = time.perf_counter()
        stored = store.update(
            stored.application.id, lambda a, n=n: a.revised(notes=f"edit {n}"), None
        ).stored
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def measure(size: int, saves: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build(folder, size, random.Random(size))
        store = ApplicationStore(folder)
        began = time.perf_counter()
        result = store.load_all()
        load = time.perf_counter() - began
        assert len(result.applications) == size and not result.problems
        del result
        tracemalloc.start()  # a second pass: tracing slows loading several times over
        store.load_all()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        first, shown = asyncio.run(start_up(folder, size))
        save = median_save(folder, saves)
    return {"load": load, "first": first, "shown": shown, "save": save, "peak": peak / 2**20}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 100, 1000, 10000])
    parser.add_argument("--saves", type=int, default=30)
    args = parser.parse_args()
    print(
        "| applications | load_all | first screen | list shown | durable save (median) "
        "| peak memory in load_all |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in args.sizes:
        m = measure(size, args.saves)
        print(
            f"| {size:,} | {m['load'] * 1000:.0f} ms | {m['first'] * 1000:.0f} ms "
            f"| {m['shown'] * 1000:.0f} ms | {m['save'] * 1000:.2f} ms | {m['peak']:.1f} MiB |",
            flush=True,
        )


if __name__ == "__main__":
    main()
