from django.urls import path

from claims.views import actor, article, claim, home, review

urlpatterns = [
    path("", home.home, name="home"),
    path("review/", review.review_queue, name="review_queue"),
    path("review/accept-selected/", review.review_bulk_accept, name="review_bulk_accept"),
    path("review/reject-selected/", review.review_bulk_reject, name="review_bulk_reject"),
    path("review/undo-selected/", review.review_bulk_undo, name="review_bulk_undo"),
    path("review/density/", review.review_density, name="review_density"),
    path("claims/<int:claim_id>/", claim.claim_detail, name="claim_detail"),
    path("claims/<int:claim_id>/card/", review.review_card, name="review_card"),
    path("claims/<int:claim_id>/accept/", review.review_accept, name="review_accept"),
    path("claims/<int:claim_id>/reject/", review.review_reject, name="review_reject"),
    path("claims/<int:claim_id>/undo/", review.review_undo, name="review_undo"),
    path("claims/<int:claim_id>/edit/", review.review_edit, name="review_edit"),
    path("claims/<int:claim_id>/verdict/", claim.claim_verdict, name="claim_verdict"),
    path("claims/<int:claim_id>/links/", claim.claim_link_add, name="claim_link_add"),
    path("claims/<int:claim_id>/links/<int:link_id>/remove/", claim.claim_link_delete, name="claim_link_delete"),
    path("claims/<int:claim_id>/links/search/", claim.claim_link_search, name="claim_link_search"),
    path("actors/", actor.actor_list, name="actor_list"),
    path("actors/suggest/", actor.actor_suggest, name="actor_suggest"),
    path("actors/new/", actor.actor_create_view, name="actor_create"),
    path("actors/<int:actor_id>/", actor.actor_detail, name="actor_detail"),
    path("actors/<int:actor_id>/rename/", actor.actor_rename_view, name="actor_rename"),
    path("actors/<int:actor_id>/aliases/", actor.actor_alias_add_view, name="actor_alias_add"),
    path("actors/<int:actor_id>/aliases/<int:alias_id>/remove/", actor.actor_alias_remove_view, name="actor_alias_remove"),
    path("actors/<int:actor_id>/parent/", actor.actor_parent_view, name="actor_parent"),
    path("actors/<int:actor_id>/details/", actor.actor_details_view, name="actor_details"),
    path("actors/<int:actor_id>/merge/", actor.actor_merge_view, name="actor_merge"),
    path("articles/<int:article_id>/", article.article_detail, name="article_detail"),
    path("articles/<int:article_id>/review/", article.article_review_page, name="article_review"),
]
