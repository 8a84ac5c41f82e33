"""Lesson image renditions: smaller WebP copies made once, when the image is saved."""

from __future__ import annotations

from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

RENDITION_WIDTHS = (320, 640, 960)


def make_renditions(name: str, widths=RENDITION_WIDTHS) -> dict:
    """Write a WebP copy of the stored image `name` at each width smaller than the original.

    Returns {"source", "width", "height", "sizes": [{"width", "height", "name"}]}, smallest
    first, so reads know every size without opening a file. Phones pick one with srcset.
    """
    with default_storage.open(name, "rb") as handle, Image.open(handle) as original:
        image = ImageOps.exif_transpose(original)
        image.load()
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    stem = PurePosixPath(name).stem
    folder = PurePosixPath(name).parent / "renditions"
    sizes = []
    for width in sorted(widths):
        if width >= image.width:
            break
        height = round(image.height * width / image.width)
        buffer = BytesIO()
        image.resize((width, height), Image.Resampling.LANCZOS).save(
            buffer, "WEBP", quality=80, method=4
        )
        target = str(folder / f"{stem}-{width}.webp")
        if default_storage.exists(target):
            default_storage.delete(target)
        saved = default_storage.save(target, ContentFile(buffer.getvalue()))
        sizes.append({"width": width, "height": height, "name": saved})
    return {"source": name, "width": image.width, "height": image.height, "sizes": sizes}
