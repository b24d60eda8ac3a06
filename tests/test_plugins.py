"""Rules from an installed plugin package (issue 13, point 3): a package whose module imports its rules
from submodules provides them; a plugin named in the configuration that provides none is an error."""

import textwrap

import pytest
from click.testing import CliRunner

from perflint.cli import main
from perflint.engine import registry
from perflint.errors import UsageError

RULE = textwrap.dedent('''
    from perflint.engine.rule import Category, Rule, RuleDoc, Text
    from perflint.findings import Severity


    class TitleRequired(Rule):
        code = "ACME001"
        slug = "title-required"
        category = Category.COMPLETENESS
        severity = Severity.INFO
        summary = Text("缺少标题", "No title")
        messages = {"default": Text("文档缺少标题", "The document has no title")}
        doc = RuleDoc(what=Text("没有标题。", "No title."), why=Text("难以辨认。", "Hard to find."), source="本局要求")

        def check(self, document, context):
            if not document.title:
                yield self.hit("/title")
''')


def _install(site, name: str, files: dict) -> None:
    """A distribution in `site` with an entry point `name` of group perflint.rules, and its package."""
    for path, text in files.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    package = next(iter(files)).split("/")[0]
    info = site / f"{package}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {package}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[perflint.rules]\n{name} = {package}\n", encoding="utf-8")


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path


def test_a_plugin_package_that_imports_its_rules_from_submodules_provides_them(site, tmp_path):
    _install(site, "acme", {"acme_rules/__init__.py": "from .titles import TitleRequired\n",
                            "acme_rules/titles.py": RULE})
    catalog = registry.load_catalog(plugins=["acme"])
    assert catalog.get("ACME001") is not None and catalog.get("title-required") is not None
    config = tmp_path / "perflint.toml"
    config.write_text('plugins = ["acme"]\nselect = ["ACME001"]\n', encoding="utf-8")
    document = tmp_path / "doc.yaml"
    document.write_text("department: 溧平县司法局\nyear: 2026\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(document), "--config", str(config)])
    assert "ACME001 [info] 文档缺少标题" in result.output


def test_a_plugin_that_provides_no_rule_is_an_error(site, tmp_path):
    _install(site, "empty", {"empty_rules/__init__.py": "from perflint.engine.rule import Rule  # nothing else\n"})
    with pytest.raises(UsageError, match="provides no rules"):
        registry.load_catalog(plugins=["empty"])
    config = tmp_path / "perflint.toml"
    config.write_text('plugins = ["empty"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "--config", str(config)])
    assert result.exit_code == 2
    assert "插件“empty”（empty_rules）没有提供任何规则" in result.output


def test_a_plugin_that_imports_rules_from_elsewhere_provides_only_its_own(site):
    """A module that imports a built-in rule (to subclass it, say) does not provide it a second time."""
    _install(site, "acme", {"acme_rules/__init__.py": "from perflint.rules.vague_target import VagueTarget\n"
                                                      "from .titles import TitleRequired\n",
                            "acme_rules/titles.py": RULE})
    assert [rule.code for _, rule in registry._entry_point_rules(["acme"])] == ["ACME001"]
    assert registry.load_catalog(plugins=["acme"]).get("ACME001") is not None
