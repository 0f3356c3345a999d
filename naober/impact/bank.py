"""The statement bank: Dutch statements in the style of the COLLECTIEF survey (seed 004).

Residents read these, so they are stored in their own language like category labels. Answers are
on a five-point agree scale; results report the share that agrees (agree + strongly agree).
"""

from naober.impact.models import Statement

STATEMENTS = [
    ("contacts-new-people", "contacts", "Ik heb hier nieuwe mensen leren kennen."),
    ("contacts-chat", "contacts", "Ik maak vaker een praatje met mensen uit de buurt."),
    ("contacts-together", "contacts", "Ik doe vaker iets leuks met mensen uit de buurt."),
    ("connected-neighbourhood", "connectedness", "Ik voel me meer verbonden met de buurt."),
    ("connected-welcome", "connectedness", "Ik voel me meer welkom in de buurt."),
    ("support-know-who", "support", "Ik weet bij wie ik terecht kan als ik hulp nodig heb."),
    ("support-help-others", "support", "Ik help nu vaker anderen in de buurt."),
    ("support-ask-help", "support", "Ik vraag nu vaker hulp of advies aan mensen uit de buurt."),
    ("empower-matter", "empowerment", "Ik heb het gevoel dat ik ertoe doe."),
    ("empower-confidence", "empowerment", "Ik heb meer zelfvertrouwen gekregen."),
    ("empower-talent", "empowerment", "Ik kan hier mijn talenten laten zien."),
    ("live-pleasant", "liveability", "Ik woon met plezier in deze buurt."),
    ("live-clean", "liveability", "De buurt ziet er verzorgd uit."),
    ("cohesion-care", "cohesion", "Mensen in de buurt letten op elkaar."),
    ("cohesion-trust", "cohesion", "Ik vertrouw de mensen in mijn buurt."),
    ("lonely-less", "loneliness", "Ik voel me minder vaak alleen."),
    ("lonely-someone", "loneliness", "Er is iemand met wie ik kan praten als ik dat wil."),
    ("self-manage", "self_reliance", "Ik kan mijn dagelijkse dingen goed zelf regelen."),
    ("safety-evening", "safety", "Ik voel me veilig op straat in de buurt."),
    ("meaning-useful", "meaning", "Ik doe iets wat nuttig is voor anderen."),
]


def ensure_statement_bank(statement_model) -> None:
    """Create the bank's statements that are missing (idempotent; used by the migration)."""
    for code, theme, text in STATEMENTS:
        statement_model.objects.get_or_create(code=code, defaults={"theme": theme, "text": text})


def statement_bank():
    """The bank's statements, refilled first if rows went missing (a flushed test database, a
    fresh install that skipped the data migration): building a survey must always be possible."""
    if Statement.objects.count() < len(STATEMENTS):
        ensure_statement_bank(Statement)
    return Statement.objects.all()
