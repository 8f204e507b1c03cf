"""The rules both sides decide: pure code, importing nothing of the project but itself."""
