"""Files for collaborators, by format: `xlsx/`, `docx/`, `markdown`, `html`; `post` picks the
format of a post export. Exporters read through services and never write to the project."""
