"""Pages for setting a community up: creating it (platform administrators), its settings,
categories and areas. Thin: each page calls the services the API calls too."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from naober.accounts.views import invitation_letter
from naober.base.exports import csv_response
from naober.base.pages import on_form, page
from naober.communities import area_csv, selectors, services
from naober.communities.decorators import community_page
from naober.communities.models import Community, Role
from naober.communities.permissions import Action, grantable_roles
from naober.exchange import category_services
from naober.exchange.models import Category
from naober.setup import forms
from naober.setup.services import appoint_administrator, invite_member


def _platform_admin(request) -> None:
    if not request.user.is_superuser:
        raise PermissionDenied


# --- platform administrators ---------------------------------------------------------------------


@login_required
def community_create(request):
    """A platform administrator starts a community: short name, name, municipality."""
    _platform_admin(request)
    form = forms.CommunityForm(request.POST or None)
    community = (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.create_community(**form.cleaned_data, by=request.user))
    )
    if community:
        messages.success(request, _("The community has been created."))
        return redirect("setup_administrator", slug=community.slug)
    return render(request, "setup/community_create.html", {"form": form})


@login_required
def administrator_invite(request, slug):
    """Invite the first administrator: register them and send or print their code."""
    _platform_admin(request)
    community = Community.objects.filter(slug=slug).first()
    if community is None:
        raise Http404
    form = forms.AdministratorForm(request.POST or None, initial={"via": "letter"})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "via"}
        appointed = on_form(
            form,
            lambda: appoint_administrator(request.user, community, data, form.cleaned_data["via"]),
        )
        if appointed:
            person, issued = appointed
            return render(
                request,
                "setup/administrator_invited.html",
                {
                    "target": community,
                    "desk": selectors.desk(community),
                    "person": person,
                    "issued": issued,
                },
            )
    return render(request, "setup/administrator_form.html", {"form": form, "target": community})


# --- inviting a member --------------------------------------------------------------------------

# The roles this page offers, in the order an administrator looks for them; a resident is invited
# from the person's own page (most residents need no login at all).
INVITE_ROLES = (
    Role.COORDINATOR,
    Role.VOLUNTEER,
    Role.ADMIN,
    Role.CORE_GROUP,
    Role.PARTNER,
    Role.FUNDER,
)


@community_page(Action.INVITE_PEOPLE, hide=True)
def invite_member_page(request, actor):
    """Name, e-mail address, role and "send": a coordinator or volunteer invited in one step."""
    grantable = grantable_roles(actor.roles)
    roles = [(role, Role(role).label) for role in INVITE_ROLES if role in grantable]
    form = forms.InviteMemberForm(request.POST or None, roles=roles)
    done = (
        request.method == "POST"
        and form.is_valid()
        and on_form(
            form,
            lambda: invite_member(
                actor, form.person_data(), form.cleaned_data["role"], form.cleaned_data["via"]
            ),
        )
    )
    if done:
        person, issued = done
        if issued.invitation.via == "letter":
            return invitation_letter(request, actor, person, issued)
        messages.success(
            request,
            _("%(name)s has been registered as %(role)s and the invitation has been sent.")
            % {"name": person.name, "role": Role(form.cleaned_data["role"]).label},
        )
        return redirect("setup:invite", slug=actor.community.slug)
    return page(
        request,
        actor,
        "setup/invite_member.html",
        form=form,
        show_settings_nav=actor.can(Action.MANAGE_COMMUNITY),
    )


# --- settings ------------------------------------------------------------------------------------


@community_page(Action.MANAGE_COMMUNITY)
def settings_page(request, actor):
    community = actor.community
    initial = {field: getattr(community, field) for field in services.SETTINGS_FIELDS}
    points = selectors.desk(community).walk_in
    form = forms.SettingsForm(request.POST or None, initial=initial)
    walk_in = forms.WalkInFormSet(request.POST or None, initial=points, prefix="walk_in")
    if request.method == "POST" and form.is_valid() and walk_in.is_valid():
        rows = [row for row in walk_in.cleaned_data if row and any(row.values())]
        try:
            with transaction.atomic():
                services.update_settings(actor, **form.cleaned_data)
                services.set_walk_in_points(actor, rows)
        except ValidationError as error:
            _apply_settings_errors(form, walk_in, error)
        else:
            messages.success(request, _("The settings have been saved."))
            return redirect("setup:settings", slug=community.slug)
    return page(request, actor, "setup/settings.html", form=form, walk_in=walk_in)


def _apply_settings_errors(form, walk_in, error: ValidationError) -> None:
    """Field errors of the settings go to the form; those of a walk-in point to its row."""
    for key, texts in error.message_dict.items():
        if key.startswith("walk_in."):
            parts = key.split(".")
            row = walk_in.forms[int(parts[1])] if int(parts[1]) < len(walk_in.forms) else None
            if row is not None:
                row.add_error(parts[2] if len(parts) > 2 else None, texts)
            else:
                form.add_error(None, texts)
        else:
            form.add_error(key if key in form.fields else None, texts)


# --- categories ----------------------------------------------------------------------------------


@community_page(Action.MANAGE_COMMUNITY)
def categories_page(request, actor):
    form = forms.CategoryForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: category_services.create_category(actor, **form.cleaned_data))
    ):
        messages.success(request, _("The category has been added."))
        return redirect("setup:categories", slug=actor.community.slug)
    categories = Category.objects.filter(community=actor.community).order_by("position", "label")
    return page(request, actor, "setup/categories.html", form=form, categories=categories)


@community_page(Action.MANAGE_COMMUNITY)
def category_edit(request, actor, code):
    category = Category.objects.filter(community=actor.community, code=code).first()
    if category is None:
        raise Http404
    initial = {f: getattr(category, f) for f in ("label", "label_en", "kind", "in_scope", "active")}
    form = forms.CategoryEditForm(request.POST or None, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(
            form, lambda: category_services.change_category(actor, code, **form.cleaned_data)
        )
    ):
        messages.success(request, _("The category has been saved."))
        return redirect("setup:categories", slug=actor.community.slug)
    return page(request, actor, "setup/category_edit.html", form=form, category=category)


@require_POST
@community_page(Action.MANAGE_COMMUNITY)
def category_move(request, actor, code):
    steps = -1 if request.POST.get("direction") == "up" else 1
    category_services.move_category(actor, code, steps=steps)
    return redirect("setup:categories", slug=actor.community.slug)


# --- areas ---------------------------------------------------------------------------------------


@community_page(Action.MANAGE_COMMUNITY)
def areas_page(request, actor):
    tree = selectors.area_tree(actor.community)
    form = forms.AreaForm(request.POST or None, tree=tree)
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(
            form,
            lambda: services.create_area(
                actor, parent_id=form.cleaned_data["parent"], **_kind_name(form)
            ),
        )
    ):
        messages.success(request, _("The area has been added."))
        return redirect("setup:areas", slug=actor.community.slug)
    return page(
        request, actor, "setup/areas.html", tree=tree, form=form, import_form=forms.AreaImportForm()
    )


def _kind_name(form) -> dict:
    return {"kind": form.cleaned_data["kind"], "name": form.cleaned_data["name"]}


@community_page(Action.MANAGE_COMMUNITY)
def areas_import(request, actor):
    """Check a CSV first (dry run, nothing stored), then import it: all rows or none."""
    form = forms.AreaImportForm(request.POST or None, request.FILES or None)
    plan, text = None, ""
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("file")
        if upload is not None:
            if upload.size > area_csv.MAX_BYTES:
                form.add_error("file", _("The file is too large (at most 2 MB)."))
            else:
                text = area_csv.decode(upload.read())
        else:
            text = form.cleaned_data.get("text", "")
        if not form.errors:
            if not text.strip():
                form.add_error(None, _("Choose a file or paste the rows."))
            else:
                dry_run = request.POST.get("action") != "import"
                plan = services.import_areas(actor, text, dry_run=dry_run)
                if not dry_run and not plan.errors:
                    messages.success(
                        request,
                        ngettext(
                            "Imported: %(count)s new area.",
                            "Imported: %(count)s new areas.",
                            plan.created,
                        )
                        % {"count": plan.created},
                    )
                    return redirect("setup:areas", slug=actor.community.slug)
    form = forms.AreaImportForm(initial={"text": text}) if plan is not None else form
    return page(request, actor, "setup/areas_import.html", form=form, plan=plan, text=text)


@community_page(Action.MANAGE_COMMUNITY)
def areas_export(request, actor):
    header, rows = selectors.areas_export(actor.community)
    return csv_response(f"gebieden-{actor.community.slug}.csv", header, rows)
