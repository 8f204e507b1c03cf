"""The request form tab: the citizen, the type of request with its own questions,
where it goes and when it is due."""
