"""Quantities asserted in a sentence: counts, money, percentages, ranges, parts of a total.

Numbers that are not amounts are skipped: calendar dates, years, ages ("a 6-year-old boy"),
clock times, ordinals and designators glued to letters ("Su-57", "G20", "F-16").
"""
from __future__ import annotations

import re

from claims.extraction.types import ExtractedQuantity, Span
from sources.parsing.calendar_dates import find_calendar_dates

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
           "bn": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000, "k": 1_000}
# Number words as they appear, lower case or capitalised at a sentence start: a case-sensitive
# pattern is much faster than IGNORECASE.
_WORD = "|".join(
    f"[{word[0].upper()}{word[0]}]{word[1:]}"
    for word in sorted([*_UNITS, *_TENS, "hundred", "thousand", "million", "billion", "trillion"], key=len, reverse=True)
)
_CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "US$": "USD", "£": "GBP", "¥": "JPY", "₴": "UAH", "₽": "RUB"}
_CURRENCY_WORDS = {
    "euro": "EUR", "euros": "EUR", "eur": "EUR", "dollar": "USD", "dollars": "USD", "usd": "USD", "pound": "GBP",
    "pounds": "GBP", "rubles": "RUB", "roubles": "RUB", "hryvnias": "UAH", "hryvnia": "UAH", "yen": "JPY", "yuan": "CNY",
}
_APPROXIMATE = re.compile(
    r"(?:^|\b)(?P<qualifier>about|around|some|approximately|roughly|nearly|almost|at least|more than|over|up to|"
    r"fewer than|less than|as many as|an estimated|close to|upwards of|just over|just under|in excess of|"
    r"no fewer than|at most|under|only about|only around)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    rf"(?:(?P<currency>US\$|[€$£¥₴₽])\s?)?"
    rf"(?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?P<dozen>\b(?:[Aa]|[Hh]alf a|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix)\s+dozen\b)"
    rf"|(?P<half>\b[Hh]alf (?:a|one) (?:million|billion|trillion)\b)"
    rf"|(?P<words>\b(?:{_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{_WORD}))*\b))"
    rf"(?:[\s-]?(?P<scale>[Hh]undred|[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion|bn|mn)\b|(?<=\d)(?P<money_scale>m|k)\b)?"
    rf"(?P<percent>\s?%|\s(?:[Pp]ercent|[Pp]er [Cc]ent)\b)?",
)
_VAGUE_BEFORE = re.compile(r"\b(?:several|a few|many|few)\s+$", re.IGNORECASE)
_DENOMINATORS = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_FRACTION = re.compile(r"^[\s-](?P<denominator>halves|thirds?|quarters?|fifths?|tenths?)\b", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|to|and)\s*")
_AGE = re.compile(r"^(?:-|\s)?(?:year|month|week|day)s?-old\b|^\s+years?\s+old\b", re.IGNORECASE)
_TIME = re.compile(r"^(?::\d{2}|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|CET\b|CEST\b|local time\b|o'clock\b|hours?\s+GMT))", re.IGNORECASE)
_PART_OF = re.compile(r"^(?:\s+[\w'-]+){0,10}?,?\s+out of(?: a total of)?\s+$|^\s+of\s+$|^\s+out of\s+$", re.IGNORECASE)
_NOT_NOUNS = frozenset(
    "of in to the a an and or were was is are had have has from at on by with for who that which since over per "
    "its their his her this these those than as more less after before into across during between".split()
)
_CONVERSION = re.compile(r"^\s*\((?:about|around|roughly|some|approximately|nearly)?\s*(?:US\$|[€$£¥₴₽])[\d.,]+(?:\s?(?:million|billion|trillion|bn|mn))?\)")


def _word_value(words: str) -> float | None:
    total, current = 0, 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:
            return None
    return float(total + current)


def _counted_noun(after: str) -> tuple[str | None, int]:
    """The counted noun right after a number ("17 Russian drones" -> drones) and where it ends."""
    words = list(re.finditer(r"[A-Za-z][\w'’-]*", after[:60]))
    candidates = []
    for word in words[:4]:
        between = after[words[0].start() if candidates else 0 : word.start()]
        if re.search(r"[,.;:()\"“”]", between):
            break
        lower = word[0].lower()
        if lower in _NOT_NOUNS:
            break
        candidates.append(word)
        # "Two United States service members": a capitalised name before the noun is no counted noun.
        if lower.endswith("s") and not lower.endswith(("ss", "us", "'s", "’s")) and word[0][0].islower():
            return lower, word.end()
    for word in candidates:
        if word[0][0].islower():
            return word[0].lower(), word.end()
    return None, 0


def _skipped_spans(sentence: str) -> list[tuple[int, int]]:
    return [(start, end) for start, end, _, _ in find_calendar_dates(sentence)]


