"""Adding a kind of help needs only its name: the code is made from it when left empty.

The administrator had to invent a technical code ("Kleine letters en streepjes") before she could
add "Hond uitlaten".
"""

import pytest

from naober.exchange.models import Category

pytestmark = pytest.mark.django_db


def test_a_category_added_by_name_alone_gets_a_code(members, page_as, community):
    client = page_as(members["admin"])
    response = client.post(
        f"/c/{community.slug}/settings/categories/",
        {"label": "Hond uitlaten & katten voeren", "kind": "practical", "in_scope": "on"},
    )
    assert response.status_code == 302
    category = Category.objects.get(community=community, label="Hond uitlaten & katten voeren")
    assert category.code == "hond-uitlaten-katten-voeren"


def test_a_given_code_is_still_checked(members, page_as, community):
    client = page_as(members["admin"])
    response = client.post(
        f"/c/{community.slug}/settings/categories/",
        {"label": "Hond uitlaten", "code": "Hond uitlaten", "kind": "practical"},
    )
    assert response.status_code in (200, 422)
    assert "kleine letters" in response.content.decode()
