"""Writing project data out: Excel now; Word, Markdown and HTML with the composer."""
