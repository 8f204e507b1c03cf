"""Central request store: Open311 GeoReport v2 and the consoles' sync API (FastAPI)."""
