"""Demo social map around Hoogeveen and Odoorn, with a few referrals in and out.

The organisations are typical of a Drents municipality; names, numbers and addresses are made up.
"""

import random

from naober.communities.models import Role
from naober.directory import search
from naober.directory.models import (
    Direction,
    Organisation,
    Referral,
    ReferralEvent,
    ReferralStatus,
    Service,
    Source,
)

# name, kind, what, for whom, phone, opening hours, life domains, [(service, description)]
ORGANISATIONS = [
    (
        "Welzijnsorganisatie De Kern",
        "welfare",
        "Ouderenadviseurs, buurtwerk en maatjesprojecten.",
        "Alle inwoners",
        "0528 200 200",
        "ma-vr 9-17 uur",
        ["contacts", "activities"],
        [
            ("Ouderenadvies", "Een adviseur komt bij u thuis voor een gesprek over wonen en zorg."),
            ("Maatjesproject", "Een vrijwilliger als maatje tegen eenzaamheid."),
        ],
    ),
    (
        "Huisartsenpraktijk Krakeel",
        "health",
        "Huisartsen, praktijkondersteuner en spreekuur.",
        "Patiënten van de praktijk",
        "0528 271 010",
        "ma-vr 8-17 uur",
        ["health"],
        [
            (
                "Welzijn op recept",
                "De huisarts verwijst naar een welzijnscoach voor twee gesprekken.",
            )
        ],
    ),
    (
        "Wmo-loket gemeente",
        "municipality",
        "Vragen over hulp thuis, hulpmiddelen en vervoer.",
        "Inwoners met een beperking of ouderdom",
        "14 0528",
        "ma-vr 9-12 uur",
        ["health", "lifestyle"],
        [("Keukentafelgesprek", "Een consulent bespreekt thuis wat u nodig heeft.")],
    ),
    (
        "Woningcorporatie Woonservice",
        "housing",
        "Huurwoningen, reparaties en woonbegeleiding.",
        "Huurders",
        "0528 290 290",
        "ma-vr 8-16 uur",
        ["surroundings"],
        [("Reparatieverzoek", "Melden van kapotte kranen, deuren en lekkages.")],
    ),
    (
        "Wijkagent Hoogeveen-Zuid",
        "police",
        "Aanspreekpunt voor veiligheid in de wijk.",
        "Alle inwoners",
        "0900 8844",
        "op afspraak",
        ["surroundings"],
        [],
    ),
    (
        "Thuiszorg Zorgzaam",
        "health",
        "Wijkverpleging, verzorging en huishoudelijke hulp.",
        "Wie thuis zorg nodig heeft",
        "0528 230 230",
        "dag en nacht bereikbaar",
        ["health"],
        [("Persoonlijke verzorging", "Hulp bij douchen en aankleden door de wijkverpleging.")],
    ),
    (
        "Voedselbank Hoogeveen",
        "volunteers",
        "Voedselpakketten voor huishoudens met weinig geld.",
        "Na verwijzing door een hulpverlener",
        "0528 261 261",
        "vr 13-16 uur",
        ["lifestyle"],
        [],
    ),
    (
        "Bibliotheek Hoogeveen",
        "other",
        "Boeken lenen, lezen en leren.",
        "Iedereen",
        "0528 260 260",
        "di-za 10-17 uur",
        ["activities", "lifestyle"],
        [
            ("Digitaal spreekuur", "Hulp met de computer, de telefoon, DigiD en e-mail."),
            ("Taalcafé", "Nederlands oefenen in een gezellige groep."),
        ],
    ),
    (
        "Ouderenbond KBO-PCOB",
        "association",
        "Activiteiten, belastinghulp en bezoek aan ouderen.",
        "Mensen van 50 jaar en ouder",
        "0528 212 212",
        "di 10-12 uur",
        ["contacts", "activities"],
        [("Belastingservice", "Hulp bij de belastingaangifte en toeslagen.")],
    ),
    (
        "Protestantse Gemeente Hoogeveen",
        "association",
        "Kerkdiensten, bezoekwerk en koffieochtend.",
        "Iedereen",
        "0528 220 220",
        "zo 10 uur, wo 10-12 uur koffie",
        ["contacts"],
        [],
    ),
    (
        "Sportvereniging HZVV",
        "association",
        "Voetbal, wandelvoetbal en bewegen voor ouderen.",
        "Jong en oud",
        "0528 263 263",
        "trainingen di en do",
        ["activities", "health"],
        [("Wandelvoetbal", "Rustig voetballen voor 60-plussers, elke donderdag.")],
    ),
    (
        "Taalhuis Hoogeveen",
        "welfare",
        "Beter leren lezen, schrijven en rekenen.",
        "Volwassenen die moeite hebben met taal",
        "0528 260 261",
        "wo 13-16 uur",
        ["lifestyle"],
        [],
    ),
    (
        "Schuldhulpverlening gemeente",
        "municipality",
        "Hulp bij schulden en geldzorgen.",
        "Inwoners met geldproblemen",
        "14 0528",
        "ma-vr 9-12 uur",
        ["lifestyle"],
        [
            (
                "Thuisadministratie",
                "Een vrijwilliger helpt de post en rekeningen op orde te brengen.",
            )
        ],
    ),
    (
        "Mantelzorgsteunpunt",
        "welfare",
        "Steun, advies en respijtzorg voor mantelzorgers.",
        "Mantelzorgers",
        "0528 200 210",
        "ma-do 9-16 uur",
        ["health", "contacts"],
        [("Mantelzorgcafé", "Lotgenoten ontmoeten bij een kop koffie.")],
    ),
    (
        "Tuinvereniging De Groene Vingers",
        "association",
        "Samen tuinieren in de volkstuinen.",
        "Iedereen met zin in buiten bezig zijn",
        "06 41 12 12 12",
        "za 9-12 uur",
        ["activities", "surroundings"],
        [("Moestuin voor beginners", "Leren tuinieren met hulp.")],
    ),
    (
        "Buurthuis De Schakel",
        "welfare",
        "Ontmoeting, eetgroep en activiteiten in de wijk.",
        "Buurtbewoners",
        "0528 280 280",
        "ma-vr 9-21 uur",
        ["contacts", "activities"],
        [("Buurtmaaltijd", "Elke woensdag samen eten voor vijf euro.")],
    ),
    (
        "Vrijwilligerscentrale",
        "volunteers",
        "Vrijwilligerswerk zoeken en vinden.",
        "Wie iets voor een ander wil doen",
        "0528 200 220",
        "ma-do 10-15 uur",
        ["activities"],
        [],
    ),
    (
        "Humanitas Thuisadministratie",
        "volunteers",
        "Vrijwilligers helpen bij de administratie.",
        "Huishoudens die het overzicht kwijt zijn",
        "06 22 33 44 55",
        "op afspraak",
        ["lifestyle"],
        [],
    ),
    (
        "GGD Drenthe",
        "health",
        "Gezondheid, vaccinaties en advies.",
        "Alle inwoners",
        "0592 306 300",
        "ma-vr 8-17 uur",
        ["health"],
        [],
    ),
    (
        "Dorpshuis Odoorn",
        "association",
        "Ontmoeting, koffie en activiteiten in het dorp.",
        "Inwoners van Odoorn",
        "0591 512 512",
        "ma-za 9-22 uur",
        ["contacts", "activities"],
        [],
    ),
    (
        "Huisartsenpraktijk Odoorn",
        "health",
        "Huisarts en praktijkondersteuner.",
        "Patiënten in Odoorn en Exloo",
        "0591 512 000",
        "ma-vr 8-17 uur",
        ["health"],
        [],
    ),
    (
        "Sociaal team Borger-Odoorn",
        "municipality",
        "Eén loket voor zorg, werk en inkomen.",
        "Inwoners van Borger-Odoorn",
        "0599 236 236",
        "ma-vr 9-12 uur",
        ["health", "lifestyle"],
        [],
    ),
    (
        "Welzijn Borger-Odoorn",
        "welfare",
        "Ouderenwerk, buurtbemiddeling en vrijwilligers.",
        "Alle inwoners",
        "0591 530 530",
        "ma-vr 9-16 uur",
        ["contacts", "surroundings"],
        [("Buurtbemiddeling", "Vrijwilligers helpen buren die ruzie hebben.")],
    ),
    (
        "Repair Café Odoorn",
        "volunteers",
        "Samen kapotte spullen repareren.",
        "Iedereen",
        "0591 512 100",
        "eerste zaterdag van de maand 10-13 uur",
        ["surroundings", "activities"],
        [],
    ),
    (
        "Zonnebloem afdeling Odoorn",
        "volunteers",
        "Bezoek en uitjes voor mensen met een beperking.",
        "Zieken en mensen met een beperking",
        "0591 512 200",
        "op afspraak",
        ["contacts"],
        [],
    ),
]


