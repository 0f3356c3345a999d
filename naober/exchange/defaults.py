"""The help categories every new community starts with (seeds 001: BUUV, IJsselstein, Amsterdam).

Labels are the community's own Dutch words, with an English label for the English pages. The last
two are out of scope for neighbours: such a request becomes a referral to a professional.
"""

DEFAULT_CATEGORIES = [
    # code, Dutch label, English label, kind, in scope
    ("boodschappen", "Boodschappen", "Shopping", "practical", True),
    ("klussen", "Klussen in en om het huis", "Odd jobs in and around the house", "practical", True),
    ("tuin", "Tuin", "Garden", "practical", True),
    (
        "vervoer",
        "Vervoer en begeleiding (ziekenhuis, huisarts)",
        "Transport and going along (hospital, doctor)",
        "company",
        True,
    ),
    ("gezelschap", "Gezelschap en wandelen", "Company and walks", "company", True),
    ("oppas", "Oppas", "Babysitting", "practical", True),
    ("computer", "Computer en telefoon", "Computer and phone", "practical", True),
    ("formulieren", "Formulieren en post", "Forms and post", "practical", True),
    ("taalmaatje", "Taalmaatje", "Language buddy", "coaching", True),
    ("netwerkcoaching", "Netwerkcoaching", "Network coaching", "coaching", True),
    ("persoonlijke-verzorging", "Persoonlijke verzorging", "Personal care", "practical", False),
    ("huishoudelijke-hulp", "Huishoudelijke hulp", "Household help", "practical", False),
]
