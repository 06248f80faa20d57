"""Cue lexicon: conjugations generated from roots and patterns, in the normalised spelling."""

from rasid.quotes.cues import forms_of, load_lexicon
from rasid.text.normalize import normalize


def _reading(word: str):
    return load_lexicon().lookup(normalize(word))


def test_qala_all_persons_genders_numbers():
    forms = forms_of("قال")
    for w in ("قال", "قالت", "يقول", "تقول", "قالوا", "قلن", "يقولون", "يقلن", "سيقول", "قالا"):
        assert normalize(w) in forms, w


def test_gender_and_number_features():
    assert _reading("قالت").gender == "f" and _reading("قالت").kind == "perf"
    assert _reading("تقول").gender == "f" and _reading("تقول").kind == "impf"
    assert _reading("قالوا").number == "pl"
    assert _reading("وأضافت").gender == "f"
    assert _reading("مضيفةً").gender == "f" and _reading("مضيفةً").kind == "ap"


def test_hal_participles_and_masdars():
    for w in ("مضيفاً", "مؤكداً", "لافتاً", "مشيراً", "قائلاً", "معتبرةً", "مستبعداً", "موضحةً"):
        r = _reading(w)
        assert r is not None and r.kind == "ap", w
    for w in ("قوله", "تأكيده", "بالقول", "قولها"):
        r = _reading(w)
        assert r is not None and r.kind == "masdar", w


def test_prefixes_and_diacritics():
    for w in ("وقال", "فأكد", "وشدّد", "شدَّد", "وأكّدت", "ولفتت", "ونفى", "ويرى", "ورأت"):
        assert _reading(w) is not None, w


def test_weak_roots_follow_their_class():
    assert {"نفي", "نفت", "ينفي", "نفوا"} <= forms_of("نفى")  # defective (ى folded to ي)
    assert {"رد", "ردت", "يرد", "ردوا"} <= forms_of("ردّ")  # geminate
    assert {"يصف", "وصفت"} <= forms_of("وصف")  # assimilated: و drops in the imperfect
    assert {"اتهم", "يتهم", "متهما"} <= forms_of("اتّهم")  # VIII with و assimilated to ت
    assert {"اشار", "يشير", "مشيرا"} <= forms_of("أشار")  # IV hollow
    assert {"استبعد", "يستبعد", "مستبعدا"} <= forms_of("استبعد")  # X


def test_function_words_are_not_cues():
    for w in ("بين", "مقر", "ردا", "بالإضافة", "بالتأكيد"):
        assert _reading(w) is None, w
