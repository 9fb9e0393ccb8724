"""Alerts for new claims: subscribed saved searches and followed actors, matched as claims are stored.

Bounded time whatever the number of subscriptions: each subscription is compiled once (when it is
made or its query changes) into `criteria` and a few AlertKey rows, values a matching claim must
have (an actor, a word's lexeme, a counted noun, an outlet). Matching a batch of new claims reads
their facts (4 queries), the keys they have (1 indexed query), those keys' subscriptions (1) and
the followers of their actors (1), then checks each subscription's criteria in Python against
the claims that have its key: no query per subscription.

The criteria follow the search page's filters (claims.search.selectors.claims_matching). Text is
compared on PostgreSQL's lexemes of the claim's search document, so stemming and stop words
behave as in search; a quoted phrase needs its words, not their order. On SQLite, like the
search fallback, a term matches as a case-insensitive substring.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.http import QueryDict

from claims.desk.models import AlertKey, Follow, SearchSubscription
from claims.desk.services.notifications import NotificationInput, notifications_create
from claims.models import Attribution, Claim, Quantity, SavedSearch
from claims.search.forms import SearchForm
from claims.search.selectors import SEARCH_CONFIG, ClaimSearch, quantity_noun_forms
from claims.search.textquery import parse_websearch
from claims.selectors.actors import actor_with_descendants_ids


class InvalidSavedQuery(ValueError):
    pass


# ---- compiling a saved search ------------------------------------------------------------------

def _term_tokens(terms: list[str]) -> list[list[str]]:
    """Each term as what a claim's document must contain: its lexemes on PostgreSQL (none for a
    stop word, which search ignores too), the lower-cased term itself on SQLite."""
    if not settings.USING_POSTGRES:
        return [[term.lower()] for term in terms]
    if not terms:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ord, tsvector_to_array(to_tsvector(%s::regconfig, term)) FROM unnest(%s::text[]) WITH ORDINALITY AS t(term, ord)",
            [SEARCH_CONFIG, terms],
        )
        lexemes = dict(cursor.fetchall())
    return [sorted(lexemes[i + 1]) for i in range(len(terms))]


def search_criteria(search: ClaimSearch) -> dict:
    """The search as plain JSON for matching in Python."""
    text = None
    if search.text:
        parsed = parse_websearch(search.text)
        groups = [_term_tokens(list(group)) for group in parsed.groups]
        text = {
            # A group with a stop word in it always matches, as in search: drop it.
            "groups": [group for group in groups if all(group)],
            "excluded": [tokens for tokens in _term_tokens(list(parsed.excluded)) if tokens],
        }
    wants_quantity = search.has_quantity or search.noun or search.value_min is not None or search.value_max is not None
    return {
        "actor_ids": (actor_with_descendants_ids(search.actor) if search.include_children else [search.actor.pk]) if search.actor else None,
        "date_from": search.date_from.isoformat() if search.date_from else None,
        "date_to": search.date_to.isoformat() if search.date_to else None,
        "verdicts": list(search.verdicts) or None,
        "review_states": list(search.review_states) or None,
        "outlet_id": search.outlet.pk if search.outlet else None,
        "text": text,
        "quantity": {
            "nouns": quantity_noun_forms(search.noun) if search.noun else None,
            "min": str(search.value_min) if search.value_min is not None else None,
            "max": str(search.value_max) if search.value_max is not None else None,
        } if wants_quantity else None,
    }


def criteria_keys(criteria: dict) -> list[tuple[str, str]]:
    """The most selective set of values one of which every matching claim has."""
    if criteria["actor_ids"]:
        return [(AlertKey.Kind.ACTOR, str(pk)) for pk in criteria["actor_ids"]]
    text = criteria["text"]
    if text and text["groups"] and settings.USING_POSTGRES:
        # Every group must match and any term of it will do: a term's first lexeme is a key.
        return sorted({(AlertKey.Kind.LEXEME, tokens[0]) for tokens in text["groups"][0]})
    if criteria["quantity"] and criteria["quantity"]["nouns"]:
        return [(AlertKey.Kind.NOUN, noun) for noun in criteria["quantity"]["nouns"]]
    if criteria["outlet_id"]:
        return [(AlertKey.Kind.OUTLET, str(criteria["outlet_id"]))]
    return [(AlertKey.Kind.ANY, "")]


def saved_search_criteria(saved_search: SavedSearch) -> dict:
    form = SearchForm(QueryDict(saved_search.query))
    if not form.is_valid():
        raise InvalidSavedQuery(form.error_message())
    return search_criteria(form.search())


@transaction.atomic
def search_subscription_compile(*, subscription: SearchSubscription) -> None:
    """Store the subscription's criteria and keys from its saved search's current query."""
    criteria = saved_search_criteria(subscription.saved_search)
    subscription.criteria = criteria
    subscription.save(update_fields=["criteria"])
    subscription.keys.all().delete()
    AlertKey.objects.bulk_create(
        AlertKey(subscription=subscription, kind=kind, value=value) for kind, value in criteria_keys(criteria)
    )


# ---- matching new claims -----------------------------------------------------------------------

@dataclass
class ClaimFacts:
    pk: int
    text: str
    actor_id: int | None
    asserted_on: date | None
    verdict: str
    review_state: str
    actor_ids: set = field(default_factory=set)  # the claim's actor and every attribution's
    outlet_ids: set = field(default_factory=set)
    quantities: list = field(default_factory=list)  # (noun, value)
    document: set | str = ""  # lexemes (PostgreSQL) or lower-cased text and sentences (SQLite)


def claims_facts(claim_ids: list[int]) -> list[ClaimFacts]:
    facts = {
        row["pk"]: ClaimFacts(**row)
        for row in Claim.objects.filter(pk__in=claim_ids).exclude(review_state=Claim.ReviewState.REJECTED)
        .values("pk", "text", "actor_id", "asserted_on", "verdict", "review_state")
    }
    if not facts:
        return []
    sentences: dict[int, list[str]] = {}
    for claim_id, actor_id, outlet_id, sentence in Attribution.objects.filter(claim_id__in=facts).values_list(
        "claim_id", "actor_id", "outlet_id", "sentence"
    ):
        facts[claim_id].actor_ids.add(actor_id)
        facts[claim_id].outlet_ids.add(outlet_id)
        sentences.setdefault(claim_id, []).append(sentence)
    for claim_id, noun, value in Quantity.objects.filter(claim_id__in=facts).values_list("claim_id", "noun", "value"):
        facts[claim_id].quantities.append((noun, value))
    if settings.USING_POSTGRES:
        with connection.cursor() as cursor:
            cursor.execute("SELECT id, tsvector_to_array(search_vector) FROM claims_claim WHERE id = ANY(%s)", [list(facts)])
            for claim_id, lexemes in cursor.fetchall():
                facts[claim_id].document = set(lexemes or ())
    for one in facts.values():
        one.actor_ids.add(one.actor_id)
        one.actor_ids.discard(None)
        if not settings.USING_POSTGRES:
            one.document = " ".join([one.text, *sentences.get(one.pk, [])]).lower()
    return list(facts.values())


def _has_term(document, tokens: list[str]) -> bool:
    return all(token in document for token in tokens)


def _quantity_matches(wanted: dict, quantities: list) -> bool:
    low = Decimal(wanted["min"]) if wanted["min"] is not None else None
    high = Decimal(wanted["max"]) if wanted["max"] is not None else None
    return any(
        (wanted["nouns"] is None or noun in wanted["nouns"])
        and (low is None or value >= low) and (high is None or value <= high)
        for noun, value in quantities
    )


def criteria_match(criteria: dict, claim: ClaimFacts) -> bool:
    if criteria["actor_ids"] and claim.actor_id not in criteria["actor_ids"]:
        return False
    if criteria["date_from"] and (claim.asserted_on is None or claim.asserted_on.isoformat() < criteria["date_from"]):
        return False
    if criteria["date_to"] and (claim.asserted_on is None or claim.asserted_on.isoformat() > criteria["date_to"]):
        return False
    if criteria["verdicts"] and claim.verdict not in criteria["verdicts"]:
        return False
    if criteria["review_states"] and claim.review_state not in criteria["review_states"]:
        return False
    if criteria["outlet_id"] and criteria["outlet_id"] not in claim.outlet_ids:
        return False
    if criteria["quantity"] and not _quantity_matches(criteria["quantity"], claim.quantities):
        return False
    text = criteria["text"]
    if text:
        if not all(any(_has_term(claim.document, tokens) for tokens in group) for group in text["groups"]):
            return False
        if any(_has_term(claim.document, tokens) for tokens in text["excluded"]):
            return False
    return True


def _claims_by_key(facts: list[ClaimFacts]) -> dict[tuple[str, str], list[ClaimFacts]]:
    """Each key value the new claims have, with the claims that have it."""
    index: dict[tuple[str, str], list[ClaimFacts]] = {}
    for claim in facts:
        keys = {(AlertKey.Kind.ANY, "")}
        keys |= {(AlertKey.Kind.ACTOR, str(pk)) for pk in claim.actor_ids}
        keys |= {(AlertKey.Kind.NOUN, noun) for noun, _ in claim.quantities}
        keys |= {(AlertKey.Kind.OUTLET, str(pk)) for pk in claim.outlet_ids}
        if isinstance(claim.document, set):
            keys |= {(AlertKey.Kind.LEXEME, lexeme) for lexeme in claim.document}
        for key in keys:
            index.setdefault(key, []).append(claim)
    return index


def _key_filter(keys) -> Q:
    values_by_kind: dict[str, list[str]] = {}
    for kind, value in keys:
        values_by_kind.setdefault(kind, []).append(value)
    wanted = Q(pk__in=[])
    for kind, values in values_by_kind.items():
        wanted |= Q(kind=kind, value__in=sorted(values))
    return wanted


def _subscription_matches(facts: list[ClaimFacts]) -> tuple[list[NotificationInput], dict[int, list[int]]]:
    """Each subscription is checked only against the new claims that have one of its keys."""
    index = _claims_by_key(facts)
    to_check: dict[int, dict[int, ClaimFacts]] = {}
    for subscription_id, kind, value in AlertKey.objects.filter(_key_filter(index)).values_list("subscription_id", "kind", "value"):
        to_check.setdefault(subscription_id, {}).update((claim.pk, claim) for claim in index[(kind, value)])
    subscriptions = (
        SearchSubscription.objects.filter(pk__in=list(to_check), saved_search__user__is_active=True)
        .values_list("pk", "criteria", "webhook_url", "saved_search_id", "saved_search__name", "saved_search__user_id")
    )
    found, webhook_claims = [], {}
    for subscription_id, criteria, webhook_url, saved_search_id, name, user_id in subscriptions:
        for claim in to_check[subscription_id].values():
            if criteria and criteria_match(criteria, claim):
                found.append(NotificationInput(
                    recipient_id=user_id, kind="search_match", claim_id=claim.pk, saved_search_id=saved_search_id,
                    event_key=f"claim:{claim.pk}:new",
                    message=f"New claim for your saved search \u201c{name}\u201d: #{claim.pk} {claim.text[:250]}",
                ))
                if webhook_url:
                    webhook_claims.setdefault(subscription_id, []).append(claim.pk)
    return found, webhook_claims


def _follower_matches(facts: list[ClaimFacts]) -> list[NotificationInput]:
    by_actor: dict[int, list[ClaimFacts]] = {}
    for claim in facts:
        for actor_id in claim.actor_ids:
            by_actor.setdefault(actor_id, []).append(claim)
    follows = Follow.objects.filter(actor_id__in=by_actor, user__is_active=True).values_list("user_id", "actor_id", "actor__name")
    return [
        NotificationInput(recipient_id=user_id, kind="actor_claim", claim_id=claim.pk, event_key=f"claim:{claim.pk}:new",
                          message=f"New claim by {actor_name}, whom you follow: #{claim.pk} {claim.text[:250]}")
        for user_id, actor_id, actor_name in follows
        for claim in by_actor[actor_id]
    ]


def alerts_have_listeners() -> bool:
    """Whether anyone subscribed to a saved search or follows an actor: if not, nothing to match."""
    with connection.cursor() as cursor:
        cursor.execute(*_listeners_statement())
        return bool(cursor.fetchone()[0])


@cache
def _listeners_statement() -> tuple[str, tuple]:
    """alerts_have_listeners' one statement, built once per process: every article with new
    claims asks, and building the two ORM queries each time cost more than running them."""
    subscriptions, first = SearchSubscription.objects.order_by().values("id").query.sql_with_params()
    follows, second = Follow.objects.filter(actor__isnull=False).order_by().values("id").query.sql_with_params()
    return f"SELECT EXISTS ({subscriptions}) OR EXISTS ({follows})", first + second


@dataclass
class AlertMatches:
    notifications: list[NotificationInput]
    webhook_claims: dict[int, list[int]]  # subscription id -> claim ids, for subscriptions with a webhook


def claims_alert_matches(*, claim_ids: list[int]) -> AlertMatches:
    """What new claims should announce; reads only (the bench times this)."""
    facts = claims_facts(claim_ids)
    if not facts:
        return AlertMatches([], {})
    searches, webhook_claims = _subscription_matches(facts)
    # One notification per person and claim: a saved search's says more than a followed actor's.
    chosen: dict[tuple[int, int], NotificationInput] = {}
    for item in [*_follower_matches(facts), *searches]:
        chosen[(item.recipient_id, item.claim_id)] = item
    return AlertMatches(list(chosen.values()), webhook_claims)


def claims_alert(*, claim_ids: list[int]) -> AlertMatches:
    """Notify the people whose subscriptions and follows the new claims match; queue the webhooks."""
    from claims.desk.tasks import search_subscription_post_webhook  # the task module imports this one

    matches = claims_alert_matches(claim_ids=claim_ids)
    with transaction.atomic():
        notifications_create(matches.notifications)
        for subscription_id, ids in matches.webhook_claims.items():
            transaction.on_commit(lambda s=subscription_id, ids=ids: search_subscription_post_webhook.delay(s, sorted(set(ids))))
    return matches
