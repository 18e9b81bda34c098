"""What reading one application file costs, by the shape of the file: the shape check
(storage/toml_guard.py) alone, the whole read (check, tomllib, migrations, pydantic: the
codec's `read_application`), and its peak Python memory; then a folder of bad files next to
good ones through `postinterview list`. Prints Markdown tables.

    .venv/bin/python benchmarks/toml_guard_bench.py [--repeat 3] [--before]

--before also times bare `tomllib.loads` on the hostile shapes (what the app paid before the
check), in a child process each, stopped after 20 s.

Times are medians of --repeat runs; memory is measured in a separate pass (tracemalloc slows
parsing several times over).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from postinterview.demo import demo_applications  # noqa: E402
from postinterview.domain.models import Application  # noqa: E402
from postinterview.storage.codec import DamagedFile, encode_application, read_application  # noqa: E402
from postinterview.storage.toml_guard import (  # noqa: E402
    APPLICATION,
    BOM,
    UnreadableToml,
    checked_text,
)

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
PROSE = (
    "We talked through the team's on-call rota, the migration to the new queue and how "
    "they review designs; she asked for an example of a disagreement I handled.\n"
)


def heavy_application(interviews: int, note_bytes: int, reflection_bytes: int) -> Application:
    """The demo's fullest application with `interviews` interviews, each with its checklist,
    signals and a reflection of `reflection_bytes` per answer, and notes of `note_bytes`."""
    base = max(demo_applications(NOW), key=lambda a: len(encode_application(a)))
    template = base.interviews[-1]

    def text(size: int) -> str:
        return (PROSE * (size // len(PROSE) + 1))[:size]

    copies = []
    for number in range(interviews):
        reflection = template.reflection.revised(
            went_well=text(reflection_bytes),
            to_improve=text(reflection_bytes),
            struggled_with=text(reflection_bytes),
        )
        copies.append(
            template.revised(
                id=f"iv-{number}",
                at=template.at - timedelta(days=interviews - number),
                round=min(number + 1, 50),
                reflection=reflection,
            )
        )
    return base.revised(notes=text(note_bytes), interviews=copies)


def legit_files() -> dict[str, bytes]:
    demo = max(demo_applications(NOW), key=lambda a: len(encode_application(a)))
    return {
        "the demo's fullest application": encode_application(demo),
        "50 interviews, 2 KB answers, 20 KB notes": encode_application(
            heavy_application(50, 20_000, 2_000)
        ),
        "50 interviews, 20 KB answers, 100 KB notes": encode_application(
            heavy_application(50, 100_000, 20_000)
        ),
        "the same with a byte-order mark": BOM
        + encode_application(heavy_application(50, 100_000, 20_000)),
    }


def hostile_files() -> dict[str, bytes]:
    head = 'schema_version = 2\ncompany = "Acme"\nrole = "Dev"\nstage = "applied"\n'
    tail = '\n[file_end]\nwritten_by = "x"\n'
    four = APPLICATION.max_bytes - 1024

    def file(body: str) -> bytes:
        return (head + body + tail).encode("utf-8")

    return {
        "the issue's 80 KB dotted key (a.a.a…=1)": file("a" + ".a" * 40_000 + " = 1\n"),
        "arrays 50,000 deep": file("x = " + "[" * 50_000 + "]" * 50_000 + "\n"),
        "inline tables 50,000 deep": file("x = " + "{a=" * 50_000 + "1" + "}" * 50_000 + "\n"),
        "4 MiB: one array of small integers": file("x = [" + "1," * (four // 2) + "]\n"),
        "4 MiB: 300,000 short keys": file("".join(f"k{i} = 1\n" for i in range(300_000))),
        "4 MiB: 200,000 tables": file("".join(f"[t{i}]\n" for i in range(200_000))),
        "4 MiB: tiny strings": file("x = [" + '"",' * (four // 3) + "]\n"),
        "4 MiB: blank lines": file("\n" * four),
        "4 MiB: one string of escapes": file('notes = "' + "\\n" * (four // 2) + '"\n'),
        "4 MiB of plain text in one note": file('notes = "' + "x" * four + '"\n'),
        "14,000 keys (just inside the limits)": file("".join(f"k{i} = 1\n" for i in range(14_000))),
        "2,900 tables (just inside the limits)": file(
            "".join(f"[t{i}]\nx = 1\n" for i in range(2_900))
        ),
    }


def timed(action: Callable[[], object], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def peak(action: Callable[[], object]) -> float:
    tracemalloc.start()
    action()
    _, high = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return high


def check(raw: bytes) -> str:
    try:
        checked_text(raw, APPLICATION)
    except UnreadableToml as error:
        return str(error)
    return "accepted"


def read(raw: bytes) -> str:
    try:
        read_application(raw, "bench-abc123")
    except DamagedFile as error:
        return error.describe()
    return "loads"


def before(raw: bytes) -> str:
    """Bare tomllib.loads in a child, stopped after 20 s."""
    code = (
        "import sys, time, tomllib; t = sys.stdin.buffer.read().decode();"
        "s = time.perf_counter()\n"
        "try: tomllib.loads(t)\nexcept Exception as e: print(type(e).__name__, end=' ')\n"
        "print(f'{(time.perf_counter() - s) * 1000:.0f} ms')"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], input=raw, capture_output=True, timeout=20
        )
    except subprocess.TimeoutExpired:
        return "> 20 s"
    return done.stdout.decode().strip() or done.stderr.decode().strip()[-60:]


def table(files: dict[str, bytes], repeat: int, with_before: bool) -> None:
    header = "| file | size | check | whole read | peak memory | outcome |"
    rule = "|---|---:|---:|---:|---:|---|"
    if with_before:
        header += " tomllib alone, before |"
        rule += "---|"
    print(header)
    print(rule)
    for name, raw in files.items():
        check_time = timed(lambda raw=raw: check(raw), repeat)
        read_time = timed(lambda raw=raw: read(raw), repeat)
        memory = peak(lambda raw=raw: read(raw))
        outcome = read(raw)
        if len(outcome) > 90:
            outcome = outcome[:87] + "…"
        row = (
            f"| {name} | {len(raw) / 1024:,.0f} KB | {check_time * 1000:.1f} ms | "
            f"{read_time * 1000:.1f} ms | {memory / 1_048_576:.1f} MB | {outcome} |"
        )
        if with_before:
            row += f" {before(raw)} |"
        print(row)


def folder_list(repeat: int) -> None:
    """The issue's folder: bad files next to good ones, through `postinterview list`."""
    from postinterview.storage.atomic import ensure_private_dir

    with tempfile.TemporaryDirectory() as name:
        root = Path(name)
        folder = root / "applications"
        ensure_private_dir(folder)
        for application in demo_applications(NOW):
            (folder / f"{application.id}.toml").write_bytes(encode_application(application))
        hostile = hostile_files()
        (folder / "dotted-abc123.toml").write_bytes(hostile[next(iter(hostile))])
        (folder / "deep-abc123.toml").write_bytes(hostile["arrays 50,000 deep"])
        with (folder / "huge-abc123.toml").open("wb") as handle:
            handle.write(b"x" * (20 * 1_048_576))
        demo = demo_applications(NOW)[0]
        (folder / "bom-abc123.toml").write_bytes(BOM + encode_application(demo))
        command = [sys.executable, "-m", "postinterview", "--data-dir", str(root), "list"]
        env = {"PYTHONPATH": str(ROOT), "POSTINTERVIEW_NOW": NOW.isoformat(), "PATH": ""}
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, env=env, check=False)
            runs.append(time.perf_counter() - started)
        floor = []
        for _ in range(repeat):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", "import postinterview.cli"], env=env)
            floor.append(time.perf_counter() - started)
        print(
            f"`postinterview list` on {len(demo_applications(NOW)) + 1} good files and 3 bad "
            f"ones: {statistics.median(runs) * 1000:.0f} ms (exit {done.returncode}); "
            f"starting Python and importing the CLI alone: {statistics.median(floor) * 1000:.0f} ms"
        )
        print()
        print("```")
        print(done.stdout.decode().strip()[-1200:])
        print(done.stderr.decode().strip()[-1200:])
        print("```")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", action="store_true")
    args = parser.parse_args()
    print("Real files:\n")
    table(legit_files(), args.repeat, False)
    print("\nHostile files:\n")
    table(hostile_files(), args.repeat, args.before)
    print()
    folder_list(args.repeat)


if __name__ == "__main__":
    main()
