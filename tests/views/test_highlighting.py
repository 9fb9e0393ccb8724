"""The segment builder behind every highlighted sentence (no database)."""

from claims.selectors.highlights import Segment, Span, highlight_segments, segments_html, sentence_bounds


def test_spans_become_marked_segments_in_order():
    text = "Kyiv said 17 drones fell."
    segments = highlight_segments(text, [Span(10, 24, "content"), Span(0, 4, "source"), Span(5, 9, "cue")])
    assert segments == [Segment("Kyiv", "source"), Segment(" "), Segment("said", "cue"), Segment(" "),
                        Segment("17 drones fell", "content"), Segment(".")]


def test_the_most_specific_span_wins_where_spans_overlap():
    segments = highlight_segments("abcdef", [Span(0, 6, "content", 1), Span(2, 4, "content", 2)])
    assert [(s.text, s.claim_id) for s in segments] == [("ab", 1), ("cd", 2), ("ef", 1)]


def test_a_window_clips_spans():
    assert highlight_segments("one two three", [Span(0, 7, "source")], start=4, end=13) == [
        Segment("two", "source"), Segment(" three")]


def test_the_sentence_holding_the_claim_is_found_even_if_repeated():
    text = "He said no. He said no."
    assert sentence_bounds(text, "He said no.", 15) == (12, 23)
    assert sentence_bounds(text, "not there", 3) == (0, len(text))


def test_markup_escapes_the_text_and_adds_only_its_own_marks():
    segments = [Segment("<b>Kyiv</b>", "source"), Segment(' said "<script>"')]
    assert segments_html(segments) == (
        '<mark class="hl-source">&lt;b&gt;Kyiv&lt;/b&gt;</mark> said &quot;&lt;script&gt;&quot;')


def test_right_to_left_text_gets_its_direction_from_itself(editor_client):
    from tests.factories import AttributionFactory

    text = "قالت الوزارة إنها أسقطت 12 طائرة مسيرة."
    attribution = AttributionFactory(passage__text=text, sentence=text, source_start=None, source_end=None,
                                     cue_start=None, cue_end=None, content_start=0, content_end=len(text))
    queue = editor_client.get("/review/").content.decode()
    assert '<blockquote class="rc-sentence" dir="auto">' in queue
    page = editor_client.get(f"/claims/{attribution.claim_id}/").content.decode()
    assert '<h1 class="claim-text" dir="auto">' in page and '<p class="passage-text" dir="auto">' in page
    article = editor_client.get(f"/articles/{attribution.passage.article_id}/").content.decode()
    assert '<p class="passage-text" dir="auto">' in article
