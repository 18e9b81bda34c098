"""How far a board's own widgets put start-up above the bare Textual floor, with no data.

    .venv/bin/python benchmarks/widget_floor.py [--runs 7]

Times, as `run.py` does, from spawning a fresh process until it reports (headless,
`App.run_test` at 160x45) that the first widget is mounted, for:
- the floor of `run.py`: a bare Textual app with one Static;
- a widget floor: the widget tree of our board (header, status line, filter box, nine
  OptionList columns of which five are shown, 25 five-line cards each, footer) holding plain
  text. No postinterview code, no pydantic, no files: what Textual itself costs for such a
  screen, which no board built from these widgets can start faster than.
Prints the median of each and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

COMMON = """
import time
T0 = time.perf_counter()
import asyncio
from textual.app import App
from textual.widgets import Static
"""

FLOOR = (
    COMMON
    + """
class Floor(App):
    def compose(self):
        yield Static("Bare Textual floor")

async def main():
    app = Floor()
    async with app.run_test(size=(160, 45)):
        while not any(static.is_mounted for static in app.screen.query(Static)):
            await asyncio.sleep(0.002)
        print(time.perf_counter() - T0, flush=True)

asyncio.run(main())
"""
)

WIDGETS = (
    COMMON
    + """
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Input, OptionList
from textual.widgets.option_list import Option

CARD = "Company {c}-{n}\\nRole\\n3 days since contact\\n> the next step\\n  due by Mon 30 Nov"

class WidgetFloor(App):
    def compose(self):
        yield Header()
        yield Static("status")
        yield Input(placeholder="Filter")
        with Horizontal():
            for c in range(9):
                cards = [Option(CARD.format(c=c, n=n), id=f"card-{c}-{n}") for n in range(25)]
                column = OptionList(*cards)
                column.display = c < 5
                yield column
        yield Footer()

async def main():
    app = WidgetFloor()
    async with app.run_test(size=(160, 45)):
        while not any(column.option_count for column in app.screen.query(OptionList)):
            await asyncio.sleep(0.002)
        print(time.perf_counter() - T0, flush=True)

asyncio.run(main())
"""
)


def run(code: str) -> float:
    """Seconds from spawning the process until it prints (as `run.py` times its children)."""
    began = time.perf_counter()
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        child.stdout.readline()
        shown = time.perf_counter() - began
    if child.returncode:
        raise SystemExit(f"a child failed (exit {child.returncode})")
    return shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    floors, widgets = [], []
    for _ in range(args.runs):  # interleaved, so a busy machine slows both alike
        floors.append(run(FLOOR))
        widgets.append(run(WIDGETS))
    floor, widget = statistics.median(floors), statistics.median(widgets)
    print(f"bare Textual floor (one Static): {floor * 1000:.0f} ms")
    print(f"widget floor (the board's widgets, plain text): {widget * 1000:.0f} ms")
    print(f"ratio: {widget / floor:.2f}x")


if __name__ == "__main__":
    main()
