"""Which files are transcripts, apart from the readers so that naming them (the import
command, the window's file dialog) does not load every reader."""

SUBTITLE_SUFFIXES = frozenset({".vtt", ".srt"})
TRANSCRIPT_SUFFIXES = frozenset({".docx", ".txt", ".md", ".markdown", ".rtf"}) | SUBTITLE_SUFFIXES
