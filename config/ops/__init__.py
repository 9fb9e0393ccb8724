"""The operations page: what whoever keeps Claimtrack running needs to see at a glance."""
