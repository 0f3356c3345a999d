"""Forms of the reach settings: the community's rules (coordinator) and a helper's own limit.
Times render as ISO values (HH:MM), which the browser's time input accepts."""

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.reach.services import MAX_PER_WEEK


class SettingsForm(forms.Form):
    self_service = forms.BooleanField(
        label=_("Residents may send their own request out to fitting neighbours"), required=False
    )
    asks_per_week = forms.IntegerField(
        label=_("Ask one helper at most this often per week"),
        help_text=_("Helpers can set a lower number themselves."),
        min_value=1,
        max_value=MAX_PER_WEEK,
    )
    quiet_from = forms.TimeField(
        label=_("No text messages from"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    quiet_until = forms.TimeField(
        label=_("No text messages until"),
        help_text=_("A text message asked for in between is sent when the quiet hours end."),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )


class LimitForm(forms.Form):
    asks_per_week = forms.TypedChoiceField(
        label=_("How often may we ask you to help someone?"),
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, default: int, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            ("", _("As the neighbourhood decides (at most %(n)s times a week)") % {"n": default})
        ]
        choices += [(0, _("Never ask me for now"))]
        choices += [(n, _("At most %(n)s times a week") % {"n": n}) for n in (1, 2, 3, 5, 7)]
        self.fields["asks_per_week"].choices = choices
        self.fields["asks_per_week"].required = False
