"""Shared pieces of the robustness suite: known-good articles, tree snapshots, a network tripwire."""

from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

# Three articles that must always load cleanly and link to each other, whatever sits beside them.
GOOD: dict[str, str] = {
    "good/alpha.md": (
        "---\ntitle: Alpha article\nsummary: The first good article.\naliases: [first one]\n---\n"
        "## Overview\n\nAlpha text about kidneys. See [beta](beta.md#details).\n"
    ),
    "good/beta.md": (
        "---\ntitle: Beta article\ntags: [test]\n---\n"
        "## Details\n\nBeta text about lungs and [alpha](alpha.md).\n"
    ),
    "gamma.md": "---\ntitle: Gamma article\norder: 1\n---\nGamma text about the liver.\n",
    "good/index.md": "---\ntitle: Good topic\nsummary: Known-good articles.\n---\nThese always open.\n",
}
GOOD_TEXT = {"good/alpha": "kidneys", "good/beta": "lungs", "gamma": "liver"}
GOOD_TITLES = {"good/alpha": "Alpha article", "good/beta": "Beta article", "gamma": "Gamma article"}


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def write_good(root: Path) -> Path:
    for rel, text in GOOD.items():
        write(root / rel, text)
    return root


# -- big inputs (shared with benchmarks/robustness_inputs.py) -----------------------------------

CROWD = 20_000
DEPTH = 50
MARKER = "zebrafinch"


def big_article(path: Path, megabytes: float = 5.0, seed: int = 1) -> Path:
    """A realistic article of about ``megabytes``: sections of long paragraphs, one rare word at the end."""
    rng = random.Random(seed)
    words = ["heart", "blood", "pressure", "kidney", "sleep", "walking", "doctor", "medicine", "the", "and", "daily"]
    parts, size, n = [], 0, 0
    while size < megabytes * 1_000_000:
        n += 1
        block = (f"## Section {n // 20}\n\n" if n % 20 == 1 else "") + " ".join(rng.choices(words, k=120)) + ".\n\n"
        parts.append(block)
        size += len(block)
    parts.append(f"## Last section\n\nThe rare word {MARKER} appears once.\n")
    return write(path, "---\ntitle: Big article\nsummary: Five megabytes.\n---\n" + "".join(parts))


def crowd_root(base: Path, count: int = CROWD) -> Path:
    """One topic holding ``count`` small articles, written with plain os calls (fast)."""
    folder = base / "crowd"
    folder.mkdir(parents=True)
    for i in range(count):
        fd = os.open(folder / f"a{i:05d}.md", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.write(fd, f"---\ntitle: Crowd article {i}\nsummary: Number {i}.\n---\nBody of number {i}.\n".encode())
        os.close(fd)
    write(base / "crowd" / "index.md", "---\ntitle: A crowded topic\n---\nVery many articles.\n")
    return base


def deep_root(base: Path, depth: int = DEPTH) -> tuple[Path, str]:
    """Folders ``depth`` deep, an article at the bottom linking to one at the top and back."""
    write_good(base)
    rel = "/".join(f"level-{n:02d}" for n in range(1, depth + 1))
    up = "../" * depth
    body = f"## Deep\n\nDeep down. [Up to gamma]({up}gamma.md)\n"
    write(base / rel / "bottom.md", f"---\ntitle: Bottom article\n---\n{body}")
    write(base / "top.md", f"---\ntitle: Top article\n---\n[Down to the bottom]({rel}/bottom.md#deep)\n")
    return base, f"{rel}/bottom"


def tree_snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every path under ``folder`` with its size, modification time and mode (folders too)."""
    found: dict[str, tuple[int, int, int]] = {}
    for base, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(base) / name
            try:
                stat = path.lstat()
            except OSError:
                continue
            size = stat.st_size if name in files else 0
            found[str(path.relative_to(folder))] = (size, stat.st_mtime_ns, stat.st_mode)
    return found


def snapshot_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    added = [f"created {p}" for p in after if p not in before]
    removed = [f"removed {p}" for p in before if p not in after]
    changed = [f"modified {p}" for p in before if p in after and before[p] != after[p]]
    return sorted(added + removed + changed)


# -- network tripwire -------------------------------------------------------------------------

# Look-ups and connections refused outright; socket.socket itself is replaced by a subclass
# that refuses Internet families but lets local ones (AF_UNIX pairs used by multiprocessing) be.
NETWORK_CALLS = (
    "create_connection",
    "create_server",
    "getaddrinfo",
    "gethostbyname",
    "gethostbyname_ex",
    "gethostbyaddr",
    "getnameinfo",
)

# The same tripwire as source, so a child process can install it before anything else runs.
TRIPWIRE_SOURCE = """
import socket as _socket_module
import sys as _sys


def _install_tripwire(record):
    real = _socket_module.socket
    internet = {_socket_module.AF_INET, getattr(_socket_module, "AF_INET6", _socket_module.AF_INET), -1}

    class GuardedSocket(real):
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            if fileno is None and family in internet:
                record("socket.socket(family=%r)" % (family,))
                raise OSError("network use is forbidden here: socket.socket")
            super().__init__(family, type, proto, fileno)

    def refuse(name):
        def call(*args, **kwargs):
            record("socket.%s%r" % (name, args[:2]))
            raise OSError("network use is forbidden here: socket." + name)
        return call

    replaced = {"socket": GuardedSocket}
    for name in NAMES:
        if hasattr(_socket_module, name):
            replaced[name] = refuse(name)
    return replaced
""".replace("NAMES", repr(NETWORK_CALLS))

_namespace: dict[str, Any] = {}
exec(TRIPWIRE_SOURCE, _namespace)


class NetworkTripwire:
    """Replaces the socket module's ways out with recorders that refuse; ``attempts`` lists them."""

    def __init__(self) -> None:
        self.attempts: list[str] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        for name, replacement in _namespace["_install_tripwire"](self.attempts.append).items():
            monkeypatch.setattr(socket, name, replacement)


# Run as ``python -c CHILD_WRAPPER guide-args...``: the tripwire, then the guide's own main().
CHILD_WRAPPER = (
    TRIPWIRE_SOURCE
    + """
def _report(what):
    _sys.stderr.write("NETWORK ATTEMPT: " + what + "\\n")
    _sys.stderr.flush()

for _name, _value in _install_tripwire(_report).items():
    setattr(_socket_module, _name, _value)
from guide.cli import main
_sys.exit(main(_sys.argv[1:]))
"""
)


def run_guide(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``guide ARGS`` in a child process with the network tripwire installed; text output."""
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    full_env.pop("GUIDE_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-c", CHILD_WRAPPER, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        env=full_env,
    )


def assert_clean(result: subprocess.CompletedProcess[str]) -> None:
    """A finished child printed no Python traceback and tried no network."""
    assert "Traceback (most recent call last)" not in result.stderr, result.stderr[-2000:]
    assert "NETWORK ATTEMPT" not in result.stderr, result.stderr[-2000:]
