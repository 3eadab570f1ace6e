"""One text model (issue 12 part 3): ``check --text FILE`` and a site build's check read a page the same way.

Both commands are run as a person runs them (the command line, JSON output) on the same file, placed as a
page in a site: quiet comments (alone on a line before a blank line, and at the end of a line), fenced code
with hard words in it, a list item that goes on over two lines, an underlined (setext) heading, picture
markers, a table with a hard word in a cell, a quote and a glossary word. Every finding about the words must
be the same, at the same line, with the same message and the same quietening. Only what is about the page
in a site (the page's own verdict finding, whether a link reaches it) is the site's alone.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from conftest import new_site

from wtfc_site.cli import main

TRICKY = """\
---
title: Our plan for the year
---
# Our plan for the year

[picture: meeting]
We met on Tuesday at the town hall.
The commissioning trajectory is predicated on the mobilisation of stakeholders.

<!-- quiet ER-SENT-LEN: the name of the law is long -->

The Health and Social Care Act 2012 says we must ask people what they think about services and plans.

An advocate came to help us. <!-- quiet ER-HARD-WORD: the advocate is explained -->

- We talked about the bus.
- Some people said the bus is often late
  and the timetable is unreliable.
- [picture: none] The council will utilise a new approach.

```
The commissioning trajectory is predicated on mobilisation.
```

Next steps
----------

| Day | What we will do |
|-----|-----------------|
| Monday | Facilitate a consultation |
| Friday | Swimming |

> I like the bus because it is fun and I can see my friends there every single day of the week.

The meeting was chaired by Sam, and the minutes were taken by the secretary who was appointed at the last annual general meeting of the board.
"""

GLOSSARY = "- word: advocate\n  meaning: someone who helps you speak up.\n"

SITE_ONLY = {"ER-VERDICT", "SITE-UNREACHABLE"}
"""The page's verdict as a finding (check --text prints it as its verdict line) and links reaching the page."""


def _json(args: list[str]) -> list[dict]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(args)
    return json.loads(out.getvalue())


def _findings(problems: list[dict]) -> list[tuple]:
    return sorted((p["line"], p["rule"], p["severity"], p["message"], p["silenced"])
                  for p in problems if p["rule"] not in SITE_ONLY)


def _both(site: Path, page: str) -> tuple[list[tuple], list[tuple]]:
    in_site = _json(["check", "--site", str(site), "--format", "json", "--today", "2026-11-23"])
    [document] = _json(["check", "--site", str(site), "--format", "json", "--text", str(site / page)])
    return _findings([p for p in in_site if p["file"] == page]), _findings(document["problems"])


def test_check_text_and_the_site_check_find_the_same_things_at_the_same_lines(tmp_path: Path) -> None:
    site = new_site(tmp_path / "site", {"content/plan.md": TRICKY, "content/glossary.yaml": GLOSSARY})
    in_site, as_text = _both(site, "content/plan.md")
    assert in_site == as_text
    found = {(line, rule) for line, rule, *_ in as_text}
    # The file is really read, in every part: not an empty agreement.
    assert {(8, "ER-HARD-WORD"), (17, "ER-HARD-WORD"), (19, "ER-JARGON"), (30, "ER-JARGON"),
            (35, "ER-SENT-LEN")} <= found
    assert not {line for line, _ in found} & {22}  # the fenced code is read by neither
    assert not [f for f in found if f[0] == 14]  # 'advocate' is in the glossary: explained on the page, not hard
    quietened = {(line, rule, why) for line, rule, _, _, why in as_text if why}
    assert quietened == {(12, "ER-SENT-LEN", "the name of the law is long")}  # across the blank line, in both


def test_broken_front_matter_gets_the_same_plain_message_from_both(tmp_path: Path) -> None:
    broken = "---\ntitle: 'Our meeting\nversion: standard\n---\nWe met on Monday.\n"
    site = new_site(tmp_path / "site", {"content/meeting.md": broken})
    in_site, as_text = _both(site, "content/meeting.md")
    expected = (2, "SITE-YAML", "error", "The quote (') opened on line 2 is never closed.", None)
    assert expected in in_site and expected in as_text
