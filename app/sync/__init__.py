"""Background sync with the central request store (arrives with the sync issue)."""
