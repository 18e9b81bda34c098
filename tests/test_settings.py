"""settings.toml: read by hand-written rules, never fatal, never written here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from postinterview.domain.settings import Settings
from postinterview.storage import paths
from postinterview.storage.settings_store import MAX_SETTINGS_BYTES, load_settings


def write_settings(root: Path, text: str | bytes) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    path = paths.settings_path(root)
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def test_a_missing_file_means_the_defaults_and_no_problem(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "nowhere")
    assert loaded.settings == Settings()
    assert loaded.settings.signal_weights == {}
    assert loaded.problems == []
    assert not (tmp_path / "nowhere").exists()  # reading creates nothing


def test_an_empty_or_comment_only_file_is_valid(tmp_path: Path) -> None:
    write_settings(tmp_path, "# my settings\n\n")
    loaded = load_settings(tmp_path)
    assert loaded.problems == []
    assert loaded.settings.signal_weights == {}


def test_valid_weights_are_read_as_numbers(tmp_path: Path) -> None:
    write_settings(tmp_path, "[signal_weights]\nran_long = 4\nmet_team = 0.5\neasy_rapport = 0\n")
    loaded = load_settings(tmp_path)
    assert loaded.problems == []
    assert loaded.settings.signal_weights == {"ran_long": 4.0, "met_team": 0.5, "easy_rapport": 0}
    assert all(isinstance(v, float) for v in loaded.settings.signal_weights.values())


def test_no_schema_version_or_file_end_is_needed(tmp_path: Path) -> None:
    write_settings(tmp_path, "signal_weights = { ran_long = 3 }\n")
    loaded = load_settings(tmp_path)
    assert loaded.problems == []
    assert loaded.settings.signal_weights == {"ran_long": 3.0}


def test_bad_toml_gives_the_defaults_and_names_the_file_and_line(tmp_path: Path) -> None:
    path = write_settings(tmp_path, "[signal_weights]\nran_long = = 4\n")
    loaded = load_settings(tmp_path)
    assert loaded.settings == Settings()
    [problem] = loaded.problems
    assert str(path) in problem
    assert "not valid TOML" in problem
    assert "line 2" in problem
    assert "default settings are used" in problem


def test_text_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    write_settings(tmp_path, b"[signal_weights]\nran_long = 4 # caf\xe9\n")
    [problem] = load_settings(tmp_path).problems
    assert "UTF-8" in problem and "line 2" in problem


def test_a_wrong_weight_is_left_out_and_the_others_still_apply(tmp_path: Path) -> None:
    path = write_settings(
        tmp_path,
        '[signal_weights]\nran_long = "high"\nmet_team = 3\nfuture_language = true\n',
    )
    loaded = load_settings(tmp_path)
    assert loaded.settings.signal_weights == {"met_team": 3.0}
    assert len(loaded.problems) == 2
    text_problem = next(p for p in loaded.problems if "ran_long" in p)
    assert str(path) in text_problem
    assert "line 2" in text_problem
    assert "'high'" in text_problem
    assert "valid number" in text_problem
    assert any("future_language" in p and "line 4" in p for p in loaded.problems)


def test_weights_that_are_not_a_table_fall_back_to_the_defaults(tmp_path: Path) -> None:
    write_settings(tmp_path, 'signal_weights = "strong"\n[board]\nstale_days = 14\n')
    loaded = load_settings(tmp_path)
    assert loaded.settings.signal_weights == {}
    [problem] = loaded.problems
    assert "signal_weights" in problem and "line 1" in problem
    assert loaded.settings.model_extra == {"board": {"stale_days": 14}}  # the rest still applies


def test_unknown_keys_are_kept(tmp_path: Path) -> None:
    write_settings(
        tmp_path,
        'schema_version = 1\ntheme = "nord"\n[signal_weights]\nran_long = 2\n'
        "[follow_up]\nsmall_company_days = 5\n[board]\nstale_days = 14\n",
    )
    loaded = load_settings(tmp_path)
    assert loaded.problems == []
    assert loaded.settings.model_extra == {
        "schema_version": 1,
        "theme": "nord",
        "board": {"stale_days": 14},
    }
    # A key this version does not know inside a known table is kept too.
    assert loaded.settings.follow_up.model_extra == {"small_company_days": 5}
    assert loaded.settings.model_dump()["follow_up"]["small_company_days"] == 5


def test_follow_up_settings_default_to_the_catalog_and_usual_thresholds(tmp_path: Path) -> None:
    follow_up = load_settings(tmp_path / "nowhere").settings.follow_up
    assert follow_up.follow_up_days is None
    assert follow_up.follow_up_days_small is None and follow_up.follow_up_days_large is None
    assert (follow_up.min_days_between_chases, follow_up.quiet_after_days) == (7, 14)
    assert follow_up.active_target == 5


def test_follow_up_settings_are_read(tmp_path: Path) -> None:
    write_settings(
        tmp_path,
        "[follow_up]\nfollow_up_days = 10\nfollow_up_days_small = 5\nfollow_up_days_large = 14\n"
        "min_days_between_chases = 5\nquiet_after_days = 21\nactive_target = 0\n",
    )
    loaded = load_settings(tmp_path)
    assert loaded.problems == []
    follow_up = loaded.settings.follow_up
    assert (follow_up.follow_up_days, follow_up.follow_up_days_small) == (10, 5)
    assert follow_up.follow_up_days_large == 14
    assert (follow_up.min_days_between_chases, follow_up.quiet_after_days) == (5, 21)
    assert follow_up.active_target == 0  # the reminder turned off


def test_a_bad_follow_up_value_is_reported_and_its_default_used(tmp_path: Path) -> None:
    path = write_settings(
        tmp_path,
        "[signal_weights]\nran_long = 2\n\n[follow_up]\nfollow_up_days = 0\n"
        'quiet_after_days = "two weeks"\nactive_target = 101\nmin_days_between_chases = 3\n'
        "follow_up_days_large = true\n",
    )
    loaded = load_settings(tmp_path)
    follow_up = loaded.settings.follow_up
    # The good values still apply, the bad ones fall back to their defaults.
    assert follow_up.min_days_between_chases == 3
    assert loaded.settings.signal_weights == {"ran_long": 2.0}
    assert follow_up.follow_up_days is None and follow_up.follow_up_days_large is None
    assert (follow_up.quiet_after_days, follow_up.active_target) == (14, 5)
    assert len(loaded.problems) == 4
    problems = {p.split(": ")[1].split(",")[0]: p for p in loaded.problems}
    assert set(problems) == {"line 5", "line 6", "line 7", "line 9"}
    assert (
        "follow_up.follow_up_days: input should be greater than or equal to 1" in problems["line 5"]
    )
    assert (
        "follow_up.quiet_after_days" in problems["line 6"] and "'two weeks'" in problems["line 6"]
    )
    assert "less than or equal to 100" in problems["line 7"]
    assert "follow_up.follow_up_days_large" in problems["line 9"]
    assert all(str(path) in p and p.endswith("its default is used.") for p in loaded.problems)


def test_a_follow_up_setting_that_is_not_a_table_falls_back_entirely(tmp_path: Path) -> None:
    write_settings(tmp_path, "follow_up = 7\n[signal_weights]\nran_long = 2\n")
    loaded = load_settings(tmp_path)
    assert loaded.settings.follow_up == Settings().follow_up
    assert loaded.settings.signal_weights == {"ran_long": 2.0}
    [problem] = loaded.problems
    assert "follow_up" in problem and "line 1" in problem


def test_a_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = write_settings(tmp_path, "# padding\n" * (MAX_SETTINGS_BYTES // 10 + 1))
    assert path.stat().st_size > MAX_SETTINGS_BYTES
    loaded = load_settings(tmp_path)
    assert loaded.settings == Settings()
    [problem] = loaded.problems
    assert "larger than" in problem and str(path) in problem


def test_deeply_nested_input_does_not_crash(tmp_path: Path) -> None:
    write_settings(tmp_path, "x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    loaded = load_settings(tmp_path)
    assert loaded.settings == Settings()
    assert len(loaded.problems) == 1


def test_a_folder_in_place_of_the_file_is_reported(tmp_path: Path) -> None:
    paths.settings_path(tmp_path).mkdir(parents=True)
    [problem] = load_settings(tmp_path).problems
    assert "folder" in problem


def test_an_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_settings(tmp_path, "[signal_weights]\nran_long = 2\n")
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    loaded = load_settings(tmp_path)
    assert loaded.settings == Settings()
    [problem] = loaded.problems
    assert "cannot be read (Permission denied)" in problem


def test_loading_never_writes_the_file(tmp_path: Path) -> None:
    text = '# keep me\n[signal_weights]\nran_long = "x"\n'
    path = write_settings(tmp_path, text)
    before = path.stat().st_mtime_ns
    load_settings(tmp_path)
    assert path.read_text(encoding="utf-8") == text
    assert path.stat().st_mtime_ns == before
