"""The ``guide handout`` command: a PDF from the command line, clean failures."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from guide.handout_cli import run_handout

FIXTURES = Path(__file__).parent / "fixtures" / "library"
HYP = "heart/blood-pressure/hypertension"


@pytest.fixture(autouse=True)
def _renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Use a stand-in renderer while guide.core.render has not landed."""
    try:
        import guide.core.render  # noqa: F401
    except ImportError:
        import types

        sys.path.insert(0, str(Path(__file__).parent / "core"))
        from test_handout import FakeRenderer

        fake = types.ModuleType("guide.core.render")
        fake.Renderer = FakeRenderer  # type: ignore[attr-defined]
        fake.image_file = lambda library, url: None  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "guide.core.render", fake)


def args(out: Path, *ids: str, **kw: Any) -> argparse.Namespace:
    values: dict[str, Any] = dict(sections=None, large_print=False, paper="a4", clinic_name="Hill Clinic",
                                  clinic_contact="Tel 555 0199", content=[FIXTURES])  # fmt: skip
    values.update(kw)
    return argparse.Namespace(ids=list(ids), output=out, **values)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_writes_pdf_and_reports_pages(qapp: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "h.pdf"
    assert run_handout(args(out, HYP)) == 0
    assert f"Wrote {out} (1 page)" in capsys.readouterr().out
    text = pdf_text(out)
    assert "Hill Clinic" in text and "Tel 555 0199" in text and "Page 1 of 1" in text


def test_sections_option(qapp: Any, tmp_path: Path) -> None:
    out = tmp_path / "h.pdf"
    assert run_handout(args(out, HYP, sections="treatment,#checking-at-home")) == 0
    text = pdf_text(out)
    assert "ACE inhibitor" in text and "same time each day" in text
    assert "no symptoms" not in text


@pytest.mark.parametrize(
    ("ids", "sections", "message"),
    [
        ((HYP, "nope/none"), None, "unknown article id 'nope/none'"),
        ((HYP,), "bogus", "unknown section 'bogus'"),
    ],
)
def test_unknown_id_or_section_fails_without_file(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    ids: tuple[str, ...],
    sections: str | None,
    message: str,
) -> None:
    out = tmp_path / "h.pdf"
    assert run_handout(args(out, *ids, sections=sections)) == 2
    assert f"guide: {message}" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
