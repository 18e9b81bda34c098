"""The core knows nothing of Textual: domain and storage import without it."""

from __future__ import annotations

import subprocess
import sys

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
    "module", ["postinterview.storage.store", "postinterview.cli", "postinterview.ui.formatting"]
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
