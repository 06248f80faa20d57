"""The quotes stage package."""
