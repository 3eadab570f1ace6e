"""Tests for wtfc_site.pictures.process: real pictures in, real files checked out.

Every output file is opened again with Pillow and also read at the byte
level (JPEG markers, PNG chunks, WebP chunks), so "no metadata" is proved
rather than assumed.
"""

from __future__ import annotations

import io
import json
import struct
import warnings
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path, PurePosixPath

import pytest
from PIL import ExifTags, Image, ImageCms, PngImagePlugin

from wtfc_site.errors import SiteError
from wtfc_site.pictures import process
from wtfc_site.pictures.process import ImageFile, ProcessedImage, process_image

RED, BLUE = (255, 0, 0), (0, 0, 255)
SRGB_NAME = "sRGB built-in".encode("utf-16-be")  # ICC descriptions are UTF-16
WIDE_NAME = "Wide built-in".encode("utf-16-be")
PRIVATE = (b"Canon", b"PowerShot", b"Jane Smith", b"Secret", b"Exif", b"xmpmeta", SRGB_NAME, WIDE_NAME)


# --- Making test pictures -------------------------------------------------------


def private_exif(orientation: int = 1) -> Image.Exif:
    """Return EXIF with an orientation, camera details, a name and a GPS position."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = "PowerShot"
    exif[ExifTags.Base.Artist] = "Jane Smith"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 30.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (0.0, 7.0, 40.0)
    return exif


def srgb_icc() -> bytes:
    """Return an sRGB ICC profile (its description text must not reach the output)."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def marked_portrait() -> Image.Image:
    """Return a 600x800 blue picture, as it should be seen, with a red top-left corner."""
    img = Image.new("RGB", (600, 800), BLUE)
    img.paste(RED, (0, 0, 120, 120))
    return img


def sideways_phone_photo(path: Path) -> Path:
    """Save the marked portrait stored sideways with EXIF orientation 6, as phones do."""
    # Orientation 6 means "turn 90 degrees clockwise to show", so store it
    # turned 90 degrees anticlockwise.
    stored = marked_portrait().transpose(Image.Transpose.ROTATE_90)
    stored.save(path, "JPEG", quality=95, exif=private_exif(6), comment=b"Secret comment",
                xmp=b"<x:xmpmeta>Jane Smith</x:xmpmeta>", icc_profile=srgb_icc())
    return path


def transparent_png(path: Path) -> Path:
    """Save an RGBA PNG, half transparent, with text chunks, EXIF and an ICC profile."""
    img = Image.new("RGBA", (400, 200), (*RED, 255))
    img.paste((0, 0, 0, 0), (200, 0, 400, 200))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jane Smith")
    info.add_text("Comment", "Secret notes", zip=True)
    info.add_itxt("Description", "Secret international text")
    img.save(path, "PNG", pnginfo=info, exif=private_exif(), icc_profile=srgb_icc())
    return path


def header_only_png(width: int, height: int) -> bytes:
    """Return a PNG whose header claims width x height but holds almost no pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))


def small_jpeg_bytes() -> bytes:
    """Return a plain 400x300 JPEG."""
    buffer = io.BytesIO()
    Image.linear_gradient("L").resize((400, 300)).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()


# --- Reading output files at the byte level -------------------------------------


def jpeg_markers(data: bytes) -> list[int]:
    """Return the marker bytes of every JPEG segment before the image data."""
    assert data[:2] == b"\xff\xd8"
    markers, at = [], 2
    while True:
        marker = data[at + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: pixel data follows
            return markers
        at += 2 + struct.unpack(">H", data[at + 2:at + 4])[0]


def png_chunks(data: bytes) -> list[bytes]:
    """Return the type of every PNG chunk."""
    kinds, at = [], 8
    while at < len(data):
        length = struct.unpack(">I", data[at:at + 4])[0]
        kinds.append(data[at + 4:at + 8])
        at += 12 + length
    return kinds


def webp_chunks(data: bytes) -> list[bytes]:
    """Return the type of every chunk inside a WebP's RIFF container."""
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    kinds, at = [], 12
    while at < len(data):
        kinds.append(data[at:at + 4])
        length = struct.unpack("<I", data[at + 4:at + 8])[0]
        at += 8 + length + (length & 1)
    return kinds


