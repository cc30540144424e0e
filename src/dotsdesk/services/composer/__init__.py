"""The composer: posts, sections and blocks, the render tree every export walks, quotes and
quote search, live statistics and profile bullets, drafting. May import corpus, coding, consent."""
