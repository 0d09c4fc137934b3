"""minisign keys and signatures, read and written exactly as the ``minisign`` tool does.

Ed25519 and BLAKE2b come from PyNaCl (libsodium, which minisign itself uses); this module
only parses and lays out minisign's small formats (https://jedisct1.github.io/minisign/):

- public key: ``untrusted comment: …`` then base64 of ``"Ed"`` + key id (8) + key (32);
- signature ``FILE.minisig``: ``untrusted comment: …``, base64 of algorithm (``"ED"`` =
  BLAKE2b-512 of the file is signed, ``"Ed"`` = the file itself) + key id (8) + signature
  (64), ``trusted comment: …``, base64 of the global signature (64) of signature + comment;
- secret key: ``untrusted comment: …`` then base64 of ``"Ed"`` + KDF (``"Sc"`` scrypt or two
  zero bytes when unencrypted) + ``"B2"`` + salt (32) + opslimit (8) + memlimit (8) + key id
  (8) + secret key (64) + checksum (32, BLAKE2b-256 of "Ed" + key id + secret key), the
  last three XORed with an scrypt stream of the password when encrypted.

Written by hand because no maintained Python package reads minisign's files (``py-minisign``
and ``minisign-py`` are unmaintained single-author projects); the cryptography is not.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from guide.core.i18n import N_

UNTRUSTED = "untrusted comment: "
TRUSTED = "trusted comment: "
MAX_SIG_FILE = 64 * 1024


class SignatureError(Exception):
    """A key or signature that cannot be read, or a signature that does not check."""


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes  # 8 bytes; minisign prints it as 16 upper-case hex digits, little-endian
    key: bytes  # 32 bytes of Ed25519 public key

    @property
    def id_hex(self) -> str:
        return self.key_id[::-1].hex().upper()

    def text(self) -> str:
        """The ``RW…`` line minisign prints and site files hold."""
        return base64.b64encode(b"Ed" + self.key_id + self.key).decode()


@dataclass(frozen=True)
class Signature:
    algorithm: bytes  # b"ED" (prehashed) or b"Ed"
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes
    untrusted_comment: str = ""

    @property
    def id_hex(self) -> str:
        return self.key_id[::-1].hex().upper()


def _b64(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise SignatureError(N_("{what} is not valid base64").format(what=what)) from exc


def parse_public_key(text: str) -> PublicKey:
    """A public key from the ``RW…`` line alone or from a whole ``.pub`` file."""
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    if lines and lines[0].startswith(UNTRUSTED):
        lines = lines[1:]
    if len(lines) != 1:
        raise SignatureError(N_("a public key is one base64 line (RW…)"))
    raw = _b64(lines[0], N_("the public key"))
    if len(raw) != 42 or raw[:2] != b"Ed":
        raise SignatureError(N_("not a minisign Ed25519 public key"))
    return PublicKey(raw[2:10], raw[10:])


def parse_signature(text: str) -> Signature:
    """A ``.minisig`` file's four lines."""
    lines = text.splitlines()
    if len(lines) < 4 or not lines[0].startswith(UNTRUSTED) or not lines[2].startswith(TRUSTED):
        raise SignatureError(N_("not a minisign signature (expected: comment, signature, trusted comment, signature)"))
    raw = _b64(lines[1], N_("the signature line"))
    if len(raw) != 74 or raw[:2] not in (b"ED", b"Ed"):
        raise SignatureError(N_("signature line is not an Ed25519 minisign signature"))
    global_sig = _b64(lines[3], N_("the trusted comment's signature"))
    if len(global_sig) != 64:
        raise SignatureError(N_("the trusted comment's signature has the wrong length"))
    return Signature(raw[:2], raw[2:10], raw[10:], lines[2][len(TRUSTED) :], global_sig, lines[0][len(UNTRUSTED) :])


