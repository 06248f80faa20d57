"""The events stage package."""
