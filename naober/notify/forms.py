"""Forms of the message pages. The limits match services.py, which checks them again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.notify.models import MessageStatus
from naober.notify.services import BODY_MAX, NOTE_MAX, SUBJECT_MAX
from naober.people.models import ContactChannel


class LogFilterForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Channel"),
        required=False,
        choices=[("", _("all channels")), *ContactChannel.choices],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("every status")), *MessageStatus.choices],
    )


class CustomMessageForm(forms.Form):
    subject = forms.CharField(
        label=_("Subject"),
        required=False,
        max_length=SUBJECT_MAX,
        help_text=_('Used for email and letters. Empty means: "A message for you".'),
    )
    body = forms.CharField(
        label=_("Message"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Write in plain words. A text message longer than 160 characters is sent in parts."
        ),
    )


class CallDoneForm(forms.Form):
    note = forms.CharField(
        label=_("How did it go? (optional)"), required=False, max_length=NOTE_MAX
    )
