"""List endpoints convert only the rows of the requested page (naober.api.pagination.Mapped)."""

from naober.api.pagination import Mapped
from naober.people.models import Person


def test_mapped_counts_in_the_database_and_converts_only_the_slice(community, person_factory):
    for _ in range(6):
        person_factory(community)
    seen = []
    rows = Mapped(Person.objects.order_by("pk"), lambda p: seen.append(p.pk) or p.pk)
    all_ids = list(Person.objects.order_by("pk").values_list("pk", flat=True))
    assert len(rows) == len(all_ids)
    assert rows[2:4] == all_ids[2:4]
    assert seen == all_ids[2:4]
    assert rows[0] == all_ids[0]


def test_mapped_takes_a_plain_list_too():
    rows = Mapped([1, 2, 3], lambda n: n * 10)
    assert len(rows) == 3 and rows[1:] == [20, 30]


def test_a_page_of_the_people_api_counts_every_row(api, community, person_factory):
    coordinator = person_factory(community, "coordinator")
    for _ in range(5):
        person_factory(community)
    body = api.login(coordinator).get("c/wijk/people", limit=2, offset=1).json()
    assert body["count"] == Person.objects.filter(community=community).count()
    assert len(body["items"]) == 2
