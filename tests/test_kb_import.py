"""`relais kb import`: good files land whole, any bad file leaves the store as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services import kb
from app.services.kb_files import KbFormatError
from app.services.workspace import Workspace

GOOD = """+++
id = "{id}"
category = "collectes"
title = "{title}"
title_en = "Test article"
keywords = ["zorglub"]
version = {version}
updated_at = 2026-11-02

[referral]
unit = "Unité test"
phone = "311"
+++
**Réponse.** Le {title} se règle au comptoir.

<!-- en -->
**Answer.** The test is handled at the counter.
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def good(article_id: str = "test-zorglub", title: str = "zorglub", version: int = 1) -> str:
    return GOOD.format(id=article_id, title=title, version=version)


def snapshot(ws: Workspace) -> tuple[int, list[str]]:
    return ws.article_count(), [h.article_id for h in ws.search("collecte", limit=50).hits]


def test_import_adds_and_updates_searchable_articles(workspace: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder, "a.md", good())
    report = kb.import_path(workspace.store, folder)
    assert (report.added, report.updated) == (1, 0)
    assert workspace.search("zorglub").hits[0].article_id == "test-zorglub"

    write(
        folder,
        "a.md",
        good(title="bidulette renouvelée", version=2).replace('["zorglub"]', '["truc"]'),
    )
    report = kb.import_path(workspace.store, folder)
    assert (report.added, report.updated) == (0, 1)
    article = workspace.article("test-zorglub")
    assert article is not None and article.text("fr").title == "bidulette renouvelée"
    assert article.text("en").referral.unit == "Unité test"  # English falls back to French
    assert workspace.search("renouvelee bidulette").hits[0].article_id == "test-zorglub"
    # Words that left the article leave the index and its vocabulary (no typo match either).
    assert workspace.search("zorglub").hits == ()
    assert workspace.search("zorgluc").hits == ()
    assert kb.import_path(workspace.store, folder).unchanged == 1
    # A new "updated" date alone is a change the agent sees in the article header.
    write(folder, "a.md", (folder / "a.md").read_text("utf-8").replace("2026-11-02", "2026-11-20"))
    assert kb.import_path(workspace.store, folder).updated == 1


@pytest.mark.parametrize(
    ("name", "content", "field", "hint"),
    [
        (
            "broken.md",
            good().replace('title = "zorglub"', "title = zorglub"),
            "front matter",
            "invalid TOML",
        ),
        ("nofront.md", "Just text\n", "front matter", "must start"),
        ("untitled.md", good().replace('title = "zorglub"\n', ""), "title", "missing"),
        ("latin1.md", good().replace("Réponse", "Réponse").encode("latin-1"), "encoding", "UTF-8"),
        ("badlist.md", good().replace('["zorglub"]', '"zorglub"'), "keywords", "list"),
        ("badid.md", good(article_id="Bad Id"), "id", "lowercase"),
        ("badcat.md", good().replace('"collectes"', '"colectes"'), "category", "one of"),
        (
            "noenglish.md",
            good().replace("**Answer.** The test is handled at the counter.", ""),
            "body",
            "English",
        ),
    ],
)
def test_bad_file_is_named_with_field_and_nothing_is_imported(
    workspace: Workspace, tmp_path: Path, name: str, content: str | bytes, field: str, hint: str
) -> None:
    before = snapshot(workspace)
    folder = tmp_path / "in"
    write(folder, "fine.md", good("test-fine"))
    bad = write(folder, name, content)
    with pytest.raises(KbFormatError) as info:
        kb.import_path(workspace.store, folder)
    problem = info.value.problems[0]
    assert problem.path == bad
    assert problem.field == field
    assert hint in problem.message
    assert "nothing was imported" in str(info.value)
    assert snapshot(workspace) == before
    assert workspace.article("test-fine") is None


def test_duplicate_id_names_both_files(workspace: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    first = write(folder, "a.md", good("test-dup"))
    second = write(folder, "b.md", good("test-dup"))
    before = snapshot(workspace)
    with pytest.raises(KbFormatError) as info:
        kb.import_path(workspace.store, folder)
    message = str(info.value)
    assert str(first) in message and str(second) in message and "[id]" in message
    assert snapshot(workspace) == before


def test_toml_error_gives_the_line_in_the_file(tmp_path: Path, workspace: Workspace) -> None:
    path = write(tmp_path, "x.md", '+++\nid = "x-y-z"\ntitle = oops\n+++\nbody\n')
    with pytest.raises(KbFormatError) as info:
        kb.import_path(workspace.store, path)
    assert "line 3" in str(info.value)


def test_every_problem_of_a_batch_is_reported_at_once(workspace: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder, "a.md", good().replace('title = "zorglub"\n', ""))
    write(folder, "b.md", b"\xff\xfe not utf-8")
    with pytest.raises(KbFormatError) as info:
        kb.import_path(workspace.store, folder)
    assert len(info.value.problems) == 2


def test_bundle_never_overwrites_a_newer_imported_article(
    workspace: Workspace, tmp_path: Path
) -> None:
    newer = good("encombrants-collecte", title="Encombrants version municipale", version=9)
    kb.import_path(workspace.store, write(tmp_path, "enc.md", newer))
    from app.models import StoreMeta
    from app.services import resources
    from app.services.kb import BUNDLE_HASH_KEY

    with workspace.store.session() as session:  # pretend the bundle changed since
        session.merge(StoreMeta(key=BUNDLE_HASH_KEY, value="old"))
    kb.load_bundle(workspace.store, resources.kb_dir())
    article = workspace.article("encombrants-collecte")
    assert article is not None and article.version == 9


def test_bundled_knowledge_base_is_complete(bundled: Workspace) -> None:
    from app.services import resources
    from app.services.kb_files import read_articles

    articles = read_articles(resources.kb_dir())
    assert len(articles) >= 150
    assert sum(1 for a in articles if len(a.texts) == 2) >= 60
    for a in articles:
        assert a.path is not None
        assert a.path.stem == a.id and a.path.parent.name == a.category
    assert bundled.article_count() == len(articles)
