"""The demo is built on the setting-up services: its areas come through the CSV import, its
help desk through the settings; its people have their own phone numbers; each town's social map
lists its own organisations."""

import pytest
from django.core.management import call_command

from naober.communities import selectors
from naober.communities.models import Community
from naober.communities.services import create_community, import_areas
from naober.core.management.commands.seed_demo import DEMO_COMMUNITIES, DEMO_DATA
from naober.directory.models import Organisation
from naober.people.models import Person

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("spec", DEMO_COMMUNITIES, ids=lambda spec: spec["slug"])
def test_demo_areas_load_through_the_import(spec):
    community = create_community(slug="leeg", name="Leeg", municipality=spec["municipality"])
    plan = import_areas(None, (DEMO_DATA / spec["areas"]).read_bytes(), community=community)
    assert plan.errors == []
    streets = community.areas.filter(kind="street").count()
    assert streets == len((DEMO_DATA / spec["areas"]).read_text().splitlines()) - 1


def test_seed_demo_builds_the_desk_and_its_own_phones(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    demo = selectors.desk(Community.objects.get(slug="demo"))
    assert demo.phone and demo.opening_hours and demo.outside_hours and demo.walk_in
    accounts = Person.objects.filter(user__isnull=False).exclude(phone="")
    phones = list(accounts.values_list("phone", flat=True))
    assert len(phones) == len(set(phones)) >= 8
    hoogeveen = Organisation.objects.filter(community__slug="demo")
    assert hoogeveen.exists() and not hoogeveen.filter(name__contains="Odoorn").exists()
    odoorn = Organisation.objects.filter(community__slug="demo-noord")
    assert not odoorn.filter(name__contains="Hoogeveen").exists()
    # The exported areas read back in without adding anything.
    community = Community.objects.get(slug="demo")
    header, rows = selectors.areas_export(community)
    text = ",".join(header) + "\n" + "\n".join(",".join(row) for row in rows)
    assert import_areas(None, text, dry_run=True, community=community).created == 0
