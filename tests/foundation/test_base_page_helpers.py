"""naober/base/pages.py: the one way every app's page runs a service behind a form or a button."""

from django import forms
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError

from naober.base.errors import Conflict
from naober.base.pages import on_button, on_form, paginate


class NameForm(forms.Form):
    name = forms.CharField()


def _form():
    form = NameForm({"name": "Anna"})
    assert form.is_valid()
    return form


def _raise(error):
    raise error


def test_on_form_returns_what_the_service_returns():
    assert on_form(_form(), lambda: "row") == "row"


def test_on_form_reads_an_empty_result_as_done():
    # A service that stores a number (a helper's own limit of 0 asks a week) or returns nothing.
    assert on_form(_form(), lambda: 0) is True
    assert on_form(_form(), lambda: None) is True


def test_on_form_puts_a_field_error_next_to_the_field():
    form = _form()
    assert on_form(form, lambda: _raise(ValidationError({"name": ["Too short."]}))) is None
    assert form.errors["name"] == ["Too short."]


def test_on_form_puts_a_domain_refusal_on_top_of_the_form():
    form = _form()
    assert on_form(form, lambda: _raise(Conflict("Someone was first."))) is None
    assert form.non_field_errors() == ["Someone was first."]


def test_on_button_turns_a_refusal_into_the_page_message(rf):
    request = rf.post("/")
    request._messages = CookieStorage(request)
    assert on_button(request, lambda: _raise(Conflict("Someone was first."))) is None
    assert [message.message for message in request._messages] == ["Someone was first."]
    assert on_button(request, lambda: 0) is True


def test_paginate_gives_the_nearest_page_for_a_wrong_number(rf):
    rows = list(range(45))
    assert list(paginate(rf.get("/", {"page": "2"}), rows, 20)) == list(range(20, 40))
    assert paginate(rf.get("/", {"page": "99"}), rows, 20).number == 3
    assert paginate(rf.get("/", {"page": "x"}), rows, 20).number == 1
