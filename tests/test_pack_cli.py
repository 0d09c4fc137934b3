"""``guide pack …`` end to end, signing and verifying with the real minisign in both directions."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from guide.cli import main

sys.path.insert(0, str(Path(__file__).parent / "core"))
from packs_helpers import FIXTURE, key_line, make_key, minisign_sign, needs_minisign, trust_site


@pytest.fixture
def pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    out = tmp_path / "clinic-1.0.guidepack"
    code = main(["pack", "build", str(FIXTURE), "-o", str(out), "--id", "clinic", "--version", "1.0",
                 "--title", "Clinic library", "--publisher", "Hillside clinic"])
    assert code == 0
    assert "5 articles" in capsys.readouterr().out
    return out


def site() -> Path:
    return Path(os.environ["GUIDE_SITE_CONFIG"])


@needs_minisign
def test_minisign_signs_guide_verifies(pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pub, sec = make_key(tmp_path)
    minisign_sign(pack, sec)
    assert main(["pack", "verify", str(pack)]) == 1  # a key nobody trusts yet
    assert "not among the trusted" in capsys.readouterr().err
    assert main(["pack", "verify", str(pack), "--pubkey", str(pub)]) == 0
    trust_site(site(), pub)
    assert main(["pack", "verify", str(pack)]) == 0
    assert "signed by Hillside clinic" in capsys.readouterr().out


@needs_minisign
def test_guide_signs_minisign_verifies(pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pub, sec = make_key(tmp_path)
    assert main(["pack", "sign", str(pack), "--key", str(sec), "--comment", "Hillside clinic, March"]) == 0
    assert key_line(pub) in capsys.readouterr().out
    done = subprocess.run(["minisign", "-V", "-p", str(pub), "-m", str(pack)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Trusted comment: Hillside clinic, March" in done.stdout


def encrypt_key(plain: Path, target: Path, password: str) -> None:
    """minisign's encrypted secret-key layout with scrypt's smallest cost (minisign's own costs take
    seconds and 1 GB per use), so that minisign and the guide both read it quickly."""
    import base64
    import hashlib
    import struct

    import nacl.pwhash.scrypt

    raw = base64.b64decode(plain.read_text().splitlines()[1])
    key_id, secret = raw[54:62], raw[62:126]
    body = key_id + secret + hashlib.blake2b(b"Ed" + key_id + secret, digest_size=32).digest()
    salt, ops, mem = os.urandom(32), nacl.pwhash.scrypt.OPSLIMIT_MIN, nacl.pwhash.scrypt.MEMLIMIT_MIN
    stream = nacl.pwhash.scrypt.kdf(len(body), password.encode(), salt, opslimit=ops, memlimit=mem)
    encrypted = bytes(a ^ b for a, b in zip(body, stream, strict=True))
    line = base64.b64encode(b"EdScB2" + salt + struct.pack("<QQ", ops, mem) + encrypted).decode()
    target.write_text(f"untrusted comment: minisign encrypted secret key\n{line}\n")


@needs_minisign
def test_encrypted_minisign_key_with_password_file(pack: Path, tmp_path: Path) -> None:
    pub, plain = make_key(tmp_path)
    sec = tmp_path / "enc.sec"
    encrypt_key(plain, sec, "s3cret")
    other = tmp_path / "other.bin"
    other.write_bytes(b"x")
    done = subprocess.run(["minisign", "-S", "-s", str(sec), "-m", str(other)], input="s3cret\n", text=True,
                          capture_output=True)
    assert done.returncode == 0, done.stderr  # minisign reads the key: the layout is minisign's
    (tmp_path / "pw").write_text("s3cret\n")
    (tmp_path / "wrong").write_text("nope\n")
    assert main(["pack", "sign", str(pack), "--key", str(sec), "--password-file", str(tmp_path / "wrong")]) == 1
    assert not Path(f"{pack}.minisig").exists()
    assert main(["pack", "sign", str(pack), "--key", str(sec), "--password-file", str(tmp_path / "pw")]) == 0
    done = subprocess.run(["minisign", "-V", "-p", str(pub), "-m", str(pack)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_unsigned_pack_verifies_files_but_exits_1(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pack", "verify", str(pack)]) == 1
    captured = capsys.readouterr()
    assert re.search(r"all \d+ files match the manifest", captured.out)
    assert f"{pack}: not signed" in captured.err


def test_install_list_search_rollback_remove(pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pack", "install", str(pack)]) == 1  # unsigned: needs the confirmation
    assert "--allow-unsigned" in capsys.readouterr().err
    assert main(["pack", "install", str(pack), "--allow-unsigned"]) == 0
    assert "Installed Clinic library 1.0" in capsys.readouterr().out
    assert main(["pack", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(p["id"], p["version"], p["verified"], p["articles"]) for p in listed] == [("clinic", "1.0", None, 5)]
    assert {"id", "version", "title", "language", "publisher", "verified", "articles", "size", "installed"} <= set(
        listed[0]
    )
    assert main(["search", "heart attack", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["id"] == "clinic/heart/heart-attack" and hits[0]["source"] == "Clinic library"
    v2 = tmp_path / "clinic-2.0.guidepack"
    assert main(["pack", "build", str(FIXTURE), "-o", str(v2), "--id", "clinic", "--version", "2.0",
                 "--title", "Clinic library"]) == 0
    assert main(["pack", "install", str(v2), "--allow-unsigned"]) == 0
    assert "Updated Clinic library 1.0 -> 2.0" in capsys.readouterr().out
    assert main(["pack", "install", str(pack), "--allow-unsigned"]) == 1
    assert "older than the installed 2.0" in capsys.readouterr().err
    assert main(["pack", "rollback", "clinic"]) == 0
    assert "from 2.0 to 1.0" in capsys.readouterr().out
    assert main(["pack", "remove", "clinic"]) == 0
    assert main(["pack", "remove", "clinic"]) == 1
    assert "no such pack" in capsys.readouterr().err


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["pack", "install"])
    assert caught.value.code == 2
    code = main(["pack", "build", str(FIXTURE), "-o", str(tmp_path / "x"), "--id", "../x", "--version", "1",
                 "--title", "X"])
    assert code == 2


def test_unsigned_forbidden_by_site(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trust_site(site(), None, allow_unsigned=False)
    assert main(["pack", "install", str(pack), "--allow-unsigned"]) == 1
    assert "installs only verified packs" in capsys.readouterr().err
