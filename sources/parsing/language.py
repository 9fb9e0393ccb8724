"""The language of a page that does not declare one, from its text: the script for the scripts one
language owns, else the share of each language's commonest function words. Deterministic and
small (a statistical model would load numpy into every worker for the few pages that need it);
"" when no language clearly wins, rather than a guess."""

import re
from collections import Counter

SAMPLE_WORDS = 1500
MIN_HITS = 8
MIN_LEAD = 1.5  # the winner needs this many times the runner-up's hits

FUNCTION_WORDS = {
    "en": "the of and to in is that for it was on with as his he by at are from this have be an not",
    "de": "der die und das ist nicht ein eine zu den von mit sich des auf für im dem auch es als wurde",
    "fr": "le la les de des et est un une du en que qui dans pour pas sur au avec il ce sont par",
    "es": "el la los las de del y en que es un una por con para se al no lo su como más fue",
    "it": "il la le di del della e che è un una per con non si sono nel alla gli dei da anche",
    "pt": "o a os as de do da dos das e que em um uma para com não se por no na mais foi",
    "nl": "de het een en van is dat in op te niet met voor zijn er aan ook als bij door werd",
    "sv": "och i att det som en på är av för med till den inte har de om ett var vid",
    "pl": "i w na z się nie do to że jest o jak od po przez dla ale czy jego tym",
    "tr": "ve bir bu da de için ile olarak çok daha olan gibi ama ne en kadar sonra",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke oleh ada",
}
_WORD_SETS = {language: frozenset(words.split()) for language, words in FUNCTION_WORDS.items()}
_WORD = re.compile(r"[^\W\d_]+")
# Scripts that name their language outright, checked in this order (kana before the Han it mixes with).
_UKRAINIAN_LETTERS = re.compile(r"[єіїґ]", re.IGNORECASE)  # Cyrillic letters Russian lacks
_SCRIPTS = (
    ("ru", re.compile(r"[а-яё]", re.IGNORECASE)),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
)
SCRIPT_SHARE = 0.3  # of the letters in the sample


def detect_language(text: str) -> str:
    """An ISO 639-1 code, or "" when the text is too short or too mixed to tell."""
    words = _WORD.findall(text)[:SAMPLE_WORDS]
    if not words:
        return ""
    letters = "".join(words)
    for language, script in _SCRIPTS:
        if len(script.findall(letters)) >= SCRIPT_SHARE * len(letters):
            if language == "ru" and len(_UKRAINIAN_LETTERS.findall(letters)) > 0.005 * len(letters):
                return "uk"
            return language
    hits = Counter()
    for word in words:
        lowered = word.lower()
        for language, function_words in _WORD_SETS.items():
            if lowered in function_words:
                hits[language] += 1
    ranked = hits.most_common(2)
    if not ranked or ranked[0][1] < MIN_HITS:
        return ""
    if len(ranked) > 1 and ranked[0][1] < MIN_LEAD * ranked[1][1]:
        return ""
    return ranked[0][0]
