"""The README's own examples work: the content/site.yaml it shows is a valid
settings file, and its command table names every option the command line has."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _site_yaml_example() -> str:
    section = README.split("### `content/site.yaml`", 1)[1]
    return re.search(r"```yaml\n(.*?)```", section, re.DOTALL).group(1)


def test_the_site_yaml_example_is_a_valid_settings_file(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "site.yaml").write_text(_site_yaml_example(), encoding="utf-8")
    (tmp_path / "content" / "index.md").write_text("---\ntitle: Welcome\n---\n\n[picture: meeting] We meet.\n",
                                                   encoding="utf-8")
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "check", "--site", str(tmp_path)],
                            capture_output=True, text=True)
    settings_problems = [line for line in result.stdout.splitlines() + result.stderr.splitlines()
                         if line.startswith("content/site.yaml")]
    assert settings_problems == []
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_command_table_names_every_option(capsys):
    from wtfc_site.cli import main
    table = README.split("## The command line", 1)[1].split("Exit codes:", 1)[0]
    for command in ("build", "check", "checked", "pictures", "serve", "new"):
        try:
            main([command, "--help"])
        except SystemExit:
            pass
        options = set(re.findall(r"(--[a-z][a-z-]+)", capsys.readouterr().out)) - {"--help"}
        missing = [option for option in sorted(options) if option not in table]
        assert missing == [], f"{command}: {missing}"
