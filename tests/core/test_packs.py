"""Content packs: build, install, update, roll back, remove, and every bad input refused cleanly."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import zipfile
from pathlib import Path

import pytest
import yaml
from packs_helpers import (
    FIXTURE,
    build_pack,
    make_key,
    minisign_sign,
    needs_minisign,
    rezip,
    snapshot,
    trust_site,
)

from guide.core import paths
from guide.core.packs import archive
from guide.core.packs.archive import PackError
from guide.core.packs.mount import installed_packs, load_library, open_index
from guide.core.packs.store import PackStore
from guide.core.packs.trust import Trust
from guide.core.settings import SettingsStore


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Version 1.0 and 2.0 (one article changed, one added) of a small pack, built once."""
    folder = tmp_path_factory.mktemp("packs")
    build_pack(folder, "1.0")
    changed = folder / "source-2"
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / "library", changed)
    attack = changed / "heart" / "heart-attack.md"
    attack.write_text(attack.read_text(encoding="utf-8") + "\nCall 112 in Europe.\n", encoding="utf-8")
    (changed / "heart" / "stroke.md").write_text("---\ntitle: Stroke\n---\nFace, arms, speech, time.\n")
    build_pack(folder, "2.0", source=changed)
    return folder


@pytest.fixture
def pack(built: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(built / "clinic-1.0.guidepack", tmp_path / "clinic-1.0.guidepack"))


@pytest.fixture
def pack2(built: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(built / "clinic-2.0.guidepack", tmp_path / "clinic-2.0.guidepack"))


def user_store() -> PackStore:
    return PackStore(paths.user_packs_dir(), "user")


def trust() -> Trust:
    return Trust.from_store(SettingsStore())


def install(path: Path, **kwargs: object) -> object:
    return user_store().install(path, trust(), allow_unsigned=True, **kwargs)  # type: ignore[arg-type]


def refused(path: Path, *words: str, **kwargs: object) -> str:
    """Install must fail with one line naming the file and the problem, leaving installed packs as they were."""
    before = snapshot(paths.data_dir())
    with pytest.raises(PackError) as caught:
        install(path, **kwargs)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message, message
    for word in words:
        assert word in message, message
    assert snapshot(paths.data_dir()) == before
    return message


# -- the good path --------------------------------------------------------------------------------
def test_installed_pack_is_a_top_level_topic_searched_without_content(pack: Path) -> None:
    report = install(pack)
    assert "Installed Clinic library 1.0 (5 articles)" in report.summary()  # type: ignore[attr-defined]
    packs = installed_packs()
    assert [p.id for p in packs] == ["clinic"]
    library = load_library([paths.bundled_content()], packs)
    topic = library.topic("clinic")
    assert topic is not None and topic.title == "Clinic library"
    assert library.article("clinic/heart/heart-attack") is not None
    assert library.source_of("clinic/heart/heart-attack") == "Clinic library"
    index = open_index([paths.bundled_content()], packs, source_of=library.source_of)
    try:
        index.update()  # type: ignore[attr-defined]
        hits = index.search("heart attack").hits  # type: ignore[attr-defined]
    finally:
        index.close()  # type: ignore[attr-defined]
    assert hits[0].id == "clinic/heart/heart-attack"
    assert hits[0].source == "Clinic library"