ALLOWED_JPEG = {0xE0, 0xDB, 0xC0, 0xC2, 0xC4, 0xDD, 0xDA}  # JFIF, tables, frame, scan
ALLOWED_PNG = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}
ALLOWED_WEBP = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH"}
FORMATS = {"image/webp": "WEBP", "image/jpeg": "JPEG", "image/png": "PNG"}


def assert_clean(file: ImageFile) -> Image.Image:
    """Assert one output file is what it says and carries no metadata; return it opened."""
    img = Image.open(io.BytesIO(file.data))
    img.load()
    assert img.format == FORMATS[file.mime]
    assert img.size == (file.width, file.height)
    assert not set(img.info) & {"exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile"}
    assert not dict(img.getexif())
    assert not getattr(img, "text", {})
    for secret in PRIVATE:
        assert secret not in file.data, secret
    if file.mime == "image/jpeg":
        assert set(jpeg_markers(file.data)) <= ALLOWED_JPEG
    elif file.mime == "image/png":
        assert set(png_chunks(file.data)) <= ALLOWED_PNG
    else:
        assert set(webp_chunks(file.data)) <= ALLOWED_WEBP
    return img


def near(pixel: tuple[int, ...], colour: tuple[int, ...], slack: int = 40) -> bool:
    """Return True when pixel is within slack of colour on every channel (lossy formats)."""
    return all(abs(a - b) <= slack for a, b in zip(pixel, colour))


# --- The happy paths --------------------------------------------------------------


def test_phone_photo_is_turned_upright_resized_and_stripped(tmp_path: Path) -> None:
    source = sideways_phone_photo(tmp_path / "team.jpg")
    result = process_image(source, 150, tmp_path / "cache")

    assert (result.width, result.height) == (150, 200)  # portrait, as seen on the phone
    assert [(f.width, f.height, f.mime) for f in result.files] == [
        (150, 200, "image/webp"), (150, 200, "image/jpeg"),
        (300, 400, "image/webp"), (300, 400, "image/jpeg"),
    ]
    for file in result.files:
        img = assert_clean(file).convert("RGB")
        w, h = img.size
        assert near(img.getpixel((3, 3)), RED), file.path  # the marked corner is top-left
        assert near(img.getpixel((w - 4, 3)), BLUE), file.path
        assert near(img.getpixel((3, h - 4)), BLUE), file.path


def test_names_srcsets_and_src_point_at_the_files(tmp_path: Path) -> None:
    result = process_image(sideways_phone_photo(tmp_path / "a.jpg"), 150, tmp_path / "cache")
    key = result.files[0].path.stem.split("-")[0]

    assert len(key) == 12 and int(key, 16) >= 0
    assert result.src == PurePosixPath(f"images/{key}-150.jpg")
    assert result.srcset_webp == f"images/{key}-150.webp 150w, images/{key}-300.webp 300w"
    assert result.srcset_fallback == f"images/{key}-150.jpg 150w, images/{key}-300.jpg 300w"
    assert {f.path.parent for f in result.files} == {PurePosixPath("images")}


def test_transparent_png_keeps_its_transparency_and_loses_its_text(tmp_path: Path) -> None:
    result = process_image(transparent_png(tmp_path / "logo.png"), 100, tmp_path / "cache")

    assert [(f.width, f.height, f.mime) for f in result.files] == [
        (100, 50, "image/webp"), (100, 50, "image/png"),
        (200, 100, "image/webp"), (200, 100, "image/png"),
    ]
    assert result.src.suffix == ".png"
    for file in result.files:
        img = assert_clean(file).convert("RGBA")
        assert img.getpixel((5, 5))[3] == 255 and near(img.getpixel((5, 5))[:3], RED)
        assert img.getpixel((img.width - 5, 5))[3] == 0


def test_small_source_is_never_upscaled(tmp_path: Path) -> None:
    source = tmp_path / "small.jpg"
    source.write_bytes(small_jpeg_bytes())
    result = process_image(source, 640, tmp_path / "cache")

    assert (result.width, result.height) == (400, 300)
    assert [f.width for f in result.files] == [400, 400]  # one WebP, one JPEG


def _save(img: Image.Image, path: Path, fmt: str, **options: object) -> Path:
    img.save(path, fmt, **options)
    return path


