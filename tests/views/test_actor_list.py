import pytest

from tests.factories import ActorFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def test_it_works(viewer_client):
    checked = ActorFactory(name="Aardvark Ministry", is_reviewed=True)
    quiet = ActorFactory(name="Quiet Office", is_reviewed=False)
    busy = ActorFactory(name="Busy Office", is_reviewed=False)
    ClaimFactory.create_batch(3, actor=busy)
    ClaimFactory(actor=checked)
    ActorFactory(name="Merged Away", merged_into=checked)
    body = viewer_client.get("/actors/").content.decode()
    order = [body.index(name) for name in ("Busy Office", "Quiet Office", "Aardvark Ministry")]
    assert order == sorted(order)  # unchecked first, busiest first
    assert "Merged Away" not in body
    assert "2 actors the extractor added are not checked yet" in body
    assert '<td class="num">3</td>' in body
    assert f'href="/actors/{quiet.pk}/"' in body


def test_queries_are_bounded(viewer_client, django_assert_max_num_queries):
    for i in range(30):
        ClaimFactory(actor=ActorFactory(name=f"Actor {i}"))
    with django_assert_max_num_queries(8):
        assert viewer_client.get("/actors/").status_code == 200


def test_the_menu_leads_to_it_from_every_page(viewer_client):
    for page in ("/", "/review/", "/search/"):
        assert '<a href="/actors/">Actors</a>' in viewer_client.get(page).content.decode()
