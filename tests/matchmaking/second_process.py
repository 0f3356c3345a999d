"""Another server process for the two-process freshness test (test_matchmaking_processes.py).

Run as ``python -m tests.matchmaking.second_process`` with DATABASE_URL pointing at the test
database. Reads one command a line on stdin and answers one JSON line on stdout:

    suggest <coordinator id> <request id>  -> {"offers": [...], "builds": n, "deltas": n, "ms": t}
    pause <offer id>                       -> {"paused": id}   (the helper pauses, as on the page)
"""

import json
import sys
import time

import django


def main() -> None:
    django.setup()
    from naober.exchange import services
    from naober.exchange.models import HelpOffer, HelpRequest
    from naober.matchmaking import cache
    from naober.people.models import Person
    from tests.matchmaking.builders import actor_of, suggested_offers

    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        command, *args = line.split()
        if command == "suggest":
            coordinator = Person.objects.get(pk=int(args[0]))
            help_request = HelpRequest.objects.get(pk=int(args[1]))
            start = time.perf_counter()
            offers = suggested_offers(coordinator, help_request)
            ms = (time.perf_counter() - start) * 1000
            answer = {"offers": offers, "ms": round(ms, 1), **cache.stats}
        elif command == "pause":
            offer = HelpOffer.objects.get(pk=int(args[0]))
            services.update_offer(actor_of(offer.helper), offer, {"available": False})
            answer = {"paused": offer.pk}
        else:
            answer = {"error": command}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