def _palette(transparent: bool) -> tuple[Image.Image, dict]:
    img = Image.new("RGB", (60, 40), RED).quantize(4)
    return img, ({"transparency": 0} if transparent else {})


MODES = [
    # (name, make source, fallback mime, expected colour of pixel (5, 5))
    ("palette-transparent", lambda p: _save(_palette(True)[0], p / "a.png", "PNG", transparency=0), "image/png", None),
    ("palette-opaque", lambda p: _save(_palette(False)[0], p / "a.gif", "GIF"), "image/jpeg", RED),
    ("cmyk", lambda p: _save(Image.new("CMYK", (60, 40), (0, 255, 255, 0)), p / "a.jpg", "JPEG"), "image/jpeg", RED),
    ("cmyk-tiff", lambda p: _save(Image.new("CMYK", (60, 40), (0, 255, 255, 0)), p / "a.tif", "TIFF"), "image/jpeg", RED),
    ("grey-alpha", lambda p: _save(Image.new("LA", (60, 40), (128, 100)), p / "a.png", "PNG"), "image/png", (128, 128, 128, 100)),
    ("grey", lambda p: _save(Image.new("L", (60, 40), 200), p / "a.png", "PNG"), "image/jpeg", (200, 200, 200)),
    ("one-bit", lambda p: _save(Image.new("1", (60, 40), 1), p / "a.png", "PNG"), "image/jpeg", (255, 255, 255)),
    ("sixteen-bit", lambda p: _save(Image.new("I;16", (60, 40), 40000), p / "a.png", "PNG"), "image/jpeg", (156, 156, 156)),
    ("opaque-rgba", lambda p: _save(Image.new("RGBA", (60, 40), (*RED, 255)), p / "a.png", "PNG"), "image/jpeg", RED),
    ("bmp", lambda p: _save(Image.new("RGB", (60, 40), BLUE), p / "a.bmp", "BMP"), "image/jpeg", BLUE),
]


@pytest.mark.parametrize(("name", "make", "fallback", "colour"), MODES, ids=[m[0] for m in MODES])
def test_every_colour_mode_becomes_rgb_or_rgba(tmp_path: Path, name: str, make, fallback: str, colour) -> None:
    result = process_image(make(tmp_path), 30, tmp_path / "cache")

    assert [f.mime for f in result.files] == ["image/webp", fallback, "image/webp", fallback]
    for file in result.files:
        img = assert_clean(file)
        assert img.mode in ("RGB", "RGBA")
        if colour is not None:
            assert near(img.getpixel((5, 5))[:len(colour)], colour, slack=12), (name, file.mime)


def other_rgb_icc() -> bytes:
    """Return an RGB profile that does not call itself sRGB, so it is converted."""
    icc = srgb_icc()
    assert SRGB_NAME in icc
    return icc.replace(SRGB_NAME, WIDE_NAME)


@pytest.mark.parametrize(("mode", "fmt", "icc"), [
    ("RGB", "JPEG", other_rgb_icc()), ("RGBA", "PNG", other_rgb_icc()),
    ("RGB", "PNG", b"not a colour profile"), ("RGB", "JPEG", srgb_icc()),
])
def test_colour_profiles_are_converted_or_ignored_and_never_kept(tmp_path: Path, mode: str, fmt: str, icc: bytes) -> None:
    source = _save(Image.new(mode, (60, 40), RED), tmp_path / f"a.{fmt.lower()}", fmt, icc_profile=icc)
    assert Image.open(source).info["icc_profile"] == icc
    result = process_image(source, 30, tmp_path / "cache")
    for file in result.files:
        img = assert_clean(file)
        assert b"not a colour" not in file.data
        assert near(img.getpixel((5, 5))[:3], RED, slack=12)


@pytest.mark.parametrize("width", [0, -5, 2.5, True])
def test_a_bad_display_width_is_a_programming_error_not_a_bad_picture(tmp_path: Path, width: object) -> None:
    source = write(tmp_path, "a.jpg", small_jpeg_bytes())
    with pytest.raises(ValueError):
        process_image(source, width, tmp_path / "cache")  # type: ignore[arg-type]


def test_alpha_from_palette_transparency_is_kept(tmp_path: Path) -> None:
    source = _save(_palette(True)[0], tmp_path / "a.png", "PNG", transparency=0)
    result = process_image(source, 30, tmp_path / "cache")
    png = Image.open(io.BytesIO(result.files[1].data)).convert("RGBA")
    assert png.getpixel((5, 5))[3] == 0


