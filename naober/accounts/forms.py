"""Forms of the login pages. Validation of content lives in the services; these shape input."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from naober.accounts.models import Via, Want


class InviteForm(forms.Form):
    via = forms.ChoiceField(
        label=_("How should the invitation reach this person?"), widget=forms.RadioSelect
    )

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        if person.email:
            choices.append(
                (Via.EMAIL, _("E-mail with a link to %(email)s") % {"email": person.email})
            )
        if person.phone:
            choices.append(
                (Via.SMS, _("Text message with a code to %(phone)s") % {"phone": person.phone})
            )
        choices.append((Via.LETTER, _("A letter to print, with a code and plain steps")))
        self.fields["via"].choices = choices
        self.fields["via"].initial = choices[0][0]


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 64)
        super().__init__(**kwargs)
        self.widget.attrs.update(
            autocomplete="one-time-code", autocapitalize="characters", spellcheck="false"
        )


class ActivateForm(forms.Form):
    code = CodeField(
        label=_("Your code"),
        help_text=_("From your letter, text message or e-mail, for example KD7P-3MXA."),
    )
    username = forms.CharField(
        label=_("Choose a user name"),
        max_length=150,
        help_text=_("For example your first name and a number. You need it every time you log in."),
    )
    password = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        max_length=1024,
        help_text=_("At least 8 characters, not only digits, and not too common."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(autocomplete="username")


class JoinForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.CharField(
        label=_("E-mail address"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Mobile number"),
        max_length=30,
        required=False,
        help_text=_(
            "Give an e-mail address or a mobile number (or both). We send you a code to check it."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    address = forms.CharField(
        label=_("Street and house number"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    wants = forms.MultipleChoiceField(
        label=_("What would you like to do?"),
        choices=Want.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    accept_house_rules = forms.BooleanField(label=_("I accept the house rules"), required=False)
    # A field people never see (hidden by CSS and from screen readers); robots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update(autocomplete="off", tabindex="-1")


class VerifyForm(forms.Form):
    code = CodeField(label=_("The code from your text message"))


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Why not? The person reads this."),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class LoginCodeRequestForm(forms.Form):
    identifier = forms.CharField(
        label=_("Your user name, e-mail address or mobile number"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )


class LoginCodeForm(forms.Form):
    code = CodeField(label=_("The code we sent you"), max_length=12)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(inputmode="numeric")


class NaoberPasswordResetForm(PasswordResetForm):
    """Django's reset form, also finding a login by the e-mail address of its Person.

    Logins made by an invitation keep their e-mail address on the Person; the link goes to the
    address that was typed, and only when it belongs to that login.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-mail address")

    def get_users(self, email):
        users = (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(email__iexact=email)
                | Q(people__email__iexact=email, people__erased_at__isnull=True)
            )
            .distinct()
        )
        return (user for user in users if user.has_usable_password())

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, **kw
    ):
        """To the address that was typed (it matched this login), not only to User.email."""
        super().send_mail(
            subject_template_name,
            email_template_name,
            context,
            from_email,
            self.cleaned_data["email"],
            **kw,
        )


class NaoberSetPasswordForm(SetPasswordForm):
    """Django's form to choose a new password, with plain labels."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("New password")
        self.fields["new_password1"].help_text = _(
            "At least 8 characters, not only digits, and not too common."
        )
        self.fields["new_password2"].label = _("Repeat the new password")
