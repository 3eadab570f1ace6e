"""The action tracker: every meeting's jobs, counted once, grouped late / to do / done."""

from __future__ import annotations

import datetime as dt

from wtfc_site.actions import DONE, LATE, TO_DO, Action, group_actions

MINUTES = """\
---
title: Board meeting, 21 January 2026
meeting_date: 2026-01-21
group: Partnership board
chairs: [Sam Okafor]
full_version: minutes/2026-01-21-board-full
actions:
  - {id: a1, what: Write the plan., who: Sam Okafor, by: 2026-02-01, status: done, done_on: 2026-01-30}
  - {id: a2, what: Book the room., who: Sam Okafor and Priya Shah, by: 2026-03-01}
  - {id: a3, what: Ask the families., who: Priya Shah, by: 2027-01-01, status: doing}
---

[picture: meeting] We met at the town hall.
"""
FULL = """\
---
title: Board meeting, 21 January 2026 (full minutes)
version: standard
meeting_date: 2026-01-21
group: Partnership board
chairs: [Sam Okafor]
actions:
  - {id: a1, what: Write the plan., who: Sam Okafor, by: 2026-02-01, status: done}
  - {id: a2, what: Book the room., who: Sam Okafor and Priya Shah, by: 2026-03-01}
  - {id: a3, what: Ask the families., who: Priya Shah, by: 2027-01-01}
---

The board met in the town hall.
"""
PERSON = "---\ntitle: {name}\nrole: Board member\n---\n\n[picture: person] {name} is on the board.\n"


def action(by: dt.date, status: str) -> Action:
    return Action(ref="m#a", id="a", what="x", who="y", by=by, status=status, page_id="m", page_url="/m/",
                  meeting_title="M", meeting_date=None, file=None, line=1)  # type: ignore[arg-type]


def test_late_means_past_its_date_and_not_done():
    today = dt.date(2026, 6, 1)
    assert action(dt.date(2026, 5, 31), "to do").state(today) == LATE
    assert action(dt.date(2026, 5, 31), "doing").state(today) == LATE
    assert action(dt.date(2026, 5, 31), "done").state(today) == DONE
    assert action(dt.date(2026, 6, 1), "to do").state(today) == TO_DO  # due today is not late yet
    groups = group_actions([action(dt.date(2026, 7, 1), "to do"), action(dt.date(2026, 1, 1), "to do")], today)
    assert [len(groups[k]) for k in (LATE, TO_DO, DONE)] == [1, 1, 0]


def test_the_tracker_counts_each_meetings_actions_once_and_groups_them(make_site, build_site, parse_html):
    site = make_site({
        "content/minutes/2026-01-21-board.md": MINUTES,
        "content/minutes/2026-01-21-board-full.md": FULL,
        "content/people/sam-okafor.md": PERSON.format(name="Sam Okafor"),
        "content/people/priya-shah.md": PERSON.format(name="Priya Shah"),
    })
    report = build_site(site, today=dt.date(2026, 6, 1))
    assert report.written, report.problems
    tracker = parse_html(site / "_site" / "actions" / "index.html")
    groups = {section["id"]: [p.get_text(strip=True) for p in section.select(".action-what")]
              for section in tracker.select("section.action-group")}
    assert groups == {"late": ["Book the room."], "to-do": ["Ask the families."], "done": ["Write the plan."]}
    link = tracker.select_one("#late .action-from a")
    assert link["href"] == "/minutes/2026-01-21-board/#a2"


def test_each_person_shows_their_jobs_including_shared_ones(make_site, build_site, parse_html):
    site = make_site({
        "content/minutes/2026-01-21-board.md": MINUTES.replace("full_version: minutes/2026-01-21-board-full\n", ""),
        "content/people/sam-okafor.md": PERSON.format(name="Sam Okafor"),
        "content/people/priya-shah.md": PERSON.format(name="Priya Shah"),
    })
    assert build_site(site, today=dt.date(2026, 6, 1)).written
    priya = parse_html(site / "_site" / "people" / "priya-shah" / "index.html")
    assert [p.get_text(strip=True) for p in priya.select("#jobs .action-what")] == ["Book the room.", "Ask the families."]
    who = parse_html(site / "_site" / "people" / "index.html")
    counts = {li.select_one(".item-title").get_text(strip=True):
              [p.get_text(strip=True) for p in li.select(".person-jobs, .person-jobs-late")]
              for li in who.select(".people-list li")}
    # short sentences, not 'Jobs: 0 done, 1 to do, 1 late'
    assert counts == {"Priya Shah": ["Priya has 2 jobs.", "1 of them is late."],
                      "Sam Okafor": ["Sam has 2 jobs.", "1 of them is late."]}
