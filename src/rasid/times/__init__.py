"""The times stage package."""
