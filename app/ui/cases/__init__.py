"""The case history tab: finding a case, its detail and timeline, notes, corrections,
reopening, refusals."""
