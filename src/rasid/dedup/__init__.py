"""Near-duplicate story clustering (MinHash LSH) and cross-article event merging."""
