"""The notice board's offers: those of helpers living in the area and those offered for the area,
newest first, read as two indexed queries instead of one OR across the helper's street and the
offer's area (PostgreSQL joined every resident for that OR; issue 16)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from naober.exchange import selectors
from naober.exchange.models import HelpOffer
from tests.exchange_pages.builders import actor_of, make_offer


def test_offers_of_the_area_newest_first_without_an_or(community, volunteer, person_factory):
    hood = community.areas.get(name="Krakeel")
    elsewhere = person_factory(community, "volunteer", area=None)
    lives_here = make_offer(community, volunteer)  # the volunteer lives on Dorpsstraat
    for_here = make_offer(community, elsewhere)
    HelpOffer.objects.filter(pk=for_here.pk).update(area=hood)
    make_offer(community, person_factory(community, "volunteer", area=None))  # neither
    with CaptureQueriesContext(connection) as queries:
        sheet = selectors.noticeboard(actor_of(volunteer), hood)
    assert sheet["offers"] == [for_here, lives_here]
    offer_sql = [q["sql"] for q in queries if 'FROM "exchange_helpoffer"' in q["sql"]]
    both = '"people_person"."area_id" IN', '"exchange_helpoffer"."area_id" IN'
    assert offer_sql and not [sql for sql in offer_sql if all(part in sql for part in both)]
