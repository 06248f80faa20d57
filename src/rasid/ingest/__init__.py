"""Ingestion: decoding, page cleaning, HTML extraction, and input sources."""
