"""Word documents: a post with real styles, links and optional provenance comments.
Walks the composer's render tree; knows nothing of the database."""
