"""Input formats for every language: form fields render dates and times the way HTML inputs need.

`<input type="date">` accepts only ISO values (2026-05-14) and `<input type="datetime-local">` only
2026-05-14T10:30. Django renders a widget's value with the first of the language's *_INPUT_FORMATS,
which for Dutch is 14-05-2026: the browser rejects it, shows an empty field, and an untouched save
erased the stored date. FORMAT_MODULE_PATH points here, so every form of every app renders ISO
first, while typed Dutch dates (14-05-2026, 14/05/2026) are still understood.
"""

from django.conf.locale.en import formats as en
from django.conf.locale.nl import formats as nl

ISO_DATE = ["%Y-%m-%d"]
ISO_DATETIME = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
ISO_TIME = ["%H:%M", "%H:%M:%S"]


def iso_first(iso: list[str], local: list[str]) -> list[str]:
    """The ISO formats first (they render the value), then the language's own (for parsing)."""
    return iso + [f for f in local if f not in iso]


NL_INPUT = {
    "DATE_INPUT_FORMATS": iso_first(ISO_DATE, nl.DATE_INPUT_FORMATS),
    "DATETIME_INPUT_FORMATS": iso_first(ISO_DATETIME, nl.DATETIME_INPUT_FORMATS),
    "TIME_INPUT_FORMATS": iso_first(ISO_TIME, nl.TIME_INPUT_FORMATS),
}
EN_INPUT = {
    "DATE_INPUT_FORMATS": iso_first(ISO_DATE, en.DATE_INPUT_FORMATS),
    "DATETIME_INPUT_FORMATS": iso_first(ISO_DATETIME, en.DATETIME_INPUT_FORMATS),
    "TIME_INPUT_FORMATS": iso_first(ISO_TIME, en.TIME_INPUT_FORMATS),
}
