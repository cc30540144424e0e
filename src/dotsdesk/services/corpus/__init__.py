"""The corpus: respondents (labels, private identity, attributes), responses and translations,
their language, and full-text search. May import model and store only, no other domain."""
