"""Store what the extractor finds in an article's passages as Claims, Attributions and Quantities.

Re-running is safe and cheap. An article is stored in one transaction, reading and writing each
kind of row once for all its passages; if that fails, its passages are stored one transaction
each, so a passage the database refuses leaves the others stored and the next run finishes the
rest. In a passage:

- an attribution of a claim that a person touched (reviewed, edited, gave a verdict, added
  evidence, confirmed or dismissed a link) is kept as it is, and whatever the extractor finds at
  the same place is not stored again;
- a machine-made attribution that the new extraction reproduces exactly is kept (same row);
- any other machine-made attribution is deleted, with its claim once no attribution is left,
  and the new extraction is stored in its place.

Old versions of edited posts keep their attributions: what was published then was asserted.

A new claim that the same actor already made around the same date, with the same quantities
and similar words, gets a new Attribution on the existing Claim instead of a duplicate.
"""

import logging
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache
from decimal import Decimal

from django.db import DatabaseError, connection, transaction
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils import timezone

from claims.extraction import (
    EXTRACTOR_VERSION, ExtractedClaim, Gazetteer, PassageExtraction, PassageText, extract_document, extracts_language,
)
from claims.extraction.languages import skip_reason
from claims.models import Assignment, Attribution, Claim, ClaimLink, Evidence, Note, Quantity, Verdict, Verification
from claims.services.claim_matching import QuantitySignature, SameClaimFinder, quantity_number, quantity_signature
from claims.services.extracted_actors import ActorResolver
from claims.services.gazetteer_sync import gazetteer_from_database
from sources.models import Article, Passage

logger = logging.getLogger(__name__)

# The fields that make an attribution what it is: when all are equal the stored row is kept.
_FINGERPRINT_FIELDS = (
    "actor_id", "via_id", "sentence", "source_mention", "cue", "source_start", "source_end", "cue_start",
    "cue_end", "content_start", "content_end", "asserted_on", "event_date", "event_time_text", "rule",
    "extractor_version",
)


_ACTOR_CLAIMS_LOCK_SPACE = 4004  # first key of this module's PostgreSQL advisory locks
_VALUE_FIELD = Quantity._meta.get_field("value")
_LARGEST_QUANTITY = Decimal(10) ** (_VALUE_FIELD.max_digits - _VALUE_FIELD.decimal_places)


def _max_length(model, name: str) -> int:
    return model._meta.get_field(name).max_length


@dataclass
class ExtractionStoreResult:
    passages: int = 0
    claims_created: int = 0
    attributions_created: int = 0
    attributions_kept: int = 0
    attributions_replaced: int = 0
    kept_for_people: int = 0  # extracted again where a person's work stands: not stored
    attached_to_existing: int = 0  # same claim seen before: a new attribution, no new claim
    links_suggested: int = 0
    invalid_skipped: int = 0
    skipped_language: int = 0  # the article's language is not one the extractor reads
    new_claim_ids: list[int] = field(default_factory=list)  # for alerts (claims.desk)

    def add(self, other: "ExtractionStoreResult") -> None:
        for one in fields(self):
            setattr(self, one.name, getattr(self, one.name) + getattr(other, one.name))


def claims_touched_by_people(claim_ids) -> set[int]:
    """Of these claims, the ones an editor or fact-checker has done anything with."""
    if not claim_ids:
        return set()  # a new article: building the query below would cost more than the rest of its store
    return {claim_id for (claim_id,) in _rows_for_ids(_touched_query, claim_ids)}


