"""The supervisor's view of the service targets and the day's load."""
