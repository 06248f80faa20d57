"""The entities stage package."""
