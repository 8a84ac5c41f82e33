"""Images uploaded in the admin: only real JPEG, PNG or WebP files, within a pixel limit
(against decompression bombs), stored upright (EXIF orientation applied) and without their
metadata (GPS position, camera, dates). A refused upload is an ordinary form error, raised
before the model is saved, so nothing reaches the disk."""

from __future__ import annotations

import warnings
from io import BytesIO
from pathlib import PurePath

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

FORMATS = {
    "JPEG": ("image/jpeg", ".jpg"),
    "PNG": ("image/png", ".png"),
    "WEBP": ("image/webp", ".webp"),
}
# 40 million pixels: a phone's photo fits; a few-KB file that decodes to gigabytes does not.
MAX_PIXELS = 40_000_000
MAX_BYTES = 15 * 1024 * 1024

NOT_AN_IMAGE = _("This file is not a JPEG, PNG or WebP image.")
TOO_MANY_PIXELS = _(
    "This image has too many pixels (the limit is %(limit)s million). Please make it smaller."
)
TOO_MANY_BYTES = _("This file is too large (limit: %(limit)s MB).")


def _open_checked(data: bytes) -> Image.Image:
    """The image in `data`, refused unless it is a JPEG/PNG/WebP within the pixel limit. The
    size is checked from the header, before any pixel is decoded."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(BytesIO(data))
            if image.format not in FORMATS:
                raise forms.ValidationError(NOT_AN_IMAGE, code="format")
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise Image.DecompressionBombError(f"{width} × {height}")
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow refuses the worst bombs itself, at open; ours is the lower limit.
        raise forms.ValidationError(
            TOO_MANY_PIXELS, code="pixels", params={"limit": MAX_PIXELS // 1_000_000}
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise forms.ValidationError(NOT_AN_IMAGE, code="format") from None
    return image


def cleaned_image(data: bytes, name: str) -> SimpleUploadedFile:
    """A new file holding the upright image without metadata, in its own format."""
    image = _open_checked(data)
    image_format = image.format
    upright = ImageOps.exif_transpose(image)
    # Copy only the pixels (and what they need to be read: palette, transparency, colour
    # profile): no EXIF, XMP or text chunk carries over.
    clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
    if upright.mode == "P":
        clean.putpalette(upright.getpalette())
    if "transparency" in upright.info:
        clean.info["transparency"] = upright.info["transparency"]
    if image_format == "JPEG" and clean.mode not in ("RGB", "L", "CMYK"):
        clean = clean.convert("RGB")
    options = {"JPEG": {"quality": 90}, "WEBP": {"quality": 90}, "PNG": {"optimize": True}}
    profile = image.info.get("icc_profile")
    buffer = BytesIO()
    clean.save(
        buffer,
        image_format,
        **options[image_format],
        **({"icc_profile": profile} if profile else {}),
    )
    media_type, suffix = FORMATS[image_format]
    stem = PurePath(name).stem or "image"
    return SimpleUploadedFile(f"{stem}{suffix}", buffer.getvalue(), content_type=media_type)


class SafeImageField(forms.ImageField):
    """The admin's image field: refuses what `cleaned_image` refuses, stores what it makes."""

    def to_python(self, data):
        if data in self.empty_values:
            return None
        if getattr(data, "size", 0) > MAX_BYTES:
            raise forms.ValidationError(
                TOO_MANY_BYTES, code="size", params={"limit": MAX_BYTES // (1024 * 1024)}
            )
        data.seek(0)
        cleaned = cleaned_image(data.read(), data.name)
        return super().to_python(cleaned)
