"""Saving an edit page untouched changes nothing, and no date or time input shows a value the
browser throws away (issue 13.1: a birth date rendered as 14-05-1946 was erased by the next save).

Generic on purpose: the edit pages come from `naober.urls` (every route with /edit/ or settings/),
their forms are read from the HTML and posted back as Chromium would submit them, and every date
field that any app's ModelForm edits is filled first, so a new form or field is covered too.
"""

import datetime
import importlib
from pathlib import Path
from urllib.parse import urlencode

from django import forms
from django.apps import apps
from django.db import models
from django.test import Client

from tests.forms.htmlforms import forms_of
from tests.security.probes import community_path, fill, id_choices, page_routes

A_DATE = datetime.date(1946, 5, 14)
A_MOMENT = datetime.datetime(2026, 5, 14, 10, 30, tzinfo=datetime.UTC)


def model_forms():
    """Every ModelForm class defined in a `naober.<app>.forms` module."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("naober.") or not (Path(config.path) / "forms.py").exists():
            continue
        module = importlib.import_module(f"{config.name}.forms")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, forms.ModelForm)
                and value.__module__ == module.__name__
                and getattr(value._meta, "model", None) is not None
            ):
                found.append(value)
    return found


def fill_dates(community) -> int:
    """Give every empty date and time field that a ModelForm edits a value, in this community."""
    filled = 0
    for form_class in model_forms():
        model = form_class._meta.model
        path = community_path(model)
        if path is None:
            continue
        for name in form_class.base_fields:
            try:
                field = model._meta.get_field(name)
            except Exception:  # noqa: S112 (a form-only field)
                continue
            if isinstance(field, models.DateTimeField):
                value = A_MOMENT
            elif isinstance(field, models.DateField):
                value = A_DATE
            elif isinstance(field, models.TimeField):
                value = datetime.time(10, 30)
            else:
                continue
            filled += model.objects.filter(**{path: community, f"{name}__isnull": True}).update(
                **{name: value}
            )
    return filled


def edit_routes():
    return [
        (route, module)
        for route, module in page_routes()
        if route.startswith("c/") and ("/edit/" in route or route.endswith("settings/"))
    ]


def snapshot(html: str, url: str) -> list[list[tuple[str, str]]]:
    """The raw values of the page's own post forms (not the language switch or logout)."""
    return [
        [(c.name, c.value) for c in form.controls if c.name and c.name != "csrfmiddlewaretoken"]
        for form in forms_of(html)
        if form.method == "post" and form.action in ("", url)
    ]


def test_every_model_form_is_found_and_dates_get_filled(world):
    names = {f.__name__ for f in model_forms()}
    assert "PersonForm" in names or any("Person" in n for n in names)
    assert fill_dates(world.community) > 0


def test_saving_an_edit_page_untouched_keeps_every_field(world):
    fill_dates(world.community)
    client = Client()
    client.force_login(world.coordinator.user)
    walked, problems = [], []
    for route, module in edit_routes():
        for values in id_choices(route, module, world.community, variants=2):
            url = "/" + fill(route, {"slug": world.community.slug, **values})
            page = client.get(url)
            if page.status_code != 200:
                continue
            html = page.content.decode()
            before = snapshot(html, url)
            for form in forms_of(html):
                if form.method != "post" or form.action not in ("", url):
                    continue
                problems += [f"{url}: {bad}" for bad in form.invalid_values()]
                answer = client.post(
                    form.action or url,
                    urlencode(form.submission()),
                    content_type="application/x-www-form-urlencoded",
                )
                if answer.status_code not in (200, 302):
                    problems.append(f"{url}: saving answered {answer.status_code}")
                elif answer.status_code == 200 and 'class="errorlist' in answer.content.decode():
                    problems.append(f"{url}: saving untouched shows an error")
            after = snapshot(client.get(url).content.decode(), url)
            if after != before:
                changed = [
                    (b, a)
                    for old, new in zip(before, after, strict=False)
                    for b, a in zip(old, new, strict=False)
                    if b != a
                ]
                problems.append(f"{url}: changed by an untouched save: {changed[:5]}")
            walked.append(url)
    assert len({url.split("/")[3] for url in walked}) >= 3, walked
    assert not problems, "\n".join(problems)


def test_no_date_or_time_input_on_any_page_shows_a_value_the_browser_drops(world):
    """Every page a coordinator opens, every form (GET filters too, such as the summary period)."""
    fill_dates(world.community)
    client = Client()
    client.force_login(world.coordinator.user)
    problems, dated = [], 0
    for route, module in page_routes():
        if not route.startswith("c/"):
            continue
        for values in id_choices(route, module, world.community, variants=1):
            url = "/" + fill(route, {"slug": world.community.slug, **values})
            page = client.get(url)
            if page.status_code != 200 or "html" not in page.get("Content-Type", ""):
                continue
            for form in forms_of(page.content.decode()):
                dated += sum(c.type in ("date", "datetime-local", "time") for c in form.controls)
                problems += [f"{url}: {bad}" for bad in form.invalid_values()]
    assert dated > 5
    assert not problems, "\n".join(problems)


def test_the_summary_period_survives_its_own_submission(world):
    """The period filter posts back what it shows: the figures stay, no "required" error."""
    client = Client()
    client.force_login(world.coordinator.user)
    url = f"/c/{world.community.slug}/summary/"
    page = client.get(url).content.decode()
    (period,) = [
        f for f in forms_of(page) if f.method == "get" and any(c.type == "date" for c in f.controls)
    ]
    answer = client.get(url, dict(period.submission()))
    assert answer.status_code == 200
    assert 'class="errorlist' not in answer.content.decode()
