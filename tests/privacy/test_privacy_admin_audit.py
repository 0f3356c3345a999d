"""The Django admin's pages that show someone's phone number or messages are audited (12.6):
one entry per person on a list page, one for the row of a change page."""

from django.contrib.auth import get_user_model
from django.test import Client

from naober.notify.models import Message, SmsOutbox
from naober.privacy.models import AuditEntry
from tests.factories import make_person


def admin_client(community):
    admin = make_person(community, "admin")
    user = admin.user
    user.is_staff = user.is_superuser = True
    user.save()
    client = Client()
    client.force_login(user)
    return client, admin


def test_the_sms_outbox_list_audits_each_person_whose_number_it_shows(community):
    client, admin = admin_client(community)
    ann = make_person(community, phone="06 11110000")
    bob = make_person(community, phone="06 22220000")
    for person in (ann, bob, ann):
        SmsOutbox.objects.create(to=person.phone, sender="Naober", text="Hallo")
    response = client.get("/beheer/notify/smsoutbox/")
    assert response.status_code == 200 and "06 11110000" in response.content.decode()
    entries = AuditEntry.objects.filter(action="view", actor=admin)
    assert sorted(entries.values_list("person_id", flat=True)) == sorted([ann.pk, bob.pk])


def test_a_message_change_page_audits_its_person(community):
    client, admin = admin_client(community)
    ann = make_person(community)
    message = Message.objects.create(
        community=community, person=ann, event="custom", channel="sms", body="Bel 06 12"
    )
    assert client.get(f"/beheer/notify/message/{message.pk}/change/").status_code == 200
    assert list(AuditEntry.objects.filter(actor=admin).values_list("person_id", flat=True)) == [
        ann.pk
    ]


def test_nobody_without_admin_rights_reads_the_outbox(community):
    resident = make_person(community)
    client = Client()
    client.force_login(resident.user)
    assert client.get("/beheer/notify/smsoutbox/").status_code == 302
    assert not AuditEntry.objects.exists()
    assert get_user_model().objects.filter(is_staff=True).count() == 0
