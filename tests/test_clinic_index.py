"""The window adds the clinic's library to the content roots; ``guide index`` builds the window's index.

Before, the window's index was of [X, clinic] and the one ``guide index --content X`` built was of
[X], so it did not fit and the window built another in its cache. Both now take their roots from
one function (guide.core.authoring.window_roots).
"""

from __future__ import annotations

from pathlib import Path

from guide.app import load_sources, window_roots
from guide.cli import main
from guide.core import authoring
from guide.core.settings import SettingsStore


def test_the_window_uses_the_index_guide_index_built_and_a_saved_clinic_article_is_found(sample_root: Path) -> None:
    settings = SettingsStore().settings
    clinic = authoring.clinic_root(settings)
    authoring.prepare_clinic(clinic)  # as the window's first start does
    (clinic / authoring.CLINIC_TOPIC / "asthma-days.md").write_text(
        "---\ntitle: Asthma clinic days\n---\nBring your wombatite inhaler.\n", encoding="utf-8"
    )
    assert main(["index", "--content", str(sample_root)]) == 0
    assert main(["search", "--content", str(sample_root), "wombatite"]) == 0
    roots = window_roots([sample_root], settings)
    assert roots == [sample_root, clinic]
    library, index = load_sources(roots, with_packs=False, clinic=clinic)
    try:
        report = index.update()
        assert not report.rebuilt and report.added == 0  # the CLI's index, used as it is
        assert [h.id for h in index.search("wombatite").hits] == [f"{authoring.CLINIC_TOPIC}/asthma-days"]
        saved = clinic / authoring.CLINIC_TOPIC / "flu-days.md"
        saved.write_text("---\ntitle: Flu vaccination days\n---\nBring the zorbline card.\n", encoding="utf-8")
        library.refresh([saved])
        assert index.update(files=[saved]).added == 1
        assert [h.id for h in index.search("zorbline").hits] == [f"{authoring.CLINIC_TOPIC}/flu-days"]
        assert [h.id for h in index.search("flu vaccination days").hits][:1] == [f"{authoring.CLINIC_TOPIC}/flu-days"]
        assert [s.text for s in index.suggest("flu vacc")] == ["Flu vaccination days"]
    finally:
        index.close()


def test_without_a_clinic_folder_the_roots_are_those_given(sample_root: Path) -> None:
    assert window_roots([sample_root], SettingsStore().settings) == [sample_root]
