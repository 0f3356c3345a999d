"""What the pages of every app share, each written once: rendering with the community, one page
of a long list, and running a service behind a form or a button so that a refusal reaches the
person in plain words.

A page's write goes `form.is_valid() and on_form(form, lambda: services.x(...))`, then the success
message and the redirect; a refusal leaves the form on the page with the reason.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import render

from naober.base.errors import DomainError, refusal
from naober.base.forms import apply_errors


def page(request, actor, template: str, **context):
    """Render `template` with the actor and their community, which every community page shows."""
    return render(request, template, {"community": actor.community, "actor": actor, **context})


def paginate(request, rows, per_page: int):
    """The page of `rows` that `?page=` asks for; a wrong or too high number gives the nearest
    page, never an error."""
    return Paginator(rows, per_page).get_page(request.GET.get("page"))


def on_form(form, call):
    """Run a service `call()` for a valid form and return what it returns, or True when that is
    empty (None, 0), so that a done write always reads as done. A refusal lands on the form
    instead (a field's error next to the field, any other at the top) and None is returned, so
    the page shows the form again with the reason."""
    try:
        result = call()
    except ValidationError as error:
        apply_errors(form, error)
    except DomainError as error:
        form.add_error(None, refusal(error))
    else:
        return result or True
    return None


def on_button(request, call):
    """Run a service `call()` behind a button and return what it returns, or True when that is
    empty. A refusal becomes the page's error message in plain words and None is returned."""
    try:
        result = call()
    except (ValidationError, DomainError) as error:
        messages.error(request, refusal(error))
    else:
        return result or True
    return None
