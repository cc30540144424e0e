"""Interview transcripts (DOCX/TXT/Markdown) into a project: read the document, then write
it through the services. May import the shared readers (text) and services."""
