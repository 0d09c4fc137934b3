"""``guide export DIR -o FILE.guidepack``: the clinic library as a content pack that installs and is searched."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from guide.cli import main
from guide.core.export import ExportFailed, export_library, pack_id_for, pack_version_for

sys.path.insert(0, str(Path(__file__).parent / "core"))
from packs_helpers import FIXTURE, make_key, needs_minisign, trust_site


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    """The fixture library in a folder whose name needs making safe for a pack id."""
    folder = tmp_path / "Hillside Clinic (articles)"
    shutil.copytree(FIXTURE, folder)
    return folder


def test_pack_id_and_version_come_from_the_folder_and_the_day(tmp_path: Path) -> None:
    assert pack_id_for(tmp_path / "Hillside Clinic (articles)") == "hillside-clinic-articles"
    assert pack_id_for(tmp_path / "---") == "clinic-articles"
    assert pack_version_for(dt.date(2026, 12, 1)) == "2026.12.1"


def test_exported_pack_verifies_installs_and_is_searched(
    clinic: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "share" / "clinic.guidepack"
    assert main(["export", str(clinic), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(f"{out}: 5 articles")
    assert "Not signed" in captured.err and "guide pack sign" in captured.err
    assert main(["pack", "verify", str(out)]) == 1  # every file checks; only the signature is missing
    captured = capsys.readouterr()
    # the articles and their index (Whoosh's files and the side store, sidestore.SIDE_FILE)
    assert "Sample guide" in captured.out and "all 19 files match the manifest" in captured.out
    assert "not signed" in captured.err
    assert main(["pack", "install", str(out), "--allow-unsigned"]) == 0
    assert f"Installed Sample guide {pack_version_for()}" in capsys.readouterr().out  # title from index.md
    assert main(["pack", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(p["id"], p["version"], p["articles"]) for p in listed] == [
        ("hillside-clinic-articles", pack_version_for(), 5)
    ]
    assert main(["search", "heart attack", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["id"] == "hillside-clinic-articles/heart/heart-attack"
    assert hits[0]["source"] == "Sample guide"


@needs_minisign
def test_export_signs_with_a_key_and_the_pack_installs_as_verified(
    clinic: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pub, sec = make_key(tmp_path)
    out = tmp_path / "clinic.guidepack"
    options = ["--id", "hillside", "--title", "Hillside clinic articles", "--version", "3.1"]
    code = main(["export", str(clinic), "-o", str(out), "--key", str(sec), *options, "--publisher", "Hillside"])
    assert code == 0
    captured = capsys.readouterr()
    assert f"Signed {out}" in captured.out and "Not signed" not in captured.err
    assert Path(f"{out}.minisig").is_file()
    trust_site(Path(os.environ["GUIDE_SITE_CONFIG"]), pub, allow_unsigned=False)
    assert main(["pack", "install", str(out)]) == 0  # no --allow-unsigned: the key is trusted
    assert "Installed Hillside clinic articles 3.1" in capsys.readouterr().out
    assert main(["search", "talking therapy", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["id"].startswith("hillside/mental-health/")
    assert hits[0]["source"] == "Hillside clinic articles"


def test_a_zip_target_still_writes_a_zip_and_pack_options_are_refused_for_it(
    clinic: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "clinic.zip"
    result = export_library(clinic, out)  # the editor's call: two arguments, as before
    assert result.path == out and result.articles == 5
    with zipfile.ZipFile(out) as archive:
        assert "Hillside Clinic (articles)/heart/heart-attack.md" in archive.namelist()
        assert "pack.yaml" not in archive.namelist()
    assert main(["export", str(clinic), "-o", str(out), "--id", "x"]) == 2
    assert "--id only apply to a .guidepack file" in capsys.readouterr().err


def test_export_refusals_are_one_line(clinic: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ExportFailed, match="outside the library folder"):
        export_library(clinic, clinic / "again.guidepack")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ExportFailed, match="no articles"):
        export_library(tmp_path / "empty", tmp_path / "x.guidepack")
    assert main(["export", str(clinic), "-o", str(tmp_path / "x.guidepack"), "--id", "Bad Id"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("guide export: ") and "'Bad Id' is not allowed" in err and err.count("\n") == 1
    assert main(["export", str(clinic), "-o", str(tmp_path / "x.guidepack"), "--key", str(tmp_path / "nokey")]) == 1
    assert "cannot read the secret key" in capsys.readouterr().err
    assert not list(tmp_path.glob("x.guidepack*")) and not list(clinic.glob("*.guidepack"))
