from pathlib import Path

import pytest

from newsgen.config import TAXONOMIES, SiteConfig, config_from_mapping, load_config
from newsgen.errors import ConfigError
from newsgen.site import KINDS


def test_defaults_without_a_config_file(tmp_path: Path) -> None:
    assert load_config(tmp_path) == SiteConfig()


def test_values_are_read_and_base_url_loses_its_trailing_slash(tmp_path: Path) -> None:
    (tmp_path / "newsgen.yaml").write_text("title: Desk\nper_page: 5\nbase_url: https://x.org/news/\n")
    config = load_config(tmp_path)
    assert (config.title, config.per_page, config.base_url) == ("Desk", 5, "https://x.org/news")


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ConfigError) as caught:
        config_from_mapping({"titel": "x", "per_page": "ten", "timezone": "Mars/Olympus", "base_url": "x.org"})
    problems = caught.value.problems
    assert len(problems) == 4
    assert any("titel" in p for p in problems) and any("per_page" in p for p in problems)
    assert any("timezone" in p for p in problems) and any("base_url" in p for p in problems)


@pytest.mark.parametrize("text, fragment", [
    ("title: [unclosed", "not valid YAML"),
    ("- a\n- b\n", "mapping"),
    ("per_page: 0\n", "at least 1"),
    ("per_page: true\n", "must be int"),
], ids=["broken-yaml", "not-a-mapping", "per-page-zero", "bool-is-not-int"])
def test_bad_files_name_the_problem(tmp_path: Path, text: str, fragment: str) -> None:
    (tmp_path / "newsgen.yaml").write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert fragment in caught.value.message()
    assert "newsgen.yaml" in caught.value.message()


def test_config_is_frozen() -> None:
    with pytest.raises(AttributeError):
        SiteConfig().title = "x"  # type: ignore[misc]


def test_fingerprint_changes_only_with_the_named_options() -> None:
    a, b = SiteConfig(title="A"), SiteConfig(title="B")
    assert a.fingerprint("timezone") == b.fingerprint("timezone")
    assert a.fingerprint() != b.fingerprint()


def test_taxonomies_keep_their_own_order_and_unknown_names_are_refused() -> None:
    assert config_from_mapping({"taxonomies": ["authors", "tags"]}).taxonomies == ("tags", "authors")
    with pytest.raises(ConfigError) as caught:
        config_from_mapping({"taxonomies": ["tags", "topics"], "search": "no"})
    assert any("topics" in p for p in caught.value.problems)
    assert any("'search' must be bool" in p for p in caught.value.problems)


def test_the_taxonomy_names_are_the_site_model_s_kinds() -> None:
    assert tuple(kind.name for kind in KINDS) == TAXONOMIES


def test_entities_off_leaves_entity_pages_out_and_refuses_to_ask_for_them() -> None:
    assert SiteConfig().entities is True
    assert config_from_mapping({"entities": False}).taxonomies == ("tags", "sources", "authors")
    assert config_from_mapping({"entities": False, "taxonomies": ["tags"]}).taxonomies == ("tags",)
    with pytest.raises(ConfigError) as caught:
        config_from_mapping({"entities": False, "taxonomies": ["tags", "people"]})
    assert list(caught.value.problems) == ["'taxonomies' has people, but with 'entities: false' no article names any: "
                                     "leave them out or turn entities on"]


def test_topic_feeds_default_to_tags_and_sources_that_have_pages() -> None:
    assert config_from_mapping({}).topic_feeds == ("tags", "sources")
    assert config_from_mapping({"taxonomies": ["tags", "authors"]}).topic_feeds == ("tags",)
    assert config_from_mapping({"topic_feeds": ["authors", "tags"]}).topic_feeds == ("tags", "authors")
    assert config_from_mapping({"topic_feeds": []}).topic_feeds == ()


@pytest.mark.parametrize("raw, fragment", [
    ({"topic_feeds": ["topics"]}, "unknown names ['topics']"),
    ({"topic_feeds": "tags"}, "must be list"),
    ({"taxonomies": ["tags"], "topic_feeds": ["tags", "sources"]}, "'topic_feeds' has sources, which has no pages"),
    ({"entities": False, "topic_feeds": ["people"]}, "'topic_feeds' has people, which has no pages"),
], ids=["unknown", "not-a-list", "no-pages", "entities-off"])
def test_topic_feeds_are_checked(raw: dict, fragment: str) -> None:
    with pytest.raises(ConfigError) as caught:
        config_from_mapping(raw)
    assert any(fragment in p for p in caught.value.problems), caught.value.problems
