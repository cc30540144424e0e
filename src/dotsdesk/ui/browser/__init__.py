"""The response browser panel (issue 4, item 2)."""
