"""The street import page explains the file in Dutch column names, and such a file imports.

It showed only `district,neighbourhood,street` and "gebruikt u de kolom village in plaats van
neighbourhood": English words on a Dutch page, for columns that are accepted in Dutch as well.
"""

import pytest

from naober.communities.models import Area

pytestmark = pytest.mark.django_db


def test_the_import_page_names_the_columns_in_dutch(members, page_as, community):
    client = page_as(members["admin"])
    path = f"/c/{community.slug}/settings/areas/import/"
    html = client.get(path).content.decode()
    assert "wijk,buurt,straat" in html and "wijk,dorp,straat" in html
    for english in ("district,neighbourhood", "kolom village", "neighbourhood,street"):
        assert english not in html, english
    dutch = "wijk,dorp,straat\nZuid,Zuidwolde,Kerkweg\n"
    assert client.post(path, {"text": dutch, "action": "import"}).status_code == 302
    assert Area.objects.get(community=community, name="Kerkweg").parent.name == "Zuidwolde"
