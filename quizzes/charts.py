"""Charts drawn on the server as SVG: no script, no CDN, nothing the CSP has to allow."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH, HEIGHT = 420, 170
LEFT, BOTTOM, TOP = 30, 28, 12


def score_histogram(counts: Sequence[int], *, label: str) -> SafeString:
    """Bars of how many scores fall in each tenth of the maximum (0–9 %, …, 90–100 %), with
    the counts written on the bars and `label` as the accessible name."""
    bins = len(counts)
    peak = max(counts, default=0) or 1
    plot_width, plot_height = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    step = plot_width / bins
    bars = []
    for index, count in enumerate(counts):
        height = plot_height * count / peak
        x = LEFT + index * step
        y = TOP + plot_height - height
        low = index * 100 // bins
        bars.append(
            (
                f"{x + 2:.1f}",
                f"{y:.1f}",
                f"{step - 4:.1f}",
                f"{height:.1f}",
                f"{low}–{low + 100 // bins - (0 if index == bins - 1 else 1)} %",
                count,
                f"{x + step / 2:.1f}",
                f"{max(TOP + 10, y - 3):.1f}",
                f"{HEIGHT - BOTTOM + 14:.1f}",
                f"{low}",
            )
        )
    body = format_html_join(
        "",
        '<g><title>{4}: {5}</title><rect class="bar" x="{0}" y="{1}" width="{2}" height="{3}" '
        'fill="#417690"></rect><text x="{6}" y="{7}" text-anchor="middle" font-size="10">{5}'
        '</text><text x="{6}" y="{8}" text-anchor="middle" font-size="9">{9}</text></g>',
        bars,
    )
    return format_html(
        '<svg class="score-histogram" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" '
        'role="img" aria-label="{}"><title>{}</title>'
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#666"></line>{}'
        '<text x="{}" y="{}" text-anchor="end" font-size="9">100 %</text></svg>',
        WIDTH,
        HEIGHT,
        label,
        label,
        LEFT,
        HEIGHT - BOTTOM,
        WIDTH - 8,
        HEIGHT - BOTTOM,
        body,
        WIDTH - 8,
        HEIGHT - 4,
    )
