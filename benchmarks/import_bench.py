"""What importing a large tracker costs: a CSV of 100,000 rows, dry run and real.

    .venv/bin/python benchmarks/import_bench.py [--rows 100000] [--phases dry real rerun]

Writes a CSV of `--rows` rows (the columns a sheet template has: company, role, status, date
applied, location, link, contact, notes and two the import keeps in the notes) to a temporary
folder, then runs each phase in a fresh child process, so each one's peak resident memory is
its own (VmHWM), through the real command function (`commands.import_tracker.run_import`, as
`postinterview import` calls it) into a temporary data folder:
- dry: `import --dry-run` (reads, maps, checks duplicates, writes nothing);
- real: `import` into the empty folder (every application saved durably);
- rerun: the same file again into the now full folder (every row skipped as present);
- json-dry: the same rows as a JSON list of objects (a ghosted-style export), dry run.
For each it prints the wall time, the rate, the peak resident memory of the child
(VmHWM) and, in a second child run with tracemalloc on (slower, so not timed), the peak
of Python's own allocations. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
STATUSES = ("Applied", "Phone screen", "Interview", "Offer", "Rejected", "Ghosted", "Withdrawn")
HEADER = (
    "Company", "Job Title", "Status", "Date Applied", "Location", "Job Link", "Contact",
    "Notes", "Salary", "Referral",
)  # fmt: skip


def write_tracker(path: Path, rows: int) -> int:
    """A realistic sheet of `rows` distinct applications; its size in bytes."""
    rng = Random(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        first = date(2024, 1, 1)
        for n in range(rows):
            company = f"{rng.choice(('Acme', 'Initech', 'Hooli', 'Stark', 'Wayne'))} {n:06d} Ltd"
            writer.writerow(
                (
                    company,
                    rng.choice(("Backend Engineer", "Data Analyst", "Product Designer", "SRE")),
                    rng.choice(STATUSES),
                    (first + timedelta(days=n % 1000)).isoformat(),
                    rng.choice(("Leeds", "Remote", "Berlin", "Lyon, France")),
                    f"https://jobs.example/{n}",
                    rng.choice(("", "Jane Doe <jane@agency.example>", "Sam Lee")),
                    rng.choice(("", "Nice team; asked about on-call.", "Referred by a friend.")),
                    rng.choice(("", "£50,000", "60-70k")),
                    rng.choice(("", "yes", "no")),
                )
            )
    return path.stat().st_size


def write_json(csv_path: Path, path: Path) -> int:
    """The sheet's rows as a JSON list of objects keyed by its header; its size in bytes."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        items = list(csv.DictReader(handle))
    path.write_text(json.dumps(items, ensure_ascii=False, indent=2), encoding="utf-8")
    return path.stat().st_size


def peak_rss_kib() -> int:
    """This process's peak resident memory: VmHWM, which (unlike ru_maxrss, which keeps the
    parent's figure across fork and exec) is this program's own; ru_maxrss where there is no
    /proc."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))


def child(phase: str, tracker: Path, data: Path, traced: bool) -> None:
    """One phase, in this process; prints a JSON line of its figures."""
    from postinterview.commands.import_tracker import run_import
    from postinterview.storage.store import ApplicationStore

    if traced:
        tracemalloc.start()
    out = io.StringIO()
    began = time.perf_counter()
    dry_run = phase in ("dry", "json-dry")  # rerun is real: every row is present, none saved
    code = run_import(ApplicationStore(data), tracker, NOW, dry_run, out)
    seconds = time.perf_counter() - began
    peak = tracemalloc.get_traced_memory()[1] if traced else 0
    rss_kib = peak_rss_kib()
    summary = out.getvalue().strip().splitlines()[-1]
    print(json.dumps({"code": code, "seconds": seconds, "peak": peak, "rss_kib": rss_kib,
                      "summary": summary}))  # fmt: skip


def run_child(phase: str, tracker: Path, data: Path, traced: bool) -> dict[str, object]:
    command = [sys.executable, __file__, "--child", phase, str(tracker), str(data)]
    command += ["--traced"] if traced else []
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    figures: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--phases", nargs="+", default=["dry", "real", "rerun", "json-dry"],
        choices=["dry", "real", "rerun", "json-dry"],
    )  # fmt: skip
    parser.add_argument("--no-traced", action="store_true", help="skip the tracemalloc runs")
    parser.add_argument("--child", nargs=3, metavar=("PHASE", "TRACKER", "DATA"))
    parser.add_argument("--traced", action="store_true")
    args = parser.parse_args()
    if args.child:
        phase, tracker, data = args.child
        child(phase, Path(tracker), Path(data), args.traced)
        return
    with tempfile.TemporaryDirectory() as tmp:
        tracker = Path(tmp) / "tracker.csv"
        size = write_tracker(tracker, args.rows)
        as_json = Path(tmp) / "tracker.json"
        json_size = write_json(tracker, as_json) if "json-dry" in args.phases else 0
        print(f"{args.rows:,} rows, {size / 2**20:.1f} MiB as CSV, {json_size / 2**20:.1f} MiB "
              f"as JSON, Python {sys.version.split()[0]}, {os.cpu_count()} cores\n")  # fmt: skip
        print("| phase | wall s | rows/s | peak RSS MiB | peak traced MiB | summary |")
        print("|---|---:|---:|---:|---:|---|")
        for phase in args.phases:
            data, source = Path(tmp) / "data", tracker
            if phase == "json-dry":
                source, data = as_json, Path(tmp) / "empty"
            timed = run_child(phase, source, data, traced=False)
            peak = "-"
            if not args.no_traced and phase != "real":  # a traced real run would save again
                traced = run_child(phase, source, data, traced=True)
                peak = f"{int(str(traced['peak'])) / 2**20:.0f}"
            seconds = float(str(timed["seconds"]))
            rss = int(str(timed["rss_kib"])) / 1024
            print(f"| {phase} | {seconds:.1f} | {args.rows / seconds:,.0f} | {rss:.0f} | "
                  f"{peak} | {timed['summary']} |")  # fmt: skip


if __name__ == "__main__":
    main()