# Organisations that name a place belong on that municipality's social map only.
PLACES = {"Hoogeveen": ("Hoogeveen", "Krakeel", "HZVV"), "Borger-Odoorn": ("Odoorn",)}


def serves(name: str, municipality: str) -> bool:
    """False for an organisation that names a place of another municipality than this one."""
    return not any(
        any(place in name for place in places)
        for other, places in PLACES.items()
        if other != municipality
    )


def seed_directory(community, people, rng: random.Random) -> None:
    """About 25 organisations with services, plus a few referrals in and out with history."""
    place = community.municipality
    organisations = []
    local = [entry for entry in ORGANISATIONS if serves(entry[0], place)]
    for index, (name, kind, what, for_whom, phone, hours, domains, offers) in enumerate(local):
        slug = name.lower().replace(" ", "")[:20]
        org = Organisation.objects.create(
            community=community,
            name=name,
            kind=kind,
            description=what,
            for_whom=for_whom,
            where="Odoorn" if "Odoorn" in name else place,
            phone=phone,
            email=f"info@{slug}.nl",
            website=f"https://www.{slug}.nl",
            address=f"Hoofdstraat {index + 1}",
            opening_hours=hours,
            life_domains=domains,
        )
        texts = [name, what, for_whom]
        for service_name, description in offers:
            Service.objects.create(
                organisation=org,
                name=service_name,
                description=description,
                opening_hours=hours,
                life_domains=domains,
            )
            texts += [service_name, description]
        Organisation.objects.filter(pk=org.pk).update(search_stems=search.search_key(*texts))
        organisations.append(org)
    _seed_referrals(community, people, organisations, rng)


