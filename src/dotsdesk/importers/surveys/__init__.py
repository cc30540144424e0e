"""Survey tables (CSV/TSV/XLSX) into a project: file -> table -> column plan -> writer.
May import the other importers' shared readers (text, dates, report) and services."""
