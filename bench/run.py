#!/usr/bin/env python3
"""Measure a county-sized build the way an editor lives with it, and print the numbers.

    python bench/run.py                         # 1,000 pages
    python bench/run.py --pages 10000 --json bench-10k.json
    python bench/run.py --pages 1000 --runs 5   # medians of five runs each

Makes the shared benchmark corpus (../shared/bench/make_corpus.py) into a
site in a temporary folder (see bench_build.make_site: every page an update
with pictures), then times whole `build.py` processes, as a person runs them:

- clean_s       a first build, no cache;
- noop_s        the same build again, nothing changed;
- one_page_s    after one word of one page changed;
- glossary_s    after a glossary entry was added (it touches every page);
- peak_mb       the highest memory of the whole process tree (pool workers
                included) during the clean build, sampled from /proc;
- pages         pages written; pages_per_s from the clean build;
- *_cpu_s       the processor time (user + system, pool workers included)
                of each build: on a shared, busy machine wall time waits
                for other people's work, processor time much less so;
- peak_pss_mb   like peak_mb but counting memory shared between the build
                and its forked workers once (proportional set size), which
                is what the machine really gives the build.

The easy-read checker is on in every build, as it is for a real site. Stage
shares come from the build's own `--timings` output when it gives them.
Not a test: it prints, and quotes medians because this machine is noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from bench_build import make_site  # noqa: E402

TODAY = "2026-11-23"


@dataclass
class Run:
    """One timed build process."""

    seconds: float
    peak_mb: float
    output: str
    cpu_s: float = 0.0
    peak_pss_mb: float = 0.0


def tree_rss_mb(root: int) -> float:
    """Return the resident memory of a process and all its descendants, in MiB."""
    return tree_memory_mb(root)[0]


def tree_memory_mb(root: int) -> tuple[float, float]:
    """Return (resident, proportional) memory of a process and all its descendants, in MiB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, pss, todo = 0, 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        pss += _pss_bytes(pid)
        todo.extend(children.get(pid, []))
    return total / (1024 * 1024), pss / (1024 * 1024)


def _pss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def timed_build(site: Path, out: Path, extra: list[str]) -> Run:
    """Run one build process; return its wall time, peak tree memory and output."""
    command = [sys.executable, str(REPO / "build.py"), "build", "--site", str(site), "--out", str(out),
               "--today", TODAY, *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = peak_pss = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_pss
        while not done.is_set():
            rss, pss = tree_memory_mb(process.pid)
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"The build failed ({process.returncode}):\n{output[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(seconds, peak, output, cpu, peak_pss)


def edit_one_page(site: Path, round_number: int) -> None:
    """Change one word in the middle page, differently each round."""
    pages = sorted((site / "content" / "updates").glob("*.md"))
    page = pages[len(pages) // 2]
    text = page.read_text(encoding="utf-8")
    page.write_text(text.rstrip("\n") + f"\n\nWe met again, time {round_number}.\n", encoding="utf-8")


def edit_glossary(site: Path, round_number: int) -> None:
    """Add one glossary entry: every page's hard-word boxes may change."""
    glossary = site / "content" / "glossary.yaml"
    old = glossary.read_text(encoding="utf-8") if glossary.exists() else ""
    glossary.write_text(old + f"- word: bench{round_number}\n  meaning: a word made for the benchmark.\n",
                        encoding="utf-8")


def stage_shares(output: str) -> dict[str, float]:
    """Return the build's own stage timings from `--timings` output lines ('stage  1.23 s')."""
    shares: dict[str, float] = {}
    for line in output.splitlines():
        if line.startswith("timing "):
            _, name, seconds = line.split()
            shares[name] = float(seconds)
    return shares


def ram_disk() -> str | None:
    """Return /dev/shm when it is a writable RAM disk (as in issue 16's measurements), else None (the temp folder)."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def measure(pages: int, runs: int, extra: list[str], where: str | None = None) -> dict:
    """Return the medians of every figure over `runs` fresh sites."""
    figures: dict[str, list[float]] = {k: [] for k in (
        "clean_s", "noop_s", "one_page_s", "glossary_s", "peak_mb", "peak_pss_mb",
        "clean_cpu_s", "noop_cpu_s", "one_page_cpu_s", "glossary_cpu_s")}
    shares: dict[str, float] = {}
    written = 0
    for round_number in range(runs):
        folder = Path(tempfile.mkdtemp(prefix="wtfc-run-", dir=where))
        try:
            site = make_site(pages, folder)
            out = folder / "out"
            clean = timed_build(site, out, extra)
            record(figures, "clean", clean)
            figures["peak_mb"].append(clean.peak_mb)
            figures["peak_pss_mb"].append(clean.peak_pss_mb)
            shares = stage_shares(clean.output) or shares
            written = pages_written(out)
            record(figures, "noop", timed_build(site, out, extra))
            edit_one_page(site, round_number)
            record(figures, "one_page", timed_build(site, out, extra))
            edit_glossary(site, round_number)
            record(figures, "glossary", timed_build(site, out, extra))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    result = {key: round(statistics.median(values), 3) for key, values in figures.items()}
    result["pages"] = written
    result["pages_per_s"] = round(written / result["clean_s"], 1) if result["clean_s"] else 0.0
    result["runs"] = runs
    result["cores"] = os.cpu_count()
    if shares:
        total = sum(shares.values()) or 1.0
        result["stage_share"] = {name: round(seconds / total, 3) for name, seconds in shares.items()}
    return result


def record(figures: dict[str, list[float]], name: str, run: Run) -> None:
    """Keep one build's wall and processor time under ``name``."""
    figures[f"{name}_s"].append(run.seconds)
    figures[f"{name}_cpu_s"].append(run.cpu_s)


def pages_written(out: Path) -> int:
    """Return how many pages the build wrote (index.html files)."""
    return sum(1 for _ in out.rglob("index.html"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="how many corpus pages (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="fresh sites to measure; medians are printed")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures to FILE as JSON")
    parser.add_argument("--timings", action="store_true", help="ask the build for its stage timings")
    parser.add_argument("--dir", default=ram_disk(), metavar="DIR",
                        help="where to make the site and its output (default: /dev/shm, a RAM disk, if there is one)")
    args = parser.parse_args()
    extra = ["--timings"] if args.timings else []
    result = measure(args.pages, args.runs, extra, args.dir)
    result["dir"] = args.dir or tempfile.gettempdir()
    for key, value in result.items():
        print(f"{key:<14} {value}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
