"""`guide list` shows every article's id, title, topic and language, so ids can be found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guide.cli import main


def test_list_prints_one_tab_separated_line_per_article(sample_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--content", str(sample_root)]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert ["heart/blood-pressure/hypertension", "High blood pressure", "Blood pressure", "en"] in rows
    assert all(len(row) == 4 for row in rows) and len(rows) == 5


def test_list_json_gives_every_field(sample_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--json", "--content", str(sample_root)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    row = next(r for r in rows if r["id"] == "mental-health/talking-therapy")
    assert set(row) == {"id", "title", "topic", "topic_id", "language"} and row["topic_id"] == "mental-health"


def test_render_of_an_unknown_id_points_at_guide_list(sample_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "heart/no-such-article", "--content", str(sample_root)]) == 2
    assert "'guide list' shows every id" in capsys.readouterr().err


def test_no_arguments_mean_what_the_parser_makes_of_them() -> None:
    # `guide` with no arguments skips building the parser (guide.cli.main): the window on the bundled guide
    from guide.cli import NO_ARGUMENTS, build_parser

    assert vars(build_parser(packs=False).parse_args([])) == NO_ARGUMENTS
