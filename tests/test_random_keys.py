"""Random keys at every size, on the demo's data and on an empty folder: nothing crashes and
every file still loads afterwards (the driver is tests/random_keys.py).

CI sends a few keys per size and folder with a fixed seed, so it is the same run every time.
`pytest tests/test_random_keys.py --random-keys=20000 -s` sends 20,000 keys in all, spread over
the sizes and folders, from a fresh seed (printed; `--random-keys-seed` picks one). A failure
prints the run's `--random-keys-replay=SEED:WxH:FOLDER:KEYS` to play it again.
"""

from __future__ import annotations

import random
import time
import zlib
from pathlib import Path

import pytest

from tests.random_keys import FOLDERS, SIZES, Run, drive, fill

CI_KEYS = 40
CI_CASES = {((160, 48), "demo"), ((80, 24), "empty"), ((60, 20), "demo"), ((45, 15), "empty")}
CI_CASES |= {((40, 12), "demo")}
"""CI runs each size once, on one folder or the other, `CI_KEYS` keys each: a few seconds."""
CI_SEED = 14
CHUNK = 1000
"""A long run is cut into runs of this many keys, each on a fresh folder with its own seed:
one crash does not hide the rest, and each can be replayed alone."""


def run_seed(base: int, size: tuple[int, int], folder: str, chunk: int) -> int:
    return zlib.crc32(f"{base}:{size[0]}x{size[1]}:{folder}:{chunk}".encode())


def parse_replay(text: str) -> Run:
    seed, size, folder, keys = text.split(":")
    width, height = size.split("x")
    return Run(int(seed), (int(width), int(height)), folder, int(keys))


async def check(request: pytest.FixtureRequest, run: Run, root: Path) -> Run:
    started = time.monotonic()
    await drive(run, fill(run.folder, root))
    took = time.monotonic() - started
    line = (
        f"random keys {run.replay}: {run.keys} keys, {len(run.steps)} steps, "
        f"{run.quits} quits, {took:.1f} s, {'CRASH ' + run.report() if run.errors else 'ok'}"
    )
    print(line)
    if log := request.config.getoption("--random-keys-log"):
        with open(log, "a", encoding="utf-8") as out:
            out.write(line + "\n")
    assert not run.errors, run.report()
    return run


@pytest.mark.parametrize("folder", FOLDERS)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_random_keys(
    request: pytest.FixtureRequest, tmp_path: Path, size: tuple[int, int], folder: str
) -> None:
    config = request.config
    if config.getoption("--random-keys-replay"):
        pytest.skip("replaying one run instead")
    total = config.getoption("--random-keys")
    base = config.getoption("--random-keys-seed")
    if not total:
        if (size, folder) not in CI_CASES:
            pytest.skip("in the long run only (--random-keys)")
        seed = run_seed(CI_SEED if base is None else base, size, folder, 0)
        await check(request, Run(seed, size, folder, CI_KEYS), tmp_path / "data")
        return
    if base is None:
        base = random.SystemRandom().randrange(1_000_000)
    print(f"random keys: base seed {base}")
    keys = -(-total // (len(SIZES) * len(FOLDERS)))  # this size's and folder's share
    for chunk in range(-(-keys // CHUNK)):
        count = min(CHUNK, keys - chunk * CHUNK)
        seed = run_seed(base, size, folder, chunk)
        await check(request, Run(seed, size, folder, count), tmp_path / f"data-{chunk}")


async def test_replay(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    replay = request.config.getoption("--random-keys-replay")
    if not replay:
        pytest.skip("no --random-keys-replay given")
    await check(request, parse_replay(replay), tmp_path / "data")


async def test_the_driver_reaches_every_screen(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """The runs are worth something only if their steps reach the screens: the driver's jumps
    alone open each kind of screen. In the long run only: some screens take a second to open."""
    if not request.config.getoption("--random-keys"):
        pytest.skip("in the long run only (--random-keys)")
    run = Run(7, (80, 24), "demo", 150)
    seen: set[str] = set()
    await drive(run, fill("demo", tmp_path / "data"), jumps_only=True, seen=seen)
    assert not run.errors, run.report()
    wanted = {
        "TodayScreen",
        "BoardScreen",
        "ApplicationsScreen",
        "WeeklyReviewScreen",
        "ApplicationDetailScreen",
        "InterviewScreen",
        "SignalsScreen",
        "ApplicationFormScreen",
        "HelpScreen",
        "Palette",
        "HistoryScreen",
        "DeletedScreen",
        "ProblemsScreen",
    }
    assert wanted <= seen, sorted(wanted - seen)
