from rest_framework import serializers

from claims.claimreview import claim_page_url
from claims.models import Actor, Attribution, Claim, Quantity
from sources.models import Article


class ActorSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Actor
        fields = ["id", "name", "kind"]


class ActorSerializer(serializers.ModelSerializer):
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="alias")

    class Meta:
        model = Actor
        fields = ["id", "name", "kind", "parent", "country", "wikidata_id", "description", "aliases"]


class QuantitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Quantity
        fields = ["value", "value_max", "total", "unit", "noun", "approximate", "qualifier", "text"]


class AttributionSerializer(serializers.ModelSerializer):
    article_url = serializers.CharField(source="passage.article.url")
    outlet = serializers.CharField(source="passage.article.outlet.name")
    actor = serializers.CharField(source="actor.name", default=None)

    class Meta:
        model = Attribution
        fields = ["actor", "cue", "sentence", "source_mention", "asserted_on", "article_url", "outlet"]


class ClaimSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    actor = ActorSummarySerializer(read_only=True)
    quantities = QuantitySerializer(many=True, read_only=True)
    attributions = AttributionSerializer(many=True, read_only=True)
    statement = serializers.CharField(read_only=True, help_text="The claim as people read it: a leading pronoun named")

    class Meta:
        model = Claim
        fields = [
            "id", "url", "text", "statement", "kind", "actor", "asserted_on", "event_date", "review_state", "verdict",
            "unverified_marker", "quantities", "attributions", "created_at", "updated_at",
        ]

    def get_url(self, claim: Claim) -> str:
        return claim_page_url(claim.pk, request=self.context.get("request"))


class ArticleSerializer(serializers.ModelSerializer):
    outlet = serializers.CharField(source="outlet.name")

    class Meta:
        model = Article
        fields = [
            "id", "url", "title", "outlet", "authors", "published_at", "source_updated_at", "language",
            "is_live_blog", "status",
        ]
