"""The command line: `postinterview` opens the app; subcommands serve scripts and shells."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

from postinterview import __version__
from postinterview.domain.models import Application
from postinterview.storage.paths import DATA_DIR_ENV, resolve_data_dir
from postinterview.storage.store import ApplicationStore, LoadResult
from postinterview.ui.formatting import display_width, local_date, one_line, pad


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake costs one line on stderr and exit code 2, not a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = _Parser(
        prog="postinterview",
        description="A companion for the days after a job interview.",
    )
    parser.add_argument("--version", action="version", version=f"postinterview {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"folder for your data (default: ${DATA_DIR_ENV}, else your user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    listing = commands.add_parser("list", help="print your applications")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    commands.add_parser("board", help="open the app on the pipeline board")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `postinterview` console script. Returns the exit code."""
    args = build_parser().parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir)
    if data_dir.exists() and not data_dir.is_dir():
        return _fail(f"the data folder {data_dir} is a file, not a folder")
    store = ApplicationStore(data_dir)
    if args.command == "list":
        return _list(store, as_json=args.json)
    return _run_app(store, "board" if args.command == "board" else None)


def _run_app(store: ApplicationStore, start_mode: str | None) -> int:
    # Imported here so that `postinterview list` does not pay for loading Textual.
    from postinterview.app import PostInterviewApp

    PostInterviewApp(store, start_mode=start_mode).run()
    return 0


def _fail(message: str) -> int:
    print(f"postinterview: error: {message}", file=sys.stderr)
    return 1


def _list(store: ApplicationStore, as_json: bool, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    result = store.load_all()
    _warn_about_problems(result)
    applications = sorted(
        (stored.application for stored in result.applications),
        key=lambda app: app.updated_at,
        reverse=True,
    )
    if as_json:
        json.dump([_summary(app) for app in applications], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif not applications:
        out.write(f"No applications yet in {store.root}. Run `postinterview` to add one.\n")
    else:
        out.write(_table(applications))
    return 0


def _warn_about_problems(result: LoadResult) -> None:
    for problem in result.problems:
        print(f"postinterview: warning: skipped {problem.describe()}", file=sys.stderr)


def _summary(app: Application) -> dict[str, Any]:
    """One application as plain JSON values."""
    last_interview = max((i.at for i in app.interviews), default=None)
    return {
        "id": app.id,
        "company": app.company,
        "role": app.role,
        "stage": app.stage.value,
        "created_at": app.created_at.isoformat(),
        "updated_at": app.updated_at.isoformat(),
        "applied_on": app.applied_on.isoformat() if app.applied_on else None,
        "last_interview_at": last_interview.isoformat() if last_interview else None,
        "stage_changed_at": app.stage_history[-1].at.isoformat() if app.stage_history else None,
    }


def _table(applications: list[Application]) -> str:
    header = ("ID", "COMPANY", "ROLE", "STAGE", "UPDATED")
    rows = [
        (
            app.id,
            one_line(app.company, 30),
            one_line(app.role, 30),
            app.stage.label,
            local_date(app.updated_at),
        )
        for app in applications
    ]
    widths = [max(display_width(row[col]) for row in [header, *rows]) for col in range(len(header))]
    lines = [
        "  ".join(pad(cell, width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
