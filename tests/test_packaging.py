"""The wheel: built offline from a copy of the project, its metadata read back, installed into a
fresh virtual environment and its command run from the installed files."""

from __future__ import annotations

import email
import email.message
import os
import re
import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

import postinterview

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("pyproject.toml", "README.md", "LICENSE")


def _setuptools_builds_wheels() -> bool:
    """setuptools 70.1 and later build wheels without the separate `wheel` package."""
    try:
        found = metadata.version("setuptools")
    except metadata.PackageNotFoundError:
        return False
    numbers = tuple(int(part) for part in re.findall(r"\d+", found)[:2])
    return numbers >= (70, 1)


pytestmark = pytest.mark.skipif(
    not _setuptools_builds_wheels(),
    reason='needs setuptools>=70.1 in this venv: pip install -e ".[test]"',
)


def _offline_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    env.update(PIP_NO_INDEX="1", PIP_NO_INPUT="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build from a copy, so the build leaves nothing in the work tree."""
    source = tmp_path_factory.mktemp("source")
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "postinterview",
        source / "postinterview",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation"]
    done = subprocess.run(
        [*command, "--no-index", "-q", "-w", str(out)],
        cwd=source,
        env=_offline_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    (built,) = out.glob("*.whl")
    return built


def _read(wheel: Path, name: str) -> str:
    with zipfile.ZipFile(wheel) as archive:
        return archive.read(f"postinterview-{postinterview.__version__}.dist-info/{name}").decode()


def _metadata(wheel: Path) -> email.message.Message:
    return email.message_from_string(_read(wheel, "METADATA"))


def test_the_wheel_is_named_for_the_version_and_any_platform(wheel: Path) -> None:
    assert wheel.name == f"postinterview-{postinterview.__version__}-py3-none-any.whl"


def test_the_metadata_names_the_project_its_license_and_its_audience(wheel: Path) -> None:
    meta = _metadata(wheel)
    assert meta["Name"] == "postinterview"
    assert meta["Version"] == postinterview.__version__
    assert meta["License"] == "MIT"
    assert meta["Author"] == "postinterview contributors"
    assert meta["Requires-Python"] == ">=3.11"
    classifiers = set(meta.get_all("Classifier") or [])
    for wanted in (
        "Environment :: Console",
        "Intended Audience :: End Users/Desktop",
        "License :: OSI Approved :: MIT License",
        "Topic :: Office/Business",
        "Typing :: Typed",
    ):
        assert wanted in classifiers
    assert any(one.startswith("Development Status :: ") for one in classifiers)
    assert "job search" in meta["Keywords"].split(",")
    assert not meta.get_all("Project-URL")  # there are none to give yet


def test_the_python_versions_listed_all_meet_requires_python(wheel: Path) -> None:
    listed = [
        one.rsplit(" ", 1)[-1]
        for one in _metadata(wheel).get_all("Classifier") or []
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", one)
    ]
    assert listed and listed[0] == "3.11"
    assert all(int(minor.split(".")[1]) >= 11 for minor in listed)


def test_the_wheel_requires_what_pyproject_lists(wheel: Path) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def name(requirement: str) -> str:
        return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower()

    required = _metadata(wheel).get_all("Requires-Dist") or []
    runtime = {name(one) for one in required if "extra ==" not in one}
    assert runtime == {name(one) for one in project["dependencies"]}
    assert {"textual", "pydantic", "tomlkit"} <= runtime


def test_the_license_and_the_package_files_are_inside(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    licence = f"postinterview-{postinterview.__version__}.dist-info/licenses/LICENSE"
    assert licence in names or licence.replace("licenses/", "") in names
    inside = next(one for one in names if one.endswith("/LICENSE"))
    with zipfile.ZipFile(wheel) as archive:
        assert "postinterview contributors" in archive.read(inside).decode()
    for data in (
        "postinterview/py.typed",
        "postinterview/content/checklist.toml",
        "postinterview/content/drafts.toml",
        "postinterview/content/signals.toml",
        "postinterview/ui/theme.tcss",
    ):
        assert data in names
    assert not any(one.startswith("tests/") for one in names)


def test_installed_in_a_fresh_venv_it_answers_version(wheel: Path, tmp_path: Path) -> None:
    """pip installs the wheel, offline and without its dependencies, into a venv that sees no
    other packages; the dependencies are not there, so the dev venv's Python runs the
    installed files (placed first on its path) through the console script pip wrote."""
    home = tmp_path / "venv"
    venv.create(home, with_pip=False, symlinks=os.name != "nt")
    bin_dir = home / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q"]
        + [str(wheel)],
        env=_offline_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert installed.returncode == 0, installed.stderr
    assert "postinterview = postinterview.launch:main" in _read(wheel, "entry_points.txt")

    found = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    site = Path(found.stdout.strip())
    assert (site / "postinterview" / "content" / "checklist.toml").is_file()
    env = _offline_env(PYTHONPATH=str(site))
    where = subprocess.run(
        [sys.executable, "-c", "import postinterview; print(postinterview.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert Path(where.stdout.strip()).is_relative_to(site)  # the installed copy, not the tree
    script = bin_dir / ("postinterview-script.py" if os.name == "nt" else "postinterview")
    for command in ([str(script)], ["-m", "postinterview"]):
        ran = subprocess.run(
            [sys.executable, *command, "--version"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert ran.returncode == 0, ran.stderr
        assert ran.stdout.strip() == f"postinterview {postinterview.__version__}"
