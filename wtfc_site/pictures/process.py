"""Turn one source picture into small, safe web files (WebP plus JPEG or PNG).

The pipeline for a picture is: read the bytes, name the result by a hash of
those bytes and our settings, return it from the cache if it is there, and
otherwise decode, turn it the right way up, convert it to sRGB, resize it to
1x and 2x the display width and save it with every piece of metadata removed.

Privacy matters here: phone photos carry GPS positions, camera serial numbers
and sometimes people's names. Nothing but pixels may reach the output.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from wtfc_site.errors import Problem, SiteError
from wtfc_site.pictures.geometry import (
    DENSITIES,
    check_positive,
    draft_request,
    fit_width,
    oriented_size,
    too_many_pixels,
    variant_widths,
)

DEFAULT_MAX_PIXELS = 40_000_000
"""Refuse pictures bigger than this (40 megapixels): about 160 MB once decoded."""
JPEG_QUALITY = 82
WEBP_QUALITY = 80
OUTPUT_FOLDER = PurePosixPath("images")
"""Where the files go, relative to the output folder."""
SETTINGS = f"wtfc-pictures-1;jpeg={JPEG_QUALITY};webp={WEBP_QUALITY};densities={DENSITIES}"
"""Part of every file name: change it whenever the output would change."""

_ORIENTATION_TAG = 0x0112
_WEBP, _JPEG, _PNG = "image/webp", "image/jpeg", "image/png"
_EXTENSIONS = {_WEBP: "webp", _JPEG: "jpg", _PNG: "png"}
_MIMES = {ext: mime for mime, ext in _EXTENSIONS.items()}
# Formats Pillow reads: if a file starts like one of these but will not
# open, it is a damaged picture rather than something else entirely.
_SIGNATURES = ((0, b"\xff\xd8\xff"), (0, b"\x89PNG\r\n\x1a\n"), (0, b"GIF8"),
               (8, b"WEBP"), (0, b"II*\x00"), (0, b"MM\x00*"))
_SIXTEEN_BIT = ("I;16", "I;16L", "I;16B", "I;16N", "I", "F")


@dataclass(frozen=True)
class ImageFile:
    """One output file, with its path relative to the output folder."""

    path: PurePosixPath
    data: bytes
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class ProcessedImage:
    """Everything a template needs for one <picture>, plus the files to write."""

    width: int
    """1x display width, for <img width> so the page does not jump as it loads."""
    height: int
    src: PurePosixPath
    """The 1x fallback file: PNG when the picture has transparency, else JPEG."""
    srcset_webp: str
    srcset_fallback: str
    files: tuple[ImageFile, ...]


@dataclass(frozen=True)
class _Blame:
    """Where a problem with a picture should be reported, and the picture's name."""

    file: Path
    line: int | None
    name: str

    def error(self, rule: str, message: str, hint: str) -> SiteError:
        """Return a SiteError for this picture (the caller raises it)."""
        return SiteError(Problem(self.file, self.line, message, hint, rule))


