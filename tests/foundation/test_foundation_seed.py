"""The demo seed: refuses without DEBUG, builds two believable communities, runs twice safely."""

import io

import pytest
from django.core.management import CommandError, call_command

from naober.communities.models import Community, Membership
from naober.exchange.models import Category, HelpRequest
from naober.people.models import Person

DEMO_ACCOUNTS = {
    "coordinator": ("demo", {"coordinator"}),
    "volunteer": ("demo", {"volunteer"}),
    "resident": ("demo", {"resident"}),
    "partner": ("demo", {"partner"}),
    "kerngroep": ("demo", {"core_group", "resident"}),
    "admin": ("demo", {"admin", "coordinator"}),
    "coordinator-noord": ("demo-noord", {"coordinator"}),
}


def seed(**options):
    call_command("seed_demo", stdout=io.StringIO(), **options)


@pytest.fixture
def seeded(db, settings):
    settings.DEBUG = True
    seed()


def test_refuses_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        seed()
    assert not Community.objects.exists()


def test_force_runs_without_debug(db, settings):
    settings.DEBUG = False
    seed(force=True)
    assert set(Community.objects.values_list("slug", flat=True)) == {"demo", "demo-noord"}


def test_the_seeded_demo_is_complete(seeded):
    """One seed, several checks: seeding takes seconds, so the checks share it."""
    from django.contrib.auth import get_user_model

    from naober.people.validation import check_reachable

    for slug in ("demo", "demo-noord"):
        residents = Person.objects.filter(community__slug=slug, user__isnull=True)
        assert residents.count() >= 200, slug
        offline_share = residents.filter(digital=False).count() / residents.count()
        assert 0.25 <= offline_share <= 0.42, (slug, offline_share)
        for person in residents.values():
            check_reachable(person)  # everyone can be reached the way they prefer
        out_of_scope = Category.objects.filter(community__slug=slug, in_scope=False)
        assert set(out_of_scope.values_list("code", flat=True)) == {
            "persoonlijke-verzorging",
            "huishoudelijke-hulp",
        }
        assert Category.objects.filter(community__slug=slug, in_scope=True).count() >= 10
    channels = set(
        HelpRequest.objects.filter(community__slug="demo").values_list("channel", flat=True)
    )
    assert {"web", "phone"} <= channels and len(channels) >= 4
    for username, (slug, roles) in DEMO_ACCOUNTS.items():
        user = get_user_model().objects.get(username=username)
        assert user.check_password("demo"), username
        person = Person.objects.get(user=user)
        assert person.community.slug == slug
        assert set(person.memberships.values_list("role", flat=True)) == roles, username


def test_second_run_creates_nothing_new_and_resets_demo_passwords(seeded):
    from django.contrib.auth import get_user_model

    counts = (Person.objects.count(), HelpRequest.objects.count(), Membership.objects.count(),
              get_user_model().objects.count(), Category.objects.count())  # fmt: skip
    user = get_user_model().objects.get(username="coordinator")
    user.set_password("iets-anders")
    user.save()
    seed()
    user.refresh_from_db()
    assert user.check_password("demo")
    assert counts == (Person.objects.count(), HelpRequest.objects.count(),
                      Membership.objects.count(), get_user_model().objects.count(),
                      Category.objects.count())  # fmt: skip