def test_opening_a_pack_parses_no_article(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install(pack)
    from guide.core import catalog, content

    def parse(*args: object) -> object:
        raise AssertionError("an article file was parsed")

    monkeypatch.setattr(content, "parse_article", parse)
    monkeypatch.setattr(catalog, "parse_article", parse)
    library = load_library([], installed_packs())
    assert len(library) == 5


def test_update_reports_changes_and_rollback_goes_back(pack: Path, pack2: Path) -> None:
    install(pack)
    report = install(pack2)
    assert report.previous_version == "1.0"  # type: ignore[attr-defined]
    assert report.added == ("clinic/heart/stroke",)  # type: ignore[attr-defined]
    assert report.changed == ("clinic/heart/heart-attack",)  # type: ignore[attr-defined]
    assert report.removed == ()  # type: ignore[attr-defined]
    assert "1.0 -> 2.0: 1 articles added, 0 removed, 1 changed" in report.summary()  # type: ignore[attr-defined]
    store = user_store()
    assert store.rollback("clinic") == ("2.0", "1.0")
    library = load_library([], installed_packs())
    assert library.article("clinic/heart/stroke") is None
    assert "112" not in library.body(library.article("clinic/heart/heart-attack"))  # type: ignore[arg-type]
    store.remove("clinic")
    assert installed_packs() == []


def test_older_version_needs_allow_downgrade(pack: Path, pack2: Path) -> None:
    install(pack2)
    refused(pack, "older than the installed 2.0", "--allow-downgrade")
    install(pack, allow_downgrade=True)
    assert user_store().get("clinic").manifest.version == "1.0"  # type: ignore[union-attr]


def test_power_cut_between_renames_leaves_the_old_pack(pack: Path, pack2: Path) -> None:
    install(pack)
    base = paths.user_packs_dir() / "clinic"
    os.replace(base / "current", base / "previous")  # as if the power went after the first rename
    assert user_store().get("clinic").manifest.version == "1.0"  # type: ignore[union-attr]
    install(pack2)
    assert user_store().get("clinic").manifest.version == "2.0"  # type: ignore[union-attr]


def test_system_install_goes_to_the_site_packs_dir(pack: Path, tmp_path: Path) -> None:
    site = Path(os.environ["GUIDE_SITE_CONFIG"])
    site.parent.mkdir(parents=True, exist_ok=True)
    site.write_text(f'{{"packs_dir": "{tmp_path / "site-packs"}"}}')
    from guide.core.packs.mount import site_packs_dir
    from guide.core.packs.store import stores

    stores(site_packs_dir())[1].install(pack, trust(), allow_unsigned=True)
    assert (tmp_path / "site-packs" / "clinic" / "current" / "pack.yaml").is_file()
    assert [(p.id, p.scope) for p in installed_packs()] == [("clinic", "system")]


# -- signatures and trust -------------------------------------------------------------------------
@needs_minisign
def test_signed_by_trusted_key_is_verified(pack: Path, tmp_path: Path) -> None:
    pub, sec = make_key(tmp_path)
    minisign_sign(pack, sec)
    trust_site(Path(os.environ["GUIDE_SITE_CONFIG"]), pub, allow_unsigned=False)
    report = user_store().install(pack, trust())
    assert report.pack.verified == "Hillside clinic"
    assert report.signature.verified


@needs_minisign
def test_unknown_key_and_unsigned_refused_when_site_forbids(pack: Path, tmp_path: Path) -> None:
    pub, _ = make_key(tmp_path, "trusted")
    _, other = make_key(tmp_path, "other")
    trust_site(Path(os.environ["GUIDE_SITE_CONFIG"]), pub, allow_unsigned=False)
    refused(pack, "not signed", "only verified packs")  # unsigned, even with the user's confirmation
    minisign_sign(pack, other)
    refused(pack, "not among the trusted", "only verified packs")


@needs_minisign
def test_unknown_key_needs_confirmation(pack: Path, tmp_path: Path) -> None:
    _, other = make_key(tmp_path, "other")
    minisign_sign(pack, other)
    before = snapshot(paths.data_dir())
    with pytest.raises(PackError, match=r"not among the trusted.*--allow-unsigned"):
        user_store().install(pack, trust())
    assert snapshot(paths.data_dir()) == before
    assert user_store().install(pack, trust(), allow_unsigned=True).pack.verified is None


@needs_minisign
def test_flipped_byte_anywhere_in_a_signed_pack_is_refused(pack: Path, tmp_path: Path) -> None:
    pub, sec = make_key(tmp_path)
    minisign_sign(pack, sec)
    trust_site(Path(os.environ["GUIDE_SITE_CONFIG"]), pub)
    good = pack.read_bytes()
    size = len(good)
    for position in [0, 10, 40, size // 3, size // 2, size - 100, size - 1]:
        data = bytearray(good)
        data[position] ^= 0x01
        pack.write_bytes(bytes(data))
        refused(pack, "bad signature")
    pack.write_bytes(good)
    sig = Path(f"{pack}.minisig")
    lines = sig.read_text().splitlines()
    sig.write_text("\n".join([lines[0], lines[1], "trusted comment: something else", lines[3]]) + "\n")
    refused(pack, "trusted comment was changed")


def test_flipped_byte_in_an_unsigned_pack_is_refused(pack: Path) -> None:
    good = pack.read_bytes()
    with zipfile.ZipFile(pack) as zf:
        info = zf.getinfo("content/clinic/heart/heart-attack.md")
        catalog = zf.getinfo("catalog.json")
    for entry in (info, catalog):
        data = bytearray(good)
        data[entry.header_offset + 30 + len(entry.filename) + 5] ^= 0x10  # inside the entry's data
        pack.write_bytes(bytes(data))
        refused(pack)


# -- hostile and damaged packs --------------------------------------------------------------------
def test_truncated_pack(pack: Path) -> None:
    data = pack.read_bytes()
    for cut in (len(data) // 2, len(data) - 10):
        pack.write_bytes(data[:cut])
        refused(pack, "damaged or truncated")


def test_manifest_names_a_missing_file(pack: Path, tmp_path: Path) -> None:
    bad = rezip(pack, tmp_path / "missing.guidepack", lambda e: e.pop("content/clinic/heart/heart-attack.md"),
                relist=False)
    refused(bad, "names content/clinic/heart/heart-attack.md, which is missing")


def test_file_not_in_the_manifest(pack: Path, tmp_path: Path) -> None:
    bad = rezip(pack, tmp_path / "extra.guidepack", lambda e: e.update({"content/clinic/extra.md": b"x"}),
                relist=False)
    refused(bad, "content/clinic/extra.md is in the pack but not in its manifest")


def test_changed_file_with_old_hash(pack: Path, tmp_path: Path) -> None:
    def change(entries: dict[str, bytes]) -> None:
        entries["content/clinic/heart/heart-attack.md"] = entries["content/clinic/heart/heart-attack.md"].upper()

    bad = rezip(pack, tmp_path / "changed.guidepack", change, relist=False)
    refused(bad, "heart-attack.md does not match its SHA-256")


@pytest.mark.parametrize("name", ["content/../../evil.md", "/tmp/evil.md", "content/clinic/../../../x.md",
                                  "C:/evil.md", "content\\..\\evil.md"])
def test_entries_that_climb_out_are_refused(pack: Path, tmp_path: Path, name: str) -> None:
    bad = rezip(pack, tmp_path / "climb.guidepack", extra=[(zipfile.ZipInfo(name), b"evil")])
    message = refused(bad, "refused")
    assert "climbs out" in message or "no place" in message
    assert not (tmp_path.parent / "evil.md").exists()


@pytest.mark.parametrize(("kind", "word"), [(stat.S_IFLNK, "symbolic link"), (stat.S_IFCHR, "device"),
                                             (stat.S_IFIFO, "device")])
def test_links_and_devices_are_refused(pack: Path, tmp_path: Path, kind: int, word: str) -> None:
    info = zipfile.ZipInfo("content/clinic/link.md")
    info.external_attr = (kind | 0o777) << 16
    bad = rezip(pack, tmp_path / "special.guidepack", extra=[(info, b"/etc/passwd")])
    refused(bad, word)


@needs_minisign
def test_climbing_entry_refused_even_with_a_valid_signature(pack: Path, tmp_path: Path) -> None:
    pub, sec = make_key(tmp_path)
    trust_site(Path(os.environ["GUIDE_SITE_CONFIG"]), pub, allow_unsigned=False)
    bad = rezip(pack, tmp_path / "signed-climb.guidepack", extra=[(zipfile.ZipInfo("content/../../x.md"), b"x")])
    minisign_sign(bad, sec)
    before = snapshot(paths.data_dir())
    with pytest.raises(PackError, match="climbs out"):
        user_store().install(bad, trust())
    assert snapshot(paths.data_dir()) == before


def test_zip_bomb_stops_at_the_manifest_size(pack: Path, tmp_path: Path) -> None:
    """An entry that inflates far past what the manifest says is refused without inflating it."""
    bomb = b"\0" * 50_000_000

    def change(entries: dict[str, bytes]) -> None:
        entries["content/clinic/heart/heart-attack.md"] = bomb

    bad = rezip(pack, tmp_path / "bomb.guidepack", change, relist=False)
    assert bad.stat().st_size < 1_000_000
    refused(bad, "heart-attack.md")


@pytest.mark.parametrize("pack_id", ["../evil", "Evil", "a b", "-x", "x" * 70, "é"])
def test_odd_pack_ids_are_refused(pack: Path, tmp_path: Path, pack_id: str) -> None:
    def change(entries: dict[str, bytes]) -> None:
        manifest = yaml.safe_load(entries[archive.MANIFEST])
        manifest["id"] = pack_id
        entries[archive.MANIFEST] = yaml.safe_dump(manifest).encode()

    bad = rezip(pack, tmp_path / "odd.guidepack", change)
    refused(bad, "is not allowed")
    with pytest.raises(PackError, match="is not allowed"):
        user_store().remove(pack_id)


def test_two_installs_at_once_second_is_refused(pack: Path, pack2: Path) -> None:
    import fcntl

    install(pack)
    store = user_store()
    with open(store.folder / ".lock", "a+b") as held:  # another process installing
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        refused(pack2, "another install")
    install(pack2)
    assert store.get("clinic").manifest.version == "2.0"  # type: ignore[union-attr]


def test_disk_full_during_install_keeps_the_old_pack(pack: Path, pack2: Path) -> None:
    install(pack)
    written: list[Path] = []

    def full(path: Path, chunk: bytes) -> None:
        written.append(path)
        if len(written) > 3:
            raise OSError(errno.ENOSPC, "No space left on device")

    message = refused(pack2, "No space left on device", "unchanged", write=full)
    assert "could not unpack" in message
    assert not list(paths.user_packs_dir().glob(".install-*"))
    packs = installed_packs()
    assert packs[0].manifest.version == "1.0"
    library = load_library([], packs)
    assert library.article("clinic/heart/heart-attack") is not None


def test_verify_now_notices_a_changed_installed_file(pack: Path) -> None:
    install(pack)
    store = user_store()
    assert "all" in store.verify("clinic", trust())
    installed = store.get("clinic")
    assert installed is not None
    (installed.content / "clinic" / "heart" / "heart-attack.md").write_text("changed")
    with pytest.raises(PackError, match=r"heart-attack\.md has changed"):
        store.verify("clinic", trust())


def test_leftovers_of_a_killed_install_are_cleared_by_the_next(pack: Path) -> None:
    install(pack)
    leftover = paths.user_packs_dir() / ".install-clinic-killed" / "content"
    leftover.mkdir(parents=True)
    (leftover / "half.md").write_text("half an article")
    user_store().remove("clinic")
    assert not (paths.user_packs_dir() / ".install-clinic-killed").exists()


def test_a_pack_with_a_damaged_index_leaves_search_of_the_rest_working(pack: Path) -> None:
    install(pack)
    packs = installed_packs()
    (packs[0].index / "guide-index.json").unlink()
    library = load_library([paths.bundled_content()], packs)
    index = open_index([paths.bundled_content()], packs, source_of=library.source_of)
    try:
        report = index.update()  # type: ignore[attr-defined]
        hits = index.search("cancer").hits  # type: ignore[attr-defined]
    finally:
        index.close()  # type: ignore[attr-defined]
    assert any("Clinic library cannot be used" in note for note in report.notes)
    assert hits and all(not h.id.startswith("clinic/") for h in hits)


# -- a pack id that is already a top-level topic -----------------------------------------------------
def test_pack_named_like_a_bundled_topic_is_refused(tmp_path: Path) -> None:
    assert (paths.bundled_content() / "mental-health").is_dir()
    clash = build_pack(tmp_path, pack_id="mental-health")
    message = refused(clash, "pack id 'mental-health'", "the bundled guide", "another id")
    assert message.count(":") == 1  # one line: the file, then the reason
    assert installed_packs() == []


def test_pack_named_like_another_installed_packs_topic_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(FIXTURE / "heart", source / "wound-care")
    at_root = tmp_path / "several.guidepack"
    archive.build(source, at_root, archive.Manifest(id="several", title="Several topics", version="1", at_root=True))
    install(at_root)
    clash = build_pack(tmp_path, pack_id="wound-care")
    refused(clash, "pack id 'wound-care'", "the installed pack 'Several topics'")
    assert [p.id for p in installed_packs()] == ["several"]
    install(at_root, allow_downgrade=True)  # the same pack again is an update, not a clash


def test_an_ordinary_pack_id_still_installs_and_updates(pack: Path, pack2: Path) -> None:
    install(pack)
    install(pack2)  # its own topic 'clinic' is not a clash with itself
    assert [(p.id, p.manifest.version) for p in installed_packs()] == [("clinic", "2.0")]
