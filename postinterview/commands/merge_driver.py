"""`postinterview merge-driver`: git's merge driver for application files.

git calls it with three files (`%O %A %B`: the common ancestor, ours, theirs) when both
branches changed the same application; the result goes into the second. The three are read by
the store's codec (migrations included) and merged field by field with the one whole-record
rule (`domain.record_merge`), so one machine's stage move and another's notes both land, and
`updated_at`, which every save rewrites, takes the later time instead of conflicting. The merge
is written as an ordinary file this version's codec wrote (its header, `schema_version`, the
`[file_end]` table naming this version), exactly what a save would have written.

When the two sides changed the same field differently, or a file cannot be read with today's
models (damaged, or from a newer postinterview), git's own line merge runs instead, so the
person meets ordinary conflict markers, and the exit code 1 tells git the merge is unfinished.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from postinterview.commands.merge_install import install
from postinterview.commands.output import PROG, fail, one_line
from postinterview.domain.editing import describe_validation_error
from postinterview.domain.models import Application
from postinterview.domain.record_merge import merge_records
from postinterview.storage.atomic import write_atomic
from postinterview.storage.codec import (
    MAX_FILE_BYTES,
    DamagedFile,
    UnsavableRecord,
    decode_record,
)
from postinterview.storage.hand_edits import encode_over
from postinterview.storage.paths import resolve_data_dir
from postinterview.storage.toml_guard import BOM

HELP = """\
git runs this when two branches both changed an application file: BASE, OURS and THEIRS are
git's %O %A %B (and PATH its %P, optional). Changes to different fields are merged into OURS
(exit 0); where both sides changed the same field, or a file cannot be read, git's line merge
leaves conflict markers in OURS (exit 1). --install [DIR] sets this up for the git repository
holding the data folder (DIR, default the data folder): the .gitattributes line and the git
config. Every clone needs --install once (git does not copy its config); commit .gitattributes.
"""


def add_parser(commands: Any) -> None:
    """The `merge-driver` subcommand, on the command line's subparsers."""
    merging = commands.add_parser(
        "merge-driver", help="merge two versions of an application file (for git)", description=HELP
    )
    merging.add_argument(
        "files", nargs="*", metavar="FILE", help="BASE OURS THEIRS [PATH], as git passes them"
    )
    merging.add_argument(
        "--install",
        nargs="?",
        const="",
        metavar="DIR",
        help="set up the git repository of DIR (default: the data folder) to use this driver",
    )


def run(args: argparse.Namespace) -> int:
    """The subcommand, from its parsed arguments."""
    if args.install is not None:
        if args.files:
            return _usage("--install takes no files")
        return install(resolve_data_dir(args.install or args.data_dir))
    if len(args.files) not in (3, 4):
        return _usage("give BASE OURS THEIRS [PATH] (git's %O %A %B %P), or --install")
    base, ours, theirs = (Path(name) for name in args.files[:3])
    shown = args.files[3] if len(args.files) == 4 else ours.name
    return merge_driver(base, ours, theirs, shown)


@dataclass(frozen=True)
class FieldMerge:
    """What the field-by-field merge of three versions gave."""

    data: bytes | None
    """The merged file, ready to write; None when there is no clean merge."""
    reason: str = ""
    """Why not, for people: the fields both sides changed, or the file that cannot be read."""
    sides: tuple[bytes, bytes, bytes] | None = None
    """On a clash: base, ours and theirs rewritten so that they differ only where the two
    sides clash (each side with the other's other changes taken in), for git's line merge to
    mark just that. None when the files are to be line-merged as they are."""


class _NoFieldMerge(Exception):
    """The versions cannot be merged field by field; the message says why."""


