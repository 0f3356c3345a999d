"""The mixed desk workload for locust: coordinators at a busy desk (run by bench/load_desk.py).

Each simulated coordinator logs in once on the page (a session) and once on the API (a token),
then, with a pause of 0.1-0.5 s between steps, reads the community's front page, request list and
person pages (each person page writes an audit entry), asks for suggestions, enters requests and
proposes matches (writes). A 409 for a request that someone else matched first is part of a busy
desk; every status is counted per endpoint and written to LOCUST_STATUS_FILE when the run ends.
The run stops after LOCUST_MAX_REQUESTS requests.
"""

import json
import os
import random
import re
from collections import Counter, defaultdict

import gevent
from locust import HttpUser, between, events, task

COMMUNITY = os.environ.get("LOCUST_COMMUNITY", "demo")
USERNAME = os.environ.get("LOCUST_USERNAME", "coordinator")
PASSWORD = os.environ.get("LOCUST_PASSWORD", "demo")
MAX_REQUESTS = int(os.environ.get("LOCUST_MAX_REQUESTS", "5000"))
STATUS_FILE = os.environ.get("LOCUST_STATUS_FILE", "")
statuses: dict[str, Counter] = defaultdict(Counter)
run = {"count": 0, "runner": None}
shared = {"people": [], "categories": [], "requests": []}


@events.init.add_listener
def keep_runner(environment, **kwargs):
    run["runner"] = environment.runner


@events.request.add_listener
def count_status(request_type, name, response, exception, **kwargs):
    status = getattr(response, "status_code", 0) or type(exception).__name__
    statuses[name][str(status)] += 1
    run["count"] += 1
    if run["count"] == MAX_REQUESTS and run["runner"] is not None:
        # Not from this greenlet: quitting stops the users, this one among them, half-way.
        gevent.spawn(run["runner"].quit)


@events.quitting.add_listener
def write_statuses(environment, **kwargs):
    if STATUS_FILE:
        with open(STATUS_FILE, "w") as out:
            json.dump({name: dict(counter) for name, counter in statuses.items()}, out)


class Coordinator(HttpUser):
    wait_time = between(0.1, 0.5)

    def on_start(self):
        page = self.client.get("/accounts/login/", name="login page")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        self.client.post(
            "/accounts/login/",
            {"username": USERNAME, "password": PASSWORD, "csrfmiddlewaretoken": token.group(1)},
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="login",
        )
        answer = self.client.post(
            "/api/v1/token", json={"username": USERNAME, "password": PASSWORD}, name="api token"
        )
        self.auth = {"Authorization": f"Bearer {answer.json()['token']}"}
        if not shared["people"]:
            people = self.api_get("people?limit=200", "api people").json()
            shared["people"] = [p["id"] for p in people.get("items", people)]
            categories = self.api_get("categories", "api categories").json()
            shared["categories"] = [c["code"] for c in categories]
            requests = self.api_get("requests?status=open&limit=200", "api requests").json()
            shared["requests"] = [r["id"] for r in requests.get("items", requests)]

    def api_get(self, path, name):
        return self.client.get(f"/api/v1/c/{COMMUNITY}/{path}", headers=self.auth, name=name)

    @task(6)
    def person_page(self):
        person = random.choice(shared["people"])
        self.client.get(f"/c/{COMMUNITY}/people/{person}/", name="page person (audit)")

    @task(3)
    def request_list(self):
        self.client.get(f"/c/{COMMUNITY}/requests/", name="page requests")

    @task(2)
    def home(self):
        self.client.get(f"/c/{COMMUNITY}/", name="page community home")

    @task(2)
    def people_api(self):
        self.api_get("people?limit=50", "api people")

    @task(3)
    def suggestions(self):
        if shared["requests"]:
            request = random.choice(shared["requests"])
            self.api_get(f"requests/{request}/suggestions", "api suggestions")

    @task(2)
    def enter_request(self):
        answer = self.client.post(
            f"/api/v1/c/{COMMUNITY}/requests",
            json={
                "category": random.choice(shared["categories"]),
                "title": "Boodschappen doen",
                "description": "Ingevoerd aan de balie",
                "channel": "phone",
                "requester": random.choice(shared["people"]),
            },
            headers=self.auth,
            name="api create request",
        )
        if answer.status_code == 201:
            shared["requests"].append(answer.json()["id"])

    @task(2)
    def propose_match(self):
        if not shared["requests"]:
            return
        request = random.choice(shared["requests"][-50:])
        suggestions = self.api_get(f"requests/{request}/suggestions", "api suggestions").json()
        if isinstance(suggestions, list) and suggestions:
            with self.client.post(
                f"/api/v1/c/{COMMUNITY}/matches",
                json={"request": request, "offer": suggestions[0]["offer"]},
                headers=self.auth,
                name="api propose match",
                catch_response=True,
            ) as answer:
                if answer.status_code in (201, 409, 422):  # 409: matched first by someone else
                    answer.success()