def _touched_query(claim_ids):
    people_links = ClaimLink.objects.filter(Q(from_claim=OuterRef("pk")) | Q(to_claim=OuterRef("pk"))).exclude(
        status=ClaimLink.Status.SUGGESTED
    )
    return (
        Claim.objects.order_by()
        .filter(pk__in=claim_ids)
        .filter(
            Q(human_touched=True)
            | ~Q(review_state=Claim.ReviewState.PENDING)
            | ~Q(verdict=Verdict.UNVERIFIED)
            | Exists(Verification.objects.filter(claim=OuterRef("pk")))
            | Exists(Evidence.objects.filter(claim=OuterRef("pk")))
            | Exists(people_links)
            | Exists(Note.objects.filter(claim=OuterRef("pk")))
            | Exists(Assignment.objects.filter(claim=OuterRef("pk")))
        )
        .values_list("pk")
    )


def _passages_lock_query(passage_ids):
    return Passage.objects.select_for_update().filter(pk__in=passage_ids).order_by("pk").values_list("pk")


def _claims_lock_query(claim_ids):
    return Claim.objects.select_for_update().filter(pk__in=claim_ids).order_by("pk").values_list("pk")


def _rows_for_ids(query_for_ids, ids) -> list[tuple]:
    """The rows of query_for_ids(ids), on the default connection (the store's transaction, which
    holds its locks there), from a statement built once per query and number of ids: building
    these ORM queries cost more than running them, for every article."""
    ids = list(ids)
    sql, params, id_positions = _statement_for_ids(query_for_ids, len(ids))
    params = list(params)
    for position, one in zip(id_positions, ids, strict=True):
        params[position] = one
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@lru_cache(maxsize=256)
def _statement_for_ids(query_for_ids, count: int) -> tuple[str, tuple, list[int]]:
    """Built with stand-in ids (negative: no row has one), whose places in the parameters the
    real ids then take."""
    stand_ins = [-1 - number for number in range(count)]
    sql, params = query_for_ids(stand_ins).query.sql_with_params()
    positions = [index for index, value in enumerate(params) if type(value) is int and value < 0]
    if [params[index] for index in positions] != stand_ins:
        raise RuntimeError(f"{query_for_ids.__name__}: each id must be one parameter, in order")
    return sql, params, positions


def passage_asserted_on(passage: Passage) -> date | None:
    published = passage.published_at or passage.article.published_at
    return timezone.localdate(published) if published else None


def article_claims_store(*, article: Article) -> ExtractionStoreResult:
    """Extract and store the claims of every current passage of the article, then mark it extracted.

    The article is stored in one transaction (a dozen queries, whatever its length). If that fails,
    its passages are stored again one transaction each, so a fault in one passage (a row the
    database refuses) still leaves the others stored and the next run finishes the rest."""
    if not extracts_language(article.language):
        # Until the extractor reads the language, say so on the article rather than store nothing silently.
        now = timezone.now()
        Article.objects.filter(pk=article.pk).exclude(status=Article.Status.DUPLICATE).update(
            status=Article.Status.SKIPPED, last_error=skip_reason(article.language), last_error_at=now,
            extracted_at=now, extractor_version=EXTRACTOR_VERSION, updated_at=now,
        )
        return ExtractionStoreResult(skipped_language=1)
    gazetteer = gazetteer_from_database()
    publisher = _publisher(article, gazetteer)
    # The related manager hands each passage this same article: no join, no copy of its raw HTML per passage.
    passages = list(article.passages.current().order_by("position", "pk"))
    # Extraction is pure computation on text that never changes: it needs no transaction. An article is read
    # as one discourse ("he said" refers back across paragraphs), a live blog post by post, as extract_claims does.
    document = extract_document(
        [PassageText(p.text, p.heading or None, passage_asserted_on(p)) for p in passages],
        title=article.title, is_live_blog=article.is_live_blog, gazetteer=gazetteer, publisher=publisher,
    )
    extracted = list(zip(passages, document.passages, strict=True))
    # Actors are found or created (each committed at once) before any transaction, so a rolled
    # back attempt never leaves the resolver holding an actor the database no longer has.
    actors = ActorResolver()
    actors.resolve_all(
        actor for _, extraction in extracted for claim in extraction.claims for actor in (claim.actor, claim.via)
    )
    try:
        total = _passages_claims_store(extracted, actors=actors)
    except DatabaseError:
        if len(extracted) < 2:
            raise
        logger.warning("article %s: storing it whole failed; storing passage by passage", article.pk, exc_info=True)
        total = ExtractionStoreResult()
        for one in extracted:
            total.add(_passages_claims_store([one], actors=actors))
    now = timezone.now()
    Article.objects.filter(pk=article.pk).exclude(status=Article.Status.DUPLICATE).update(
        status=Article.Status.EXTRACTED, extracted_at=now, extractor_version=EXTRACTOR_VERSION, updated_at=now
    )
    return total


