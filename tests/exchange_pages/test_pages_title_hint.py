"""A request's title goes out to helpers (call-outs, proposals) and to neighbours: every form
where it is typed says so, so that nobody writes the asker's name or address in it."""

import pytest


@pytest.mark.parametrize(
    "who,path,hint",
    [
        ("resident", "/c/wijk/ask/", "Helpers lezen dit: zet er geen naam of adres in."),
        ("coordinator", "/c/wijk/requests/new/", "geen naam of adres van de persoon in"),
        ("coordinator", "/c/wijk/desk/intake/", "geen naam of adres van de beller in"),
    ],
)
def test_every_title_field_says_helpers_read_it(
    community, coordinator, resident, as_person, who, path, hint
):
    person = coordinator if who == "coordinator" else resident
    page = as_person(person).get(path, {"person": person.pk} if "intake" in path else {})
    assert hint in page.content.decode()
