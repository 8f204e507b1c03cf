"""What the agent sees of the sync with the central store: status, sign-in, conflicts."""
