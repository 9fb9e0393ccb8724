"""An article stored through ingestion gets the claims extract_claims prints for the same page, and an
article in a language the extractor does not read says so instead of storing nothing silently."""

import io
import json
from pathlib import Path

from django.core.management import call_command

from claims.extraction import EXTRACTOR_VERSION
from claims.models import Attribution
from claims.services.extraction_store import article_claims_store, articles_claim_stale_extractions
from sources.models import Article
from sources.services import article_ingest_document, document_from_upload
from tests.extraction_store.conftest import passage_with
from tests.factories import ArticleFactory

PAGE = Path(__file__).resolve().parent.parent / "fixtures" / "extraction" / "ambry-shelling.html"


def _command_records() -> list[dict]:
    out = io.StringIO()
    call_command("extract_claims", str(PAGE), "--format", "jsonl", stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_the_stored_claims_are_the_ones_extract_claims_prints(starter_gazetteer):
    article, _, _ = article_ingest_document(document=document_from_upload(body=PAGE.read_bytes(), name=PAGE.name))

    article_claims_store(article=article)

    stored = {(a.sentence, a.actor.name if a.actor else None) for a in Attribution.objects.filter(passage__article=article)}
    printed = {(r["sentence"], r["actor"]) for r in _command_records()}
    body = {(sentence, actor) for sentence, actor in printed if sentence != article.title}
    assert body and body <= stored and stored <= printed


def test_a_pronoun_in_a_later_paragraph_is_stored_with_the_person_of_an_earlier_one(starter_gazetteer):
    article, _, _ = article_ingest_document(document=document_from_upload(body=PAGE.read_bytes(), name=PAGE.name))
    article_claims_store(article=article)
    added = Attribution.objects.get(passage__article=article, source_mention="She")
    assert added.actor.name == "Ana Pires"


def test_an_article_in_another_language_is_skipped_with_its_reason(starter_gazetteer):
    passage = passage_with("Die Regierung sagte, 12 Drohnen seien abgeschossen worden.",
                           article=ArticleFactory(language="de", status=Article.Status.SPLIT))

    result = article_claims_store(article=passage.article)

    article = Article.objects.get(pk=passage.article_id)
    assert result.skipped_language == 1 and result.claims_created == 0
    assert article.status == Article.Status.SKIPPED and article.extractor_version == EXTRACTOR_VERSION
    assert "'de'" in article.last_error and "en" in article.last_error
    assert not Attribution.objects.filter(passage=passage).exists()


def test_a_skipped_article_is_tried_again_by_a_newer_extractor(starter_gazetteer):
    article = ArticleFactory(language="de", status=Article.Status.SKIPPED, extractor_version="2020.1.1")
    assert articles_claim_stale_extractions(limit=10) == [article.pk]
    assert Article.objects.get(pk=article.pk).status == Article.Status.SPLIT


def test_the_ingestion_list_shows_why_an_article_was_not_extracted(starter_gazetteer, client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("ed", password="pw")
    user.groups.add(Group.objects.get(name="editor"))
    client.force_login(user)
    passage = passage_with("Le ministère a dit que 3 drones ont été abattus.", article=ArticleFactory(language="fr", status="split"))
    article_claims_store(article=passage.article)

    page = client.get("/ingestion/").content.decode()

    assert "Not extracted (language)" in page and "language &#x27;fr&#x27;" in page