def merge_versions(base: bytes, ours: bytes, theirs: bytes) -> FieldMerge:
    """Merge the three file contents field by field (no files touched)."""
    try:
        # An empty ancestor: both branches added the file (git gives an empty %O).
        base_record = {} if not base.strip() else _record(base, "the common ancestor")
        records = (base_record, _record(ours, "ours"), _record(theirs, "theirs"))
        merge = merge_records(*records)
        if merge.clashes:
            return FieldMerge(
                None, f"both sides changed {', '.join(merge.clashes)}", _sides(*records)
            )
        return FieldMerge(_encode(merge.record, over=ours))  # ours' comments stay
    except _NoFieldMerge as error:
        return FieldMerge(None, str(error))


def _sides(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]
) -> tuple[bytes, bytes, bytes] | None:
    # The merge keeps `theirs` where the two clash; with the sides swapped, ours.
    try:
        their_side = _encode(merge_records(base, ours, theirs).record)
        our_side = _encode(merge_records(base, theirs, ours).record)
        return (_encode(base) if base else b"", our_side, their_side)
    except _NoFieldMerge:
        return None


def _encode(record: dict[str, Any], over: bytes | None = None) -> bytes:
    """`record` as a file this version writes, if it is a valid application; written over
    the text `over`, the person's comments and layout there are kept (as a save keeps them)."""
    try:
        return encode_over(Application.model_validate(record), over).data
    except ValidationError as error:
        problem = describe_validation_error(error)[0]
        raise _NoFieldMerge(f"the merged application would not be valid ({problem})") from error
    except UnsavableRecord as error:
        raise _NoFieldMerge(str(error)) from error


def _record(raw: bytes, side: str) -> dict[str, Any]:
    try:
        decoded = decode_record(raw)
    except DamagedFile as error:
        raise _NoFieldMerge(f"{side} cannot be read ({error.describe()})") from error
    if decoded.newer_schema is not None:
        raise _NoFieldMerge(
            f"{side} was written by a newer postinterview (schema {decoded.newer_schema})"
        )
    return decoded.data


def merge_driver(base: Path, ours: Path, theirs: Path, shown: str) -> int:
    """Merge into `ours`: 0 when merged field by field, else 1 after git's line merge."""
    try:
        contents = [_read(path) for path in (base, ours, theirs)]
    except OSError as error:
        return fail(f"merge-driver: {shown}: cannot read {error.filename}: {error.strerror}")
    merged = merge_versions(*contents)
    if merged.data is not None:
        try:
            write_atomic(ours, merged.data)
            return 0
        except OSError as error:
            _say(f"{shown}: the merge could not be written ({error.strerror or error})")
            return 1
    lines = _line_merge(*(merged.sides or contents))
    if lines is None and merged.sides is not None:
        lines = _line_merge(*contents)
    if lines is None:
        _say(f"{shown}: {merged.reason}: git could not merge it, so it is left as ours")
        return 1
    try:
        write_atomic(ours, lines)
    except OSError as error:
        _say(f"{shown}: {merged.reason}: it could not be written ({error.strerror or error})")
        return 1
    _say(f"{shown}: {merged.reason}: merged line by line; finish it at git's conflict markers")
    return 1


def _read(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(len(BOM) + MAX_FILE_BYTES + 1)  # the codec refuses a longer file


def _line_merge(base: bytes, ours: bytes, theirs: bytes) -> bytes | None:
    """git's own line merge of the three, with conflict markers; None if git cannot do it."""
    with tempfile.TemporaryDirectory(prefix="postinterview-merge-") as folder:
        files = []
        for name, data in (("ours", ours), ("base", base), ("theirs", theirs)):
            path = Path(folder) / name
            path.write_bytes(data)
            files.append(str(path))
        command = ["git", "merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs"]
        try:
            done = subprocess.run([*command, *files], capture_output=True, check=False)
        except OSError:
            return None  # no git
    # merge-file exits with the number of conflicts (at most 127), or higher on an error.
    return done.stdout if 0 <= done.returncode <= 127 else None


def _usage(message: str) -> int:
    """A wrong argument: one line and exit code 2, as for every command."""
    print(f"{PROG} merge-driver: error: {message} (see --help)", file=sys.stderr)
    return 2


def _say(message: str) -> None:
    print(f"{PROG} merge-driver: {one_line(message)}", file=sys.stderr)
