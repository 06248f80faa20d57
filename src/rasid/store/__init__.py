"""The corpus store: SQLite schema, ingest, search, export and their CLI commands."""
