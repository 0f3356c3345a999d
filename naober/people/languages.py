"""Languages as people write them ("Nederlands, Turks") and as Naober stores them (ISO 639 codes).

Forms take the names a resident knows, in Dutch or English, or the codes; the API keeps the codes
(people.validation.clean_languages). Pages show the names in the reader's language, so nobody
has to know that Turkish is "tr".
"""

import re

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

#: The languages most spoken in Dutch neighbourhoods, by code. Other codes stay valid (the API
#: takes any two or three letters) and are shown as they are.
NAMES = {
    "nl": gettext_lazy("Dutch"),
    "fy": gettext_lazy("Frisian"),
    "en": gettext_lazy("English"),
    "de": gettext_lazy("German"),
    "fr": gettext_lazy("French"),
    "es": gettext_lazy("Spanish"),
    "pt": gettext_lazy("Portuguese"),
    "it": gettext_lazy("Italian"),
    "pl": gettext_lazy("Polish"),
    "ro": gettext_lazy("Romanian"),
    "bg": gettext_lazy("Bulgarian"),
    "uk": gettext_lazy("Ukrainian"),
    "ru": gettext_lazy("Russian"),
    "tr": gettext_lazy("Turkish"),
    "ar": gettext_lazy("Arabic"),
    "ber": gettext_lazy("Berber"),
    "ku": gettext_lazy("Kurdish"),
    "fa": gettext_lazy("Persian"),
    "ti": gettext_lazy("Tigrinya"),
    "so": gettext_lazy("Somali"),
    "pap": gettext_lazy("Papiamento"),
    "srn": gettext_lazy("Sranan Tongo"),
    "zh": gettext_lazy("Chinese"),
}
_SEPARATORS = re.compile(r"\s*(?:,|;|/|\s+en\s+|\s+and\s+)\s*", re.IGNORECASE)


def name_of(code: str) -> str:
    """One language's name in the active language: ours, else Django's, else the code itself."""
    if code in NAMES:
        return str(NAMES[code])
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def names_of(codes) -> str:
    """The languages' names in the active language, joined: "Nederlands, Turks"."""
    return ", ".join(name_of(str(code)) for code in codes or [])


def _lookup() -> dict[str, str]:
    """Every way of writing a language that a form accepts (code, Dutch or English name)."""
    known = {code: code for code in NAMES}
    for language in ("nl", "en"):
        with translation.override(language):
            known.update({str(name).lower(): code for code, name in NAMES.items()})
    return known


def codes_from_text(text: str) -> list[str]:
    """Codes for what a person typed: names in Dutch or English, or codes, separated by commas
    or "en". A word that is no language Naober knows is refused with a Dutch example, so
    nothing half-understood is stored."""
    known, codes, unknown = _lookup(), [], []
    for part in _SEPARATORS.split((text or "").strip()):
        word = part.strip().lower()
        if not word:
            continue
        code = known.get(word) or (word if re.fullmatch(r"[a-z]{2,3}", word) else None)
        if code is None:
            unknown.append(part.strip())
        elif code not in codes:
            codes.append(code)
    if unknown:
        raise ValidationError(
            _("We do not know the language '%(word)s'. Write for example: Dutch, Turkish.")
            % {"word": unknown[0]}
        )
    return codes
