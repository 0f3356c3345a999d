"""The one pager every list uses (core/includes/pager.html): its links keep the page's other
query values and change only the page, and a window without a total still reads well."""

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from naober.base.window import Window


def _render(page, path="/lijst/?q=jansen&page=2", **extra):
    request = RequestFactory().get(path)
    with translation.override("nl"):
        return render_to_string("core/includes/pager.html", {"page": page, **extra}, request)


def test_links_keep_the_search_and_change_only_the_page():
    html = _render(Paginator(range(30), 10).get_page(2))
    assert 'href="?q=jansen&amp;page=1"' in html and 'href="?q=jansen&amp;page=3"' in html
    assert "Pagina 2 van 3" in html and "Vorige pagina" in html and "Volgende pagina" in html


def test_own_words_for_the_links_and_the_nav():
    html = _render(
        Paginator(range(30), 10).get_page(2), previous="Nieuwere", next="Oudere", label="Lijst"
    )
    assert ">Nieuwere</a>" in html and ">Oudere</a>" in html and 'aria-label="Lijst"' in html


@pytest.mark.parametrize("number,has_next", [(1, True), (3, False)])
def test_a_window_without_a_total_says_only_its_number(number, has_next):
    html = _render(Window(items=[1], number=number, has_next=has_next))
    assert f"Pagina {number}</span>" in html and " van " not in html
    assert ("Volgende pagina" in html) == has_next and ("Vorige pagina" in html) == (number > 1)


def test_one_page_shows_no_pager():
    assert "<nav" not in _render(Paginator(range(3), 10).get_page(1))
    assert "<nav" not in _render(Window(items=[1], number=1, has_next=False))


def test_a_page_may_name_what_its_links_keep():
    """The workbench's default queue is whichever has work first; its pager names it."""
    from django.http import QueryDict

    html = _render(
        Paginator(range(30), 10).get_page(1), path="/werk/", pager_query=QueryDict("queue=new")
    )
    assert 'href="?queue=new&amp;page=2"' in html
