"""What ingestion announces to the apps that build on it (sources knows nothing of them)."""

from django.dispatch import Signal

# A person's upload replaced the stored text of an article we already held.
# Arguments: article, user (None from a command), before and after (title, outlet, content hash, length).
article_text_replaced = Signal()

# An editor changed feeds or outlets on the ingestion page, inside the change's transaction.
# Arguments: user, action, obj, before, after (the claims app writes them to its audit trail).
editor_changed_ingestion = Signal()
