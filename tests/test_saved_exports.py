"""A saved role in the exports and back (issue 16): its own section, its stage word kept."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

from postinterview.domain.editing import new_application
from postinterview.domain.models import Application
from postinterview.domain.plan import DEFAULT_PLAN_SETTINGS
from postinterview.domain.stages import Stage
from postinterview.transfer.export_csv import export_csv
from postinterview.transfer.export_ics import export_ics
from postinterview.transfer.export_json import export_json
from postinterview.transfer.export_markdown import export_markdown
from postinterview.transfer.import_csv import read_tracker
from tests.conftest import FIXED_NOW
from tests.pipeline import pipeline


def with_a_saved_role() -> list[Application]:
    saved = new_application(
        "Lumen Labs", "Data Engineer", FIXED_NOW - timedelta(days=3), stage=Stage.SAVED
    )
    return [*pipeline(), saved.revised(id="lumen")]


def test_markdown_lists_saved_roles_first_and_apart_from_the_open_count() -> None:
    text = export_markdown(with_a_saved_role(), FIXED_NOW, DEFAULT_PLAN_SETTINGS)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[:2] == ["## Saved (1)", "## Applied (1)"]
    assert "6 applications, 4 open, 1 saved to apply for." in text
    lumen = text[text.index("### Lumen Labs") : text.index("## Applied")]
    assert "Applied " not in lumen  # nothing says it was applied for


def test_markdown_without_saved_roles_reads_as_before() -> None:
    text = export_markdown(pipeline(), FIXED_NOW, DEFAULT_PLAN_SETTINGS)
    assert "5 applications, 4 open." in text and "saved" not in text.split("\n")[2]


def test_csv_and_json_say_saved_and_the_csv_imports_back_as_saved() -> None:
    apps = with_a_saved_role()
    text = export_csv(apps)
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text, newline=""))}
    assert rows["lumen"]["stage"] == "saved"
    assert rows["lumen"]["history"].endswith("saved")
    records = json.loads(export_json(apps, FIXED_NOW))["applications"]
    assert [r["stage"] for r in records if r["id"] == "lumen"] == ["saved"]
    result = read_tracker(text, FIXED_NOW)
    back = {row.application.company: row.application.stage for row in result.rows}
    assert back["Lumen Labs"] == Stage.SAVED
    assert not [w for w in result.warnings if "saved" in w.message.casefold()]


def test_a_saved_role_puts_nothing_on_the_calendar() -> None:
    held = FIXED_NOW - timedelta(days=2)
    role = with_a_saved_role()[-1].revised(interviews=[{"id": "i1", "at": held}])
    assert "BEGIN:VEVENT" not in export_ics([role], FIXED_NOW, DEFAULT_PLAN_SETTINGS)
    applied = role.revised(stage=Stage.APPLIED)  # the same record applied for has actions
    assert "BEGIN:VEVENT" in export_ics([applied], FIXED_NOW, DEFAULT_PLAN_SETTINGS)
