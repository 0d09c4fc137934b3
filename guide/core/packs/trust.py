"""Whom to trust: publisher keys from the site file and the user's settings, and whether unsigned packs may go in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from guide.core.i18n import N_
from guide.core.packs.archive import PackError

if TYPE_CHECKING:  # minisign imports PyNaCl: only when a signature is read, not at every start
    from guide.core.packs import minisign
    from guide.core.settings import SettingsStore


@dataclass(frozen=True)
class Trust:
    keys: tuple[tuple[str, minisign.PublicKey], ...] = ()  # (publisher name, key)
    allow_unsigned: bool = True  # the site file's "allow_unsigned_packs"

    @classmethod
    def from_store(cls, store: SettingsStore) -> Trust:
        """Site keys and the user's own; only the site file (or the user, to be stricter) can forbid unsigned packs."""
        from guide.core.packs import minisign

        keys: list[tuple[str, minisign.PublicKey]] = []
        for source in (store.site, store.user):
            for name, text in source.get("trusted_keys", ()):
                try:
                    keys.append((name, minisign.parse_public_key(text)))
                except minisign.SignatureError:
                    continue  # a wrong key in a settings file trusts nobody; the others still count
        allow = store.site.get("allow_unsigned_packs", True) and store.user.get("allow_unsigned_packs", True)
        return cls(tuple(keys), bool(allow))

    def name_of(self, key_id: bytes) -> str | None:
        return next((name for name, key in self.keys if key.key_id == key_id), None)


@dataclass(frozen=True)
class SignatureCheck:
    """What the ``FILE.minisig`` beside a pack says about it."""

    status: str  # "verified", "unsigned" or "unknown-key"
    publisher: str | None = None  # the trusted key's name when verified
    key_id: str = ""
    trusted_comment: str = ""

    @property
    def verified(self) -> bool:
        return self.status == "verified"

    def describe(self) -> str:
        if self.status == "verified":
            return N_("signed by {publisher} (key {key}), verified").format(publisher=self.publisher, key=self.key_id)
        if self.status == "unknown-key":
            return N_("signed with key {key}, which is not among the trusted publisher keys").format(key=self.key_id)
        return N_("not signed (no .minisig file beside it)")


def check_signature(pack: Path, trust: Trust, extra_key: minisign.PublicKey | None = None) -> SignatureCheck:
    """Check ``pack.minisig`` against the trusted keys; a signature that does not check is a :class:`PackError`.

    A pack without a signature, or signed by a key nobody trusts, is not refused here: the
    caller decides (with a warning, or never when unsigned packs are forbidden).
    """
    from guide.core.packs import minisign

    sig_path = Path(f"{pack}.minisig")
    if not sig_path.exists():
        return SignatureCheck("unsigned")
    try:
        signature = minisign.read_signature(sig_path)
    except minisign.SignatureError as exc:
        raise PackError(f"{sig_path}: {exc}") from exc
    keys = [*(k for _, k in trust.keys), *([extra_key] if extra_key else [])]
    key = minisign.find_key(signature, keys)
    if key is None:
        return SignatureCheck("unknown-key", key_id=signature.id_hex, trusted_comment=signature.trusted_comment)
    try:
        minisign.verify(pack, signature, key)
    except minisign.SignatureError as exc:
        raise PackError(N_("{pack}: bad signature: {error}; refused").format(pack=pack, error=exc)) from exc
    except OSError as exc:
        raise PackError(N_("{pack}: cannot read ({reason})").format(pack=pack, reason=exc.strerror or exc)) from exc
    name = trust.name_of(key.key_id) or N_("the key given")
    return SignatureCheck("verified", name, signature.id_hex, signature.trusted_comment)
