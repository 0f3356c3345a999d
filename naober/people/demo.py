"""Demo residents: believable Dutch names on real-sounding streets, a third of them offline."""

import hashlib
import random
import unicodedata

from django.contrib.auth import get_user_model

from naober.communities.models import Membership, Role
from naober.communities.roles import set_roles
from naober.people.models import Consent, ConsentMethod, ConsentPurpose, ContactChannel, Person
from naober.people.phone import normalise

FIRST_NAMES_F = [
    "Anna",
    "Maria",
    "Johanna",
    "Willemien",
    "Gerda",
    "Fatima",
    "Sanne",
    "Lotte",
    "Ria",
    "Truus",
    "Ayşe",
    "Noor",
    "Emma",
    "Joke",
    "Henny",
    "Marieke",
    "Ineke",
    "Yasmina",
    "Bep",
    "Greet",
    "Femke",
    "Esther",
    "Dina",
    "Hanneke",
]
FIRST_NAMES_M = [
    "Jan",
    "Henk",
    "Gerrit",
    "Piet",
    "Kees",
    "Mohamed",
    "Ahmet",
    "Bram",
    "Daan",
    "Wim",
    "Harm",
    "Roelof",
    "Jeroen",
    "Sem",
    "Klaas",
    "Berend",
    "Youssef",
    "Albert",
    "Egbert",
    "Lucas",
    "Tijmen",
    "Hendrik",
    "Mehmet",
    "Sjoerd",
]
LAST_NAMES = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "de Boer",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "Koster",
    "Huisman",
    "Postma",
    "Wolters",
    "Kuiper",
    "Veenstra",
    "Yılmaz",
    "El Amrani",
    "Hoekstra",
    "Zwiers",
    "Lubbers",
    "Oosting",
    "Kamphuis",
    "Nijenhuis",
    "Schuurman",
    "Boerman",
]
EXTRA_LANGUAGES = ["en", "de", "tr", "ar", "pl", "fy"]


def make_user(username: str, password: str = "demo", *, is_superuser: bool = False):  # noqa: S107
    """A login for a demo account; the password is reset so the README stays true."""
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(username=username)
    user.set_password(password)
    user.is_staff = user.is_superuser = is_superuser
    user.save()
    return user


def ascii_name(name: str) -> str:
    """'Ayşe' -> 'ayse': an email address the validators (and mail servers) accept."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def seed_residents(community, streets, rng: random.Random, count: int) -> list[Person]:
    """`count` residents spread over the streets; about a third does not use the internet."""
    people = []
    for number in range(count):
        female = rng.random() < 0.55
        first = rng.choice(FIRST_NAMES_F if female else FIRST_NAMES_M)
        street = rng.choice(streets)
        digital = rng.random() >= 0.34
        phone = f"06 {rng.randint(10000000, 99999999)}" if rng.random() < 0.9 else ""
        email = f"{ascii_name(first)}.{number}@voorbeeld.nl" if digital else ""
        address = f"{street.name} {rng.randint(1, 140)}"
        if digital:
            channel = ContactChannel.EMAIL if rng.random() < 0.6 else ContactChannel.SMS
        else:
            channel = ContactChannel.PHONE if phone else ContactChannel.LETTER
        if channel == ContactChannel.SMS and not phone:
            channel = ContactChannel.EMAIL
        languages = ["nl"] + ([rng.choice(EXTRA_LANGUAGES)] if rng.random() < 0.25 else [])
        people.append(
            Person(
                community=community,
                name=f"{first} {rng.choice(LAST_NAMES)}",
                phone=phone,
                phone_digits=normalise(phone),  # bulk_create skips Person.save()
                email=email,
                address=address,
                area=street,
                preferred_channel=channel,
                digital=digital,
                languages=languages,
                gender="female" if female else "male",
                vulnerable=not digital and rng.random() < 0.3,
            )
        )
    people = Person.objects.bulk_create(people)
    Membership.objects.bulk_create(
        Membership(person=p, role=Role.VOLUNTEER if i % 3 == 0 else Role.RESIDENT)
        for i, p in enumerate(people)
    )
    Consent.objects.bulk_create(
        Consent(
            person=p,
            purpose=purpose,
            granted=True,
            method=ConsentMethod.ONLINE if p.digital else ConsentMethod.SPOKEN,
        )
        for p in people
        for purpose in (ConsentPurpose.CONTACT, ConsentPurpose.MATCHING)
    )
    return people


def seed_account(
    community,
    username: str,
    name: str,
    roles: list[str],
    street,
    *,
    is_superuser: bool = False,
    by,
) -> Person:
    """A demo login with a person in the community holding these roles (idempotent).

    The roles are given through the roles service, by `by` (the seed's administrator). Each
    demo login has its own phone number, derived from the user name.
    """

    user = make_user(username, is_superuser=is_superuser)
    person, _ = Person.objects.get_or_create(
        community=community,
        user=user,
        defaults={
            "name": name,
            "email": f"{username}@voorbeeld.nl",
            "phone": demo_phone(username),
            "address": f"{street.name} 1",
            "area": street,
            "digital": True,
            "preferred_channel": ContactChannel.EMAIL,
            "languages": ["nl", "en"],
        },
    )
    current = list(person.memberships.values_list("role", flat=True))
    set_roles(by, person, list(dict.fromkeys([*current, *roles])))
    return person


def demo_phone(username: str) -> str:
    """A made-up mobile number of its own for each demo login (stable between runs)."""
    digits = int(hashlib.sha256(username.encode()).hexdigest(), 16) % 90_000_000 + 10_000_000
    return f"06 {digits}"
