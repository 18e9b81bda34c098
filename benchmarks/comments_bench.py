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
- hand-commented, kept, again: saving the kept file again and again (the app's usual case);
- the same two with an interviewer of the second interview renamed instead of the notes.
The cases take turns, one save each, so that a busy disk slows them alike. The last column
is the same saves' new bytes computed in memory alone (`encode_over`): the cost besides the
disk. Also the one-off import of tomlkit, paid by the first save of a hand-edited file.
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
from dataclasses import dataclass, field
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


@dataclass
class Case:
    """One row: a file, how it is saved, and what happens (untimed) before each save."""

    name: str
    raw: bytes
    as_before: bool = False
    """Encode with tomli_w whatever the file holds, as every save did before."""
    put_back: bool = False
    """Write `raw` back before each save: the save right after a hand edit."""
    forget: bool = False
    """Clear the process's memory of its own writes: a file another window wrote."""
    change: Callable[[Application, int], Application] = lambda a, n: a.revised(notes=f"edit {n}")
    """The one-field change: the notes, or (`rename`) an interviewer's name."""
    saves: list[float] = field(default_factory=list)
    encodes: list[float] = field(default_factory=list)


def rename(application: Application, n: int) -> Application:
    """The first interviewer of the second interview renamed: a change past the first table,
    so the whole file is read with tomlkit."""
    interviews = list(application.interviews)
    people = list(interviews[1].interviewers)
    people[0] = people[0].revised(name=f"Ana Ruiz {n}")
    interviews[1] = interviews[1].revised(interviewers=people)
    return application.revised(interviews=interviews)


def run(cases: list[Case], rounds: int) -> None:
    """`rounds` saves of each case, interleaved, so that a busy disk slows them alike."""
    real_encode = store_module.encode_over
    with tempfile.TemporaryDirectory() as tmp:
        stores = []
        for index, case in enumerate(cases):
            store = ApplicationStore(Path(tmp) / str(index))
            store.path_for(APP_ID).parent.mkdir(parents=True)
            store.path_for(APP_ID).write_bytes(case.raw)
            stores.append(store)
        for n in range(rounds):
            for case, store in zip(cases, stores, strict=True):
                path = store.path_for(APP_ID)
                if case.put_back:
                    path.write_bytes(case.raw)
                if case.forget:  # this file only: the other cases keep theirs
                    hand_edits._known.pop(hand_edits._digest(path.read_bytes()), None)
                store_module.encode_over = plain_encode if case.as_before else real_encode
                began = time.perf_counter()
                store.update(APP_ID, lambda a, n=n, c=case: c.change(a, n), None)
                case.saves.append(time.perf_counter() - began)
        store_module.encode_over = real_encode
        for case, store in zip(cases, stores, strict=True):
            case.encodes = encodes(case, store.load(APP_ID).application, rounds)
    store_module.encode_over = real_encode


def encodes(case: Case, application: Application, rounds: int) -> list[float]:
    """The same saves' new bytes alone, in memory: what a save costs besides the disk."""
    encode = plain_encode if case.as_before else hand_edits.encode_over
    previous = case.raw
    times = []
    for n in range(rounds):
        if case.forget:
            hand_edits._known.pop(hand_edits._digest(previous), None)
        edited = case.change(application, n + rounds)
        began = time.perf_counter()
        data = encode(edited, previous).data
        times.append(time.perf_counter() - began)
        previous = case.raw if case.put_back else data
    return times


def plain_encode(application: Application, previous: bytes | None) -> hand_edits.Encoded:
    return hand_edits.Encoded(encode_application(application))


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
    cases = [
        Case("plain, as before", plain, as_before=True),
        Case("plain", plain),
        Case("plain, written elsewhere", plain, forget=True),
        Case("hand-commented, as before (comments lost)", commented, True, put_back=True),
        Case("hand-commented, kept", commented, put_back=True),
        Case("hand-commented, kept, again", commented),
        Case(
            "hand-commented, kept: an interviewer renamed", commented, put_back=True, change=rename
        ),
        Case("hand-commented, kept, again: an interviewer renamed", commented, change=rename),
    ]
    run(cases, args.saves)

    print(f"Medians of {args.saves} saves of a one-field change, the cases interleaved.\n")
    print("| file | size | durable save | its 90th percentile | of which: the new bytes |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for case in cases:
        ninetieth = statistics.quantiles(case.saves, n=10)[-1]
        print(
            f"| {case.name} | {len(case.raw):,} B | {statistics.median(case.saves) * 1000:.2f} ms "
            f"| {ninetieth * 1000:.2f} ms | {statistics.median(case.encodes) * 1000:.2f} ms |"
        )
    print(
        f"\nImporting tomlkit (once per process, first hand-edited save): "
        f"{tomlkit_import_ms():.0f} ms"
    )


if __name__ == "__main__":
    main()