def articles_claim_stale_extractions(*, limit: int) -> list[int]:
    """Articles extracted (or skipped) by an older extractor version, newest first, put back to "split" (waiting
    for extraction). The conditional update claims them: two beats never queue one twice."""
    # A skipped article is tried again too: a newer extractor may read its language.
    done = (Article.Status.EXTRACTED, Article.Status.SKIPPED)
    candidates = list(
        Article.objects.filter(status__in=done)
        .exclude(extractor_version=EXTRACTOR_VERSION)
        .order_by("-published_at", "-id")
        .values_list("pk", flat=True)[:limit]
    )
    claimed = []
    for article_id in candidates:
        if Article.objects.filter(pk=article_id, status__in=done).exclude(
            extractor_version=EXTRACTOR_VERSION
        ).update(status=Article.Status.SPLIT, updated_at=timezone.now()):
            claimed.append(article_id)
    return claimed


@dataclass
class _NewAttribution:
    """An extracted claim to store: its attribution (its claim decided later) and quantities."""

    index: int  # in the passage's extraction
    extracted: ExtractedClaim
    attribution: Attribution
    quantities: list[Quantity]
    signature: QuantitySignature


@dataclass
class _PassageWork:
    """One passage's decisions: what is kept, what goes, what is new."""

    passage: Passage
    extraction: PassageExtraction
    claim_at: dict[int, Claim]  # index of the extracted claim -> its claim
    to_store: list["_NewAttribution"]
    replaced: list[Attribution]
    kept_places: set


@transaction.atomic
def _passages_claims_store(
    extracted: list[tuple[Passage, PassageExtraction]], *, actors: ActorResolver
) -> ExtractionStoreResult:
    """Store the extractions of these passages in one transaction, reading and writing each kind
    of row once for all of them."""
    result = ExtractionStoreResult(passages=len(extracted))
    if not extracted:
        return result
    passage_ids = [passage.pk for passage, _ in extracted]
    # The lock makes two runs over the same passages take turns; the second then changes nothing.
    _rows_for_ids(_passages_lock_query, passage_ids)
    existing_by_passage: dict[int, list[Attribution]] = {}
    for attribution in Attribution.objects.filter(passage_id__in=passage_ids).select_related("claim").order_by("pk"):
        existing_by_passage.setdefault(attribution.passage_id, []).append(attribution)
    existing_claim_ids = {attribution.claim_id for rows in existing_by_passage.values() for attribution in rows}
    # Lock their claims before asking which a person touched: an editor's accept (or a verdict,
    # evidence, a link) either committed before and is seen, or waits for this transaction.
    # Read without the lock, a claim accepted in between was deleted as machine-made.
    if existing_claim_ids:
        _rows_for_ids(_claims_lock_query, existing_claim_ids)
    touched = claims_touched_by_people(existing_claim_ids)
    work = [
        _passage_decide(passage, extraction, existing_by_passage.get(passage.pk, []), touched, actors, result)
        for passage, extraction in extracted
    ]

    replaced = [attribution for one in work for attribution in one.replaced]
    _attributions_delete(replaced)
    result.attributions_replaced = len(replaced)

    to_store = [item for one in work for item in one.to_store]
    result.new_claim_ids = _store_new(work)
    result.claims_created = len(result.new_claim_ids)
    result.attributions_created = len(to_store)
    result.attached_to_existing = len(to_store) - result.claims_created
    result.links_suggested = _contradictions_suggest(
        (one.claim_at.get(first), one.claim_at.get(second))
        for one in work for first, second in one.extraction.contradictions
    )
    return result


