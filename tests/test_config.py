from pathlib import Path

import pytest
from pydantic import BaseModel

from briefgen import config
from briefgen.discover import PACKAGED_SOURCES, REPO_SOURCES
from briefgen.errors import ConfigError
from briefgen.rankers import RANKER_NAMES

from .conftest import DEFAULT_CONFIG, ROOT, run_cli

GOOD = """\
title: Test brief
sources:
  - path: articles
sections:
  - id: one
    title: One
    cues: [met]
  - id: two
    title: Two
  - id: three
    title: Three
    max_items: 3
"""


def errors_of(text: str) -> str:
    with pytest.raises(ConfigError) as e:
        config.parse(text, "brief.yaml")
    return str(e.value)


def test_default_config_loads_with_four_sections():
    cfg = config.load(DEFAULT_CONFIG)
    assert [s.id for s in cfg.sections] == [
        "key_meetings", "unresolved_issues", "cooperation", "next_visits"]
    assert cfg.resolve(cfg.sources[0].path) == ROOT / "seeds"


def test_packaged_default_is_the_repo_default_reading_what_input_names():
    packaged = (ROOT / "briefgen" / "data" / "brief.yaml").read_text()
    assert packaged == DEFAULT_CONFIG.read_text().replace(REPO_SOURCES, PACKAGED_SOURCES)
    assert config.parse(packaged).sources == ()


def test_yaml_syntax_error_names_file_and_line():
    msg = errors_of("title: x\nsections:\n  - id: one\n    title: [unclosed\n")
    assert msg.startswith("brief.yaml:")
    line = int(msg.split(":")[1])
    assert line in (4, 5)
    assert "YAML syntax error" in msg


def test_unknown_key_named_with_line_and_suggestion():
    msg = errors_of(GOOD.replace("title: Test brief", "titel: Test brief"))
    assert "brief.yaml:1: titel: unknown key (did you mean 'title'?)" in msg


def test_wrong_type_names_key_path_and_line():
    msg = errors_of(GOOD.replace("max_items: 3", "max_items: lots"))
    assert "brief.yaml:12: sections[2].max_items:" in msg
    assert "'lots'" in msg


def test_every_error_reported_at_once():
    bad = GOOD.replace("max_items: 3", "max_items: -1").replace("cues: [met]", "cuez: [met]")
    msg = errors_of(bad)
    assert "sections[2].max_items" in msg
    assert "sections[0].cuez: unknown key (did you mean 'cues'?)" in msg
    assert len(msg.splitlines()) == 2


def test_unknown_ranker_lists_choices():
    msg = errors_of(GOOD.replace("cues: [met]", "ranker: lexrnk"))
    assert "sections[0].ranker: expected one of" in msg
    assert "got 'lexrnk' (did you mean 'lexrank'?)" in msg


def test_sections_required_and_ids_unique():
    assert "sections: required key missing" in errors_of("title: x\n")
    dup = GOOD.replace("id: two", "id: one")
    assert "duplicate section id 'one'" in errors_of(dup)


def test_every_ranker_name_is_accepted():
    for name in RANKER_NAMES:
        cfg = config.parse(GOOD.replace("cues: [met]", f"ranker: {name}"))
        assert cfg.sections[0].ranker == name


def test_cli_bad_yaml_is_one_line_exit_2(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nsections: [\n")
    proc = run_cli("build", "--config", str(bad), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1
    assert f"{bad}:" in lines[0] and "YAML syntax error" in lines[0]
    assert not (tmp_path / "out").exists()


def test_cli_missing_config(tmp_path: Path):
    proc = run_cli("check", "--config", str(tmp_path / "nope.yaml"))
    assert proc.returncode == 2
    assert "config file not found" in proc.stderr


def test_cli_check_describes_the_build():
    proc = run_cli("check", "--config", str(DEFAULT_CONFIG))
    assert proc.returncode == 0, proc.stderr
    assert "-> 5 files" in proc.stdout
    assert "section next_visits ('Next visits')" in proc.stdout


def _keys(model, prefix=""):
    for field_name, field in model.model_fields.items():
        if field_name == "base_dir":
            continue
        name = field.alias or field_name
        sub = field.annotation
        if not (isinstance(sub, type) and issubclass(sub, BaseModel)):
            yield prefix + name  # groups such as `summary` are documented by their keys
        args = getattr(sub, "__args__", ())
        for cls in (sub, *args):
            if isinstance(cls, type) and issubclass(cls, BaseModel):
                sep = "[]." if args and cls in args and name in ("sections", "sources") else "."
                yield from _keys(cls, prefix + name + sep)


def test_every_config_key_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for key in _keys(config.Config):
        assert f"`{key}`" in readme, key


def test_annotated_example_is_valid():
    cfg = config.load(ROOT / "config" / "example.yaml")
    assert [s.ranker for s in cfg.sections] == ["centrality", "lexrank"]


def test_a_list_written_without_brackets_gets_one_line_that_shows_the_fix():
    msg = errors_of(GOOD.replace("cues: [met]", "cues: met, talks"))
    assert msg == ("brief.yaml:7: sections[0].cues: expected a list in brackets, "
                   "like [met, talks]; got 'met, talks'")


def test_a_cue_opening_on_global_flags_is_refused_with_its_line():
    # alone it compiles, but not as one of the section's alternatives
    msg = errors_of(GOOD.replace("cues: [met]", "cues: [met, '/(?i)summit/']"))
    assert "brief.yaml:" in msg and "sections[0].cues" in msg and "(?i)" in msg
    assert config.parse(GOOD.replace("cues: [met]", "cues: ['/(?i:summit) talks/']"))
