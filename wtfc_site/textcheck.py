"""``check --text FILE…``: the text rules on loose documents, with a verdict each.

The settings come from the site's content/site.yaml when there is one, so a
partnership checks its board papers against its own thresholds.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .checker import check_document
from .checker.settings import CheckerSettings
from .checker.wordlists import WordLists, load_wordlists
from .config import load_config
from .errors import Problem, SiteError
from .output import print_problems, problem_dict
from .sources import read_text
from .words import Abbreviations, Glossary, load_abbreviations, load_glossary


def check_text_files(files: list[Path], site_dir: Path, fmt: str) -> int:
    """Check each file; print findings and 'easy read: yes/no'; return 0 only if all pass."""
    settings, words, glossary, abbreviations = _site_words(site_dir)
    reports, missing = [], []
    for path in files:
        if not path.is_file():
            missing.append(Problem(path, None, "There is no file here to check.",
                                   hint="Check the file name and folder.", rule="SITE-MISSING-FILE"))
            continue
        try:
            text = read_text(path, path)  # a file not saved as UTF-8: its line and how to fix it, no traceback
        except SiteError as error:
            missing.extend(error.problems)
            continue
        reports.append((path, check_document(text, path, settings, words,
                                             glossary=glossary, abbreviations=abbreviations)))
    if fmt == "json":
        print(json.dumps([{"file": str(path), "easy_read": r.verdict.easy_read, "words": r.verdict.word_count,
                           "sentences": r.verdict.sentence_count,
                           "findings_per_100_words": r.verdict.findings_per_100_words,
                           "long_sentence_share": r.verdict.long_sentence_share,
                           "average_sentence_words": r.verdict.average_sentence_words,
                           "reasons": list(r.verdict.reasons),
                           "problems": [problem_dict(p) for p in r.problems]} for path, r in reports], indent=2))
    else:
        for path, report in reports:
            print_problems(report.problems, sys.stdout, fmt)
            print(f"{path}: {report.verdict.summary()}")
    if missing:
        print_problems(missing, sys.stderr)
    return 0 if reports and not missing and all(r.verdict.easy_read for _, r in reports) else 1


def _site_words(site_dir: Path) -> tuple[CheckerSettings, WordLists, Glossary, Abbreviations]:
    """Return the site's checker settings, word lists, glossary and short forms (the defaults outside a site)."""
    if (site_dir / "content" / "site.yaml").exists():
        try:
            config = load_config(site_dir)
            glossary = load_glossary(site_dir)
            abbreviations = load_abbreviations(site_dir)
        except SiteError:
            pass
        else:
            words = load_wordlists({e.word.lower(): e.meaning for e in glossary.entries}, abbreviations.full)
            return config.checker, words, glossary, abbreviations
    return CheckerSettings(), load_wordlists({}, {}), Glossary(), Abbreviations({})
