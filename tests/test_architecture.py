"""The parts and their arrows (DESIGN §7): the core knows nothing of Textual, the UI nothing
of storage, and every import goes the way the design says."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

IMPORT_ALL_DOMAIN = (
    "import sys, importlib, pkgutil, postinterview.domain as d\n"
    "for m in pkgutil.iter_modules(d.__path__):\n"
    "    importlib.import_module('postinterview.domain.' + m.name)\n"
)


def _run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize(
    "module",
    [
        "postinterview.storage.store",
        "postinterview.workspace",
        "postinterview.cli",
        "postinterview.formatting",
    ],
)
def test_core_modules_do_not_import_textual(module: str) -> None:
    code = (
        IMPORT_ALL_DOMAIN + f"importlib.import_module({module!r})\nprint('textual' in sys.modules)"
    )
    assert _run(code) == "False"


def test_the_domain_does_not_import_storage_or_textual() -> None:
    code = IMPORT_ALL_DOMAIN + (
        "banned = ('postinterview.storage', 'textual')\n"
        "print(sorted(m for m in sys.modules if m.startswith(banned)))"
    )
    assert _run(code) == "[]"


def test_transfer_formats_and_demo_data_are_pure() -> None:
    """The export and import formats, and the demo data, know neither storage nor Textual."""
    code = (
        "import sys, importlib, pkgutil, postinterview.transfer as t\n"
        "for m in pkgutil.iter_modules(t.__path__):\n"
        "    importlib.import_module('postinterview.transfer.' + m.name)\n"
        "importlib.import_module('postinterview.demo')\n"
        "banned = ('postinterview.storage', 'postinterview.ui', 'textual')\n"
        "print(sorted(m for m in sys.modules if m.startswith(banned)))"
    )
    assert _run(code) == "[]"


# The arrows between the parts (DESIGN §7), read from every import statement, lazy ones too --

PACKAGE = Path(__file__).resolve().parent.parent / "postinterview"

PART_OF_MODULE = {
    "postinterview.app": "app",
    "postinterview.cli": "cli",
    "postinterview.launch": "cli",
    "postinterview.__main__": "cli",
    "postinterview.commands": "cli",
    "postinterview.demo": "demo",
    "postinterview.clock": "shared",
    "postinterview.formatting": "shared",
    "postinterview": "shared",  # the version
    "postinterview.domain": "domain",
    "postinterview.content": "content",
    "postinterview.storage": "storage",
    "postinterview.workspace": "workspace",
    "postinterview.transfer": "transfer",
    "postinterview.ui": "ui",
}
"""Each module belongs to the part named by its longest matching prefix."""

ALLOWED = {
    "cli": {"app", "workspace", "storage", "transfer", "domain", "demo", "shared"},
    "app": {"ui", "workspace", "shared"},
    "ui": {"workspace", "domain", "shared"},
    "workspace": {"storage", "domain", "shared"},
    "storage": {"domain", "shared"},
    "transfer": {"domain", "shared"},
    "demo": {"domain", "shared"},
    "domain": {"content", "shared"},
    "shared": {"domain"},  # formatting knows the domain's rule for a deadline's day
    "content": set(),
}
"""Which parts each part may import (besides itself)."""

NO_TEXTUAL = {"domain", "storage", "workspace", "transfer", "demo", "shared", "cli"}
"""Parts that must not import Textual or Rich themselves (the command line reaches the UI
only through the app, which it imports when it opens it)."""


def part_of(module: str) -> str | None:
    matches = [
        prefix for prefix in PART_OF_MODULE if module == prefix or module.startswith(prefix + ".")
    ]
    return PART_OF_MODULE[max(matches, key=len)] if matches else None


def imports_of(path: Path) -> Iterator[tuple[str, int]]:
    """Every module `path` imports, with the line, wherever the import statement is."""
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, node.lineno


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def test_every_import_follows_the_arrows_between_the_parts() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = part_of(module_name(path))
        assert source is not None, f"{path} belongs to no part: add it to PART_OF_MODULE"
        for imported, line in imports_of(path):
            target = part_of(imported) if imported.startswith("postinterview") else None
            if target is not None and target != source and target not in ALLOWED[source]:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} {source} -> {target}")
            is_textual = imported == "textual" or imported.startswith(("textual.", "rich"))
            if is_textual and source in NO_TEXTUAL:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} {source} -> textual")
    assert wrong == []


def test_the_arrow_check_sees_a_wrong_import() -> None:
    """The check above could fail: a storage module importing the UI is caught."""
    assert part_of("postinterview.storage.store") == "storage"
    assert part_of("postinterview.ui.screens.board") == "ui"
    assert "ui" not in ALLOWED["storage"] and "storage" not in ALLOWED["ui"]
    assert "textual" not in {
        part_of(m) for m, _ in imports_of(PACKAGE / "workspace" / "workspace.py")
    }
