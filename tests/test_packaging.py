"""The installed wheel carries the package and its resources from the top-level resources/."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("health_guide-*.whl")
    return found


def test_wheel_has_every_package_and_resource(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = [p.parent.relative_to(ROOT) for p in (ROOT / "guide").rglob("__init__.py")]
    for package in packages:
        assert f"{package.as_posix()}/__init__.py" in names, f"{package} is missing from pyproject's packages"
    resources = [p.relative_to(ROOT / "resources") for p in (ROOT / "resources").rglob("*") if p.is_file()]
    resources = [p for p in resources if "__pycache__" not in p.parts]
    assert resources
    for resource in resources:
        assert f"guide/resources/{resource.as_posix()}" in names, f"resources/{resource} is not in the wheel"


def test_installed_wheel_reads_a_resource(wheel: Path, tmp_path: Path) -> None:
    env = tmp_path / "venv"
    venv.create(env, system_site_packages=False, with_pip=False)
    site = subprocess.run(
        [str(env / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    zipfile.ZipFile(wheel).extractall(site)  # what pip does for a pure-Python wheel, without a network
    script = (
        "from importlib import resources\n"
        "import guide\n"
        "assert 'site-packages' in guide.__file__, guide.__file__\n"
        "print(resources.files('guide.resources').joinpath('thesaurus.txt').read_text(encoding='utf-8')[:200])\n"
    )
    out = subprocess.run([str(env / "bin" / "python"), "-c", script], check=True, capture_output=True, text=True,
                         cwd=tmp_path)
    assert "|" in out.stdout
