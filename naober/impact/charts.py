"""A tiny server-side SVG bar chart: readable without JavaScript, printable, accessible.

The SVG has role="img" with <title> and <desc>; the page shows the same numbers in a table next to
it, because a chart alone is not accessible. Suppressed values are drawn as an empty bar marked
"< 5". Only presentation attributes are used: the Content-Security-Policy forbids inline styles.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

WIDTH, HEIGHT, PAD, AXIS = 640, 240, 8, 28


def bar_chart(
    title: str, description: str, points: list[tuple[str, int | None]], chart_id: str
) -> str:
    """An SVG string for (label, value-or-None) points; None means suppressed."""
    values = [v for _label, v in points if v is not None]
    top = max(values + [1])
    slot = (WIDTH - 2 * PAD) / max(len(points), 1)
    bar = slot * 0.7
    plot = HEIGHT - AXIS - PAD
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" class="chart" width="100%">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(description)}</desc>',
        f'<line x1="{PAD}" y1="{HEIGHT - AXIS}" x2="{WIDTH - PAD}" y2="{HEIGHT - AXIS}" '
        'stroke="#333" stroke-width="1"/>',
    ]
    for index, (label, value) in enumerate(points):
        x = PAD + index * slot + (slot - bar) / 2
        centre = x + bar / 2
        if value is None:
            parts.append(
                f'<rect x="{x:.1f}" y="{HEIGHT - AXIS - 12}" width="{bar:.1f}" '
                'height="12" fill="none" stroke="#666" stroke-dasharray="3 2"/>'
            )
            text = escape(_("< 5"))
            y_text = HEIGHT - AXIS - 16
        else:
            height = plot * value / top
            y = HEIGHT - AXIS - height
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" '
                f'height="{height:.1f}" fill="#1f5f8b"/>'
            )
            text = str(value)
            y_text = y - 4
        parts.append(
            f'<text x="{centre:.1f}" y="{max(y_text, 12):.1f}" font-size="12" '
            f'text-anchor="middle" fill="#111">{text}</text>'
        )
        parts.append(
            f'<text x="{centre:.1f}" y="{HEIGHT - 10}" font-size="11" '
            f'text-anchor="middle" fill="#111">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text part above is escaped
