"""Pages: my data (download, correct, erase), the same for staff on someone's behalf, audit log."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from naober.base.pages import paginate
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.privacy import erasure, readable, selectors, subject
from naober.privacy.forms import AuditFilterForm, EraseConfirmForm
from naober.privacy.models import AuditAction


def _data_page(request, actor, person):
    if request.GET.get("format") == "json":
        data = subject.export(actor, person)
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, indent=2),
            content_type="application/json; charset=utf-8",
        )
        filename = f"naober-{actor.community.slug}-{person.pk}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    subject.require_rights_over(actor, person)
    sections = subject.collect(person)
    subject.record_export(actor, person, sections, AuditAction.VIEW)
    return render(
        request,
        "privacy/my_data.html",
        {
            "community": actor.community,
            "actor": actor,
            "person": person,
            "is_self": actor.person.pk == person.pk,
            "can_edit": actor.can(Action.CHANGE_PERSON),
            "groups": readable.grouped(sections),
        },
    )


@community_page()
def my_data(request, actor):
    return _data_page(request, actor, selectors.subject(actor))


@community_page(Action.ACT_ON_PRIVACY_RIGHTS, hide=True)
def person_data(request, actor, person_id):
    return _data_page(request, actor, selectors.subject(actor, person_id))


def _erase_page(request, actor, person):
    is_self = actor.person.pk == person.pk
    form = EraseConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        erasure.erase(actor, person)
        if is_self:
            logout(request)
            messages.success(
                request, _("Your details have been removed. Thank you for taking part.")
            )
            return redirect("home")
        messages.success(request, _("The details of this person have been removed."))
        return redirect("people:list", slug=actor.community.slug)
    return render(
        request,
        "privacy/erase.html",
        {
            "community": actor.community,
            "actor": actor,
            "person": person,
            "form": form,
            "is_self": is_self,
        },
    )


@community_page()
def my_erase(request, actor):
    return _erase_page(request, actor, selectors.subject(actor))


@community_page(Action.ACT_ON_PRIVACY_RIGHTS, hide=True)
def person_erase(request, actor, person_id):
    return _erase_page(request, actor, selectors.subject(actor, person_id))


@community_page(Action.VIEW_AUDIT_LOG)
def audit_log(request, actor):
    form = AuditFilterForm(request.GET or None, people=selectors.audit_people(actor))
    filters = form.filters() if form.is_bound and form.is_valid() else {}
    page = paginate(request, selectors.audit_log(actor, **filters), 50)
    return render(
        request,
        "privacy/audit_log.html",
        {
            "community": actor.community,
            "actor": actor,
            "form": form,
            "page": page,
        },
    )
