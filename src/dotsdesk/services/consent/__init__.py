"""Consent: append-only events and the current consent, the gate every quote passes,
attribution labels, and the tracker's views. May import the corpus and coding domains."""