def process_image(
    source: Path,
    display_width: int,
    cache_dir: Path,
    *,
    shown_as: Path | None = None,
    line: int | None = None,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> ProcessedImage:
    """Return web-ready versions of source at 1x and 2x display_width, using the cache."""
    check_positive(display_width=display_width)  # a caller's mistake, not a bad picture
    blame = _Blame(shown_as or source, line, source.name)
    data = _read_source(source, blame)
    key = cache_key(data, display_width)
    cached = load_cached(cache_dir, key)
    if cached is not None:
        return cached
    picture = _decode(data, display_width, max_pixels, blame)
    result = _assemble(_encode_variants(picture, display_width, key))
    _store(cache_dir, key, result, blame)
    return result


def cache_key(data: bytes, display_width: int) -> str:
    """Return the 12-hex-digit name for this source and these settings."""
    digest = hashlib.sha256(f"{SETTINGS};width={display_width}\0".encode())
    digest.update(data)
    return digest.hexdigest()[:12]


def _read_source(source: Path, blame: _Blame) -> bytes:
    """Return the bytes of the source picture, or raise a SiteError saying why not."""
    try:
        return source.read_bytes()
    except FileNotFoundError:
        raise blame.error("PIC-MISSING", f"The picture {blame.name} cannot be found.",
                          "Check the file name and folder, including capital letters.") from None
    except OSError as exc:
        raise blame.error("PIC-UNREADABLE", f"The picture {blame.name} cannot be opened.",
                          "Check that it is a file, not a folder, and that you can open it.") from exc


# --- Decoding -----------------------------------------------------------------


def _decode(data: bytes, display_width: int, max_pixels: int, blame: _Blame) -> Image.Image:
    """Return the picture decoded, the right way up, in RGB or RGBA."""
    img = _open(data, max_pixels, blame)
    try:
        _ask_for_draft(img, display_width)
        img.load()
        return _to_rgb(ImageOps.exif_transpose(img))
    except MemoryError:
        raise _too_big(blame) from None
    except Exception as exc:  # Pillow's decoders raise many types on bad input.
        raise _corrupt(blame) from exc


def _open(data: bytes, max_pixels: int, blame: _Blame) -> Image.Image:
    """Return the picture with only its header read, refusing ones that are too big."""
    try:
        # Scoped, so the process-wide warning filters are left as they were.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow stops before reading the size into the image; its message holds the pixel count.
        found = re.search(r"\((\d+) pixels\)", str(exc))
        raise _too_big(blame, None, max_pixels, int(found.group(1)) if found else None) from None
    except UnidentifiedImageError:
        raise (_corrupt(blame) if _looks_like_picture(data) else _not_picture(blame)) from None
    except Exception as exc:
        raise _corrupt(blame) from exc
    # The header gives the size, so this check costs nothing and happens
    # before a single pixel is decoded.
    if too_many_pixels(img.width, img.height, max_pixels):
        raise _too_big(blame, img.size, max_pixels)
    return img


def _looks_like_picture(data: bytes) -> bool:
    """Return True when data starts like a JPEG, PNG, GIF, WebP or TIFF file."""
    return any(data[at:at + len(magic)] == magic for at, magic in _SIGNATURES)


def _ask_for_draft(img: Image.Image, display_width: int) -> None:
    """Let a JPEG decode at 1/2, 1/4 or 1/8 size when that is still big enough.

    This makes a 12-megapixel phone photo several times faster to decode and
    loses nothing, as we only need 2x the display width.
    """
    if img.format != "JPEG":
        return
    orientation = img.getexif().get(_ORIENTATION_TAG, 1)
    shown_w, _ = oriented_size(img.width, img.height, orientation)
    needed_w = variant_widths(display_width, shown_w)[-1]
    img.draft(None, draft_request(img.size, shown_w, needed_w))


def _to_rgb(img: Image.Image) -> Image.Image:
    """Return the picture in sRGB, as RGBA if it has real transparency, else RGB."""
    img = _to_srgb(img)
    if img.mode in _SIXTEEN_BIT:
        img = _scale_to_8_bit(img)
    if not _has_alpha(img):
        return img.convert("RGB")
    img = img.convert("RGBA")
    # An alpha channel that is opaque everywhere is just bigger files.
    return img.convert("RGB") if img.getchannel("A").getextrema()[0] == 255 else img


def _to_srgb(img: Image.Image) -> Image.Image:
    """Convert colours from an embedded ICC profile (Adobe RGB, CMYK...) to sRGB.

    Browsers assume untagged pictures are sRGB, and we drop the profile, so
    without this step photos from some cameras would look dull or wrong.
    """
    icc = img.info.get("icc_profile")
    if not icc or img.mode not in ("RGB", "RGBA", "CMYK"):
        return img
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if "sRGB" in ImageCms.getProfileDescription(profile):
            return img
        out_mode = "RGBA" if img.mode == "RGBA" else "RGB"
        srgb = ImageCms.createProfile("sRGB")
        return ImageCms.profileToProfile(img, profile, srgb, outputMode=out_mode) or img
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        # A broken profile is common and harmless: use the colours as they are.
        return img


def _scale_to_8_bit(img: Image.Image) -> Image.Image:
    """Return a 16-bit or 32-bit greyscale picture as 8-bit, scaled rather than clipped."""
    img = img.convert("I") if img.mode.startswith("I;16") else img
    top = img.getextrema()[1]  # one band: (lowest, highest)
    if isinstance(top, (int, float)) and top > 255:
        img = img.point(lambda v: v * (255 / 65535))
    return img.convert("L")


def _has_alpha(img: Image.Image) -> bool:
    """Return True when the picture has an alpha channel or a transparent colour."""
    return img.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in img.info


# --- Encoding -----------------------------------------------------------------


def _encode_variants(img: Image.Image, display_width: int, key: str) -> list[ImageFile]:
    """Return WebP and fallback files at each width, smallest first."""
    fallback = _PNG if img.mode == "RGBA" else _JPEG
    files: list[ImageFile] = []
    for width in variant_widths(display_width, img.width):
        size = fit_width(img.width, img.height, width)
        # reducing_gap shrinks in cheap steps first: much faster, same look.
        sized = img if size == img.size else img.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
        bare = _bare(sized)
        files += [_encode(bare, key, _WEBP), _encode(bare, key, fallback)]
    return files


def _bare(img: Image.Image) -> Image.Image:
    """Return a new image with the same pixels and nothing else.

    Pillow's savers copy some metadata from img.info by default (the JPEG
    comment, the PNG ICC profile), so we rebuild the image from raw pixels
    rather than trust every saver to leave it out.
    """
    return Image.frombytes(img.mode, img.size, img.tobytes())


def _encode(img: Image.Image, key: str, mime: str) -> ImageFile:
    """Return img saved in one format, with no metadata."""
    buffer = io.BytesIO()
    if mime == _WEBP:
        img.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4, exif=b"", icc_profile="", xmp="")
    elif mime == _JPEG:
        img.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, exif=b"")
    else:
        img.save(buffer, "PNG", optimize=True)
    path = OUTPUT_FOLDER / f"{key}-{img.width}.{_EXTENSIONS[mime]}"
    return ImageFile(path, buffer.getvalue(), img.width, img.height, mime)


