"""Text utilities for the sequence tasks: tokenisers (no torch, so the playground stays light)."""
