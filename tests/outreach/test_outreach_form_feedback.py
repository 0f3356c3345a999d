"""Outreach forms give our own Dutch feedback: no browser tooltips; the summary names fields."""

import re

import pytest
from django.test import Client

OUTREACH_FORM_PAGES = ["/c/wijk/walk-lists/", "/c/wijk/visits/new/", "/c/wijk/signals/new/"]


def client_for(person) -> Client:
    client = Client()
    client.force_login(person.user)
    return client


@pytest.mark.parametrize("url", OUTREACH_FORM_PAGES)
def test_post_forms_leave_checking_to_the_server(cast, url):
    html = client_for(cast.coordinator).get(url).content.decode()
    forms = re.findall(r"<form method=\"post\" class=\"stacked\"[^>]*>", html)
    assert forms
    assert all("novalidate" in form for form in forms)


def test_visit_error_summary_names_the_missing_outcome(cast, walk_list):
    response = client_for(cast.visitor).post(
        "/c/wijk/visits/new/",
        {"visited_on": "2026-01-01", "address": "Dorpsstraat 5"},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    html = response.content.decode()
    summary = html.split("data-error-summary", 1)[1].split("</div>", 1)[0]
    assert 'href="#id_outcome' in summary


def test_signal_page_speaks_to_the_reader_as_u(cast):
    client = client_for(cast.resident)
    client.cookies["django_language"] = "nl"
    html = client.get("/c/wijk/signals/new/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Hebt u iets gezien" in html
    assert not re.search(r"\b[Jj]e\b", html.split("<main", 1)[-1])