_DESIGNATOR = re.compile(
    r"\b(?:[Aa]rticle|[Ss]ection|[Cc]hapter|[Cc]lause|[Pp]aragraph|[Aa]mendment|[Rr]esolution|[Rr]ule|[Tt]itle|[Aa]nnex|"
    r"[Pp]rotocol|[Pp]roposition|[Hh]ighway|[Rr]oute|[Ii]nterstate|[Ff]light|[Gg]ate|[Pp]latform|[Rr]oom|[Cc]hannel|[Ll]evel|"
    r"[Cc]ategory|[Pp]hase|[Ss]tage|[Bb]ill|[Ll]ine|[Nn]o\.|[Nn]umber)\s+$"
)
_GLUED_UNIT = re.compile(r"(?:km|kg|mph|kmh|mm|cm|ft|mi|lbs?|kt|MW|GW|kW|ha|sq)\b")
_DIALLED = re.compile(r"\b(?:call|calls|called|calling|dial|dials|dialled|dialed|phoned|ring|rang)\s+$", re.IGNORECASE)  # "called 911"
_DIGIT = re.compile(r"\d")
_ORDINAL = re.compile(r"^(?:st|nd|rd|th)\b")
_ONE_AS_PRONOUN = re.compile(r"^\s+(?:would|could|should|can|cannot|may|might|must|will|of|another|day|thing|way|time|has|is|was|does|did)\b")
_YEAR_PREPOSITION = re.compile(r"\b(?:in|since|by|of|until|from|for|year)\s+$")
_LOWER_WORDS = re.compile(r"[a-z]+")
_BARE_COUNT_VERB = re.compile(r"\s+(?:were|was|are|is|had|have|has|of them)\b")
_NUMBER_WORDS = frozenset([*_UNITS, *_TENS, "hundred", "thousand", "million", "billion", "trillion", "dozen"])


