"""What ingestion tells the rest of the project without knowing it: an editor changed feeds or
outlets. The claims app connects its audit trail here, so sources never imports claims."""

from django.dispatch import Signal

# Sent inside the transaction of the change, with user, action, obj, before, after.
editor_changed_ingestion = Signal()
