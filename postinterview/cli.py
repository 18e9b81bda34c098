"""The command line: `postinterview` opens the app; subcommands serve scripts and shells."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import NoReturn, TextIO

from postinterview import __version__
from postinterview.clock import NOW_ENV, Clock, ClockError, clock_from_env, system_clock
from postinterview.commands import completion, info, merge_driver
from postinterview.commands.backup import run_backup
from postinterview.commands.data_folder import folder_problem
from postinterview.commands.demo import run_demo
from postinterview.commands.due import run_due
from postinterview.commands.export import FORMATS, format_for, run_export
from postinterview.commands.import_invite import (
    INVITE_HELP,
    add_invite_arguments,
    is_invite_file,
    run_invite_import,
)
from postinterview.commands.import_tracker import IMPORT_HELP, add_import_arguments, run_import
from postinterview.commands.listing import run_list
from postinterview.commands.output import SOME_REFUSED, fail, shown_stream
from postinterview.commands.restore import is_backup_file, run_restore
from postinterview.storage.paths import DATA_DIR_ENV, resolve_data_dir
from postinterview.storage.store import ApplicationStore
from postinterview.transfer.import_options import ImportOptions
from postinterview.workspace import Workspace


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake costs one line on stderr and exit code 2, not a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


EXPORT_HELP = """\
csv and json are a record of every application with its stage history (json holds each
record in full); md is a readable report grouped by stage; ics holds the planned actions
not yet done as all-day calendar events. Without --format, the extension of --output
decides (.csv, .json, .md, .ics). Exit code 0, or 1 if the file cannot be written.
"""

RESTORE_HELP = """\
Reads a backup made by `postinterview export --format json`. Each application keeps its id:
one not in the folder is created (the same file as before, byte for byte); one already here
with the same record is skipped; one changed here as late as the backup's copy or later is
kept as it is; one older here is replaced (its old version goes to its history). A file here
that is damaged or from a newer postinterview is never overwritten. Replaced and kept ones
are listed, entries that cannot be restored are named on stderr, and the others are still
restored. Exit code 0 when every entry was restored, replaced, already here or kept; 3 when
some were not restored (damaged in the backup, or the file here may not be overwritten); 1
when it cannot be read, is not a backup, or saving fails. --dry-run exits as the restore would.
"""

BACKUP_HELP = """\
Copies the whole data folder (applications, settings, drafts, deleted, quarantine,
migrated, history) into a new folder postinterview-backup-YYYY-MM-DDTHHMMSS in DIR (default:
the current folder), private to you, while no save is under way. Use the copy as --data-dir,
or copy files back from it. Exit code 0, or 1 if the copy cannot be made (nothing is left
half-made).
"""

DUE_HELP = """\
One line per action: overdue ones first, then by deadline. --json prints a list of objects
(application_id, company, role, entry_id, item_id, text, state, due_at, ...). --notify also
shows one desktop notification when something is due (notify-send, osascript, else a terminal
escape), e.g. from cron. Exit code 0.
"""


EPILOG = f"""\
Exit codes: 0 done; 1 a file or the data folder cannot be read or written; 2 a wrong
argument; {SOME_REFUSED} some entries taken and some refused (import, restore: each refused one
is named on stderr). For tests, ${NOW_ENV} (e.g. 2026-11-20T15:30:00+00:00) fixes the
current time.
"""

DIR_HELP = f"folder for your data (default: ${DATA_DIR_ENV}, else your user data folder)"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = _Parser(
        prog="postinterview",
        description="A companion for the days after a job interview.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"postinterview {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=DIR_HELP,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    listing = commands.add_parser("list", help="print your applications")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    commands.add_parser("board", help="open the app on the pipeline board")
    due = commands.add_parser(
        "due", help="print what is due or overdue today", description=DUE_HELP
    )
    due.add_argument("--json", action="store_true", help="print JSON for scripts")
    due.add_argument(
        "--notify", action="store_true", help="also show a desktop notification of what is due"
    )
    export = commands.add_parser(
        "export",
        help="export applications (csv, json, md) or the plan (ics)",
        description=EXPORT_HELP,
    )
    export.add_argument("--format", choices=FORMATS, help="what to write")
    export.add_argument(
        "--output", "-o", metavar="FILE", type=Path, help="write to FILE (default: stdout)"
    )
    importing = commands.add_parser(
        "import",
        help="add applications from a spreadsheet saved as CSV, or from a backup",
        description=IMPORT_HELP + INVITE_HELP,
    )
    add_import_arguments(importing)
    add_invite_arguments(importing)
    restoring = commands.add_parser(
        "restore", help="bring applications back from a JSON backup", description=RESTORE_HELP
    )
    restoring.add_argument("file", metavar="FILE", type=Path, help="the backup (.json)")
    restoring.add_argument(
        "--dry-run", action="store_true", help="say what would happen, without saving"
    )
    backup = commands.add_parser(
        "backup", help="copy the whole data folder into a new dated folder", description=BACKUP_HELP
    )
    backup.add_argument(
        "dir", metavar="DIR", type=Path, nargs="?", default=Path("."), help="where to put it"
    )
    demo = commands.add_parser(
        "demo",
        help="open the app on sample data in a new temporary folder",
        description="Without --data-dir, your data folder is never touched; with it, the folder"
        " must be new or empty. The sample folder is kept.",
    )
    demo.add_argument(
        "--no-open", action="store_true", help="only create the folder and print where it is"
    )
    merge_driver.add_parser(commands)
    about = commands.add_parser("info", help="show where your data is kept", description=info.HELP)
    about.add_argument("--json", action="store_true", help="print JSON for scripts")
    shell = commands.add_parser(
        "completion", help="print a shell completion script", description=completion.HELP
    )
    shell.add_argument("shell", choices=completion.SHELLS, help="the shell it is for")
    for subcommand in commands.choices.values():  # `postinterview list --data-dir X` too
        subcommand.add_argument(
            "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=DIR_HELP
        )
    return parser


def main(
    argv: Sequence[str] | None = None,
    workspace_ready: Callable[[Workspace], None] | None = None,
) -> int:
    """The command line. Returns the exit code. `workspace_ready` is shown the app's
    workspace before the app starts (the entry point's collector policy uses it)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "export" and args.format is None:
        args.format = format_for(args.output)
        if args.format is None:
            parser.error("export needs --format csv, json, md or ics")
    try:
        code = _dispatch(args, workspace_ready)
        sys.stdout.flush()  # here, so a closed pipe is caught below rather than at exit
        return code
    except ClockError as error:
        return fail(str(error))
    except BrokenPipeError:
        # The reader went away (`postinterview due | head -1`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _dispatch(args: argparse.Namespace, workspace_ready: Callable[[Workspace], None] | None) -> int:
    if args.command == "merge-driver":  # git's three files, not the data folder
        return merge_driver.run(args)
    if args.command == "completion":
        return completion.run_completion(build_parser(), args.shell, sys.stdout)
    if args.command == "demo":  # only a --data-dir given for it, and only if new or empty
        clock = clock_from_env()
        opener = (
            None
            if args.no_open
            else partial(_run_app, start_mode="board", clock=clock, workspace_ready=workspace_ready)
        )
        root = Path(args.data_dir).expanduser() if args.data_dir else None
        return run_demo(clock(), opener, shown_stream(sys.stdout), root)
    out = shown_stream(sys.stdout)  # what commands print for people: shown, never obeyed
    data_dir = resolve_data_dir(args.data_dir)
    if args.command == "info":  # reads nothing, creates nothing
        return info.run_info(data_dir, args.json, out)
    if problem := folder_problem(data_dir):
        return fail(f"the data folder {data_dir} {problem}")
    store = ApplicationStore(data_dir)
    if args.command == "list":
        return run_list(store, as_json=args.json, out=out)
    if args.command == "due":
        notify_on = sys.stdout if args.notify else None
        return run_due(store, clock_from_env()(), args.json, out, notify_on)
    if args.command == "export":
        output = None if args.output == Path("-") else args.output
        return run_export(store, clock_from_env()(), args.format, output)
    if args.command == "import" and is_invite_file(args.file):
        return _import_invite(store, args, out)
    if args.command == "import" and (args.application or args.new):
        return fail("--application and --new are for an invitation (.ics), not a tracker file")
    if args.command == "restore" or (args.command == "import" and is_backup_file(args.file)):
        return run_restore(store, args.file, args.dry_run, out)
    if args.command == "import":
        options = ImportOptions(
            columns=dict(args.map), stages=dict(args.stage), day_order=args.day_order
        )
        return run_import(store, args.file, clock_from_env()(), args.dry_run, out, options)
    if args.command == "backup":
        return run_backup(data_dir, args.dir, clock_from_env()(), out)
    start_mode = "board" if args.command == "board" else None
    return _run_app(store, start_mode, clock_from_env(), workspace_ready)


def _import_invite(store: ApplicationStore, args: argparse.Namespace, out: TextIO) -> int:
    if args.map or args.stage:
        return fail("--map and --stage are for a tracker file, not an invitation (.ics)")
    new = tuple(args.new) if args.new else None
    now = clock_from_env()()
    return run_invite_import(store, args.file, now, args.dry_run, out, args.application, new)


def _run_app(
    store: ApplicationStore,
    start_mode: str | None,
    clock: Clock = system_clock,
    workspace_ready: Callable[[Workspace], None] | None = None,
) -> int:
    # Imported here so that `postinterview list` does not pay for loading Textual.
    from postinterview.app import PostInterviewApp
    from postinterview.commands.app_import import preview_path

    workspace = Workspace(store, clock)
    if workspace_ready is not None:
        workspace_ready(workspace)
    app = PostInterviewApp(workspace, start_mode or start_mode_for(store), preview_path)
    app.run()
    return app.return_code or 0  # 143 when ended by SIGTERM


def start_mode_for(store: ApplicationStore) -> str:
    """Today once there is data, else the welcome of the applications list. Listing the folder
    is cheap; reading the files happens once the app is up."""
    return "today" if store.has_files() else "applications"


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
