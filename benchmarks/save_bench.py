"""What a durable save costs with history on, in a folder of 10,000 applications.

    .venv/bin/python benchmarks/save_bench.py [--size 10000] [--saves 200]

Prints the median and 90th percentile, in milliseconds, of:
- floor: the bare durable write of the same bytes (storage.atomic.write_atomic: temp file,
  fsync, rename, fsync the folder), with nothing else around it;
- save, history off: one `store.update` changing one field (lock, read, validate, encode,
  write), with the history copy replaced by a no-op for this row only;
- save, history on: the same with history, the file's history growing from empty;
- save, full history: the same once the file has its full history (keep_versions plus one a
  day), so every save also prunes;
- undo: `Workspace.undo` of one such save (a save of its own, through the merge).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.store_bench import build  # noqa: E402
from postinterview.domain.editing import new_application  # noqa: E402
from postinterview.storage import history  # noqa: E402
from postinterview.storage.atomic import write_atomic  # noqa: E402
from postinterview.storage.store import ApplicationStore  # noqa: E402
from postinterview.workspace import Workspace  # noqa: E402

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def timed(count: int, step: Callable[[int], object]) -> list[float]:
    times = []
    for n in range(count):
        began = time.perf_counter()
        step(n)
        times.append((time.perf_counter() - began) * 1000)
    return times


def row(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[int(len(ordered) * 0.9)]
    return f"| {name} | {statistics.median(times):.2f} | {p90:.2f} |"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--saves", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build(folder, args.size, random.Random(args.size))
        store = ApplicationStore(folder)
        stored = store.create(new_application("Bench Co", "Engineer", START))
        app_id = stored.application.id
        path = store.path_for(app_id)
        data = path.read_bytes()

        def save(n: int) -> None:
            store.update(app_id, lambda a: a.revised(notes=f"edit {n} {time.time_ns()}"), None)

        rows = [
            row(
                "floor: write_atomic alone",
                timed(args.saves, lambda _: write_atomic(path.with_name("floor.toml"), data)),
            )
        ]
        path.with_name("floor.toml").unlink()
        real_keep = history.keep
        history.keep = lambda *_, **__: path  # type: ignore[assignment]
        try:
            rows.append(row("save, history off", timed(args.saves, save)))
        finally:
            history.keep = real_keep  # type: ignore[assignment]
        store.history = store.history.model_copy(update={"keep_versions": 10_000})
        rows.append(row("save, history on (growing)", timed(args.saves, save)))
        store.history = store.history.model_copy(update={"keep_versions": 20})
        # A full month of daily versions on top of the latest ones.
        raw = path.read_bytes()
        for day in range(30):
            when = datetime.now(UTC) - timedelta(days=day + 1)
            history.keep(folder, app_id, raw, f"{day:012d}", when, store.history)
        rows.append(row("save, full history (prunes)", timed(args.saves, save)))
        kept = len(history.versions(folder, app_id))

        workspace = Workspace(store)
        workspace.apply(workspace.read_all())

        def undo(n: int) -> None:
            workspace.update(app_id, lambda a: a.revised(notes=f"undo me {n}"))
            workspace.undo()

        undo_times = timed(args.saves // 2, undo)
        rows.append(row("save + undo", undo_times))
    print(f"{args.size:,} applications, {args.saves} saves each; versions kept at the end: {kept}")
    print("| what | median ms | p90 ms |")
    print("| --- | --- | --- |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
