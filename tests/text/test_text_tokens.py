"""Tokeniser: offsets, Arabic punctuation, clitic splitting."""

from rasid.text.tokens import split_clitics, tokenize

KNOWN = {"بروكسل", "روسيا"}.__contains__


def test_offsets_index_the_text() -> None:
    text = "قال مسؤول في حلف شمال الأطلسي (الناتو)، الثلاثاء، إن"
    for t in tokenize(text, offset=5):
        assert text[t.start - 5:t.end - 5] == t.text


def test_arabic_comma_and_question_mark_are_tokens() -> None:
    toks = [t.text for t in tokenize("وبروكسل، لماذا؟")]
    assert toks == ["وبروكسل", "،", "لماذا", "؟"]


def test_clitics_split_before_article_and_known_words() -> None:
    assert split_clitics("بالاتحاد") == "ب"
    assert split_clitics("للاتحاد") == "ل"
    assert split_clitics("وللحكومة") == "ول"
    assert split_clitics("وبروكسل", KNOWN) == "و"
    assert split_clitics("لروسيا", KNOWN) == "ل"


def test_words_that_only_start_with_clitic_letters_stay_whole() -> None:
    for w in ("فرنسا", "بريطانيا", "ليبيا", "وزير", "كندا", "الناتو"):
        assert split_clitics(w, KNOWN) == "", w


def test_clitic_tokens_have_their_own_offsets() -> None:
    text = "زار وبروكسل للاتحاد الأوروبي"
    toks = tokenize(text, clitics=True, known=KNOWN)
    assert [t.text for t in toks] == ["زار", "و", "بروكسل", "ل", "لاتحاد", "الأوروبي"]
    assert all(text[t.start:t.end] == t.text for t in toks)


def test_arabic_punctuation_never_inside_a_word_on_gold_texts() -> None:
    """The word pattern is a plain character class (no per-character lookahead): the Arabic
    comma, semicolon, question mark, percent and number signs still stand alone."""
    import json
    from pathlib import Path

    gold = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "dev.jsonl"
    marks = set("\u060c\u061b\u061f\u066a\u066b\u066c\u066d")
    seen = 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        toks = tokenize(text)
        assert all(text[t.start:t.end] == t.text for t in toks)
        for t in toks:
            if marks & set(t.text):
                assert len(t.text) == 1, t.text
                seen += 1
    assert seen > 50  # the gold texts use the Arabic comma throughout
