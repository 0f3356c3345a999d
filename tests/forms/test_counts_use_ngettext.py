"""Counts in sentences use ngettext (issue 13.8: "1 adressen"). Read from the source catalogues, so
a new message with a count is checked without anyone remembering: a msgid with %(count)s must
have a plural form, unless the number stands alone (listed below with the reason)."""

import re
from pathlib import Path

import naober

ALONE = {
    # "(now 130)": a number of characters after a colon-like aside, no counted noun follows.
    "Use at most %(limit)s characters (now %(count)s).",
}
ENTRY = re.compile(r'^msgid "(?P<id>(?:[^"\\]|\\.)*)"\n(?P<plural>msgid_plural )?', re.M)


def test_every_counted_message_has_a_plural():
    singular_only = []
    for po in Path(naober.__file__).parent.glob("*/locale/nl/LC_MESSAGES/django.po"):
        text = po.read_text()
        for match in ENTRY.finditer(text):
            msgid = match.group("id")
            if "%(count)s" in msgid and not match.group("plural") and msgid not in ALONE:
                singular_only.append(f"{po.parts[-5]}: {msgid}")
    assert not singular_only, "use ngettext for:\n" + "\n".join(singular_only)
