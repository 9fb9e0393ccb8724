"""A NUL byte in a query string is a 400, not a 500 from PostgreSQL."""

import pytest


@pytest.mark.parametrize(
    "path", ["/actors/suggest/?q=Kre%00mlin", "/search/actors/?actor=Kre%00mlin", "/search/?q=drones&actor%00=x"]
)
def test_a_nul_byte_in_the_query_is_a_400(editor_client, path):
    response = editor_client.get(path)
    assert response.status_code == 400 and "NUL" in response.content.decode()


def test_an_ordinary_query_still_answers(editor_client):
    assert editor_client.get("/actors/suggest/?q=Kremlin").status_code == 200
