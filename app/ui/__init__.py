"""Qt widgets of the console. No SQL here: everything goes through app.services."""