def _passage_decide(
    passage: Passage, extraction: PassageExtraction, existing: list[Attribution], touched: set[int],
    actors: ActorResolver, result: ExtractionStoreResult,
) -> _PassageWork:
    """Decide for each extracted claim: a person's claim stands there, an identical row exists, or new."""
    asserted_on = passage_asserted_on(passage)
    for_people = [attribution for attribution in existing if attribution.claim_id in touched]
    machine_made: dict[tuple, list[Attribution]] = {}
    for attribution in existing:
        if attribution.claim_id not in touched:
            machine_made.setdefault(_fingerprint(attribution), []).append(attribution)

    claim_at: dict[int, Claim] = {}
    to_store: list[_NewAttribution] = []
    for index, extracted in enumerate(extraction.claims):
        if not _is_storable(extracted, passage):
            logger.warning("passage %s: extracted claim with bad span or no text skipped (%s)", passage.pk, extracted.rule)
            result.invalid_skipped += 1
            continue
        person_claim = _overlapping(for_people, extracted)
        if person_claim is not None:
            claim_at[index] = person_claim
            result.kept_for_people += 1
            continue
        attribution = _attribution_for(extracted, passage=passage, asserted_on=asserted_on, actors=actors)
        same = machine_made.get(_fingerprint(attribution))
        if same:
            claim_at[index] = same.pop().claim
            result.attributions_kept += 1
        else:
            quantities = _quantities_for(extracted)
            to_store.append(_NewAttribution(index, extracted, attribution, quantities, quantity_signature(quantities)))

    replaced = [attribution for rows in machine_made.values() for attribution in rows]
    kept_places = {(a.claim_id, a.content_start) for a in existing} - {(a.claim_id, a.content_start) for a in replaced}
    return _PassageWork(passage, extraction, claim_at, to_store, replaced, kept_places)


def _store_new(work: list[_PassageWork]) -> list[int]:
    """Give each new attribution its claim (one we hold, one made earlier in these passages, or a
    new one), then write claims, quantities and attributions in three bulk inserts. Returns the
    ids of the new claims."""
    to_store = [item for one in work for item in one.to_store]
    _actors_lock({new.attribution.actor_id for new in to_store if new.attribution.actor_id})
    # Only an attribution with an actor and a date can repeat a claim (SameClaimFinder.find).
    matchable = [new for new in to_store if new.attribution.actor_id and new.attribution.asserted_on]
    finder = SameClaimFinder(
        actor_ids={new.attribution.actor_id for new in matchable},
        dates={new.attribution.asserted_on for new in matchable},
        signatures={new.signature for new in matchable},
    )
    new_claims: list[Claim] = []
    new_quantities: list[Quantity] = []
    attached: list[tuple[Claim, Attribution]] = []
    for one in work:
        # A claim has one attribution per place in a passage; new claims have no id yet, so track objects.
        places = set(one.kept_places)
        for new in one.to_store:
            attribution, start = new.attribution, new.attribution.content_start
            claim = finder.find(
                actor_id=attribution.actor_id, asserted_on=attribution.asserted_on, text=new.extracted.text,
                quantities=new.signature, excluded=lambda candidate: (_claim_key(candidate), start) in places,
            )
            if claim is None:
                claim = _claim_new(new.extracted, attribution)
                new_claims.append(claim)
                for quantity in new.quantities:
                    quantity.claim = claim
                new_quantities.extend(new.quantities)
                finder.add(claim, new.signature)
            elif claim.pk:
                attached.append((claim, attribution))
            elif _asserted_earlier(attribution, claim):
                # Made in an earlier passage of this batch: it takes its first attribution's date.
                claim.asserted_on = attribution.asserted_on
            places.add((_claim_key(claim), start))
            attribution.claim = claim
            one.claim_at[new.index] = claim
    Claim.objects.bulk_create(new_claims)
    Quantity.objects.bulk_create(new_quantities)
    Attribution.objects.bulk_create([new.attribution for new in to_store])
    _claims_denormalise({claim.pk: claim for claim, attribution in attached if _asserted_earlier(attribution, claim)})
    return [claim.pk for claim in new_claims]


