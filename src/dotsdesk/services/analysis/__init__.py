"""Analysis before writing: code frequencies, crosstabs, co-occurrence, word frequencies and
coder agreement, each a read-only query returning typed rows. May import corpus, coding, consent."""
