"""What keeping a person's comments costs a save. Prints a Markdown table.

    .venv/bin/python benchmarks/comments_bench.py [--saves 200]

One application of about 3 KB (a recruiter, notes, a stage history, three interviews with
people, checklist marks), written two ways: plain (as postinterview writes it) and
hand-commented (the same data with a comment above every section, trailing comments, blank
lines, keys in another order and single quotes). Each row is the median (and 90th
percentile) of `--saves` durable saves of a one-field change (`store.update` with a new
`notes`: lock, re-read, decode, encode, history copies, fsync, rename), with history on:
- plain, as before: the store encoding with tomli_w whatever the file held, which is what
  every save did before comments were kept;
- plain: the save as it is now (the file was written by this process, so it is known);
- plain, written elsewhere: the same with the process's memory of its own writes cleared
  before each save, as for a file another window or a sync wrote (decoded and re-encoded
  once to check it);
- hand-commented, as before: the plain rewrite, which drops the comments (the file is put
  back, untimed, before each save);
- hand-commented, kept: the same file, its changes applied to its text with tomlkit;
- hand-commented, kept, again: saving the kept file again and again (the app's usual case).
Also the one-off import of tomlkit, paid by the first save of a hand-edited file only.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from postinterview.domain.editing import move_stage, new_application  # noqa: E402
from postinterview.domain.models import Application  # noqa: E402
from postinterview.domain.stages import Stage  # noqa: E402
from postinterview.storage import hand_edits  # noqa: E402
from postinterview.storage import store as store_module  # noqa: E402
from postinterview.storage.codec import encode_application  # noqa: E402
from postinterview.storage.store import ApplicationStore  # noqa: E402

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
APP_ID = "acme-robotics-backend-engineer-bench1"


def application() -> Application:
    """About 3 KB of TOML: three interviews, their people and marks, notes, a history."""
    people = [
        {"name": "Ana Ruiz", "title": "Engineering Manager", "email": "ana@acme.example"},
        {"name": "Ben Okafor", "title": "Staff Engineer"},
    ]
    app = new_application(
        "Acme Robotics",
        "Backend Engineer",
        START,
        location="Lisbon (hybrid)",
        job_link="https://acme.example/jobs/42",
        notes="Met the team at the meetup; they build the control plane in Rust. " * 3,
        recruiter={"name": "Rae Recruiter", "email": "rae@talent.example"},
        interviews=[
            {
                "id": f"iv{k}",
                "at": START + timedelta(days=4 * (k + 1)),
                "round": k + 1,
                "kind": "technical",
                "format": "video",
                "interviewers": people,
                "planned_minutes": 45,
                "actual_minutes": 55,
                "reflection": {"went_well": "Clear answers on the queueing question."},
                "checklist": {"warn-your-referees": {"state": "done", "at": START}},
            }
            for k in range(3)
        ],
    )
    for stage in (Stage.SCREENING, Stage.INTERVIEWING):
        app = move_stage(app, stage, START + timedelta(days=1))
    return app.model_copy(update={"id": APP_ID})


def hand_commented(plain: str) -> str:
    """`plain` as a person might have edited it: comments, blank lines, order, quotes."""
    lines = plain.splitlines()
    out = [lines[0], "# Found through the Rust meetup; ask Rae about the team's on-call."]
    for line in lines[1:]:
        if line.startswith("["):
            out += ["", f"# {line.strip('[]')}: my notes on this part"]
        if line.startswith(("name = ", "stage = ", "actual_minutes = ")):
            line += "   # checked"
        out.append(line)
    text = "\n".join(out) + "\n"
    # Two keys swapped, and one string in single quotes.
    text = re.sub(r'(company = "[^"]*"\n)(role = "[^"]*"\n)', r"\2\1", text, count=1)
    return text.replace('location = "Lisbon (hybrid)"', "location = 'Lisbon (hybrid)'")


def saves(
    store: ApplicationStore, count: int, before: Callable[[], None] = lambda: None
) -> list[float]:
    times = []
    for n in range(count):
        before()
        began = time.perf_counter()
        store.update(APP_ID, lambda a, n=n: a.revised(notes=f"edit {n}"), None)
        times.append(time.perf_counter() - began)
    return times


def measure(text: bytes, count: int, before: Callable[[Path], None] | None = None) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        store = ApplicationStore(Path(tmp))
        path = store.path_for(APP_ID)
        path.parent.mkdir(parents=True)
        path.write_bytes(text)
        return saves(store, count, (lambda: before(path)) if before else lambda: None)


def tomlkit_import_ms() -> float:
    code = "import time; t = time.perf_counter(); import tomlkit; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--saves", type=int, default=200)
    args = parser.parse_args()
    plain = encode_application(application())
    commented = hand_commented(plain.decode("utf-8")).encode("utf-8")
    real_encode = store_module.encode_over

    def put_back(raw: bytes) -> Callable[[Path], None]:
        return lambda path: path.write_bytes(raw)

    def forget(_path: Path) -> None:
        hand_edits._known.clear()

    rows: list[tuple[str, int, list[float]]] = []
    # As before: the store encoded with tomli_w, whatever the file held.
    store_module.encode_over = lambda app, previous: hand_edits.Encoded(encode_application(app))
    rows.append(("plain, as before", len(plain), measure(plain, args.saves)))
    rows.append(
        (
            "hand-commented, as before (comments lost)",
            len(commented),
            measure(commented, args.saves, put_back(commented)),
        )
    )
    store_module.encode_over = real_encode
    rows.append(("plain", len(plain), measure(plain, args.saves)))
    rows.append(("plain, written elsewhere", len(plain), measure(plain, args.saves, forget)))
    kept_first = measure(commented, args.saves, put_back(commented))
    rows.append(("hand-commented, kept", len(commented), kept_first))
    rows.append(("hand-commented, kept, again", len(commented), measure(commented, args.saves)))

    print(f"Median and 90th percentile of {args.saves} durable saves of a one-field change.\n")
    print("| file | size | median save | 90th percentile |")
    print("| --- | ---: | ---: | ---: |")
    for name, size, times in rows:
        ninetieth = statistics.quantiles(times, n=10)[-1]
        print(
            f"| {name} | {size:,} B | {statistics.median(times) * 1000:.2f} ms "
            f"| {ninetieth * 1000:.2f} ms |"
        )
    print(
        f"\nImporting tomlkit (once per process, first hand-edited save): "
        f"{tomlkit_import_ms():.0f} ms"
    )


if __name__ == "__main__":
    main()