def _seed_referrals(community, people, organisations, rng: random.Random) -> None:
    staff = community.people.filter(memberships__role=Role.COORDINATOR).first()
    partner = community.people.filter(memberships__role=Role.PARTNER).first()
    if not people or staff is None:
        return
    flows = [
        (Direction.OUT, ReferralStatus.PROPOSED, None, "Wil hulp bij de belastingaangifte."),
        (Direction.OUT, ReferralStatus.SENT, 12, "Geldzorgen, wil graag hulp."),
        (Direction.OUT, ReferralStatus.COMPLETED, 13, "Mantelzorger die vastloopt."),
        (Direction.IN, ReferralStatus.SENT, None, "Eenzaam sinds het overlijden van haar man."),
        (Direction.IN, ReferralStatus.ACCEPTED, None, "Kan na een operatie niet winkelen."),
    ]
    path = [
        ReferralStatus.PROPOSED,
        ReferralStatus.SENT,
        ReferralStatus.ACCEPTED,
        ReferralStatus.COMPLETED,
    ]
    for direction, status, org_index, need in flows:
        referrer = partner if direction == Direction.IN and partner else staff
        referral = Referral.objects.create(
            community=community,
            direction=direction,
            person=rng.choice(people),
            organisation=organisations[org_index] if org_index is not None else None,
            source=Source.PARTNER if direction == Direction.IN else Source.COORDINATOR,
            referred_by=referrer,
            need=need,
            status=status,
            feedback="De bewoner is geholpen." if status == ReferralStatus.COMPLETED else "",
        )
        steps = path[(1 if direction == Direction.IN else 0) : path.index(status) + 1]
        previous = ""
        for step in steps:
            ReferralEvent.objects.create(
                referral=referral, actor=staff, from_status=previous, to_status=step
            )
            previous = step
