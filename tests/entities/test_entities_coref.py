"""Spelling variants and short names resolve to the listed person (own small gazetteer)."""

import json
from pathlib import Path

import pytest

from rasid.entities.coref import lookup_variant
from rasid.entities.gazetteer import build_gazetteer, get_gazetteer
from rasid.entities.stage import analyse

PEOPLE = [
    {"key": "jens-stoltenberg", "name_en": "Jens Stoltenberg", "forms": ["ينس ستولتنبرغ"],
     "short": ["ستولتنبرغ"], "code": "NOR", "sector": "GOV",
     "roles": [{"title_en": "NATO Secretary General", "code": "NATO", "sector": "IGO",
                "from": "2014-10-01", "to": "2024-10-01"}]},
    {"key": "antonio-guterres", "name_en": "António Guterres", "forms": ["أنطونيو غوتيريش"],
     "short": ["غوتيريش"], "code": "PRT", "sector": "GOV",
     "roles": [{"title_en": "UN Secretary-General", "code": "UN", "sector": "IGO", "from": "2017-01-01"}]},
    {"key": "josep-borrell", "name_en": "Josep Borrell", "forms": ["جوزيب بوريل"], "short": ["بوريل"],
     "code": "ESP", "sector": "GOV",
     "roles": [{"title_en": "EU High Representative", "code": "EU", "sector": "IGO",
                "from": "2019-12-01", "to": "2024-11-30"}]},
]


@pytest.fixture(scope="module")
def gz(tmp_path_factory: pytest.TempPathFactory):
    d = tmp_path_factory.mktemp("gz")
    (d / "people.jsonl").write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in PEOPLE), encoding="utf-8")
    src = Path(get_gazetteer().files and __import__("rasid.entities.gazetteer", fromlist=["DATA_DIR"]).DATA_DIR)
    if (src / "countries.jsonl").exists():
        (d / "countries.jsonl").write_text((src / "countries.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    return build_gazetteer(d)


def test_unlisted_spelling_variants_resolve(gz) -> None:
    assert lookup_variant("ينس ستولتنبرج", gz).key == "jens-stoltenberg"
    assert lookup_variant("ينس ستولتنبيرغ", gz).key == "jens-stoltenberg"
    assert lookup_variant("أنطونيو جوتيريس", gz).key == "antonio-guterres"
    assert lookup_variant("أنطونيو بانديراس", gz) is None


def test_lone_surname_needs_the_person_in_the_article(gz) -> None:
    idx = {e.key: e.idx for e in gz.entries}
    assert lookup_variant("ستولتنبرج", gz, allowed={idx["jens-stoltenberg"]}).key == "jens-stoltenberg"
    assert lookup_variant("ستولتنبرج", gz, allowed=set()) is None


def test_short_name_after_full_name_is_coded_by_date(gz) -> None:
    text = "ويتوجه وزير خارجية الاتحاد الأوروبي جوزيب بوريل إلى كييف. وشدد بوريل على الحوار."
    ents, _ = analyse(text, "2022-01-04", gz)
    per = [(e.text, e.code, e.source) for e in ents if e.type == "PER"]
    assert ("جوزيب بوريل", "EU", "gazetteer") in per
    assert ("بوريل", "EU", "coref") in per
