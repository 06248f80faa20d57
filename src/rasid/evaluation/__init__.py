"""`rasid eval`: score the pipeline against gold records as the guide's Scoring section says."""
