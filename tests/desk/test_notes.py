"""The notes thread: who writes, mentions, escaping, the ten-minute edit window, removal marks."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from claims.desk.models import Note, Notification
from claims.desk.services.notes import mentioned_usernames
from claims.models import AuditEntry
from tests.factories import UserFactory


def _add(client, claim, text, **headers):
    return client.post(reverse("desk:note_add", args=[claim.pk]), {"text": text}, **headers)


def test_an_editor_writes_a_note_that_every_role_reads_escaped(editor_client, claim, viewer):
    response = _add(editor_client, claim, "Check the <script>alert(1)</script> map\nsecond line", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.content.decode()
    assert "<script>alert(1)" not in response.content.decode()
    editor_client.force_login(viewer)
    page = editor_client.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    assert "&lt;script&gt;" in page and "second line" in page
    assert 'action="%s"' % reverse("desk:note_add", args=[claim.pk]) not in page  # viewers get no form
    assert AuditEntry.objects.filter(action="claim_note_add", object_id=claim.pk).exists()


def test_viewers_cannot_write_notes(viewer_client, claim):
    assert _add(viewer_client, claim, "hello").status_code == 403
    assert not Note.objects.exists()


def test_an_empty_note_is_refused_with_a_message(editor_client, claim):
    response = _add(editor_client, claim, "   ")
    assert response.status_code == 400 and "This field is required" in response.content.decode()


def test_a_mention_notifies_that_person_once_and_only_people_who_exist(editor_client, claim, checker, viewer):
    _add(editor_client, claim, "@cara-checker can you look? Also @nobody and @VERA-VIEWER.")
    recipients = set(Notification.objects.filter(kind="mentioned").values_list("recipient__username", flat=True))
    assert recipients == {"cara-checker", "vera-viewer"}
    note = Note.objects.get()
    editor_client.post(reverse("desk:note_edit", args=[note.pk]), {"text": "@cara-checker please, and @fran-factchecker"})
    assert Notification.objects.filter(kind="mentioned", recipient=checker).count() == 1


def test_mentions_are_read_like_usernames():
    assert mentioned_usernames("ping @Fran. and @a.b+c-d, not me@example.org") == {"fran", "a.b+c-d"}


def test_the_author_edits_within_ten_minutes_and_the_edit_is_audited(editor_client, claim, editor):
    _add(editor_client, claim, "first words")
    note = Note.objects.get()
    form = editor_client.get(reverse("desk:note_edit", args=[note.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "Edit your note" in form and "first words" in form
    response = editor_client.post(reverse("desk:note_edit", args=[note.pk]), {"text": "better words"})
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.text == "better words" and note.edited_at is not None
    entry = AuditEntry.objects.get(action="claim_note_edit")
    assert (entry.before, entry.after) == ({"note": "first words"}, {"note": "better words"})


def test_after_ten_minutes_a_note_can_no_longer_be_edited(editor_client, claim):
    _add(editor_client, claim, "first words")
    Note.objects.update(created_at=timezone.now() - timedelta(minutes=11))
    note = Note.objects.get()
    response = editor_client.post(reverse("desk:note_edit", args=[note.pk]), {"text": "rewritten"})
    assert response.status_code == 400 and "10 minutes" in response.content.decode()
    note.refresh_from_db()
    assert note.text == "first words"


def test_only_the_author_edits_or_removes_a_note(editor_client, claim, fact_checker):
    _add(editor_client, claim, "mine")
    note = Note.objects.get()
    fact_checker_client = Client()
    fact_checker_client.force_login(fact_checker)
    assert fact_checker_client.post(reverse("desk:note_edit", args=[note.pk]), {"text": "theirs"}).status_code == 403
    assert fact_checker_client.get(reverse("desk:note_edit", args=[note.pk])).status_code == 403
    assert fact_checker_client.post(reverse("desk:note_remove", args=[note.pk])).status_code == 403
    note.refresh_from_db()
    assert note.text == "mine" and note.removed_at is None


def test_a_removed_note_leaves_a_mark_and_keeps_its_text_in_the_row(editor_client, claim, editor):
    _add(editor_client, claim, "regrettable words")
    note = Note.objects.get()
    response = editor_client.post(reverse("desk:note_remove", args=[note.pk]), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Note removed by eddie-editor" in html
    assert "regrettable words" not in html.split('id="audit-trail"')[0]  # the thread hides it
    note.refresh_from_db()
    assert note.removed_by == editor and note.text == "regrettable words"
    assert AuditEntry.objects.filter(action="claim_note_remove").exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_editing_a_note_that_does_not_exist_is_404(editor_client, method):
    assert getattr(editor_client, method)(reverse("desk:note_edit", args=[999])).status_code == 404


def test_an_inactive_person_is_not_notified_of_a_mention(editor_client, claim):
    UserFactory(username="gone", role="editor", is_active=False)
    _add(editor_client, claim, "@gone look")
    assert not Notification.objects.exists()


def test_the_bell_counts_only_the_persons_unread_notifications(client, editor_client, claim, checker, viewer):
    _add(editor_client, claim, "@cara-checker and @vera-viewer, look")
    client.force_login(checker)
    assert 'aria-label="1 unread">1</span>' in client.get(reverse("desk:nav_counts")).content.decode()
    client.post(reverse("desk:notifications_read"))
    counts = client.get(reverse("desk:nav_counts")).content.decode()
    assert 'id="nav-bell-count" hx-swap-oob="true" aria-label="0 unread" hidden>0</span>' in counts
    assert Notification.objects.get(recipient=viewer).read_at is None  # another person's stays unread
