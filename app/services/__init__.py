"""Domain rules: knowledge base, search, (later) routing, SLA and validation. No Qt."""
