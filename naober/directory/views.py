"""Pages of the social map: search, detail, editing, spreadsheet import and export."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from naober.base.pages import on_form
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.directory import csv_io, selectors, services
from naober.directory.forms import ImportForm, OrganisationForm, SearchForm, ServiceForm
from naober.people.models import LifeDomain


def _context(actor, **extra) -> dict:
    return {
        "community": actor.community,
        "actor": actor,
        "can_manage": actor.can(Action.MANAGE_DIRECTORY),
        **extra,
    }


@community_page(Action.VIEW_DIRECTORY)
def search(request, actor):
    form = SearchForm(request.GET or None, areas=selectors.area_choices(actor))
    searched = form.is_bound and form.is_valid()
    filters = form.cleaned_data if searched else {}
    organisations = selectors.organisation_search(
        actor,
        query=filters.get("q", ""),
        domain=filters.get("domain", ""),
        area=filters.get("area", ""),
    )[:100]
    return render(
        request,
        "directory/search.html",
        _context(
            actor,
            form=form,
            organisations=organisations,
            searched=searched,
            domain_labels=dict(LifeDomain.choices),
        ),
    )


@community_page(Action.VIEW_DIRECTORY)
def detail(request, actor, organisation_id):
    organisation = selectors.organisation_get(actor, organisation_id)
    return render(
        request,
        "directory/detail.html",
        _context(actor, organisation=organisation, domain_labels=dict(LifeDomain.choices)),
    )


@community_page(Action.MANAGE_DIRECTORY)
def edit(request, actor, organisation_id=None):
    organisation = None
    if organisation_id is not None:
        organisation = selectors.organisation_get(actor, organisation_id)
    form = OrganisationForm(request.POST or None, instance=organisation)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and on_form(
            form, lambda: services.save_organisation(actor, organisation, form.cleaned_data)
        )
    )
    if saved:
        messages.success(request, _("The organisation has been saved."))
        return redirect("directory:detail", slug=actor.community.slug, organisation_id=saved.pk)
    return render(
        request,
        "directory/organisation_form.html",
        _context(actor, form=form, organisation=organisation),
    )


@community_page(Action.MANAGE_DIRECTORY)
def service_edit(request, actor, organisation_id, service_id=None):
    organisation = selectors.organisation_get(actor, organisation_id)
    service = None
    if service_id is not None:
        service = organisation.services.filter(pk=service_id).first()
        if service is None:
            raise Http404
    form = ServiceForm(request.POST or None, instance=service)
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(
            form,
            lambda: services.save_service(actor, organisation, service, form.cleaned_data),
        )
    ):
        messages.success(request, _("The service has been saved."))
        return redirect(
            "directory:detail", slug=actor.community.slug, organisation_id=organisation.pk
        )
    return render(
        request,
        "directory/service_form.html",
        _context(actor, form=form, organisation=organisation, service=service),
    )


@community_page(Action.MANAGE_DIRECTORY)
def import_csv(request, actor):
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > csv_io.MAX_BYTES:
            form.add_error("file", _("The file is too large: at most 1 MB."))
        else:
            report = services.import_organisations(
                actor, upload.read(), dry_run=form.cleaned_data["check_only"]
            )
            if not report.errors and not form.cleaned_data["check_only"]:
                messages.success(
                    request,
                    _("Imported: %(created)d new and %(updated)d updated organisations.")
                    % {"created": report.created, "updated": report.updated},
                )
                return redirect("directory:search", slug=actor.community.slug)
    return render(
        request,
        "directory/import.html",
        _context(
            actor,
            form=form,
            report=report,
            columns=";".join(header for header, _field in csv_io.COLUMNS),
        ),
    )


@community_page(Action.MANAGE_DIRECTORY)
def export_csv(request, actor):
    organisations = selectors.organisation_search(actor, include_inactive=True)
    response = HttpResponse(csv_io.export(organisations), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="sociale-kaart-{actor.community.slug}.csv"'
    )
    return response
