"""Draw the app's icons with Pillow: the manifest's 192 and 512 px icons, a maskable one, the
Apple touch icon and the favicon. `make` runs it; the files are build output (not committed)."""

import io
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

from core.files import write_if_changed

ACCENT = (11, 110, 79)  # core.pwa.THEME_COLOR
CREAM = (253, 252, 249)  # core.pwa.BACKGROUND_COLOR
SUPERSAMPLE = 4  # drawn four times larger, then scaled down: smooth edges without a font

# The mark on a 100-unit square: three vertebrae (L4, L5, S1) and the roots leaving them.
VERTEBRAE = [(36, 18, 64, 27), (36, 34, 64, 43), (36, 50, 64, 59)]
ROOTS = [
    [(36, 38), (28, 46), (24, 62), (22, 84)],
    [(64, 38), (72, 46), (76, 62), (78, 84)],
    [(38, 55), (33, 64), (31, 74), (30, 84)],
    [(62, 55), (67, 64), (69, 74), (70, 84)],
]


def draw_mark(size: int, *, scale: float, rounded: bool) -> Image.Image:
    """The mark in cream on the accent colour. `scale` is the share of the square the mark
    fills; a rounded square for ordinary icons, full bleed for maskable ones."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if rounded:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big // 5, fill=ACCENT)
    else:
        draw.rectangle((0, 0, big, big), fill=ACCENT)
    unit = big * scale / 100
    offset = big * (1 - scale) / 2

    def at(x: float, y: float) -> tuple[float, float]:
        return offset + x * unit, offset + y * unit

    for left, top, right, bottom in VERTEBRAE:
        draw.rounded_rectangle((*at(left, top), *at(right, bottom)), radius=3 * unit, fill=CREAM)
    for root in ROOTS:
        draw.line([at(x, y) for x, y in root], fill=CREAM, width=round(5 * unit), joint="curve")
        end_x, end_y = at(*root[-1])
        radius = 2.5 * unit
        draw.ellipse((end_x - radius, end_y - radius, end_x + radius, end_y + radius), fill=CREAM)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def icons() -> dict[str, Image.Image]:
    """Every icon by file name. A maskable icon keeps its mark inside the central circle
    (80 % of the width) that every platform's mask leaves visible."""
    return {
        "icon-192.png": draw_mark(192, scale=0.9, rounded=True),
        "icon-512.png": draw_mark(512, scale=0.9, rounded=True),
        "maskable-512.png": draw_mark(512, scale=0.62, rounded=False),
        "apple-touch-icon.png": draw_mark(180, scale=0.75, rounded=False).convert("RGB"),
    }


class Command(BaseCommand):
    help = "Draw the app icons (manifest icons, maskable icon, touch icon, favicon) with Pillow."

    def add_arguments(self, parser):
        default = Path(settings.STATICFILES_DIRS[0]) / "icons"
        parser.add_argument("--output", type=Path, default=default)

    def handle(self, *args, output: Path, **options):
        output.mkdir(parents=True, exist_ok=True)
        drawn = {name: png(image) for name, image in icons().items()}
        favicon = io.BytesIO()
        draw_mark(48, scale=0.9, rounded=True).save(
            favicon, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)]
        )
        drawn["favicon.ico"] = favicon.getvalue()
        changed = [name for name, data in drawn.items() if write_if_changed(output / name, data)]
        self.stdout.write(
            f"Icons written to {output}." if changed else f"Icons in {output} are up to date."
        )


def png(image: Image.Image) -> bytes:
    data = io.BytesIO()
    image.save(data, format="PNG", optimize=True)
    return data.getvalue()
