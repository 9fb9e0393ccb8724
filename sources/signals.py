"""What ingestion announces to the apps that build on it (sources knows nothing of them)."""

from django.dispatch import Signal

# A person's upload replaced the stored text of an article we already held.
# Arguments: article, user (None from a command), before and after (title, outlet, content hash, length).
article_text_replaced = Signal()
