"""One workspace for every view: memory after visiting the views, and what a card move reads.

    .venv/bin/python benchmarks/workspace_bench.py [--sizes 2000] [--repeats 3]

Each figure comes from a fresh process (headless, `App.run_test`, 160x48) on a data folder of
realistic applications built by `store_bench.build`:
- floor: a bare Textual app showing one Static (the same terminal size), in the same run;
- board: the board with every card in;
- all views: the board, then Today, the applications list and the weekly review, then back
  to the board, each drawn once every card is in;
- after that, ten card moves on the board with the other views open: the figure is the median
  time from the key to the card in its new column, and how many times the folder was read.

Memory is the process's resident set (RSS) at the end, in MiB, read from /proc.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

CHILD = """
import asyncio, json, sys, time
from pathlib import Path

def rss_mib():
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    import resource
    return pages * resource.getpagesize() / 2**20

async def main(folder, views):
    if views == "floor":
        from textual.app import App
        from textual.widgets import Static

        class Floor(App):
            def compose(self):
                yield Static("floor")

        async with Floor().run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            print(json.dumps({"rss": rss_mib()}))
        return
    from postinterview.app import PostInterviewApp
    from postinterview.storage.store import ApplicationStore
    from postinterview.ui.screens.board import BoardScreen
    from postinterview.workspace import Workspace

    store = ApplicationStore(Path(folder))
    reads = []
    real = ApplicationStore.load_all
    def counted(self, progress=None, paths=None):
        if paths is None or len(paths) > 100:
            reads.append(1)
        return real(self, progress, paths)
    ApplicationStore.load_all = counted
    app = PostInterviewApp(Workspace(store), "board")
    async with app.run_test(size=(160, 48)) as pilot:
        while not app.workspace.loaded:
            await asyncio.sleep(0.01)
        await pilot.pause()
        if views == "all":
            for key in ("t", "a", "w", "escape", "b"):
                await pilot.press(key)
                await pilot.pause()
                await app.workers.wait_for_complete()
                await pilot.pause()
        board = app.screen
        assert isinstance(board, BoardScreen)
        rss = rss_mib()
        reads_before = len(reads)
        column = max(board.columns(), key=lambda c: len(c.card_ids))
        column.focus()
        await pilot.pause()
        moves = []
        for n in range(10):
            app_id = board.selected_id()
            before = board.cards[app_id].stage
            began = time.perf_counter()
            await pilot.press("shift+right" if n % 2 == 0 else "shift+left")
            while board.cards[app_id].stage == before:
                await asyncio.sleep(0.001)
            await pilot.pause()
            moves.append(time.perf_counter() - began)
        # Let the poller run over the moves: it must find nothing to read.
        await asyncio.sleep(2.5)
        await app.workers.wait_for_complete()
        print(json.dumps({
            "rss": rss,
            "moves": moves,
            "reads_after_load": len(reads) - reads_before,
            "loads": app.workspace.loads,
        }))

asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


def run_child(folder: Path, views: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), views],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"child failed ({views}):\n{result.stderr}")
    data: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    from store_bench import build

    print(
        "| applications | floor RSS | board RSS | all views RSS | all / board | "
        "move (median) | folder reads after load |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            build(folder, size, random.Random(size))
            floor, board, every = [], [], []
            moves: list[float] = []
            alone: list[float] = []
            reads: list[int] = []
            for _ in range(args.repeats):
                floor.append(float(run_child(folder, "floor")["rss"]))  # type: ignore[arg-type]
                only = run_child(folder, "board")
                board.append(float(only["rss"]))  # type: ignore[arg-type]
                alone += only["moves"]  # type: ignore[operator]
                result = run_child(folder, "all")
                every.append(float(result["rss"]))  # type: ignore[arg-type]
                moves += result["moves"]  # type: ignore[operator]
                reads.append(int(result["reads_after_load"]))  # type: ignore[call-overload]
            f, b, e = (statistics.median(x) for x in (floor, board, every))
            print(
                f"| {size} | {f:.0f} MiB | {b:.0f} MiB | {e:.0f} MiB | {e / b:.2f}x | "
                f"{statistics.median(alone) * 1000:.0f} ms | "
                f"{statistics.median(moves) * 1000:.0f} ms | {max(reads)} |"
            )


if __name__ == "__main__":
    main()