def _asserted_earlier(attribution: Attribution, claim: Claim) -> bool:
    return bool(attribution.asserted_on) and (claim.asserted_on is None or attribution.asserted_on < claim.asserted_on)


def _actors_lock(actor_ids: set[int]) -> None:
    """On PostgreSQL, one transaction at a time stores new claims of an actor, so two workers
    storing the same claim from two articles make one Claim. Taken in id order: no deadlock.
    (SQLite lets one writer in at a time anyway.)"""
    if connection.vendor != "postgresql" or not actor_ids:
        return
    with connection.cursor() as cursor:
        # One statement; unnest yields the sorted ids in order, so the locks are taken in order.
        cursor.execute(
            "SELECT pg_advisory_xact_lock(%s, actor_id) FROM unnest(%s::integer[]) AS actor_id",
            [_ACTOR_CLAIMS_LOCK_SPACE, sorted(actor_ids)],
        )


def _claim_key(claim: Claim) -> object:
    return claim.pk or ("unsaved", id(claim))


def _publisher(article: Article, gazetteer: Gazetteer) -> str:
    """The outlet's canonical gazetteer name: "told DW" in a DW article is first-hand, not relayed."""
    known = gazetteer.candidates(article.outlet.name)
    return known[0].name if known else article.outlet.name


def _is_storable(extracted: ExtractedClaim, passage: Passage) -> bool:
    length = len(passage.text)
    spans = [extracted.content_span, extracted.source_span, extracted.cue_span]
    return bool(extracted.text.strip()) and all(0 <= span.start < span.end <= length for span in spans if span)


def _overlapping(attributions: list[Attribution], extracted: ExtractedClaim) -> Claim | None:
    span = extracted.content_span
    for attribution in attributions:
        if attribution.content_start < span.end and span.start < attribution.content_end:
            return attribution.claim
    return None


def _fingerprint(attribution: Attribution) -> tuple:
    return tuple(getattr(attribution, name) for name in _FINGERPRINT_FIELDS)


def _clip(text: str | None, model, name: str) -> str:
    return (text or "")[: _max_length(model, name)]


def _attribution_for(
    extracted: ExtractedClaim, *, passage: Passage, asserted_on: date | None, actors: ActorResolver
) -> Attribution:
    """The attribution the extraction describes, not saved yet (its claim is decided later)."""
    source, cue = extracted.source_span, extracted.cue_span
    return Attribution(
        actor=actors.resolve(extracted.actor),
        via=actors.resolve(extracted.via),
        passage=passage,
        outlet_id=passage.article.outlet_id,
        sentence=extracted.sentence,
        source_mention=_clip(extracted.actor_mention, Attribution, "source_mention"),
        cue=_clip(extracted.cue, Attribution, "cue"),
        source_start=source.start if source else None,
        source_end=source.end if source else None,
        cue_start=cue.start if cue else None,
        cue_end=cue.end if cue else None,
        content_start=extracted.content_span.start,
        content_end=extracted.content_span.end,
        asserted_on=extracted.asserted_on or asserted_on,
        event_date=extracted.event_date,
        event_time_text=_clip(extracted.event_time_text, Attribution, "event_time_text"),
        rule=_clip(extracted.rule, Attribution, "rule"),
        extractor_version=EXTRACTOR_VERSION,
    )


def _claim_new(extracted: ExtractedClaim, attribution: Attribution) -> Claim:
    return Claim(
        text=extracted.text.strip(),
        kind=extracted.kind if extracted.kind in Claim.Kind.values else Claim.Kind.FACT,
        actor=attribution.actor,
        asserted_on=attribution.asserted_on,
        event_date=extracted.event_date,
        unverified_marker=extracted.unverified,
        rule=attribution.rule,
        extractor_version=EXTRACTOR_VERSION,
    )


