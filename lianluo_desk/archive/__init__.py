"""The archive of published issues: SQLite store, numbering, publication."""
