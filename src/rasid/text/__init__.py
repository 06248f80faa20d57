"""Arabic text layer: normalisation, tokenisation, sentence splitting."""
