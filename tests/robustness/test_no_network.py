"""No network, ever: every main flow runs with Python's ways out of the machine replaced by a tripwire.

The tripwire catches anything that goes through Python's ``socket`` module (urllib,
http.client, DNS look-ups). Qt's own C++ code does not go through it; that is what
the ``unshare -n`` step in scripts/test covers (a process with no network at all).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from page_helpers import all_topics
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from robust_helpers import CHILD_WRAPPER, GOOD_TEXT, NetworkTripwire, assert_clean, run_guide, write, write_good

from guide.core.content import load_library
from guide.core.handout import HandoutOptions, build_handout_html
from guide.core.render import Renderer
from guide.core.search import SearchIndex

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

# Links and images that would reach out if anything followed them.
REMOTE = (
    "---\ntitle: Remote things\n---\n"
    "![remote](https://example.org/x.png) [site](https://example.org/) <img src='http://example.org/y.png'>\n\n"
    "<a href='//example.org/z'>protocol-relative</a> [mail](mailto:a@example.org)\n\n"
    "## Section\n\nRemote kidneys text. [alpha](good/alpha.md)\n"
)


@pytest.fixture
def tripwire(monkeypatch: pytest.MonkeyPatch) -> NetworkTripwire:
    wire = NetworkTripwire()
    wire.install(monkeypatch)
    return wire


@pytest.fixture
def root(tmp_path: Path) -> Path:
    base = write_good(tmp_path / "content")
    write(base / "remote.md", REMOTE)
    return base


def test_the_tripwire_catches_python_network_calls(tripwire: NetworkTripwire) -> None:
    with pytest.raises(OSError):
        urllib.request.urlopen("http://example.org/", timeout=1)
    with pytest.raises(OSError):
        socket.getaddrinfo("example.org", 80)
    with pytest.raises(OSError):
        socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    left, right = socket.socketpair()  # local pairs (multiprocessing) are not network
    left.close()
    right.close()
    assert len(tripwire.attempts) == 3


def test_core_flows_open_no_connection(tripwire: NetworkTripwire, root: Path, tmp_path: Path, qapp: Any) -> None:
    from guide.ui.printing import write_pdf

    library = load_library([root])
    renderer = Renderer(library)
    pages = [renderer.article(a).html for a in library.articles()]
    pages += [renderer.topic(t).html for t in all_topics(library)] + [renderer.welcome().html]
    assert any("example.org/" in p for p in pages)  # the http link stays a link, for a person to follow
    index = SearchIndex([root], tmp_path / "index")
    try:
        index.update()
        assert [h.id for h in index.search("kidneys").hits][:2]
        assert index.suggest("alph")
    finally:
        index.close()
    options = HandoutOptions(clinic_name="Clinic")
    html = build_handout_html(library, renderer, ["remote", "good/alpha"], options)
    target = tmp_path / "handout.pdf"
    assert write_pdf(html, target, options, lambda url: QImage()) >= 1
    assert target.read_bytes().startswith(b"%PDF")
    assert tripwire.attempts == []


def test_window_flows_open_no_connection(
    tripwire: NetworkTripwire, root: Path, tmp_path: Path, qtbot: Any, make_window: Any, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from guide.ui.handout_dialog import HandoutActions

    window = make_window(root)
    window.show_place(type(window.current)("article", "remote"))
    assert "Remote kidneys text" in window.reader.toPlainText()
    qtbot.keyClicks(window.search.box, "lungs")
    qtbot.waitUntil(lambda: window.search.results.count() > 0, timeout=5000)
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    assert window.current.id == "good/beta"
    target = tmp_path / "exported.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF files (*.pdf)"))
    actions = window.findChild(HandoutActions)
    assert actions is not None
    dialog = actions.dialog()
    qtbot.addWidget(dialog)
    dialog.save_pdf()
    assert target.read_bytes().startswith(b"%PDF")
    assert tripwire.attempts == []


def test_the_child_tripwire_catches_python_network_calls(tmp_path: Path) -> None:
    reach_out = "import urllib.request\ntry:\n    urllib.request.urlopen('http://example.org/', timeout=1)\n"
    script = CHILD_WRAPPER.replace("from guide.cli import main", reach_out + "except OSError:\n    pass\n")
    script = script.replace("_sys.exit(main(_sys.argv[1:]))", "")

    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert "NETWORK ATTEMPT" in result.stderr


def test_cli_commands_open_no_connection(root: Path, tmp_path: Path) -> None:
    content = ["--content", str(root)]
    index = ["--index-dir", str(tmp_path / "index")]
    found = run_guide("search", "kidneys", "--json", *content, *index)
    assert_clean(found)
    assert found.returncode == 0 and '"good/alpha"' in found.stdout
    rendered = run_guide("render", "remote", *content)
    assert_clean(rendered)
    assert rendered.returncode == 0 and GOOD_TEXT["good/alpha"] in rendered.stdout
    pdf = tmp_path / "out.pdf"
    handout = run_guide("handout", "remote", "good/beta", "-o", str(pdf), *content)
    assert_clean(handout)
    assert handout.returncode == 0 and pdf.read_bytes().startswith(b"%PDF")
    checked = run_guide("check", *content)
    assert_clean(checked)
    assert checked.returncode == 1 and "from the internet is not shown" in checked.stdout  # reported, not fetched


def test_pack_commands_open_no_connection(root: Path, tmp_path: Path) -> None:
    """Build, sign, verify, install, search, list, roll back and remove a pack with the tripwire in place."""
    import base64

    import nacl.signing

    pack = tmp_path / "clinic-1.0.guidepack"
    built = run_guide("pack", "build", str(root), "-o", str(pack), "--id", "clinic", "--version", "1.0", "--title", "C")
    assert_clean(built)
    assert built.returncode == 0
    seed = nacl.signing.SigningKey.generate()
    raw = b"Ed\0\0B2" + bytes(32) + bytes(16) + b"K" * 8 + bytes(seed) + bytes(seed.verify_key) + bytes(32)
    key = tmp_path / "key.sec"
    key.write_text(f"untrusted comment: test key\n{base64.b64encode(raw).decode()}\n")
    for args in (
        ("pack", "sign", str(pack), "--key", str(key)),
        ("pack", "install", str(pack), "--allow-unsigned"),
        ("search", "kidneys", "--json"),
        ("pack", "list", "--json"),
        ("pack", "remove", "clinic"),
    ):
        done = run_guide(*args)
        assert_clean(done)
        assert done.returncode == 0, (args, done.stderr)
    verified = run_guide("pack", "verify", str(pack))
    assert_clean(verified)
    assert verified.returncode == 1 and "not among the trusted" in verified.stderr
