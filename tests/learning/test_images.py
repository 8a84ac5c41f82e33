"""Lesson images: renditions made once on save, served by the lesson API."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import LessonFactory


def png(width: int, height: int) -> SimpleUploadedFile:
    buffer = BytesIO()
    Image.new("RGB", (width, height), (30, 120, 90)).save(buffer, "PNG")
    return SimpleUploadedFile("spine.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.django_db
def test_saving_an_image_makes_smaller_webp_renditions():
    lesson = LessonFactory(image=png(1200, 800), image_alt="The lower spine")
    lesson.refresh_from_db()
    sizes = lesson.image_renditions["sizes"]
    assert [size["width"] for size in sizes] == [320, 640, 960]
    assert [size["height"] for size in sizes] == [213, 427, 640]
    for size in sizes:
        with Image.open(lesson.image.storage.open(size["name"])) as rendition:
            assert rendition.format == "WEBP" and rendition.width == size["width"]


@pytest.mark.django_db
def test_renditions_never_upscale_a_small_image():
    lesson = LessonFactory(image=png(500, 300), image_alt="A small picture")
    lesson.refresh_from_db()
    assert [size["width"] for size in lesson.image_renditions["sizes"]] == [320]


@pytest.mark.django_db
def test_saving_again_without_a_new_image_makes_nothing_new():
    lesson = LessonFactory(image=png(800, 600), image_alt="Feet")
    before = dict(lesson.image_renditions)
    lesson.title_en = "Renamed"
    lesson.save()
    assert lesson.image_renditions == before


@pytest.mark.django_db
def test_lesson_api_lists_the_image_with_alt_text_and_renditions(client):
    lesson = LessonFactory(image=png(1000, 500), image_alt="Nerve roots leaving the spine")
    image = client.get(f"/api/v1/lessons/{lesson.slug}/").json()["image"]
    assert image["alt"] == "Nerve roots leaving the spine"
    assert (image["width"], image["height"]) == (1000, 500)
    assert [r["width"] for r in image["renditions"]] == [320, 640, 960]
    assert all(r["url"].endswith(".webp") for r in image["renditions"])


@pytest.mark.django_db
def test_lesson_without_an_image_has_none(client):
    lesson = LessonFactory()
    assert client.get(f"/api/v1/lessons/{lesson.slug}/").json()["image"] is None


@pytest.mark.django_db
def test_lesson_page_offers_the_renditions_in_srcset(client):
    lesson = LessonFactory(image=png(1000, 500), image_alt="Nerve roots leaving the spine")
    html = client.get(f"/en/lessons/{lesson.slug}/").content.decode()
    assert 'alt="Nerve roots leaving the spine"' in html
    assert "320w" in html and "960w" in html and 'width="1000"' in html


@pytest.mark.django_db
def test_a_pack_image_loads_once_with_its_renditions(pack_copy):
    from django.core.management import call_command

    from learning.models import Lesson
    from tests.learning.helpers import edit_file

    (pack_copy / "images").mkdir()
    Image.new("RGB", (900, 600), (200, 180, 160)).save(pack_copy / "images" / "roots.png")
    lesson_file = pack_copy / "lessons" / "nerve-roots.md"
    edit_file(
        lesson_file, "\n---\n", "\nimage: images/roots.png\nimage_alt: Three nerve roots\n---\n"
    )
    call_command("loadcontent", "--pack", str(pack_copy), "--no-translations", verbosity=0)
    lesson = Lesson.objects.get(slug="nerve-roots")
    first = lesson.image.name
    assert first and lesson.image_alt == "Three nerve roots"
    assert [size["width"] for size in lesson.image_renditions["sizes"]] == [320, 640]
    call_command("loadcontent", "--pack", str(pack_copy), "--no-translations", verbosity=0)
    assert Lesson.objects.get(slug="nerve-roots").image.name == first, "loaded again, not copied"


@pytest.mark.django_db
def test_a_changed_pack_image_replaces_the_old_one(pack_copy):
    from django.core.management import call_command

    from learning.models import Lesson
    from tests.learning.helpers import edit_file

    (pack_copy / "images").mkdir()
    picture = pack_copy / "images" / "roots.png"
    Image.new("RGB", (700, 400), (10, 20, 30)).save(picture)
    front_matter_end = "\nimage: images/roots.png\nimage_alt: Three nerve roots\n---\n"
    edit_file(pack_copy / "lessons" / "nerve-roots.md", "\n---\n", front_matter_end)
    call_command("loadcontent", "--pack", str(pack_copy), "--no-translations", verbosity=0)
    first = Lesson.objects.get(slug="nerve-roots")
    Image.new("RGB", (1300, 400), (200, 20, 30)).save(picture)  # same name, new picture
    call_command("loadcontent", "--pack", str(pack_copy), "--no-translations", verbosity=0)
    second = Lesson.objects.get(slug="nerve-roots")
    assert second.image.name != first.image.name
    assert second.image_renditions["width"] == 1300, "renditions follow the new picture"
    assert second.updated_at > first.updated_at, "readers' ETags change with the picture"
