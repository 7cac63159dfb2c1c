"""Dataset sources. Each source module registers itself in `engine.data.registry`."""
