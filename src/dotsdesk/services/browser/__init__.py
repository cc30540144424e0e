"""The response browser's queries: which responses match the filters, in what order, and what
the filter choices are. Reads across corpus, coding and consent; never the composer."""
