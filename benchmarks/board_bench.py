"""Board figures at several sizes. Prints a Markdown table.

    .venv/bin/python benchmarks/board_bench.py [--sizes 100 1000 10000] [--moves 10]

For each size it builds a data folder with `store_bench.build` (realistic applications with
0-3 interviews each), then measures, headless in `App.run_test`:
- cards: computing every card (plan, next action, signal reading) once, outside the app;
- board shown: from creating the App until every card is computed and each column drawn
  (a column draws its 200 most pressing cards);
- move: median time from pressing shift+right (or shift+left) until the card is saved and
  shown in its new column, with the focus on it;
- next card / next column: median time for one `j` / `l` to be handled and repainted;
- filter: applying a one-word filter to every column and redrawing them.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_bench import build  # noqa: E402

from postinterview.app import PostInterviewApp  # noqa: E402
from postinterview.clock import system_clock  # noqa: E402
from postinterview.domain.plan import PlanSettings  # noqa: E402
from postinterview.domain.signals import load_signals_catalog  # noqa: E402
from postinterview.storage.store import ApplicationStore  # noqa: E402
from postinterview.ui.board_cards import card_for  # noqa: E402
from postinterview.ui.screens.board import BoardScreen  # noqa: E402
from postinterview.ui.widgets.board_column import BoardColumn  # noqa: E402
from postinterview.workspace import Workspace  # noqa: E402


def cards_time(folder: Path) -> float:
    applications = [s.application for s in ApplicationStore(folder).load_all().applications]
    catalog, settings, now = load_signals_catalog(), PlanSettings(), system_clock()
    began = time.perf_counter()
    for application in applications:
        card_for(application, now, settings, catalog)
    return time.perf_counter() - began


def _in_stage(screen: BoardScreen, column: BoardColumn) -> int:
    return sum(1 for card in screen.cards.values() if card.stage == column.stage)


async def drive(folder: Path, size: int, moves: int) -> dict[str, float]:
    began = time.perf_counter()
    app = PostInterviewApp(Workspace(ApplicationStore(folder)), "board")
    async with app.run_test(size=(160, 45)) as pilot:
        while not (isinstance(app.screen, BoardScreen) and app.screen.loaded):
            await asyncio.sleep(0.002)
        screen = app.screen
        columns = list(screen.query(BoardColumn))
        # Every card computed, and each column drawn (a column draws its first PAGE).
        while len(screen.cards) < size or any(
            len(c.card_ids) < min(BoardColumn.PAGE, _in_stage(screen, c)) for c in columns
        ):
            await asyncio.sleep(0.002)
        shown = time.perf_counter() - began
        await pilot.pause()

        # The fullest open column, so moves work on a busy board.
        source = max(screen.columns(), key=lambda c: len(c.card_ids))
        source.focus()
        await pilot.pause()
        move_times = []
        for n in range(moves):
            key = "shift+right" if n % 2 == 0 else "shift+left"
            app_id = screen.selected_id()
            before = screen.cards[app_id].stage if app_id else None
            pressed = time.perf_counter()
            await pilot.press(key)
            while app_id and screen.cards[app_id].stage == before:
                await asyncio.sleep(0.001)
            await pilot.pause()
            move_times.append(time.perf_counter() - pressed)

        key_times = []
        for _ in range(10):
            pressed = time.perf_counter()
            await pilot.press("j")
            key_times.append(time.perf_counter() - pressed)

        column_times = []
        for n in range(6):
            pressed = time.perf_counter()
            await pilot.press("l" if n % 2 == 0 else "h")
            column_times.append(time.perf_counter() - pressed)

        pressed = time.perf_counter()
        screen._apply_filter("acme")
        await pilot.pause()
        filtered = time.perf_counter() - pressed
    return {
        "shown": shown,
        "move": statistics.median(move_times),
        "key": statistics.median(key_times),
        "column": statistics.median(column_times),
        "filter": filtered,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--moves", type=int, default=10)
    args = parser.parse_args()
    print("| applications | cards | board shown | move a card | next card | next column | filter |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            build(folder, size, random.Random(size))
            cards = cards_time(folder)
            m = asyncio.run(drive(folder, size, args.moves))
        print(
            f"| {size:,} | {cards * 1000:.0f} ms | {m['shown'] * 1000:.0f} ms "
            f"| {m['move'] * 1000:.0f} ms | {m['key'] * 1000:.0f} ms "
            f"| {m['column'] * 1000:.0f} ms "
            f"| {m['filter'] * 1000:.0f} ms |",
            flush=True,
        )


if __name__ == "__main__":
    main()
