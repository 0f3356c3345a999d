"""Spreadsheet import and export of the social map."""

import pytest
from django.core.exceptions import PermissionDenied

from naober.directory import csv_io, services
from naober.directory.models import Organisation, OrganisationKind
from tests.directory.conftest import actor_of

HEADER = "naam;soort;wat;voor wie;waar;telefoon;e-mail;website;adres;openingstijden;leefgebieden"
GOOD = (
    HEADER + "\n"
    "Groene Vingers;vereniging;Samen tuinieren;Iedereen;Hoogeveen;0528 123456;"
    "info@groen.nl;www.groen.nl;Tuinpad 1;za 10-12 uur;activiteiten, contacten\n"
    "Wmo-loket;gemeente;Hulp en voorzieningen;Inwoners;Hoogeveen;14 0528;;;;ma-vr 9-17;gezondheid\n"
)


def test_import_happy_path_creates_organisations_with_search_key(coordinator):
    report = services.import_organisations(actor_of(coordinator), GOOD.encode())
    assert report.errors == [] and report.created == 2 and report.updated == 0
    org = Organisation.objects.get(name="Groene Vingers")
    assert org.kind == OrganisationKind.ASSOCIATION
    assert org.life_domains == ["activities", "contacts"]
    assert org.website == "https://www.groen.nl"
    assert " tuinier " in org.search_stems


def test_import_accepts_bom_and_comma_separator(coordinator):
    content = (
        '\ufeffnaam,soort,leefgebieden\n"Taalhuis",welzijn,"leefstijl, contacten"\n'
    ).encode()
    report = services.import_organisations(actor_of(coordinator), content)
    assert report.errors == []
    assert Organisation.objects.get(name="Taalhuis").life_domains == ["lifestyle", "contacts"]


def test_import_upserts_by_name(coordinator, make_org):
    make_org("Groene Vingers", "Oud", phone="0528 000000")
    report = services.import_organisations(actor_of(coordinator), GOOD.encode())
    assert (report.created, report.updated) == (1, 1)
    org = Organisation.objects.get(name="Groene Vingers")
    assert org.phone == "0528 123456" and org.description == "Samen tuinieren"
    assert Organisation.objects.count() == 2


def test_bad_rows_are_reported_by_row_number_and_nothing_is_stored(coordinator):
    content = (
        HEADER + "\n"
        "Goede club;vereniging;;;;;;;;;\n"
        "Foute club;raket;;;;;geen-mail;;;;vakantie\n"
        ";welzijn;;;;;;;;;\n"
        "Goede club;welzijn;;;;;;;;;\n"
    ).encode()
    report = services.import_organisations(actor_of(coordinator), content)
    rows = sorted({row for row, _ in report.errors})
    assert rows == [3, 4, 5]
    messages = " ".join(m for _, m in report.errors)
    assert "raket" in messages and "vakantie" in messages and "e-mail" in messages
    assert Organisation.objects.count() == 0


def test_wrong_header_and_wrong_encoding_are_refused(coordinator):
    actor = actor_of(coordinator)
    assert services.import_organisations(actor, b"name;kind\nX;y\n").errors[0][0] == 1
    latin1 = (HEADER + "\nCafé;;;;;;;;;;\n").encode("latin-1")
    assert "UTF-8" in services.import_organisations(actor, latin1).errors[0][1]
    assert Organisation.objects.count() == 0


def test_check_only_stores_nothing(coordinator):
    report = services.import_organisations(actor_of(coordinator), GOOD.encode(), dry_run=True)
    assert report.to_import == 2 and report.errors == []
    assert Organisation.objects.count() == 0


def test_export_then_import_round_trip(coordinator, make_org, other_community, person_factory):
    make_org(
        "Groene Vingers",
        'Samen tuinieren; ook "moestuin"',
        kind="association",
        phone="0528 123456",
        email="info@groen.nl",
        website="https://groen.nl",
        address="Tuinpad 1",
        opening_hours="za 10-12",
        where="Hoogeveen",
        for_whom="Iedereen, jong en oud",
        life_domains=["activities", "contacts"],
    )
    make_org("Wijkagent", "Politie in de wijk", kind="police")
    fields = [
        "name",
        "kind",
        "description",
        "for_whom",
        "where",
        "phone",
        "email",
        "website",
        "address",
        "opening_hours",
        "life_domains",
    ]
    before = list(Organisation.objects.order_by("name").values(*fields))
    exported = csv_io.export(Organisation.objects.order_by("name"))
    assert exported.startswith("\ufeff" + HEADER)
    other_coordinator = person_factory(other_community, "coordinator")
    report = services.import_organisations(actor_of(other_coordinator), exported.encode())
    assert report.errors == [] and report.created == 2
    after = list(
        Organisation.objects.filter(community=other_community).order_by("name").values(*fields)
    )
    assert after == before


def test_residents_cannot_import(resident):
    with pytest.raises(PermissionDenied):
        services.import_organisations(actor_of(resident), GOOD.encode())
    assert Organisation.objects.count() == 0
