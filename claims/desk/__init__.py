"""The desk: fact-checking as a team. Assignments, notes with @mentions, following, notifications
(in the app, by email, by webhook) and alerts for new claims that match subscribed saved searches.

Part of the claims app (its models live in the claims migrations) because every piece hangs off a
claim and the claim's own services (verdicts, storing extracted claims) call into it."""
