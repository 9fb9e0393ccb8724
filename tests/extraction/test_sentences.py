"""Sentence splitting with offsets."""
from claims.extraction.sentences import split_sentences


def texts(text):
    sentences = split_sentences(text)
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    return [s.text for s in sentences]


def test_abbreviations_and_initials_do_not_end_sentences():
    assert texts("Gen. Ivo Marr met U.S. envoys. J. R. Hale said no.") == ["Gen. Ivo Marr met U.S. envoys.", "J. R. Hale said no."]


def test_quotes_and_question_marks():
    assert texts('"Is it over?" she asked. "Yes." He left.') == ['"Is it over?" she asked.', '"Yes."', "He left."]


def test_lines_are_sentences_and_bullets_are_stripped():
    assert texts("Headline without a stop\n\n• First point.\n- Second point.") == ["Headline without a stop", "First point.", "Second point."]


def test_designators_with_digits_do_not_split():
    assert texts("A Su-57 and an F-16 flew. Then 3.5 tonnes fell.") == ["A Su-57 and an F-16 flew.", "Then 3.5 tonnes fell."]


def test_sentences_inside_a_quotation_know_it():
    first, second = split_sentences('"We are ready. We will act," he said.')
    assert first.ends_inside_quote and second.opens_inside_quote