# --- The cache --------------------------------------------------------------------


def test_warm_call_does_not_decode_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, cache = sideways_phone_photo(tmp_path / "a.jpg"), tmp_path / "cache"
    cold = process_image(source, 150, cache)

    def no_decoding(*args: object, **kwargs: object) -> None:
        raise AssertionError("the warm call opened the picture")

    monkeypatch.setattr(Image, "open", no_decoding)
    warm = process_image(source, 150, cache)
    assert warm == cold


def test_cache_holds_files_and_manifest_and_no_temporary_files(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    result = process_image(sideways_phone_photo(tmp_path / "a.jpg"), 150, cache)
    key = result.files[0].path.name.split("-")[0]

    expected = {f.path.name for f in result.files} | {f"{key}.json"}
    assert {p.name for p in cache.iterdir()} == expected
    for file in result.files:
        assert (cache / file.path.name).read_bytes() == file.data


def test_a_changed_photo_or_width_gets_new_names(tmp_path: Path) -> None:
    source, cache = sideways_phone_photo(tmp_path / "a.jpg"), tmp_path / "cache"
    first = process_image(source, 150, cache)
    other_width = process_image(source, 120, cache)
    source.write_bytes(small_jpeg_bytes())
    changed = process_image(source, 150, cache)

    names = [{f.path.name for f in r.files} for r in (first, other_width, changed)]
    assert not names[0] & names[1] and not names[0] & names[2]
    assert (changed.width, changed.height) == (150, 112)


@pytest.mark.parametrize("damage", ["truncate-manifest", "delete-file", "shorten-file", "doctor-name", "only-webp"])
def test_a_damaged_cache_entry_is_made_again(tmp_path: Path, damage: str) -> None:
    source, cache = sideways_phone_photo(tmp_path / "a.jpg"), tmp_path / "cache"
    cold = process_image(source, 150, cache)
    manifest = next(cache.glob("*.json"))
    first = cache / cold.files[0].path.name
    if damage == "truncate-manifest":
        manifest.write_text(manifest.read_text()[:20])
    elif damage == "delete-file":
        first.unlink()
    elif damage == "shorten-file":
        first.write_bytes(first.read_bytes()[:100])
    elif damage == "only-webp":
        content = json.loads(manifest.read_text())
        content["files"] = [f for f in content["files"] if f["name"].endswith(".webp")]
        manifest.write_text(json.dumps(content))
    else:
        secret = tmp_path / "secret.txt"
        secret.write_text("private")
        manifest.write_text(manifest.read_text().replace(first.name, "../secret.txt"))

    assert process_image(source, 150, cache) == cold


def test_two_processes_can_share_one_cache(tmp_path: Path) -> None:
    sources = [sideways_phone_photo(tmp_path / f"{n}.jpg") for n in range(2)]
    sources[1].write_bytes(sources[1].read_bytes() + b"\0")  # different bytes, same picture
    jobs = [sources[n % 2] for n in range(8)]
    with ProcessPoolExecutor(2) as pool:
        results = list(pool.map(process_image, jobs, [150] * 8, [tmp_path / "cache"] * 8))

    assert all(r == results[n % 2] for n, r in enumerate(results))
    assert not [p for p in (tmp_path / "cache").iterdir() if p.name.endswith(".tmp")]


# --- Bad pictures -------------------------------------------------------------------


def problem_for(source: Path, tmp_path: Path, **options: object):
    """Process source expecting a SiteError; return its one problem."""
    with pytest.raises(SiteError) as caught:
        process_image(source, 100, tmp_path / "cache", **options)
    assert len(caught.value.problems) == 1
    return caught.value.problems[0]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    """Write data to tmp_path/name and return the path."""
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_problem_names_the_referring_file_and_line(tmp_path: Path) -> None:
    source = write(tmp_path, "team.jpg", b"not a picture")
    problem = problem_for(source, tmp_path, shown_as=Path("content/about.md"), line=12)

    assert (problem.file, problem.line) == (Path("content/about.md"), 12)
    assert "team.jpg" in problem.message and problem.hint


def test_problem_names_the_picture_itself_when_nothing_refers_to_it(tmp_path: Path) -> None:
    source = write(tmp_path, "team.jpg", b"not a picture")
    problem = problem_for(source, tmp_path)
    assert (problem.file, problem.line) == (source, None)


@pytest.mark.parametrize(
    ("name", "damage"),
    [
        ("cut-short.jpg", lambda jpeg: jpeg[: len(jpeg) // 2]),
        ("cut-short.png", lambda _: _png_bytes()[:300]),
        ("broken-header.jpg", lambda jpeg: jpeg[:3] + b"\0" * 40 + jpeg[43:]),
        ("scrambled.jpg", lambda jpeg: jpeg[:600] + bytes(range(256)) * 4 + jpeg[1624:]),
        ("bad-checksum.png", lambda _: _png_bytes()[:20] + b"\xff" + _png_bytes()[21:]),
    ],
)
def test_damaged_pictures_are_reported_as_corrupt(tmp_path: Path, name: str, damage) -> None:
    problem = problem_for(write(tmp_path, name, damage(small_jpeg_bytes())), tmp_path)
    assert problem.rule == "PIC-CORRUPT"
    assert "damaged" in problem.message


def _png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.linear_gradient("L").resize((400, 300)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("data", [b"Minutes of the meeting\n", b"", b"<svg xmlns='http://www.w3.org/2000/svg'/>"])
def test_a_file_that_is_not_a_picture_says_so(tmp_path: Path, data: bytes) -> None:
    problem = problem_for(write(tmp_path, "photo.jpg", data), tmp_path)
    assert problem.rule == "PIC-NOT-IMAGE"
    assert "JPEG" in problem.hint


def test_missing_source_is_reported(tmp_path: Path) -> None:
    problem = problem_for(tmp_path / "gone.jpg", tmp_path)
    assert problem.rule == "PIC-MISSING"


def test_decompression_bomb_is_refused_without_changing_pillow_settings(tmp_path: Path) -> None:
    limit_before, filters_before = Image.MAX_IMAGE_PIXELS, list(warnings.filters)
    problem = problem_for(write(tmp_path, "bomb.png", header_only_png(100_000, 100_000)), tmp_path)

    assert problem.rule == "PIC-TOO-BIG"
    assert Image.MAX_IMAGE_PIXELS == limit_before
    assert warnings.filters == filters_before


def test_size_is_checked_from_the_header_before_decoding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_decoding(self: Image.Image) -> None:
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(Image.Image, "load", no_decoding)
    # 48 megapixels: under Pillow's own limit, over our default of 40.
    problem = problem_for(write(tmp_path, "huge.png", header_only_png(8000, 6000)), tmp_path)
    assert problem.rule == "PIC-TOO-BIG"
    assert "8000 x 6000" in problem.message and "40 megapixels" in problem.message


def test_pixel_limit_is_a_keyword(tmp_path: Path) -> None:
    source = write(tmp_path, "a.jpg", small_jpeg_bytes())  # 400x300 = 120,000 pixels
    assert problem_for(source, tmp_path, max_pixels=100_000).rule == "PIC-TOO-BIG"
    assert isinstance(process_image(source, 100, tmp_path / "cache", max_pixels=120_000), ProcessedImage)


def test_pillow_bomb_warning_is_reported_when_our_limit_is_higher(tmp_path: Path) -> None:
    # 100 megapixels is over Pillow's warning level (89) but under its error level (179).
    source = write(tmp_path, "big.png", header_only_png(10_000, 10_000))
    problem = problem_for(source, tmp_path, max_pixels=500_000_000)
    assert problem.rule == "PIC-TOO-BIG"


def test_cache_folder_that_cannot_be_written_is_reported(tmp_path: Path) -> None:
    source = write(tmp_path, "a.jpg", small_jpeg_bytes())
    blocked = write(tmp_path, "cache", b"a file where the cache folder should be")
    with pytest.raises(SiteError) as caught:
        process_image(source, 100, blocked / "inner")
    assert caught.value.problems[0].rule == "PIC-CACHE"


def test_settings_are_part_of_every_name() -> None:
    assert process.cache_key(b"same", 100) != process.cache_key(b"same", 101)
    assert process.cache_key(b"same", 100) != process.cache_key(b"other", 100)
    assert process.cache_key(b"same", 100) == process.cache_key(b"same", 100)