def extract_quantities(sentence: str, offset: int = 0) -> tuple[ExtractedQuantity, ...]:
    """Quantities in sentence; spans are offsets into the passage (sentence starts at offset)."""
    if not _DIGIT.search(sentence) and _NUMBER_WORDS.isdisjoint(_LOWER_WORDS.findall(sentence.lower())):
        return ()
    skipped = _skipped_spans(sentence)
    found: list[dict] = []
    consumed_until = 0
    for match in _NUMBER.finditer(sentence):
        start, end = match.start(), match.end()
        if start < consumed_until or not match.group(0).strip():
            continue
        number_start = next(match.start(group) for group in ("digits", "words", "dozen", "half") if match[group])
        before = sentence[max(0, number_start - 1) : number_start]
        after = sentence[end:]
        if match["digits"] and (before.isalpha() or before == "-" and sentence[max(0, number_start - 2) : number_start - 1].isalpha()):
            continue  # Su-57, G20, F-16
        if match["digits"] and not match["currency"] and (_DESIGNATOR.search(sentence, max(0, number_start - 14), number_start)
                                                          or _DIALLED.search(sentence, max(0, number_start - 12), number_start)):
            continue  # "Article 5", "section 232", "Highway 61": a name, not an amount
        ordinal = _ORDINAL.match(after) if match["digits"] and not match["currency"] else None
        if ordinal and re.match(r"^\s+[A-Z]", after[ordinal.end():]):
            continue  # "the 1st Battalion", "the 3rd Army": a name
        if ordinal:
            end += ordinal.end()  # "the 10th victim" asserts ten
            after = sentence[end:]
        elif re.match(r"^[A-Za-z]", after) and not match["percent"] and not match["scale"] and not _GLUED_UNIT.match(after):
            continue  # identifiers such as 4WJLr; "1,200km" is a distance
        if match["digits"] and before == "-" and re.search(r"\b(?:19|20)\d\d-$", sentence[max(0, number_start - 5):number_start]):
            continue  # "2011-12", "2017-18": a span of years, not a number
        if match["words"] and not match["scale"] and re.match(r"^-[a-z]", after) and not _FRACTION.match(after):
            continue  # "zero-hours contracts", "one-sided": part of a compound word
        if match["words"] and match["words"].lower() == "one" and _ONE_AS_PRONOUN.match(after):
            continue  # "One would need a permit": a pronoun, not a count
        if _AGE.match(after) or _TIME.match(after):
            continue
        if match["digits"] and len(match["digits"]) <= 2 and sentence[max(0, start - 2) : start] == ", " and after.startswith(","):
            continue  # an age in apposition: "A woman, 64, said ..."
        if any(s <= number_start < e for s, e in skipped):
            continue
        if match["digits"]:
            raw = match["digits"].replace(",", "")
            value = float(raw)
            is_year_like = "," not in match["digits"] and "." not in raw and 1800 <= value <= 2100
            if is_year_like and not match["currency"] and not match["percent"]:
                noun, _ = _counted_noun(after)
                if not (noun and noun.endswith("s") and not _YEAR_PREPOSITION.search(sentence[max(0, start - 12) : start])):
                    continue
        elif match["dozen"]:
            how_many = match["dozen"].lower().split()[0]  # "a dozen", "half a dozen", "two dozen"
            value = 12.0 * (0.5 if how_many == "half" else _UNITS.get(how_many, 1))
        elif match["half"]:
            value = 0.5 * _SCALES[match["half"].split()[-1].lower()]  # "half a million"
        elif sentence[max(0, start - 3) : start].lower() == "no " or after.startswith(" another"):
            continue  # "no one", "one another"
        elif _VAGUE_BEFORE.search(sentence, 0, start) and match["words"].lower() in _SCALES:
            continue  # "several hundred paratroopers": no number is asserted
        else:
            value = _word_value(match["words"])
            if value is None:
                continue
            fraction = _FRACTION.match(after)
            if fraction:
                value /= _DENOMINATORS[fraction["denominator"].lower().rstrip("s")]  # "three-quarters" -> 0.75
                end += fraction.end()
                after = sentence[end:]
        if match["money_scale"] and not match["currency"]:
            continue  # "a 50m wall": metres, not millions
        scale = match["scale"] or match["money_scale"]
        if scale:
            value *= _SCALES[scale.lower()]
        unit = None
        if match["currency"]:
            unit = _CURRENCY_SYMBOLS.get(match["currency"])
        elif match["percent"]:
            unit = "%"
        end_text = end
        noun = None
        currency_word = re.match(r"^[\s-]+(\w+)", after)  # "50 billion euros", "a 50-billion-euro package"
        if unit is None and currency_word and currency_word[1].lower() in _CURRENCY_WORDS:
            unit = _CURRENCY_WORDS[currency_word[1].lower()]
            end_text = end + currency_word.end()
        value_max = None
        range_join = _RANGE_JOIN.match(sentence[end_text:])
        if range_join:
            second = _NUMBER.match(sentence, end_text + range_join.end())
            joined_by_and = range_join[0].strip() == "and"
            if second and second.group(0).strip() and (not joined_by_and or sentence[max(0, start - 8) : start].lower().endswith("between ")):
                second_value = float(second["digits"].replace(",", "")) if second["digits"] else _word_value(second["words"] or "")
                if second_value is not None:
                    if second["scale"]:
                        second_value *= _SCALES[second["scale"].lower()]
                    elif match["scale"]:
                        second_value *= _SCALES[match["scale"].lower()]
                    if second["scale"] and not scale and value * _SCALES[second["scale"].lower()] < second_value:
                        value *= _SCALES[second["scale"].lower()]  # "between 55 and 60 million tonnes": one scale for both
                    if second_value > value:
                        value_max = second_value
                        end_text = second.end()
                        if second["percent"] and unit is None:
                            unit = "%"  # "5 to 7 percent"
        conversion = _CONVERSION.match(sentence[end_text:])
        if conversion:
            end_text += conversion.end()
        if unit != "%":
            noun, noun_end = _counted_noun(sentence[end_text:])
            if noun:
                end_text += noun_end
        window = max(0, start - 25)
        qualifier_match = _APPROXIMATE.search(sentence[window:start])
        qualifier = qualifier_match["qualifier"].lower() if qualifier_match else None
        text_start = window + qualifier_match.start("qualifier") if qualifier_match else start
        consumed_until = end_text
        found.append(
            dict(value=value, value_max=value_max, total=None, unit=unit, noun=noun, approximate=qualifier is not None and qualifier != "only",
                 qualifier=qualifier, start=text_start, number_end=end, end=end_text)
        )
    for earlier, later in zip(found, found[1:]):
        # "40 drones, while Moscow says only 12 were launched": the bare number counts the same thing.
        if later["noun"] is None and later["unit"] is None and earlier["noun"] and _BARE_COUNT_VERB.match(sentence, later["end"]):
            later["noun"] = earlier["noun"]
    for part, whole in zip(found, found[1:]):
        if _PART_OF.match(sentence[part["number_end"] : whole["start"]] + " ") or _PART_OF.match(sentence[part["end"] : whole["start"]]):
            part["total"] = whole["value"]
            part["noun"] = part["noun"] or whole["noun"]
            whole["qualifier"] = whole["qualifier"] or "total"
    return tuple(
        ExtractedQuantity(
            value=q["value"], value_max=q["value_max"], total=q["total"], unit=q["unit"], noun=q["noun"],
            approximate=q["approximate"], qualifier=q["qualifier"], text=sentence[q["start"] : q["end"]].strip(),
            span=Span(offset + q["start"], offset + q["start"] + len(sentence[q["start"] : q["end"]].rstrip())),
        )
        for q in found
    )
