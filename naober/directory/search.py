"""Dutch search keys for the social map, built with the Snowball Dutch stemmer.

A resident types "tuin" and expects the garden club that writes "tuinieren"; a coordinator types
"tuinieren" and expects the allotment association that only says "tuinen". Stems alone do not
bridge that ("tuin" vs "tuinier"), so a query stem matches a stored stem that contains it (also
inside Dutch compounds: "moestuin"), or a stored stem that is the start of the query stem.
The key is plain text, so the same query works on SQLite and PostgreSQL.
"""

import re
import unicodedata
from functools import reduce
from operator import and_, or_

import snowballstemmer
from django.db.models import Q

_stemmer = snowballstemmer.stemmer("dutch")
_WORD = re.compile(r"[a-z0-9]+")
# Shorter stems match far too much ("de", "en"); they are left out of keys and queries.
MIN_STEM = 3
# A stored stem must be at least this long to match as the start of a longer query stem.
MIN_PREFIX = 4
MAX_QUERY_WORDS = 8


def _words(text: str) -> list[str]:
    """Lower-case words without accents: "Coördinatie" and "coordinatie" are the same word."""
    plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return _WORD.findall(plain.lower())


def stems(text: str) -> list[str]:
    """The distinct Dutch stems of the words in `text`, in order of appearance."""
    found = dict.fromkeys(s for s in _stemmer.stemWords(_words(text)) if len(s) >= MIN_STEM)
    return list(found)


def search_key(*texts: str) -> str:
    """The stored key: stems separated by single spaces, with a space at both ends."""
    return " " + " ".join(stems(" ".join(t for t in texts if t))) + " "


def stem_filter(query: str, field: str = "search_stems") -> Q | None:
    """A filter requiring every query word to match the key; None when the query has no words."""
    words = stems(query)[:MAX_QUERY_WORDS]
    if not words:
        return None
    per_word = []
    for stem in words:
        options = [Q(**{f"{field}__contains": stem})]
        options += [
            Q(**{f"{field}__contains": f" {stem[:end]} "}) for end in range(MIN_PREFIX, len(stem))
        ]
        per_word.append(reduce(or_, options))
    return reduce(and_, per_word)
