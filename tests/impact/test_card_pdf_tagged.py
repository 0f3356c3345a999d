"""The impact card PDF is tagged for screen readers (issue 13.10): PDF/UA-1, with a structure tree
and the page's language."""

import re
import zlib

from django.test import Client

from naober.impact import services
from tests.impact.test_cards_and_stories import card_data
from tests.initiatives.helpers import actor_of


def pdf_text(pdf: bytes) -> bytes:
    """The PDF with its compressed streams (object streams too) inflated, to search in."""
    parts = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(parts)


def test_the_card_pdf_is_tagged_with_its_language(community, person_factory):
    core = person_factory(community, "core_group")
    card = services.save_card(actor_of(core), card_data())
    client = Client()
    client.force_login(core.user)
    pdf = client.get(f"/c/wijk/impact/cards/{card.pk}/card.pdf").content
    text = pdf_text(pdf)
    assert b"/StructTreeRoot" in text and b"/Marked true" in text
    assert b"/Lang (nl)" in text
    assert b"pdfuaid" in text
