"""Time the picture pipeline on synthetic phone photos. Not a test: it only prints.

Run from the repository root:

    .venv/bin/python bench/bench_images.py                # 200 photos, 2 workers
    .venv/bin/python bench/bench_images.py --count 20 --workers 4 --width 480

It makes COUNT photos (3000x2000 JPEGs with gradients, noise, shapes and
private EXIF, like a phone's) in a temporary folder, then times
process_image() with an empty cache (cold) and a full one (warm), first in
one process and then with a ProcessPoolExecutor of WORKERS processes.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from PIL import ExifTags, Image, ImageDraw

if __package__ in (None, ""):
    # Run as a script: make the repository's wtfc_site importable.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wtfc_site.pictures.process import ProcessedImage, process_image  # noqa: E402

PHOTO_SIZE = (3000, 2000)


@dataclass(frozen=True)
class Timing:
    """The result of one timed run over every photo."""

    label: str
    seconds: float
    count: int
    output_bytes: int
    files: int

    def line(self) -> str:
        """Return one printable line."""
        per_image = 1000 * self.seconds / self.count
        return (f"{self.label:<28} {self.seconds:8.2f} s  {per_image:8.1f} ms/image  "
                f"{self.output_bytes / 1e6:8.1f} MB in {self.files} files")


def _exif(seed: int) -> Image.Exif:
    """Return phone-like EXIF: an orientation, camera details and a GPS position."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = (1, 6, 8, 3)[seed % 4]
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = "PowerShot"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitude] = (51.0, float(seed % 60), 0.0)
    return exif


def make_photo(folder: Path, seed: int) -> Path:
    """Save one synthetic photo: gradients, noise and shapes, so it compresses like a real one."""
    rng = random.Random(seed)
    w, h = PHOTO_SIZE
    ramp = Image.linear_gradient("L").resize(PHOTO_SIZE)
    noise = Image.effect_noise(PHOTO_SIZE, 12 + seed % 8)
    channels = [Image.blend(ramp, noise, 0.2), Image.blend(ramp.rotate(180), noise, 0.1),
                Image.blend(Image.radial_gradient("L").resize(PHOTO_SIZE), noise, 0.15)]
    img = Image.merge("RGB", channels)
    draw = ImageDraw.Draw(img)
    for _ in range(12):  # some edges, as real photos have
        x, y = rng.randrange(w), rng.randrange(h)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x, y, x + rng.randrange(50, 600), y + rng.randrange(50, 600)), fill=colour)
    path = folder / f"photo-{seed:03d}.jpg"
    img.save(path, "JPEG", quality=90, exif=_exif(seed), comment=b"private")
    return path


def make_photos(folder: Path, count: int, workers: int) -> list[Path]:
    """Make count photos in folder, in parallel since this is only the set-up."""
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(make_photo, [folder] * count, range(count)))


def _process_one(job: tuple[Path, int, Path]) -> ProcessedImage:
    """Process one photo (a top-level function so that worker processes can run it)."""
    source, width, cache = job
    return process_image(source, width, cache)


def serial(jobs: list[tuple[Path, int, Path]]) -> Iterator[ProcessedImage]:
    """Process the jobs one after another in this process."""
    return map(_process_one, jobs)


def parallel(workers: int) -> Callable[[list[tuple[Path, int, Path]]], Iterator[ProcessedImage]]:
    """Return a runner that processes the jobs across worker processes."""
    def run(jobs: list[tuple[Path, int, Path]]) -> Iterator[ProcessedImage]:
        """Process every job in a fresh pool (its start-up time is part of the cost)."""
        with ProcessPoolExecutor(workers) as pool:
            return iter(list(pool.map(_process_one, jobs, chunksize=4)))
    return run


def timed(label: str, runner: Callable, jobs: list[tuple[Path, int, Path]]) -> Timing:
    """Run every job with runner and return how long it took and what it made."""
    started = time.perf_counter()
    results = list(runner(jobs))
    seconds = time.perf_counter() - started
    files = [f for r in results for f in r.files]
    return Timing(label, seconds, len(jobs), sum(len(f.data) for f in files), len(files))


def main(argv: list[str] | None = None) -> None:
    """Make the photos, run the four timings and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="how many photos (default 200)")
    parser.add_argument("--workers", type=int, default=2, help="processes for the parallel run (default 2)")
    parser.add_argument("--width", type=int, default=640, help="display width in pixels (default 640)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="wtfc-bench-") as temp:
        root = Path(temp)
        started = time.perf_counter()
        photos = make_photos(root, args.count, args.workers)
        source_mb = sum(p.stat().st_size for p in photos) / 1e6
        print(f"Made {args.count} photos of {PHOTO_SIZE[0]}x{PHOTO_SIZE[1]} ({source_mb:.1f} MB) "
              f"in {time.perf_counter() - started:.1f} s; display width {args.width} (1x and 2x).")
        for label, runner, cache in [("serial", serial, root / "cache-serial"),
                                     (f"parallel, {args.workers} workers", parallel(args.workers),
                                      root / "cache-parallel")]:
            jobs = [(photo, args.width, cache) for photo in photos]
            print(timed(f"{label}, cold", runner, jobs).line())
            print(timed(f"{label}, warm", runner, jobs).line())


if __name__ == "__main__":
    main()
