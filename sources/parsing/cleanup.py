"""Keep what is not the article out of its paragraphs: the repeated headline, teasers ("Read
more: ..."), credit lines, prompts, captions and lone datelines. Patterns describe the shape of
a line, not one site's wording, and match whole short lines only: a sentence of the story that
merely mentions "reporting" is never dropped. The raw HTML keeps everything."""

import re
from collections.abc import Iterable

HEADLINE_WITHIN = 3  # the headline repeated in the text comes first, after at most a label or two
KICKER_WORDS = 4
LINK_WORDS = 4  # a link's text cut out of a sentence ("Imran Khan")
SHORT_LINE = 160  # teasers, prompts and credits are short; a paragraph longer than this is the story

# Whole lines that are never the article (matched case-insensitively against a short line).
_BOILERPLATE = re.compile(
    r"""^(?:
        [-–•*\[(]*\s*(?:read|see|watch|listen|related|recommended|more|also\ read|read\ also|read\ next)\b[^:]{0,20}:.*  # Read more: ...
      | \[?(?:read|related|watch):?\s.*\]  # [Read: ...]
      | don[’']?t\ miss\b.*
      | (?:additional\ )?(?:reporting|writing|editing|compiled|produced|graphics|research)\ by\b.*;.*\ by\b.*  # Reporting by X; Editing by Y
      | (?:with\ )?(?:additional\ )?reporting\ by\b.*
      | with\ (?:files|reports)\ from\b.*
      | .*contributed\ to\ this\ report\.?
      | our\ standards:.*
      | click\ here\b.*
      | .*\bget\ the\ [\w\s]{1,30}\ app\b.*
      | join\ (?:our|the)\ (?:commenting\ forum|conversation|discussion)\b.*
      | join\ thought-provoking\ conversations\b.*
      | show\ (?:all|more)(?:\ \d+)?
      | -?\s*\d*\s*comments?
      | advertisement
      | story\ continues\ below.*
      | continue\ reading(?:\ the\ main\ story)?
      | sign\ up\b.*\bnewsletter\b.*
      | [-–•*]?\s*(?:[\w’']+\ ){0,3}[\w’']+:\s.*\b(?:newsletter|sign\ up|live\ updates|tell\ us)\b.*  # "- Ground Game: Sign up for ..."
      | get\ (?:daily|weekly|breaking)\ [\w\s]{1,30}\ news
      | .*\bbreaking\ news?\ story\b.*more\ to\ follow\.?
      | \[[^\]]{3,150}\]  # a bracketed link to another story
      | -?\s*from\ the\ section\b.*
      | share\ (?:this|on)\b.*
      | copy\ link
      | (?:image|photo|picture|photograph|video)s?(?:\ (?:credit|source))?:.*
      | \((?:image|photo|picture|photograph)s?:[^)]*\)
      | _{2,}|-{3,}|\*{3,}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A list item that is only a date ("- 24 July 2015"): page furniture around the byline.
_DATE_ONLY = re.compile(
    r"^[-–•\s]*(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})$"
)
# A caption credit at the end of a line: "(Image: Getty Images)", "Photo: AP".
_TRAILING_CREDIT = re.compile(r"\s*\((?:image|photo|picture|photograph)s?:[^)]*\)\s*$", re.IGNORECASE)
# A dateline standing alone: "WASHINGTON —", "NEW DELHI:", "LA CROSSE, Wis. (AP) —".
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][\w.]{1,15}\.?)?(?:\s*\([A-Za-z]+\))?\s*[—–:-]$")
# A line that continues the previous one: a link cut the sentence ("Pakistan" / "'s army said ...").
_CONTINUATION = re.compile(r"^(?:[’']s\b|[,;:.)]|[a-z])")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")


def _normalised(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def is_boilerplate(line: str) -> bool:
    """True for a teaser, credit line, prompt, caption or other page furniture."""
    line = line.strip()
    if not line:
        return True
    if len(line) > SHORT_LINE:
        return False
    return bool(_BOILERPLATE.match(line) or _DATE_ONLY.match(line))


def strip_trailing_credit(line: str) -> str:
    return _TRAILING_CREDIT.sub("", line)


def clean_paragraphs(paragraphs: list[str], *, headlines: Iterable[str] = (), standfirst: str = "") -> list[str]:
    """The article's own paragraphs, in order: furniture dropped, a headline repeated at the top
    dropped (the title is kept on the article), a lone dateline joined to the paragraph it
    opens, a sentence cut by a link joined again, and the standfirst first when it was lost."""
    headlines = {_normalised(headline) for headline in headlines} - {""}
    cleaned: list[str] = []
    pending_dateline = ""
    for raw in paragraphs:
        line = strip_trailing_credit(raw.strip())
        if is_boilerplate(line):
            continue
        if len(cleaned) < HEADLINE_WITHIN and not pending_dateline and _normalised(line) in headlines:
            # A section label above the headline ("World") goes with it.
            cleaned = [kept for kept in cleaned if len(kept.split()) > KICKER_WORDS]
            continue
        if _DATELINE.match(line):
            pending_dateline = line
            continue
        if pending_dateline:
            line = f"{pending_dateline} {line}"
            pending_dateline = ""
        if cleaned and _CONTINUATION.match(line) and not _SENTENCE_END.search(cleaned[-1]):
            # "... without naming ousted PM" / "Imran Khan" / "’s party ...": the link text
            # between two halves of a sentence joins both. A space, as the page's text has.
            if len(cleaned) > 1 and len(cleaned[-1].split()) <= LINK_WORDS and not _SENTENCE_END.search(cleaned[-2]):
                cleaned[-2:] = [f"{cleaned[-2]} {cleaned[-1]}"]
            cleaned[-1] = f"{cleaned[-1]} {line}"
            continue
        cleaned.append(line)
    if standfirst and standfirst.strip():
        known = _normalised(" ".join(cleaned))
        if _normalised(standfirst) not in known and _normalised(standfirst) not in headlines:
            cleaned.insert(0, standfirst.strip())
    return cleaned