def _fits(number: Decimal | None) -> bool:
    return number is None or (number.is_finite() and abs(number) < _LARGEST_QUANTITY)


def _quantities_for(extracted: ExtractedClaim) -> list[Quantity]:
    """The claim's quantities as rows; a number too large for the column is left out, not fatal."""
    rows = []
    for found in extracted.quantities:
        value = quantity_number(found.value)
        value_max, total = quantity_number(found.value_max), quantity_number(found.total)
        if value is None or not all(_fits(number) for number in (value, value_max, total)):
            continue
        rows.append(
            Quantity(
                value=value,
                # The table refuses a range end below the value or a part above its total; such a
                # reading is the extractor's mistake, and the value alone is still worth keeping.
                value_max=value_max if value_max is not None and value_max >= value else None,
                total=total if total is not None and total >= value else None,
                unit=_clip(found.unit, Quantity, "unit"),
                noun=_clip(found.noun, Quantity, "noun"),
                approximate=found.approximate,
                qualifier=_clip(found.qualifier, Quantity, "qualifier"),
                text=_clip(found.text, Quantity, "text"),
            )
        )
    return rows


def _attributions_delete(attributions: list[Attribution]) -> None:
    """Delete machine-made attributions; a claim left with none goes too, the others are re-denormalised."""
    if not attributions:
        return
    claim_ids = {attribution.claim_id for attribution in attributions}
    Attribution.objects.filter(pk__in=[attribution.pk for attribution in attributions]).delete()
    Claim.objects.filter(pk__in=claim_ids).filter(~Exists(Attribution.objects.filter(claim=OuterRef("pk")))).delete()
    _claims_denormalise({claim.pk: claim for claim in Claim.objects.filter(pk__in=claim_ids)})


def _claims_denormalise(claims: dict[int, Claim]) -> None:
    """Keep each untouched claim's actor and date those of its first attribution. Two reads for
    all of them (an article attaching to many claims used to cost three queries per claim)."""
    untouched = set(claims) - claims_touched_by_people(list(claims))
    if not untouched:
        return
    first = Attribution.objects.filter(claim=OuterRef("pk")).order_by(F("asserted_on").asc(nulls_last=True), "id")
    firsts = Attribution.objects.filter(
        pk__in=Claim.objects.filter(pk__in=untouched).values(first_id=Subquery(first.values("pk")[:1]))
    )
    for claim_id, actor_id, asserted_on in firsts.values_list("claim_id", "actor_id", "asserted_on"):
        claim = claims[claim_id]
        if (claim.actor_id, claim.asserted_on) != (actor_id, asserted_on):
            Claim.objects.filter(pk=claim_id).update(actor_id=actor_id, asserted_on=asserted_on, updated_at=timezone.now())


def _contradictions_suggest(pairs) -> int:
    """Suggest a contradicts link for each pair of claims the extractor found contradicting,
    unless one exists either way."""
    wanted = {}
    for a, b in pairs:
        if a is not None and b is not None and a.pk != b.pk:
            wanted.setdefault(frozenset((a.pk, b.pk)), (a, b))
    if not wanted:
        return 0
    ids = {pk for pair in wanted for pk in pair}
    existing = ClaimLink.objects.filter(kind=ClaimLink.Kind.CONTRADICTS, from_claim__in=ids, to_claim__in=ids)
    for pair in existing.values_list("from_claim_id", "to_claim_id"):
        wanted.pop(frozenset(pair), None)
    ClaimLink.objects.bulk_create(
        ClaimLink(from_claim=a, to_claim=b, kind=ClaimLink.Kind.CONTRADICTS, status=ClaimLink.Status.SUGGESTED)
        for a, b in wanted.values()
    )
    return len(wanted)
