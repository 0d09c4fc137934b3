"""The window adds the clinic's library to the content roots; its search keeps the main index as built.

Before, the window's index was of [X, clinic], so the one ``guide index --content X`` had built
(of [X]) did not fit and the window built another in its cache; the clinic's library now has a
small index of its own, searched beside the main one (guide.core.search.combined.split_clinic).
"""

from __future__ import annotations

from pathlib import Path

from guide.app import load_sources
from guide.cli import main
from guide.core import authoring


def test_the_window_uses_the_index_guide_index_built_and_finds_clinic_articles(
    sample_root: Path, tmp_path: Path
) -> None:
    assert main(["index", "--content", str(sample_root)]) == 0
    clinic = tmp_path / "clinic"
    authoring.prepare_clinic(clinic)
    library, index = load_sources([sample_root, clinic], with_packs=False, clinic=clinic)
    try:
        report = index.update()
        assert not report.rebuilt and report.added == 0  # the CLI's index, used as it is
        assert index.search("heart attack").hits
        assert index.search("zorbline").hits == ()  # the empty clinic library: no error, no hits
        saved = clinic / authoring.CLINIC_TOPIC / "flu-days.md"
        saved.write_text("---\ntitle: Flu vaccination days\n---\nBring the zorbline card.\n", encoding="utf-8")
        library.refresh([saved])
        saved_report = index.update(files=[saved])
        assert not saved_report.rebuilt
        hits = index.search("zorbline").hits
        assert [h.id for h in hits] == [f"{authoring.CLINIC_TOPIC}/flu-days"]
        assert hits[0].source == library.source_of(hits[0].id)
        assert [s.text for s in index.suggest("flu vacc")] == ["Flu vaccination days"]
    finally:
        index.close()
