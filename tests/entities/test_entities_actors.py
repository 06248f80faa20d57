"""Actor codes by date: a person is coded by the role held on the publication date."""

from rasid.entities.actors import code_for, dominant_code, role_on
from rasid.entities.gazetteer import Entry, get_gazetteer

BORRELL = Entry(idx=0, kind="person", type="PER", name_en="Josep Borrell", code="ESP", sector="GOV",
                key="josep-borrell", forms=["جوزيب بوريل"], short=["بوريل"],
                roles=[{"title_en": "Spanish foreign minister", "code": "ESP", "sector": "GOV",
                        "from": "2018-06-07", "to": "2019-11-30"},
                       {"title_en": "EU High Representative", "code": "EU", "sector": "IGO",
                        "from": "2019-12-01", "to": "2024-11-30"}])


def test_role_valid_on_the_date() -> None:
    assert code_for(BORRELL, "2022-01-04") == ("EU", "IGO")
    assert code_for(BORRELL, "2019-01-10") == ("ESP", "GOV")


def test_fallback_to_own_code() -> None:
    assert code_for(BORRELL, "2010-05-01") == ("ESP", "GOV")
    assert code_for(BORRELL, None) == ("ESP", "GOV")
    assert role_on(BORRELL, "2030-01-01") is None


def test_dominant_code_ignores_igos() -> None:
    assert dominant_code(["NATO", "IRQ", "TUR", "IRQ", "EU", None]) == "IRQ"
    assert dominant_code(["NATO", "EU"]) is None


def test_people_file_codes_by_date_when_present() -> None:
    gz = get_gazetteer()
    people = {e.key: e for e in gz.entries if e.kind == "person"}
    if not people:
        return  # people.jsonl not written yet: nothing to check against
    for e in people.values():
        for r in e.roles:
            if r.get("from") and r.get("code"):
                day = str(r["from"])[:10]
                if len(day) == 10 and role_on(e, day) is not None:
                    assert code_for(e, day)[0] is not None