def read_signature(path: Path) -> Signature:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_SIG_FILE + 1)
    except OSError as exc:
        raise SignatureError(N_("cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc)) from exc
    if len(data) > MAX_SIG_FILE:
        raise SignatureError(N_("{path} is too large to be a signature").format(path=path))
    try:
        return parse_signature(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise SignatureError(N_("{path} is not a text file").format(path=path)) from exc


def file_hash(path: Path) -> bytes:
    """BLAKE2b-512 of a file, read in chunks: what the prehashed ``ED`` signature signs."""
    digest = hashlib.blake2b(digest_size=64)
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.digest()


def verify(path: Path, signature: Signature, key: PublicKey) -> None:
    """Check a signature of a file with a key; raises :class:`SignatureError` when it does not check."""
    import nacl.exceptions  # PyNaCl loads when a signature is checked, not at every start
    import nacl.signing

    if signature.key_id != key.key_id:
        raise SignatureError(N_("signed with key {key}, not with {key2}").format(key=signature.id_hex, key2=key.id_hex))
    verifier = nacl.signing.VerifyKey(key.key)
    message = file_hash(path) if signature.algorithm == b"ED" else Path(path).read_bytes()
    try:
        verifier.verify(message, signature.signature)
    except nacl.exceptions.BadSignatureError as exc:
        raise SignatureError(N_("signature does not match the file (changed or damaged)")) from exc
    try:
        verifier.verify(signature.signature + signature.trusted_comment.encode("utf-8"), signature.global_signature)
    except nacl.exceptions.BadSignatureError as exc:
        raise SignatureError(N_("the trusted comment was changed after signing")) from exc


def find_key(signature: Signature, keys: Iterable[PublicKey]) -> PublicKey | None:
    return next((k for k in keys if k.key_id == signature.key_id), None)


# -- signing ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class SecretKey:
    key_id: bytes
    secret: bytes  # 64 bytes: libsodium's seed + public key

    def public(self) -> PublicKey:
        return PublicKey(self.key_id, self.secret[32:])


def secret_key_needs_password(text: str) -> bool:
    raw = _secret_raw(text)
    return raw[2:4] == b"Sc"


def _secret_raw(text: str) -> bytes:
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    if len(lines) != 2 or not lines[0].startswith(UNTRUSTED):
        raise SignatureError(N_("not a minisign secret key file (expected a comment line and one base64 line)"))
    raw = _b64(lines[1], N_("the secret key"))
    if len(raw) != 158 or raw[:2] != b"Ed" or raw[4:6] != b"B2" or raw[2:4] not in (b"Sc", b"\0\0"):
        raise SignatureError(N_("not a minisign Ed25519 secret key"))
    return raw


def parse_secret_key(text: str, password: str | None = None) -> SecretKey:
    """A secret key file, decrypted with ``password`` when minisign encrypted it (the default)."""
    import nacl.exceptions  # PyNaCl loads when a signature is checked, not at every start
    import nacl.pwhash.scrypt
    import nacl.signing

    raw = _secret_raw(text)
    salt, opslimit, memlimit = raw[6:38], *struct.unpack("<QQ", raw[38:54])
    body = raw[54:]
    if raw[2:4] == b"Sc":
        if password is None:
            raise SignatureError(N_("the secret key is encrypted: a password is needed"))
        try:
            stream = nacl.pwhash.scrypt.kdf(
                len(body), password.encode("utf-8"), salt, opslimit=opslimit, memlimit=memlimit
            )
        except (ValueError, nacl.exceptions.CryptoError) as exc:
            raise SignatureError(N_("cannot derive the key from the password: {error}").format(error=exc)) from exc
        body = bytes(a ^ b for a, b in zip(body, stream, strict=True))
    key_id, secret, check = body[:8], body[8:72], body[72:104]
    unchecked = raw[2:4] == b"\0\0" and check == bytes(32)  # minisign 0.11 -W leaves the checksum empty
    if not unchecked and hashlib.blake2b(b"Ed" + key_id + secret, digest_size=32).digest() != check:
        raise SignatureError(N_("wrong password (or a damaged secret key)"))
    if bytes(nacl.signing.SigningKey(secret[:32]).verify_key) != secret[32:]:
        raise SignatureError(N_("the secret key is damaged"))
    return SecretKey(key_id, secret)


def sign(path: Path, key: SecretKey, trusted_comment: str, untrusted_comment: str = "") -> str:
    """The text of ``FILE.minisig`` for a file: prehashed (``ED``), as minisign 0.11 signs."""
    import nacl.signing  # PyNaCl loads when a signature is checked, not at every start

    if "\n" in trusted_comment or "\r" in trusted_comment:
        raise SignatureError(N_("the trusted comment must be one line"))
    signer = nacl.signing.SigningKey(key.secret[:32])
    signature = signer.sign(file_hash(path)).signature
    global_sig = signer.sign(signature + trusted_comment.encode("utf-8")).signature
    line = base64.b64encode(b"ED" + key.key_id + signature).decode()
    untrusted = untrusted_comment or f"signature from minisign secret key {key.key_id[::-1].hex().upper()}"
    return f"{UNTRUSTED}{untrusted}\n{line}\n{TRUSTED}{trusted_comment}\n{base64.b64encode(global_sig).decode()}\n"
