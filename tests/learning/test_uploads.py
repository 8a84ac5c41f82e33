"""Images uploaded in the admin (issue 15, acceptance 5): a decompression bomb and a text file
named .jpg are refused with a clear message and leave nothing on disk; a rotated JPEG with GPS
tags is stored upright, without EXIF, with its WebP renditions."""

import struct
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from learning.models import Lesson, Section
from tests.factories import CourseFactory, UserFactory
from tests.quizzes.conftest import signed_in

ORIENTATION, GPS_IFD = 0x0112, 0x8825


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def files_in(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def png_claiming(width: int, height: int) -> bytes:
    """A real 1×1 PNG whose header claims `width` × `height`: a few bytes that would decode
    into gigabytes (the header check must refuse it before any pixel is read)."""
    buffer = BytesIO()
    Image.new("L", (1, 1)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    header = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + header) & 0xFFFFFFFF)
    return bytes(data)


def rotated_jpeg_with_gps() -> bytes:
    """1000 × 600 pixels as stored, EXIF orientation 6 (shown rotated: 600 wide, 1000 high),
    with a GPS position."""
    image = Image.new("RGB", (1000, 600), (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, 100, 600))  # a blue band on the stored left edge
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)})
    buffer = BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


@pytest.fixture
def admin_client(db):
    return signed_in(UserFactory(is_staff=True, is_superuser=True))


def upload(client, name: str, content: bytes, content_type: str = "image/jpeg"):
    course = CourseFactory()
    return client.post(
        "/en/admin/learning/lesson/add/",
        {
            "course": course.pk,
            "slug": "uploaded",
            "order": 1,
            "source": Section.CAUSES,
            "published": "on",
            "minutes": 3,
            "title_en": "Uploaded",
            "body_en": "Text.",
            "image_alt_en": "A picture",
            "image": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


def test_a_decompression_bomb_is_refused_and_leaves_nothing_on_disk(admin_client, media):
    bomb = png_claiming(30_000, 30_000)
    assert len(bomb) < 200, "the bomb is a few bytes"
    response = upload(admin_client, "spine.png", bomb, "image/png")
    assert response.status_code == 200
    assert "This image has too many pixels (the limit is 40 million)" in response.content.decode()
    assert not Lesson.objects.exists()
    assert files_in(media) == []


def test_a_text_file_named_jpg_is_refused_and_leaves_nothing_on_disk(admin_client, media):
    response = upload(admin_client, "photo.jpg", b"this is only text, not a picture\n")
    assert response.status_code == 200
    assert "This file is not a JPEG, PNG or WebP image." in response.content.decode()
    assert not Lesson.objects.exists()
    assert files_in(media) == []


def test_an_image_just_over_the_pixel_limit_is_refused_before_decoding(admin_client, media):
    response = upload(admin_client, "wide.png", png_claiming(8_000, 5_001), "image/png")
    assert "too many pixels" in response.content.decode()
    assert files_in(media) == []


def test_a_gif_is_refused(admin_client, media):
    buffer = BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    response = upload(admin_client, "moving.gif", buffer.getvalue(), "image/gif")
    assert "This file is not a JPEG, PNG or WebP image." in response.content.decode()
    assert files_in(media) == []


def test_a_rotated_jpeg_with_gps_is_stored_upright_without_exif_with_renditions(
    admin_client, media
):
    response = upload(admin_client, "IMG_0042.JPG", rotated_jpeg_with_gps())
    assert response.status_code == 302, response.content.decode()[:2000]
    lesson = Lesson.objects.get(slug="uploaded")
    stored = lesson.image.storage.path(lesson.image.name)
    raw = Path(stored).read_bytes()
    assert b"Exif" not in raw, "EXIF (and its GPS position) is stripped"
    with Image.open(stored) as image:
        assert image.format == "JPEG"
        assert image.size == (600, 1000), "stored upright"
        assert not image.getexif(), "no EXIF left"
        assert image.getpixel((300, 50))[2] > 150, "the stored left edge is now on top"
    sizes = lesson.image_renditions["sizes"]
    assert [size["width"] for size in sizes] == [320]
    with Image.open(lesson.image.storage.path(sizes[0]["name"])) as rendition:
        assert rendition.format == "WEBP" and rendition.size == (320, 533)