def _assemble(files: list[ImageFile]) -> ProcessedImage:
    """Return the ProcessedImage for files (WebP and fallback, smallest first)."""
    webp = [f for f in files if f.mime == _WEBP]
    fallback = [f for f in files if f.mime != _WEBP]
    first = fallback[0]
    return ProcessedImage(first.width, first.height, first.path,
                          _srcset(webp), _srcset(fallback), tuple(files))


def _srcset(files: list[ImageFile]) -> str:
    """Return a srcset value such as 'images/a-320.webp 320w, images/a-640.webp 640w'."""
    return ", ".join(f"{f.path.as_posix()} {f.width}w" for f in files)


# --- Cache --------------------------------------------------------------------


def load_cached(cache_dir: Path, key: str) -> ProcessedImage | None:
    """Return the cached result for key, or None if it is missing or damaged."""
    try:
        manifest = json.loads((cache_dir / f"{key}.json").read_text(encoding="utf-8"))
        if manifest["settings"] != SETTINGS:
            return None
        return _assemble([_cached_file(cache_dir, key, entry) for entry in manifest["files"]])
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None  # A miss: the picture is simply made again.


def _cached_file(cache_dir: Path, key: str, entry: dict) -> ImageFile:
    """Return one cached file, raising ValueError if it is not what the manifest says."""
    name = entry["name"]
    # Only names we could have written: a damaged or doctored manifest must
    # never make us copy some other file into the site.
    match = re.fullmatch(rf"{key}-(\d+)\.(webp|jpg|png)", name)
    if match is None or int(match.group(1)) != entry["width"]:
        raise ValueError(f"unexpected cache entry {name!r}")
    data = (cache_dir / name).read_bytes()
    if len(data) != entry["bytes"]:
        raise ValueError(f"cache file {name} is incomplete")
    return ImageFile(OUTPUT_FOLDER / name, data, entry["width"], entry["height"], _MIMES[match.group(2)])


def _store(cache_dir: Path, key: str, result: ProcessedImage, blame: _Blame) -> None:
    """Save result in the cache: the files first, then the manifest that vouches for them."""
    entries = [{"name": f.path.name, "width": f.width, "height": f.height, "bytes": len(f.data)}
               for f in result.files]
    manifest = json.dumps({"settings": SETTINGS, "files": entries}, indent=1).encode()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for file in result.files:
            _atomic_write(cache_dir / file.path.name, file.data)
        _atomic_write(cache_dir / f"{key}.json", manifest)
    except OSError as exc:
        raise blame.error(
            "PIC-CACHE", f"The resized copies of {blame.name} could not be saved in {cache_dir}.",
            "Check there is free disk space and that you can write to that folder.") from exc


def _atomic_write(path: Path, data: bytes) -> None:
    """Write data to path so that readers see the old file or the new one, never half."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


# --- Problems -----------------------------------------------------------------


def _corrupt(blame: _Blame) -> SiteError:
    """Return the error for a damaged or cut-short picture."""
    return blame.error(
        "PIC-CORRUPT", f"The picture {blame.name} is damaged or incomplete, so it cannot be shown.",
        "Copy the picture again from where it came from, or open it in a photo program "
        "and save it as a new file.")


def _not_picture(blame: _Blame) -> SiteError:
    """Return the error for a file that is not a picture we can read."""
    return blame.error(
        "PIC-NOT-IMAGE", f"The file {blame.name} is not a JPEG, PNG, GIF or WebP picture.",
        "Open it in a photo program and save it as JPEG (for photos) or PNG (for drawings). "
        "iPhone photos may be HEIC: export them as JPEG.")


def _too_big(blame: _Blame, size: tuple[int, int] | None = None, limit: int | None = None,
             pixels: int | None = None) -> SiteError:
    """Return the error for a picture with too many pixels to handle safely, with its size and the limit."""
    what = f" ({size[0]} x {size[1]} pixels)" if size else (f" ({pixels / 1_000_000:g} megapixels)" if pixels else "")
    most = f" The most we accept is {limit / 1_000_000:g} megapixels." if limit else ""
    return blame.error(
        "PIC-TOO-BIG", f"The picture {blame.name} is far too big{what}.{most}",
        "Make it smaller in a photo program first: 3000 pixels wide is plenty for a web page.")


def clean_png(source: Path, max_width: int, *, shown_as: Path | None = None, line: int | None = None) -> bytes:
    """Return a raster library picture as PNG, at most max_width wide, rebuilt from its pixels.

    Library pictures are shown small and copied by name (pictures/<name>.png),
    so one clean PNG is enough; rebuilding drops any metadata a picture bank left in.
    """
    blame = _Blame(shown_as or source, line, source.name)
    img = _decode(_read_source(source, blame), max_width, DEFAULT_MAX_PIXELS, blame)
    size = fit_width(img.width, img.height, max_width)
    sized = img if size == img.size else img.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    buffer = io.BytesIO()
    _bare(sized).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
