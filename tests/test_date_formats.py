"""Dates on pages read as Dutch writes them: "8 december 2026" or "8 dec", never "8 Dec".

Django's "M" gives a capitalised month ("Dec"), which is English usage; "F" (the whole month)
and "b" (three letters, lower case) are right in Dutch. Every template is read, so a new page
cannot bring the capital back.
"""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "naober"
DATE_FILTER = re.compile(r"""\|date:["']([^"']*)["']""")


def test_no_template_formats_a_month_with_a_capital():
    found = [
        f"{path.relative_to(TEMPLATES)}: {fmt}"
        for path in TEMPLATES.rglob("*.html")
        for fmt in DATE_FILTER.findall(path.read_text(encoding="utf-8"))
        if re.search(r"(?<!\\)[MN]", fmt)
    ]
    assert not found, found
