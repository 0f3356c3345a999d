"""Dutch first: every string a person reads has a Dutch translation, and the compiled catalogue
matches the source. `make test` runs makemessages first, so a new untranslated string fails here.
"""

import gettext
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
PO_FILES = sorted(ROOT.glob("naober/*/locale/nl/LC_MESSAGES/django.po"))


def test_there_are_dutch_catalogues():
    assert len(PO_FILES) >= 4


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: p.parts[-5])
def test_every_dutch_string_is_translated(po_path):
    catalogue = polib.pofile(str(po_path))
    missing = [e.msgid for e in catalogue if not e.obsolete and not e.translated()]
    fuzzy = [e.msgid for e in catalogue if "fuzzy" in e.flags]
    assert not missing, f"untranslated in {po_path}: {missing[:20]}"
    assert not fuzzy, f"fuzzy (unchecked) in {po_path}: {fuzzy[:20]}"


def test_one_string_has_one_translation_in_every_app():
    """Django merges the apps' catalogues and the first app in INSTALLED_APPS wins, so a string
    translated differently in a second app never shows as that app wrote it ("Wat gebeurt er nu"
    on the doors' page read "Wat gebeurt er daarna?"). Where the meaning differs, use a context
    (pgettext) or other English words."""
    seen: dict[tuple, dict[str, str]] = {}
    for po_path in PO_FILES:
        for entry in polib.pofile(str(po_path)):
            if entry.obsolete:
                continue
            said = entry.msgstr or repr(sorted(entry.msgstr_plural.items()))
            key = (entry.msgctxt, entry.msgid, entry.msgid_plural)
            seen.setdefault(key, {})[po_path.parts[-5]] = said
    differ = {key[1]: apps for key, apps in seen.items() if len(set(apps.values())) > 1}
    assert not differ, "\n".join(f"{msgid!r}: {apps}" for msgid, apps in differ.items())


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: p.parts[-5])
def test_compiled_catalogue_matches_source(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `make messages`"
    with mo_path.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in polib.pofile(str(po_path)).translated_entries():
        if entry.msgid_plural or entry.msgctxt:
            continue
        assert compiled.gettext(entry.msgid) == entry.msgstr, f"stale .mo for {entry.msgid!r}"


def test_pages_default_to_dutch(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="nl">' in response.content.decode()
    assert "Buren helpen buren" in response.content.decode()


def test_language_switch_to_english(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Neighbours helping neighbours" in html


def test_an_english_browser_still_gets_dutch(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="nl">' in response.content.decode()


def test_the_language_choice_is_remembered(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert '<html lang="en">' in client.get("/").content.decode()
    client.post("/i18n/setlang/", {"language": "nl", "next": "/"})
    assert '<html lang="nl">' in client.get("/").content.decode()
