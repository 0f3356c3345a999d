"""The four door forms. Each carries the signed start time (`started`, see guard.py); the honeypot
field is written by the template, outside the form, so that it never shows in an error summary."""

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.doors import guard


class DoorForm(forms.Form):
    door = ""
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = guard.issue(self.door)


def _text(label, *, max_length=200, required=True, help_text="", rows=0, **attrs):
    widget = forms.Textarea(attrs={"rows": rows, **attrs}) if rows else forms.TextInput(attrs=attrs)
    return forms.CharField(
        label=label, max_length=max_length, required=required, help_text=help_text, widget=widget
    )


class CallbackForm(DoorForm):
    door = "callback"
    name = _text(_("Your name"), max_length=120, autocomplete="name")
    phone = _text(
        _("Your phone number"), max_length=30, autocomplete="tel", inputmode="tel", type="tel"
    )
    when = _text(
        _("When can we call you best?"),
        required=False,
        help_text=_("For example: weekday mornings, or after 4 pm."),
    )


class ConcernForm(DoorForm):
    door = "concern"
    about = _text(
        _("Who are you worried about?"),
        required=False,
        help_text=_("A name, or the street and house number, if you know it."),
    )
    description = _text(_("What did you notice?"), max_length=3000, rows=5)
    name = _text(_("Your name"), max_length=120, required=False, autocomplete="name")
    contact = _text(
        _("How can we tell you what happened? (optional)"),
        required=False,
        help_text=_(
            "A phone number or e-mail address. Only the coordinators see who you are; we never "
            "tell the person you are worried about."
        ),
    )


class VolunteerForm(DoorForm):
    door = "volunteer"
    name = _text(_("Your name"), max_length=120, autocomplete="name")
    contact = _text(
        _("How can we reach you?"), help_text=_("A phone number, e-mail address or your address.")
    )
    likes = _text(
        _("What would you like to do?"),
        max_length=1000,
        rows=3,
        help_text=_("For example: shopping, a lift to the doctor, a cup of coffee and a chat."),
    )
    available = _text(
        _("When do you have time?"),
        required=False,
        help_text=_("For example: Tuesday afternoons, or now and then."),
    )


class TalentForm(DoorForm):
    door = "talent"
    name = _text(_("Your name"), max_length=120, autocomplete="name")
    good_at = _text(_("What are you good at?"), max_length=1000, rows=3)
    would_do = _text(
        _("What would you like to do for your neighbours?"),
        max_length=1000,
        rows=3,
        required=False,
    )
    contact = _text(
        _("How can we reach you?"), help_text=_("A phone number, e-mail address or your address.")
    )
    may_ask = forms.BooleanField(
        label=_("Yes, you may ask me when a neighbour needs this."), required=False
    )


class PaperTalentForm(TalentForm):
    """The same questions for a coordinator typing in a paper form: no start time needed."""
